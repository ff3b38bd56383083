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
mod list;
mod sheet;

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::letter::fields;
pub use list::{List, Row};

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
        let near = fields::nearest("name", &list.columns);
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
