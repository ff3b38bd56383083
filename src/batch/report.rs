//! `--report FILE.json`: what happened to every letter of a run, for scripts and dashboards.
//!
//! ```json
//! { "missive": "0.1.0", "archive": "letters", "out": "pdf", "shard": "2/8", "jobs": 2,
//!   "interrupted": false, "seconds": 12.5,
//!   "summary": { "letters": 3, "rendered": 1, "skipped": 1, "failed": 1, "cancelled": 0, "orphans": 1, "pruned": 0 },
//!   "letters": [ { "source": "2021/a.md", "output": "2021/a.pdf", "status": "rendered",
//!                  "time_ms": 48.2, "pages": 2, "error": null, "warnings": [] }, … ],
//!   "orphans": [ { "output": "old.pdf", "pruned": false } ] }
//! ```
//!
//! `status` is `rendered`, `skipped` (up to date), `failed` (`error` holds every error, one
//! per line, as `file:line:column: error[M0203]: message (help: …)`) or `cancelled` (Ctrl-C came
//! first). Paths are relative to the archive and to the output folder.

use serde::Serialize;

use super::archive::Entry;
use super::tasks::Task;
use crate::export::Format;

/// What happened to a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Typeset and written.
    Rendered,
    /// Up to date: not compiled.
    Skipped,
    /// Not rendered because of an error in it (its PDF, if any, left as it was).
    Failed,
    /// Not started because the run was stopped.
    Cancelled,
}

/// One job in the report: a letter, or one personal copy of a letter with `recipients`.
#[derive(Debug, Clone, Serialize)]
pub struct LetterReport {
    /// Source path relative to the archive.
    pub source: String,
    /// For a copy, its row of the list (from 1).
    pub row: Option<usize>,
    /// For a copy, its name (the file name without extension, as `render` names it).
    pub name: Option<String>,
    /// Its first output's path relative to the output folder (the PDF by default).
    pub output: String,
    /// Every output file of the run's formats, relative to the output folder.
    pub outputs: Vec<String>,
    /// What happened.
    pub status: Status,
    /// Time spent on it in milliseconds (0 when not compiled).
    pub time_ms: f64,
    /// Pages of its PDF, when known.
    pub pages: Option<usize>,
    /// Its errors, one per line, when it failed.
    pub error: Option<String>,
    /// Its warnings.
    pub warnings: Vec<String>,
}

impl LetterReport {
    /// The report of `task` (of the run's `letters`) written to `formats`.
    pub fn new(
        letters: &[Entry],
        task: &Task,
        formats: &[Format],
        status: Status,
        pages: Option<usize>,
    ) -> Self {
        let outputs: Vec<String> = formats.iter().map(|f| task.output(*f)).collect();
        LetterReport {
            source: letters[task.letter].rel.clone(),
            row: task.row().map(|(row, _)| row),
            name: task.row().map(|(_, name)| name.to_string()),
            output: outputs.first().cloned().unwrap_or_default(),
            outputs,
            status,
            time_ms: 0.0,
            pages,
            error: None,
            warnings: Vec::new(),
        }
    }
}

/// An output whose source is gone (its letter, or its copy's row).
#[derive(Debug, Clone, Serialize)]
pub struct Orphan {
    /// Its path relative to the output folder.
    pub output: String,
    /// Whether `--prune` removed it.
    pub pruned: bool,
}

/// Counts of a run.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    /// Jobs of the run (of its shard): letters, and each personal copy of a letter with
    /// `recipients`.
    pub letters: usize,
    /// Of those, personal copies.
    pub copies: usize,
    /// Rendered.
    pub rendered: usize,
    /// Skipped as up to date.
    pub skipped: usize,
    /// Failed.
    pub failed: usize,
    /// Not started because of Ctrl-C.
    pub cancelled: usize,
    /// PDFs whose source is gone.
    pub orphans: usize,
    /// Of those, removed by `--prune`.
    pub pruned: usize,
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    /// missive's version.
    pub missive: &'static str,
    /// The archive as given.
    pub archive: String,
    /// The output folder as given.
    pub out: String,
    /// The shard, as `I/N`.
    pub shard: Option<String>,
    /// Letters typeset at once.
    pub jobs: usize,
    /// Whether Ctrl-C stopped the run.
    pub interrupted: bool,
    /// Wall time of the run in seconds.
    pub seconds: f64,
    /// Counts.
    pub summary: Counts,
    /// Every letter, by source path.
    pub letters: Vec<LetterReport>,
    /// PDFs whose source is gone.
    pub orphans: Vec<Orphan>,
}
