//! The end of a run: what happened to every letter, the counts, the summary line and the
//! `--report` file; and the PDFs whose source is gone.

use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

use super::archive::{self, Entry};
use super::manifest::Records;
use super::options::Options;
use super::report::{Counts, LetterReport, Orphan, Report, Status};
use super::shard::Shard;
use crate::export::output;
use crate::paths::display_path;
use crate::term::say;

/// The outcome of a run.
#[derive(Debug)]
pub struct Summary {
    /// Counts.
    pub counts: Counts,
    /// Whether Ctrl-C stopped it.
    pub interrupted: bool,
}

/// A run that has typeset its letters.
pub struct Run<'a> {
    /// What it was asked to do.
    pub args: &'a Options,
    /// Letters typeset at once.
    pub jobs: usize,
    /// Its letters.
    pub letters: &'a [Entry],
    /// When it started.
    pub started: Instant,
    /// How long typesetting took, in seconds.
    pub typeset_seconds: f64,
    /// Whether Ctrl-C stopped it.
    pub interrupted: bool,
}

impl Run<'_> {
    /// Counts the letters (those without a report were cancelled), prints the summary
    /// and writes the report.
    pub fn finish(
        &self,
        reports: Vec<Option<LetterReport>>,
        orphans: Vec<Orphan>,
    ) -> Result<Summary, String> {
        let args = self.args;
        let letters: Vec<LetterReport> = reports
            .into_iter()
            .zip(self.letters)
            .map(|(report, entry)| {
                report.unwrap_or_else(|| letter_report(entry, Status::Cancelled, 0.0, None))
            })
            .collect();
        let count = |status| letters.iter().filter(|l| l.status == status).count();
        let counts = Counts {
            letters: letters.len(),
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
        })
    }
}

/// The report of one letter.
pub fn letter_report(
    entry: &Entry,
    status: Status,
    time_ms: f64,
    pages: Option<usize>,
) -> LetterReport {
    LetterReport {
        source: entry.rel.clone(),
        output: entry.output(),
        status,
        time_ms: (time_ms * 10.0).round() / 10.0,
        pages,
        error: None,
        warnings: Vec::new(),
    }
}

/// PDFs the manifest knows whose source is gone: reported, removed with `--prune`.
pub fn orphans(
    records: &mut Records,
    known: &HashSet<&str>,
    out: &Path,
    prune: bool,
) -> Vec<Orphan> {
    let gone: Vec<String> = records
        .keys()
        .filter(|rel| !known.contains(rel.as_str()))
        .cloned()
        .collect();
    let mut orphans = Vec::new();
    for rel in gone {
        let output = format!("{}.pdf", archive::stem(&rel));
        let path = archive::join(out, &output);
        if !path.is_file() {
            records.remove(&rel);
            continue;
        }
        let shown = display_path(&path);
        let pruned = prune
            && match std::fs::remove_file(&path) {
                Ok(()) => true,
                Err(err) => {
                    say(format_args!("warning: cannot remove {shown}: {err}"));
                    false
                }
            };
        if pruned {
            records.remove(&rel);
            say(format_args!("pruned {shown} (its source {rel} is gone)"));
        } else {
            say(format_args!(
                "orphan: {shown} (its source {rel} is gone; --prune removes it)"
            ));
        }
        orphans.push(Orphan { output, pruned });
    }
    orphans
}

fn print_summary(
    counts: &Counts,
    shard: Option<Shard>,
    seconds: f64,
    typeset_seconds: f64,
    interrupted: bool,
) {
    let shard = shard.map_or_else(String::new, |shard| format!(" (shard {shard})"));
    let mut line = format!(
        "batch{shard}: {} letters: {} rendered, {} skipped, {} failed",
        counts.letters, counts.rendered, counts.skipped, counts.failed
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
