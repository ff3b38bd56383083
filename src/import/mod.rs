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

pub(crate) mod body;
mod chrome;
mod closings;
mod date;
pub mod document;
pub mod docx;
pub mod encoding;
mod escape;
mod failure;
mod file;
mod files;
pub mod format;
mod found;
mod from_document;
mod furniture;
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
mod site;
mod structure;
pub(crate) mod text;
mod writer;

use std::collections::HashSet;

use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::paths::display_path;
use crate::term::json::{self, Status};
use crate::term::{out, progress_bar, record, report, say};
use crate::typeset::world::Environment;

pub use job::Options;

/// Runs `missive import`, checking each letter it writes in `env` as `missive check`
/// does: Ok(every text imported and checked clean), Err(usage problem). Importing a
/// folder shows a progress bar when standard error is a terminal.
pub fn run(options: &Options, env: &Environment) -> Result<bool, String> {
    let jobs = files::jobs(options)?;
    let bar = options
        .files
        .iter()
        .any(|text| text.is_dir())
        .then(|| progress_bar(jobs.len(), "{bar:30.cyan/blue} {pos}/{len} {wide_msg}"))
        .flatten();
    let mut targets = HashSet::new();
    let mut all_ok = true;
    for (text, target) in jobs {
        let source = display_path(&text);
        if let Some(bar) = &bar {
            bar.set_message(source.clone());
        }
        let mut log = String::new();
        let outcome = if !targets.insert(target.clone()) {
            Err(vec![
                Diagnostic::error(
                    codes::IMPORT_SAME_TARGET,
                    format!(
                        "{} would be written twice in this run; skipped {source}",
                        display_path(&target),
                    ),
                )
                .hint("import files with the same name into different folders, with -o"),
            ])
        } else {
            file::import_one(env, &text, &target, options, &mut log)
        };
        let show = || {
            out(format_args!("{log}"));
            show_outcome(&source, &outcome);
        };
        match &bar {
            Some(bar) => {
                bar.suspend(show);
                bar.inc(1);
            }
            None => show(),
        }
        all_ok &= matches!(outcome, Ok((true, _)));
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(all_ok)
}

/// Prints what became of one file: its diagnostics, and in JSON its status.
fn show_outcome(source: &str, outcome: &Result<(bool, Diagnostics), Diagnostics>) {
    match outcome {
        Ok((clean, problems)) => {
            report(problems);
            let status = if *clean {
                Status::Imported
            } else {
                Status::Failed
            };
            record(|| json::letter_finished(source, status));
        }
        Err(problems) => {
            report(problems);
            record(|| json::letter_finished(source, Status::Failed));
            say(format_args!("failed: {source} (nothing written)"));
        }
    }
}
