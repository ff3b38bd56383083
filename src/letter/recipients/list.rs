//! A list of recipients as read: its columns and rows, each cell with its place, and
//! what its columns mean.

use std::ops::Range;
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
    pub(super) fn cell_file(&self, cell: &str) -> Arc<SourceText> {
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

/// The list's error that it cannot be read at all.
pub(super) fn unreadable(name: &str, reason: impl std::fmt::Display) -> Diagnostics {
    vec![Diagnostic::error(
        codes::BAD_LIST,
        format!("cannot read the list of recipients {name}: {reason}"),
    )]
}
