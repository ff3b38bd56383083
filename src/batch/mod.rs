//! `missive batch ARCHIVE --out DIR`: regenerate every letter of an archive.
//!
//! - [`archive`] finds the letters; [`shard`] keeps this process's part of them.
//! - [`manifest`] and [`plan`] skip letters whose inputs ([`fingerprint`]) are unchanged.
//! - N warm worker processes (`-j N`, [`pool`], [`worker`]) typeset the rest, one letter
//!   at a time each, every letter through [`job::render`], the same steps as `missive
//!   render`, so the bytes are the same. Each keeps its fonts, templates and Typst's
//!   memoized results from letter to letter, as one process would, and evicts what the
//!   last letter did not use, so its memory stays flat.
//! - This process coordinates ([`queue`]): it hands out the letters in path order
//!   ([`wire`]), records results in the manifest, shows [`progress`], saves the manifest
//!   regularly, and stops on Ctrl-C ([`interrupt`]).
//! - [`outcome`] sums up the run, and [`report`] is the `--report` JSON.
//!
//! Why processes: Typst cannot be cancelled, so a letter that runs away (a raw Typst
//! fence or a template that loops, see [`crate::budget`]) can only be stopped with the
//! process that runs it. A worker stops a letter over its budget by ending; the
//! coordinator reports the letter and starts another worker, and the batch goes on at
//! full speed, its memory bounded by N budgets. The figures are in `docs/batch.md`.

pub mod archive;
mod dealer;
mod fingerprint;
mod index;
mod interrupt;
mod job;
pub mod manifest;
mod options;
mod outcome;
mod plan;
pub mod pool;
mod progress;
mod queue;
pub mod report;
pub mod shard;
mod tasks;
pub mod wire;
pub mod worker;

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Instant;

use archive::Entry;
use manifest::Records;
pub use options::Options;
pub use outcome::Summary;
pub use pool::Launch;

use crate::diagnostic::{Diagnostic, codes};
use crate::export::Format;
use crate::paths::display_path;
use crate::term::{json, record, report, say};
use crate::typeset::world::Environment;

/// The number of letters typeset at once: `-j N`, else the machine's cores.
pub fn jobs(given: Option<NonZeroUsize>) -> usize {
    given
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
}

/// Runs a batch with `jobs` worker processes; `env` is the one they build, for the
/// manifest's keys. `Err` is a usage problem (exit status 2).
pub fn run(args: &Options, env: &Environment, jobs: usize) -> Result<Summary, String> {
    let started = Instant::now();
    let (archive_root, out_root) = open_folders(args)?;
    let in_shard = |stem: &str| args.shard.is_none_or(|shard| shard.contains(stem));
    let mine = letters(args, (&archive_root, &out_root), &in_shard)?;
    let extension = args.formats.first().map_or("pdf", |f| f.extension());
    let tasks = tasks::tasks(&args.archive, &mine, extension);

    let (mut records, warnings) = manifest::load(&out_root);
    let warnings: Vec<Diagnostic> = warnings
        .into_iter()
        .map(|warning| Diagnostic::warning(codes::MANIFEST_UNREADABLE, warning))
        .collect();
    report(&warnings);
    records.retain(|id, _| in_shard(archive::stem(tasks::letter_of(id))));
    let environment = fingerprint::environment(env, &args.standards);
    let plan = plan::plan(args, environment, (&mine, &tasks.tasks), &mut records);
    for (task, _) in tasks
        .tasks
        .iter()
        .zip(&plan.reports)
        .filter(|(_, r)| r.is_some())
    {
        let source = task.shown(&args.archive, &mine);
        record(|| json::letter_finished(&source, json::Status::Skipped));
    }
    let failed = outcome::failed(args, &mine, &tasks.failed);
    let known = tasks::Known::new(&tasks, &mine);
    let orphans = outcome::orphans(&mut records, &known, &args.out, args.prune);
    let save = |records: &Records| {
        manifest::save(&out_root, args.shard, records).map_err(|err| {
            format!(
                "cannot write the manifest in {}: {err}",
                display_path(&args.out)
            )
        })
    };
    save(&records)?;

    interrupt::install(args.quit);
    let typesetting = Instant::now();
    let queue = queue::Queue {
        args,
        environment,
        letters: &mine,
        tasks: &tasks.tasks,
        jobs,
    };
    let (records, reports) = queue.typeset(plan, records, &save)?;
    let typeset_seconds = typesetting.elapsed().as_secs_f64();
    save(&records)?;
    let index_ok = interrupt::requested() || keep_index(args, (&archive_root, &out_root));
    let run = outcome::Run {
        args,
        jobs,
        letters: &mine,
        tasks: &tasks.tasks,
        started,
        typeset_seconds,
        interrupted: interrupt::requested(),
    };
    let summary = run.finish(reports, failed, orphans)?;
    Ok(Summary {
        index_failed: !index_ok,
        ..summary
    })
}

/// With web pages among the formats, writes the archive's `index.html` from every
/// manifest in the output folder (all shards' records); whether it went well.
fn keep_index(args: &Options, (archive_root, out_root): (&Path, &Path)) -> bool {
    if !args.formats.contains(&Format::Html) {
        return true;
    }
    let (records, _) = manifest::load(out_root);
    let shown = display_path(&args.out.join(index::FILE));
    match index::write(archive_root, out_root, &records) {
        Ok(true) => say(format_args!("index: {shown} written")),
        Ok(false) => say(format_args!("index: {shown} up to date")),
        Err(problems) => {
            report(&problems);
            say(format_args!("failed: {shown} (left as it was)"));
            return false;
        }
    }
    true
}

/// The letters of the archive in this run's shard (`in_shard`); the Markdown files that
/// are not letters are listed as skipped.
fn letters(
    args: &Options,
    (archive_root, out_root): (&Path, &Path),
    in_shard: &dyn Fn(&str) -> bool,
) -> Result<Vec<Entry>, String> {
    let skip = (out_root != archive_root && out_root.starts_with(archive_root)).then_some(out_root);
    let found = archive::letters(&args.archive, skip).map_err(|err| {
        format!(
            "cannot read the archive {}: {err}",
            display_path(&args.archive)
        )
    })?;
    for other in (found.not_letters.iter()).filter(|entry| in_shard(entry.stem())) {
        say(format_args!(
            "skipped: {} is not a letter (it does not start with `+++` front matter)",
            other.rel
        ));
    }
    Ok(found
        .letters
        .into_iter()
        .filter(|entry| in_shard(entry.stem()))
        .collect())
}

/// The archive and output folders, canonical; the output folder is created.
fn open_folders(args: &Options) -> Result<(PathBuf, PathBuf), String> {
    if !args.archive.is_dir() {
        return Err(format!(
            "{} is not a folder; `missive batch` takes the folder that holds the letters",
            display_path(&args.archive)
        ));
    }
    std::fs::create_dir_all(&args.out).map_err(|err| {
        format!(
            "cannot create the output folder {}: {err}",
            display_path(&args.out)
        )
    })?;
    let canonical = |path: &Path| {
        path.canonicalize()
            .map_err(|err| format!("cannot open {}: {err}", display_path(path)))
    };
    Ok((canonical(&args.archive)?, canonical(&args.out)?))
}
