//! What a batch is asked to do.

use std::path::PathBuf;

use super::pool::Launch;
use super::shard::Shard;
use crate::export::Format;
use crate::pipeline::Standards;

/// What `missive batch` is asked to do.
#[derive(Debug)]
pub struct Options {
    /// Folder of letters: every `*.md` under it.
    pub archive: PathBuf,
    /// Folder the outputs are written to, with the archive's folders and file names.
    pub out: PathBuf,
    /// Render every letter, even those whose PDF is up to date.
    pub force: bool,
    /// Where to write the JSON report, if anywhere.
    pub report: Option<PathBuf>,
    /// This process's part of the archive.
    pub shard: Option<Shard>,
    /// Remove outputs whose source letter (or copy's row) is gone.
    pub prune: bool,
    /// The formats every letter is written to (`--format pdf,html`), each once.
    pub formats: Vec<Format>,
    /// The PDF standards of every letter.
    pub standards: Standards,
    /// What a second Ctrl-C does: quit at once (the first stops handing out letters).
    pub quit: fn() -> !,
    /// How to start a worker process (the same standards, fonts and budgets).
    pub worker: Launch,
}
