//! Rendering one letter of a batch, exactly as `missive render` does (same load, typeset,
//! export and atomic write, so the bytes are the same), and recording what it was made from.

use std::path::Path;

use super::fingerprint::{self, Hash, LetterInputs};
use super::manifest::Record;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::export::output;
use crate::export::{self, Format};
use crate::letter::standards::PdfStandardArg;
use crate::pipeline::{self, Checked};
use crate::typeset::world::Environment;

/// A letter rendered and written.
pub struct Rendered {
    /// Its manifest record; `None` if its source could not be hashed (then it is
    /// rendered again next time).
    pub record: Option<Record>,
    /// Number of pages.
    pub pages: usize,
    /// Warnings from checking and typesetting.
    pub warnings: Diagnostics,
}

/// Renders the letter at `source` to the PDF `target`, creating its folder, to the PDF
/// standards of `standards` (else its house's).
pub fn render(
    env: &Environment,
    environment: Hash,
    standards: &PdfStandardArg,
    source: &Path,
    target: &Path,
) -> Result<Rendered, Diagnostics> {
    // Hashed before loading: if the file changes meanwhile, the record is of the older
    // text and the next run renders the letter again.
    let source_hash = std::fs::read(source)
        .ok()
        .map(|bytes| fingerprint::content(&bytes));
    let Checked { letter, typeset } =
        pipeline::check_letter(env, source, |letter| standards.for_letter(letter).to_vec())?;
    let pdf = export::export(&typeset, &letter, Format::Pdf)?
        .into_iter()
        .next()
        .ok_or_else(|| {
            vec![Diagnostic::error("the PDF export produced no file").in_file(&letter.source.file)]
        })?;
    output::write_output(target, &pdf)?;

    let inputs = source_hash.map(|source| LetterInputs {
        source,
        house: letter
            .house
            .as_ref()
            .map(|house| fingerprint::content(house.file.text.as_bytes())),
        files: typeset
            .files
            .iter()
            .map(|(path, bytes)| (path.clone(), fingerprint::content(bytes)))
            .collect(),
    });
    let pages = typeset.document.pages().len();
    let record = inputs.map(|inputs| Record {
        key: inputs.key(environment),
        files: inputs.files.into_iter().map(|(path, _)| path).collect(),
        pages,
        size: pdf.len() as u64,
        written: Record::now(),
    });
    let mut warnings = letter.warnings;
    warnings.extend(typeset.warnings);
    Ok(Rendered {
        record,
        pages,
        warnings,
    })
}
