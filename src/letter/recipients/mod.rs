//! The list a letter's `recipients` names: one personal copy of the letter per data row.
//! `.csv` and `.tsv` are read by [`delimited`] (the `csv` crate), `.xlsx` by [`sheet`]
//! (`calamine`); both give a [`List`] whose every cell knows its place, so that a
//! problem with a row is reported at the list's `file:line:column` (or, in a workbook,
//! at `list.xlsx#Sheet!B7`).
//!
//! Columns with a meaning (matched without regard to case): `name` (required), `address`
//! (one cell, lines separated by line breaks) or `address_1` … `address_N`, `salutation`
//! (replaces the letter's) and `file` (the copy's output name). Every column is also a
//! field ([`super::fields`]).

mod delimited;
mod sheet;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, codes};

/// Where a cell sits in its list.
#[derive(Debug, Clone)]
pub enum Place {
    /// A byte range of the list's text (`.csv`, `.tsv`).
    Text(Range<usize>),
    /// A cell reference in the workbook's sheet (`B7`).
    Cell(String),
}

/// One data row: one copy.
#[derive(Debug, Clone)]
pub struct Row {
    /// Its number among the data rows, from 1 (what `--only` selects).
    pub number: usize,
    /// Its values, one per column (empty where the row is short).
    pub values: Vec<String>,
    /// Where each value sits.
    pub places: Vec<Place>,
    /// Problems of its cells found while reading (a spreadsheet error in a cell).
    pub problems: Diagnostics,
}

/// A list of recipients, read.
#[derive(Debug)]
pub struct List {
    /// The list file as shown (`letters/members.csv`), with its text for `.csv`/`.tsv`.
    pub file: Arc<SourceText>,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// The column names of the first row, trimmed.
    pub columns: Vec<String>,
    /// The data rows, in order (blank rows skipped).
    pub rows: Vec<Row>,
}

impl List {
    /// The index of the column named `name`, without regard to case.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.eq_ignore_ascii_case(name))
    }

    /// The value of column `name` in `row` (exact name, as fields write it).
    pub fn field<'a>(&self, row: &'a Row, name: &str) -> Option<&'a str> {
        let index = self.columns.iter().position(|c| c == name)?;
        Some(row.values.get(index).map_or("", String::as_str))
    }

    /// The value of the meaningful column `name` in `row`, if present and not blank.
    pub fn meaning<'a>(&self, row: &'a Row, name: &str) -> Option<&'a str> {
        let value = row.values.get(self.column(name)?)?.trim();
        (!value.is_empty()).then_some(value)
    }

    /// The address lines of `row`: the `address` cell's lines, else `address_1` … in order.
    pub fn address(&self, row: &Row) -> Vec<String> {
        if let Some(cell) = self.meaning(row, "address") {
            return cell
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
        }
        let mut numbered: Vec<(usize, &str)> = self
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let n = c
                    .to_ascii_lowercase()
                    .strip_prefix("address_")?
                    .parse()
                    .ok()?;
                let value = row.values.get(i)?.trim();
                (!value.is_empty()).then_some((n, value))
            })
            .collect();
        numbered.sort_by_key(|(n, _)| *n);
        numbered.into_iter().map(|(_, v)| v.to_string()).collect()
    }

    /// A problem at column `column` of `row` (its line:column, or its cell reference).
    pub fn problem_at(&self, row: &Row, column: usize, problem: Diagnostic) -> Diagnostic {
        match row.places.get(column) {
            Some(Place::Text(range)) => problem.at(&self.file, range.clone()),
            Some(Place::Cell(cell)) => problem.in_file(&self.cell_file(cell)),
            None => problem.in_file(&self.file),
        }
    }

    /// A workbook cell named as a file: `list.xlsx#Members!B7`.
    fn cell_file(&self, cell: &str) -> Arc<SourceText> {
        let sheet = self.sheet.as_deref().unwrap_or_default();
        SourceText::new(format!("{}#{sheet}!{cell}", self.file.name), "")
    }

    /// The problems of `row` that stop its copy: a bad cell, a blank `name`.
    pub fn row_problems(&self, row: &Row) -> Diagnostics {
        let mut problems = row.problems.clone();
        let Some(name) = self.column("name") else {
            return problems;
        };
        if self.meaning(row, "name").is_some() {
            return problems;
        }
        problems.push(
            self.problem_at(
                row,
                name,
                Diagnostic::error(
                    codes::ROW_WITHOUT_VALUE,
                    format!("row {} has no `{}`", row.number, self.columns[name]),
                )
                .hint("every copy needs its addressee's name: fill the cell, or delete the row"),
            ),
        );
        problems
    }
}

/// Reads the list at `path`, shown as `name`, from `sheet` of a workbook (`None`: the
/// first). Every problem that stops the whole list, named at its place.
pub fn read(path: &Path, name: &str, sheet: Option<&str>) -> Result<List, Diagnostics> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let list = match extension.as_str() {
        "xlsx" => sheet::read(path, name, sheet)?,
        "tsv" => delimited::read(path, name, Some(b'\t'))?,
        _ => delimited::read(path, name, None)?,
    };
    if list.column("name").is_none() {
        let near = super::fields::nearest("name", &list.columns);
        let mut problem = Diagnostic::error(
            codes::BAD_LIST,
            format!("{name} has no `name` column: its first row names the columns"),
        );
        problem = match (&list.file.text.is_empty(), list.rows.first()) {
            (false, _) => problem.at(
                &list.file,
                0..list.file.text.find('\n').unwrap_or(list.file.text.len()),
            ),
            (true, _) => problem.in_file(&list.cell_file("1:1")),
        };
        if let Some(near) = near {
            problem = problem.hint(format!("rename the column `{near}` to `name`"));
        }
        return Err(vec![
            problem.hint(format!("the columns are: {}", list.columns.join(", "))),
        ]);
    }
    Ok(list)
}

/// The list's error that it cannot be read at all.
fn unreadable(name: &str, reason: impl std::fmt::Display) -> Diagnostics {
    vec![Diagnostic::error(
        codes::BAD_LIST,
        format!("cannot read the list of recipients {name}: {reason}"),
    )]
}
