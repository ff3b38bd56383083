//! The recognition table that tests/import_formats.rs (Word, web) and tests/import_text.rs
//! (plain text) print: per format, the share of the corpus's letter parts recognised as
//! each file's expectation says.

use std::fmt::Write as _;

/// The parts every format's table counts, in column order.
pub const PARTS: [&str; 15] = [
    "date",
    "place",
    "addressees",
    "reference",
    "subject",
    "salutation",
    "paragraphs",
    "headings",
    "lists",
    "notes",
    "closing",
    "signatories",
    "cc",
    "enclosures",
    "P.S.",
];

/// The table's header line for `parts`.
pub fn header(parts: &[&str]) -> String {
    let mut line = String::from("format  docs  ");
    for part in parts {
        let _ = write!(line, "{part:>12}");
    }
    line.push_str("  all\n");
    line
}

/// One format's row: `counts[i]` of `docs` documents had part `i` right. Returns the row
/// and the share of all parts right.
pub fn row(format: &str, docs: usize, counts: &[usize]) -> (String, f64) {
    let mut line = format!("{format:<6}  {docs:>4}  ");
    for count in counts {
        let _ = write!(line, "{:>11.0}%", 100.0 * *count as f64 / docs as f64);
    }
    let all = counts.iter().sum::<usize>() as f64 / (docs * counts.len()) as f64;
    let _ = writeln!(line, "  {:.0}%", 100.0 * all);
    (line, all)
}
