//! The end of a run: what happened to every job, the counts, the summary line and the
//! `--report` file; the jobs that failed before typesetting; and the outputs whose source
//! is gone.

use std::path::Path;
use std::time::Instant;

use super::archive::{self, Entry};
use super::manifest::Records;
use super::options::Options;
use super::queue::errors;
use super::report::{Counts, LetterReport, Orphan, Report, Status};
use super::shard::Shard;
use super::tasks::{self, Failed, Known, Task};
use crate::diagnostic::{Diagnostic, codes};
use crate::export::output;
use crate::paths::display_path;
use crate::term::{json, record, report, say};

/// The outcome of a run.
#[derive(Debug)]
pub struct Summary {
    /// Counts.
    pub counts: Counts,
    /// Whether Ctrl-C stopped it.
    pub interrupted: bool,
    /// Whether the archive's `index.html` was to be written and could not be.
    pub index_failed: bool,
}

/// A run that has typeset its jobs.
pub struct Run<'a> {
    /// What it was asked to do.
    pub args: &'a Options,
    /// Jobs typeset at once.
    pub jobs: usize,
    /// Its letters.
    pub letters: &'a [Entry],
    /// Its jobs (letters, and copies of letters with `recipients`).
    pub tasks: &'a [Task],
    /// When it started.
    pub started: Instant,
    /// How long typesetting took, in seconds.
    pub typeset_seconds: f64,
    /// Whether Ctrl-C stopped it.
    pub interrupted: bool,
}

impl Run<'_> {
    /// Counts the jobs (those without a report were cancelled; `failed` failed before
    /// typesetting), prints the summary and writes the report.
    pub fn finish(
        &self,
        reports: Vec<Option<LetterReport>>,
        failed: Vec<LetterReport>,
        orphans: Vec<Orphan>,
    ) -> Result<Summary, String> {
        let args = self.args;
        let mut letters: Vec<LetterReport> = reports
            .into_iter()
            .zip(self.tasks)
            .map(|(report, task)| {
                report.unwrap_or_else(|| {
                    LetterReport::new(self.letters, task, &args.formats, Status::Cancelled, None)
                })
            })
            .chain(failed)
            .collect();
        letters.sort_by(|a, b| (&a.source, a.row).cmp(&(&b.source, b.row)));
        let count = |status| letters.iter().filter(|l| l.status == status).count();
        let counts = Counts {
            letters: letters.len(),
            copies: letters.iter().filter(|l| l.row.is_some()).count(),
            rendered: count(Status::Rendered),
            skipped: count(Status::Skipped),
            failed: count(Status::Failed),
            cancelled: count(Status::Cancelled),
            orphans: orphans.len(),
            pruned: orphans.iter().filter(|o| o.pruned).count(),
        };
        let seconds = self.started.elapsed().as_secs_f64();
        print_summary(
            &counts,
            args.shard,
            seconds,
            self.typeset_seconds,
            self.interrupted,
        );
        if let Some(path) = &args.report {
            let report = Report {
                missive: env!("CARGO_PKG_VERSION"),
                archive: args.archive.display().to_string(),
                out: args.out.display().to_string(),
                shard: args.shard.map(|shard| shard.to_string()),
                jobs: self.jobs,
                interrupted: self.interrupted,
                seconds,
                summary: counts,
                letters,
                orphans,
            };
            let json = serde_json::to_vec_pretty(&report).map_err(|err| err.to_string())?;
            output::write_atomic(path, &json)
                .map_err(|err| format!("cannot write the report {}: {err}", display_path(path)))?;
        }
        Ok(Summary {
            counts,
            interrupted: self.interrupted,
            index_failed: false,
        })
    }
}

/// Reports the jobs that failed before typesetting (a letter's list, a copy's name) as
/// a failed letter is reported, and returns their reports.
pub fn failed(args: &Options, letters: &[Entry], failed: &[Failed]) -> Vec<LetterReport> {
    let mut reports = Vec::with_capacity(failed.len());
    for job in failed {
        let entry = &letters[job.letter];
        let mut shown = display_path(&archive::join(&args.archive, &entry.rel));
        record(|| json::letter_finished(&shown, json::Status::Failed));
        if let Some(row) = job.row {
            shown.push_str(&format!(" row {row}"));
        }
        report(&job.problems);
        say(format_args!("failed: {shown} (nothing written)"));
        reports.push(LetterReport {
            source: entry.rel.clone(),
            row: job.row,
            name: None,
            // The folder its copies go into; no file of it is written.
            output: format!("{}/", entry.stem()),
            outputs: Vec::new(),
            status: Status::Failed,
            time_ms: 0.0,
            pages: None,
            error: Some(errors(&job.problems)),
            warnings: Vec::new(),
        });
    }
    reports
}

/// Outputs the manifest knows whose source is gone (a letter, a copy's row): reported,
/// removed with `--prune`.
pub fn orphans(records: &mut Records, known: &Known, out: &Path, prune: bool) -> Vec<Orphan> {
    let gone: Vec<String> = (records.keys())
        .filter(|id| !known.contains(id))
        .cloned()
        .collect();
    let mut orphans = Vec::new();
    for id in gone {
        let files: Vec<String> = (records[&id].outputs.values())
            .flat_map(|output| output.files.iter().map(|(file, _)| file.clone()))
            .collect();
        let mut left = false;
        for output in files {
            let path = archive::join(out, &output);
            if !path.is_file() {
                continue;
            }
            let pruned = prune && remove(&path, out);
            let shown = display_path(&path);
            let source = tasks::letter_of(&id);
            if pruned {
                say(format_args!("pruned {shown} (its source {source} is gone)"));
            } else {
                left = true;
                say(format_args!(
                    "orphan: {shown} (its source {source} is gone; --prune removes it)"
                ));
            }
            orphans.push(Orphan { output, pruned });
        }
        if !left {
            records.remove(&id);
        }
    }
    orphans
}

/// Removes an orphan, and its folder under `out` if that is left empty (a letter's
/// copies' folder, once its last copy is gone); or warns why it cannot.
fn remove(path: &Path, out: &Path) -> bool {
    match std::fs::remove_file(path) {
        Ok(()) => {
            if let Some(folder) = path.parent().filter(|folder| *folder != out) {
                // Fails, as it should, while the folder holds anything else.
                let _ = std::fs::remove_dir(folder);
            }
            true
        }
        Err(err) => {
            report(&[Diagnostic::warning(
                codes::CANNOT_PRUNE,
                format!("cannot remove {}: {err}", display_path(path)),
            )]);
            false
        }
    }
}

fn print_summary(
    counts: &Counts,
    shard: Option<Shard>,
    seconds: f64,
    typeset_seconds: f64,
    interrupted: bool,
) {
    let shard = shard.map_or_else(String::new, |shard| format!(" (shard {shard})"));
    let jobs = match counts.copies {
        0 => format!("{} letters", counts.letters),
        copies => format!(
            "{} letters and personal copies ({copies} copies)",
            counts.letters
        ),
    };
    let mut line = format!(
        "batch{shard}: {jobs}: {} rendered, {} skipped, {} failed",
        counts.rendered, counts.skipped, counts.failed
    );
    if counts.cancelled > 0 {
        line.push_str(&format!(", {} not started", counts.cancelled));
    }
    line.push_str(&format!(" in {seconds:.2} s"));
    if counts.rendered > 0 && typeset_seconds > 0.0 {
        let rate = (counts.rendered + counts.failed) as f64 / typeset_seconds;
        line.push_str(&format!(" ({rate:.1} letters/s)"));
    }
    say(format_args!("{line}"));
    if interrupted {
        say(format_args!(
            "interrupted: run the same command again to render the remaining letters"
        ));
    }
}
