//! PDF export with reproducible metadata: creation date from the letter's date, a fixed
//! creator string, tagged (accessible) by default.

use typst::foundations::Smart;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::pdf_errors;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::typeset::{Prepared, Typeset, letter_datetime};

/// The creator written into every PDF's metadata.
pub fn creator() -> String {
    format!("missive {} (typst 0.15.1)", env!("CARGO_PKG_VERSION"))
}

/// Exports a laid-out letter to PDF bytes made to `standards`.
pub fn export(
    prepared: &Prepared,
    typeset: &Typeset,
    standards: &[PdfStandard],
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
        timestamp: Some(Timestamp::new_utc(letter_datetime(&prepared.letter))),
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&typeset.document, &options).map_err(|errors| {
        errors
            .iter()
            .map(|error| pdf_errors::explain(error, prepared, typeset))
            .collect()
    })
}
