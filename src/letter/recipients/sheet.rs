//! `.xlsx` lists (`calamine`): the first sheet, or the one named after `#` in
//! `recipients = "list.xlsx#Sheet name"`. Numbers are written as the spreadsheet shows
//! whole numbers (`12`, not `12.0`), dates as ISO dates; a cell holding a spreadsheet
//! error (`#DIV/0!`) fails its row's copy, named by its cell reference.

use std::path::Path;

use calamine::{Data, Reader as _, Xlsx};

use super::list::{List, Place, Row, unreadable};
use crate::diagnostic::{Diagnostic, SourceText, codes};

/// The largest workbook read: a list of thousands of recipients is well under a
/// megabyte; anything far larger is not a list (or is a zip bomb's wrapper).
const MAX_BYTES: u64 = 64 << 20;

/// Reads `sheet` (the first without a name) of the workbook at `path`.
pub(super) fn read(
    path: &Path,
    name: &str,
    sheet: Option<&str>,
) -> Result<List, crate::diagnostic::Diagnostics> {
    let size =
        std::fs::metadata(path).map_err(|err| unreadable(name, crate::paths::io_reason(&err)))?;
    if size.len() > MAX_BYTES {
        return Err(unreadable(
            name,
            format!("it is larger than {} MB", MAX_BYTES >> 20),
        ));
    }
    let mut book: Xlsx<_> = calamine::open_workbook(path)
        .map_err(|err| unreadable(name, format!("not a readable .xlsx workbook ({err})")))?;
    let names = book.sheet_names();
    let chosen = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| {
                unreadable(
                    name,
                    format!(
                        "it has no sheet `{wanted}` (its sheets: {})",
                        names.join(", ")
                    ),
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| unreadable(name, "the workbook has no sheet"))?,
    };
    let range = book
        .worksheet_range(&chosen)
        .map_err(|err| unreadable(name, format!("sheet `{chosen}`: {err}")))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let file = SourceText::new(name, "");
    let mut rows_in = range.rows().enumerate();
    let Some((_, header)) = rows_in.next() else {
        return Err(unreadable(
            name,
            format!("sheet `{chosen}` is empty (its first row must name the columns)"),
        ));
    };
    let columns = header
        .iter()
        .map(|c| text(c).unwrap_or_default().trim().to_string())
        .collect();
    let rows = data_rows(
        rows_in,
        (top as usize, left as usize),
        &format!("{name}#{chosen}"),
    );
    Ok(List {
        file,
        sheet: Some(chosen),
        columns,
        rows,
    })
}

/// The data rows (after the first of the sheet's used range, whose top left cell is at
/// `corner`), blank ones skipped; `sheet` names cells in messages (`list.xlsx#Sheet`).
fn data_rows<'a>(
    rows: impl Iterator<Item = (usize, &'a [Data])>,
    (top, left): (usize, usize),
    sheet: &str,
) -> Vec<Row> {
    let mut out = Vec::new();
    for (i, cells) in rows {
        let mut values = Vec::new();
        let mut places = Vec::new();
        let mut problems = Vec::new();
        for (j, cell) in cells.iter().enumerate() {
            let reference = cell_reference(top + i, left + j);
            match text(cell) {
                Ok(value) => values.push(value),
                Err(error) => {
                    problems.push(
                        Diagnostic::error(
                            codes::BAD_CELL,
                            format!("the cell holds the spreadsheet error {error}"),
                        )
                        .in_file(&SourceText::new(format!("{sheet}!{reference}"), ""))
                        .hint("correct the formula, or type the value itself"),
                    );
                    values.push(String::new());
                }
            }
            places.push(Place::Cell(reference));
        }
        if problems.is_empty() && values.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        out.push(Row {
            number: out.len() + 1,
            values,
            places,
            problems,
        });
    }
    out
}

/// The text a cell shows, or the spreadsheet error it holds.
fn text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.replace("\r\n", "\n"),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(at) if at.time() == chrono::NaiveTime::MIN => at.date().to_string(),
            Some(at) => at.format("%Y-%m-%d %H:%M").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(e.to_string()),
    })
}

/// `B7` for the 0-based row 6 and column 1.
fn cell_reference(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        String::from_utf8(letters).expect("ASCII letters"),
        row + 1
    )
}

#[cfg(test)]
mod tests {
    use super::cell_reference;

    #[test]
    fn cell_references_are_spreadsheet_names() {
        assert_eq!(cell_reference(6, 1), "B7");
        assert_eq!(cell_reference(0, 25), "Z1");
        assert_eq!(cell_reference(0, 26), "AA1");
    }
}
