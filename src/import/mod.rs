//! `missive import`: archived letters — Word files, saved web pages, plain text (saved
//! from web pages, e-mails, PDFs) — turned into letter sources.
//!
//! A file's format is known by its content ([`format`]). Text is decoded ([`encoding`])
//! and read line by line; Word files ([`docx`]) and web pages ([`html`]) are read into one
//! [`document`] model, whose paragraphs the same recognisers read
//! ([`from_document`]). What cannot be read at all is refused ([`refusal`], [`limits`]).
//!
//! One module per job: [`lines`] normalises the text; [`chrome`] drops the site's own
//! lines around the letter; [`structure`] finds the parts (with [`date`], [`body`],
//! [`signoff`], [`people`] and [`notes`]); [`writer`] writes TOML front matter and Markdown;
//! [`report`](mod@report) says what was recognised, dropped and left unplaced. Every line ends up
//! in the letter, in the report as dropped chrome, or — not placed — both in the report
//! and as a comment at the top of the front matter.

mod body;
mod chrome;
mod closings;
mod date;
pub mod document;
pub mod docx;
pub mod encoding;
mod escape;
mod file;
mod files;
pub mod format;
mod found;
mod from_document;
mod head;
pub mod html;
mod job;
pub mod limits;
mod lines;
mod months;
mod notes;
mod people;
pub mod refusal;
mod report;
mod signoff;
mod structure;
mod text;
mod writer;

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::paths::display_path;
use crate::term::{report, say};
use crate::typeset::world::Environment;

pub use job::Options;

/// Runs `missive import`, checking each letter it writes in `env` as `missive check`
/// does: Ok(every text imported and checked clean), Err(usage problem).
pub fn run(options: &Options, env: &Environment) -> Result<bool, String> {
    let mut targets = HashSet::new();
    let mut all_ok = true;
    for (text, target) in files::jobs(options)? {
        let outcome = if !targets.insert(target.clone()) {
            Err(vec![
                Diagnostic::error(format!(
                    "{} would be written twice in this run; skipped {}",
                    display_path(&target),
                    display_path(&text)
                ))
                .hint("import files with the same name into different folders, with -o"),
            ])
        } else {
            file::import_one(env, &text, &target, options)
        };
        match outcome {
            Ok((clean, problems)) => {
                report(&problems);
                all_ok &= clean;
            }
            Err(problems) => {
                report(&problems);
                say(format_args!(
                    "failed: {} (nothing written)",
                    display_path(&text)
                ));
                all_ok = false;
            }
        }
    }
    Ok(all_ok)
}
