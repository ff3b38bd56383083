//! PDF export with reproducible metadata: creation date from the letter's date, a fixed
//! creator string, tagged (accessible) by default.

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::export::pdf_errors;
use crate::letter::Letter;

/// The creator written into every PDF's metadata.
pub fn creator() -> String {
    format!("missive {} (typst 0.15.1)", env!("CARGO_PKG_VERSION"))
}

/// The letter's date at midnight UTC: the PDF's creation date and Typst's "today".
pub fn letter_datetime(letter: &Letter) -> Datetime {
    let date = &letter.data.date;
    Datetime::from_ymd_hms(date.year, date.month as u8, date.day as u8, 0, 0, 0)
        .expect("a checked calendar date")
}

/// Exports a laid-out letter to PDF bytes. `files` are the files it read (project path,
/// bytes), to say which of the letter's images a standard's error is about.
pub fn export(
    document: &PagedDocument,
    letter: &Letter,
    standards: &[PdfStandard],
    files: &[(String, Vec<u8>)],
) -> Result<Vec<u8>, Diagnostics> {
    let standards = PdfStandards::new(standards).map_err(|err| {
        vec![Diagnostic::error(format!(
            "these PDF standards cannot be combined: {}",
            err.message()
        ))]
    })?;
    let options = PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some(creator())),
        timestamp: Some(Timestamp::new_utc(letter_datetime(letter))),
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        errors
            .iter()
            .map(|error| pdf_errors::explain(error, document, letter, files))
            .collect()
    })
}
