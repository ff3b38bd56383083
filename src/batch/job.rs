//! Rendering one letter of a batch through the same [`pipeline::render`] as `missive
//! render` (so the bytes are the same), and recording what it was made from.

use std::path::{Path, PathBuf};

use super::fingerprint::{self, Hash, LetterInputs};
use super::manifest::Record;
use crate::diagnostic::Diagnostics;
use crate::export::Format;
use crate::pipeline::{self, Job, Standards};
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
    /// The files written.
    pub written: Vec<PathBuf>,
    /// The files the output depends on (see `pipeline::Rendered`).
    pub dependencies: Vec<PathBuf>,
}

/// Renders the letter at `source` to `target` in `format` (PDF to the standards
/// `standards` chooses), creating its folder.
pub fn render(
    env: &Environment,
    environment: Hash,
    standards: &Standards,
    (source, target, format): (&Path, &Path, Format),
) -> Result<Rendered, Diagnostics> {
    // Hashed before loading: if the file changes meanwhile, the record is of the older
    // text and the next run renders the letter again.
    let source_hash = std::fs::read(source)
        .ok()
        .map(|bytes| fingerprint::content(&bytes));
    let job = Job {
        output: target,
        format,
        standards,
        emit_typst: None,
        draft: false,
        copy: None,
    };
    let rendered = pipeline::render(env, source, &job)?;
    let inputs = source_hash.map(|source| LetterInputs {
        source,
        house: rendered
            .house
            .as_ref()
            .map(|house| fingerprint::house(&house.text, standards)),
        files: rendered
            .files
            .iter()
            .map(|(path, bytes)| (path.clone(), fingerprint::content(bytes)))
            .collect(),
    });
    let size = rendered.written.iter().map(|(_, size)| size).sum();
    let record = inputs.map(|inputs| Record {
        key: inputs.key(environment),
        files: inputs.files.into_iter().map(|(path, _)| path).collect(),
        pages: rendered.pages,
        size,
        written: Record::now(),
    });
    Ok(Rendered {
        record,
        pages: rendered.pages,
        warnings: rendered.warnings,
        written: rendered.written.into_iter().map(|(path, _)| path).collect(),
        dependencies: rendered.dependencies,
    })
}
