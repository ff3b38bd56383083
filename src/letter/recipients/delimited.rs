//! `.csv` and `.tsv` lists, as spreadsheet programs write them: UTF-8 with or without a
//! BOM (Excel's "CSV UTF-8"), UTF-16 with a BOM (Excel's "Unicode text"), `,` or `;`
//! (Excel in locales with a decimal comma) or tab between cells, Excel's `sep=;` first
//! line, quoted cells with line breaks, CRLF or LF. The `csv` crate reads the records;
//! each cell's byte range is found again in the text so problems point at it.

use std::ops::Range;
use std::path::Path;

use super::list::{List, Place, Row, unreadable};
use crate::diagnostic::{Diagnostics, SourceText};
use crate::letter::source;
use crate::paths::io_reason;

/// Reads a delimited list; `delimiter` given for `.tsv`, else detected.
pub(super) fn read(path: &Path, name: &str, delimiter: Option<u8>) -> Result<List, Diagnostics> {
    let bytes = std::fs::read(path).map_err(|err| unreadable(name, io_reason(&err)))?;
    let text = match utf16(&bytes) {
        Some(text) => text,
        None => source::decode(name, bytes)?,
    };
    let (skip, declared) = sep_line(&text);
    let delimiter = declared
        .or(delimiter)
        .unwrap_or_else(|| detect(&text[skip..]));
    let file = SourceText::new(name, text);
    let body = &file.text[skip..];
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut columns = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => return Err(unreadable(name, err)),
        }
        let start = skip + record.position().map_or(0, |p| p.byte() as usize);
        let values: Vec<String> = record.iter().map(|v| v.replace("\r\n", "\n")).collect();
        if columns.is_none() {
            columns = Some(values.iter().map(|c| c.trim().to_string()).collect());
            continue;
        }
        if values.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let places = cell_ranges(&file.text, start, delimiter)
            .into_iter()
            .map(Place::Text)
            .collect();
        rows.push(Row {
            number: rows.len() + 1,
            values,
            places,
            problems: Vec::new(),
        });
    }
    let Some(columns) = columns else {
        return Err(unreadable(
            name,
            "the file is empty (its first row must name the columns)",
        ));
    };
    Ok(List {
        file,
        sheet: None,
        columns,
        rows,
    })
}

/// The text of a file with a UTF-16 byte-order mark.
fn utf16(bytes: &[u8]) -> Option<String> {
    let (encoding, _) = encoding_rs::Encoding::for_bom(bytes)?;
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    Some(encoding.decode_with_bom_removal(bytes).0.into_owned())
}

/// Excel's `sep=;` first line: the length to skip and the delimiter it declares.
fn sep_line(text: &str) -> (usize, Option<u8>) {
    let line_end = text.find('\n').unwrap_or(text.len());
    let line = text[..line_end].trim_end_matches('\r');
    match line.strip_prefix("sep=").map(str::as_bytes) {
        Some([delimiter]) => ((line_end + 1).min(text.len()), Some(*delimiter)),
        _ => (0, None),
    }
}

/// The delimiter of the first row: whichever of `,`, `;` and tab it has most of outside
/// quotes (`,` when none).
fn detect(text: &str) -> u8 {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == byte) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// The byte range of each cell of the record starting at `start` (or at the line break
/// before it, where the `csv` crate places a record after the first).
fn cell_ranges(text: &str, start: usize, delimiter: u8) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let start = start
        + bytes[start.min(bytes.len())..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
    let mut ranges = Vec::new();
    let mut cell = start;
    let mut quoted = false;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => quoted = !quoted,
            b if b == delimiter && !quoted => {
                ranges.push(cell..i);
                cell = i + 1;
            }
            b'\r' | b'\n' if !quoted => break,
            _ => {}
        }
        i += 1;
    }
    ranges.push(cell..i);
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_commonest_outside_quotes() {
        assert_eq!(detect("name;address;\"a,b,c\"\n1,2,3,4"), b';');
        assert_eq!(detect("name,city\n"), b',');
        assert_eq!(detect("name\tcity"), b'\t');
        assert_eq!(detect("name"), b',');
    }

    #[test]
    fn sep_lines_declare_the_delimiter() {
        assert_eq!(sep_line("sep=;\r\nname;x"), (7, Some(b';')));
        assert_eq!(sep_line("name;x"), (0, None));
    }

    #[test]
    fn cells_keep_their_ranges_across_quoted_line_breaks() {
        let text = "a;\"b\nc\";d\r\nnext";
        assert_eq!(cell_ranges(text, 0, b';'), vec![0..1, 2..7, 8..9]);
        assert_eq!(cell_ranges(text, 9, b';'), vec![11..15]);
    }
}
