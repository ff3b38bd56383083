//! Rendering one job of a batch (a letter, or one personal copy) through the same
//! [`pipeline::render`] as `missive render` (so the bytes are the same), to every format
//! asked for in one pass, and recording what it was made from.

use std::path::{Path, PathBuf};

use super::fingerprint::{self, Hash, LetterInputs};
use super::manifest::{OutputRecord, Record};
use super::wire::Request;
use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::letter::copies::{LetterCopy, Recipients};
use crate::paths::display_path;
use crate::pipeline::{self, Job, Standards, Written};
use crate::typeset::world::Environment;

/// A job rendered and written.
pub struct Rendered {
    /// Its manifest record, its outputs' files as written (not yet relative to the
    /// output folder); `None` if an input could not be hashed (then it is rendered again
    /// next time).
    pub record: Option<Record>,
    /// Number of pages.
    pub pages: usize,
    /// Warnings from checking and typesetting.
    pub warnings: Diagnostics,
    /// The files written, per format.
    pub outputs: Vec<Written>,
    /// The files the outputs depend on (see `pipeline::Rendered`).
    pub dependencies: Vec<PathBuf>,
}

impl Rendered {
    /// Every file written.
    pub fn written(&self) -> impl Iterator<Item = &PathBuf> {
        (self.outputs.iter()).flat_map(|output| output.files.iter().map(|(path, _)| path))
    }
}

/// The list of the letter whose copies a worker rendered last, kept while the letter and
/// the list are unchanged: a worker gets a letter's copies in runs, and reading a list of
/// a thousand rows again for each copy would cost more than the copy's own fields.
#[derive(Default)]
pub struct Lists {
    last: Option<(PathBuf, Hash, Vec<u8>, Recipients)>,
}

impl Lists {
    /// The copy of row index `index` of the list of the letter at `source` (whose bytes
    /// hash to `letter`), and the list file's bytes (`None` if unreadable).
    fn copy(
        &mut self,
        source: &Path,
        letter: Option<Hash>,
        index: usize,
    ) -> Result<(LetterCopy, Option<Vec<u8>>), Diagnostics> {
        let fresh = self
            .last
            .as_ref()
            .is_some_and(|(path, hash, list, recipients)| {
                path == source
                    && Some(*hash) == letter
                    && std::fs::read(&recipients.path).is_ok_and(|bytes| bytes == *list)
            });
        if !fresh {
            self.last = None;
            // The list's bytes are read before it is parsed: if it changes meanwhile,
            // the key is of the older bytes and the next run renders the copy again.
            let recipients = pipeline::recipients(source)?;
            let bytes = recipients
                .as_ref()
                .and_then(|r| std::fs::read(&r.path).ok());
            if let (Some(recipients), Some(hash), Some(bytes)) = (&recipients, letter, &bytes) {
                self.last = Some((
                    source.to_path_buf(),
                    hash,
                    bytes.clone(),
                    recipients.clone(),
                ));
            }
            let copy = recipients.and_then(|r| r.copies().nth(index));
            return Ok((copy.ok_or_else(|| row_gone(source, index))?, bytes));
        }
        let (_, _, bytes, recipients) = self.last.as_ref().expect("fresh");
        let copy = (recipients.copies().nth(index)).ok_or_else(|| row_gone(source, index))?;
        Ok((copy, Some(bytes.clone())))
    }
}

/// Renders what `request` asks (PDF to the standards `standards` chooses), creating the
/// folders; `lists` keeps the last letter's list of recipients.
pub fn render(
    env: &Environment,
    (environment, standards): (Hash, &Standards),
    request: &Request,
    lists: &mut Lists,
) -> Result<Rendered, Diagnostics> {
    let source = &request.source;
    // Hashed before loading: if a file changes meanwhile, the record is of the older
    // text and the next run renders the job again.
    let source_hash = std::fs::read(source)
        .ok()
        .map(|bytes| fingerprint::content(&bytes));
    let (copy, list) = match request.copy {
        Some(index) => {
            let (copy, list) = lists.copy(source, source_hash, index)?;
            (Some(copy), list)
        }
        None => (None, None),
    };
    let job = Job {
        targets: &request.targets,
        standards,
        emit_typst: None,
        draft: request.draft,
        copy: copy.as_ref(),
    };
    let rendered = pipeline::render(env, source, &job)?;
    let house = rendered.house.as_ref().map(|house| house.text.as_str());
    let copy_hash = match (&copy, fingerprint::embeds_sources_with(house, standards)) {
        (Some(copy), true) => list.map(|list| Some(fingerprint::copy(copy, Some(&list)))),
        (Some(copy), false) => Some(Some(fingerprint::copy(copy, None))),
        (None, _) => Some(None),
    };
    let inputs = source_hash
        .zip(copy_hash)
        .map(|(source, copy)| LetterInputs {
            source,
            house: house.map(|text| fingerprint::house(text, standards)),
            files: rendered
                .files
                .iter()
                .map(|(path, bytes)| (path.clone(), fingerprint::content(bytes)))
                .collect(),
            copy,
        });
    let record = inputs.and_then(|inputs| {
        let key = inputs.key(environment);
        let outputs = (rendered.outputs.iter())
            .map(|output| {
                Some((
                    output.format.extension().to_string(),
                    output_record(&key, output, &rendered.root)?,
                ))
            })
            .collect::<Option<_>>()?;
        Some(Record {
            key,
            files: inputs.files.into_iter().map(|(path, _)| path).collect(),
            pages: rendered.pages,
            written: Record::now(),
            outputs,
            summary: rendered.summary.clone(),
        })
    });
    Ok(Rendered {
        record,
        pages: rendered.pages,
        warnings: rendered.warnings,
        outputs: rendered.outputs,
        dependencies: rendered.dependencies,
    })
}

/// The record of one output of a job whose inputs have key `key`; `None` if the page
/// template it read (under `root`) cannot be hashed.
fn output_record(key: &str, output: &Written, root: &Path) -> Option<OutputRecord> {
    let template = match &output.template {
        Some(path) => {
            let bytes = std::fs::read(root.join(path.trim_start_matches('/'))).ok()?;
            Some(fingerprint::content(&bytes))
        }
        None => None,
    };
    Some(OutputRecord {
        format: output.format,
        key: fingerprint::output(key, output.format, template),
        files: (output.files.iter())
            .map(|(path, size)| (path.to_string_lossy().into_owned(), *size))
            .collect(),
        template: output.template.clone(),
    })
}

/// The error of a copy whose row is no longer in its letter's list.
fn row_gone(source: &Path, index: usize) -> Diagnostics {
    vec![
        Diagnostic::error(
            codes::BAD_LIST,
            format!(
                "{} changed while the batch ran: its row {} is gone",
                display_path(source),
                index + 1
            ),
        )
        .hint("run the batch again"),
    ]
}
