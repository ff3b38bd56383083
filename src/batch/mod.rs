//! `missive batch ARCHIVE --out DIR`: regenerate every letter of an archive in one process.
//!
//! - [`archive`] finds the letters; [`shard`] keeps this process's part of them.
//! - [`manifest`] and [`plan`] skip letters whose inputs ([`fingerprint`]) are unchanged.
//! - The threads of Rayon's pool (N of them, `-j N`) typeset the rest, each taking letters
//!   from a queue in path order, with one shared [`Environment`] (fonts parsed once,
//!   templates and Typst's memoization shared), each letter through [`job::render`], the
//!   same steps as `missive render`, so the bytes are the same.
//! - This thread coordinates ([`queue`]): it records results in the manifest, shows
//!   [`progress`], evicts Typst's caches on a fixed policy so memory stays flat, saves
//!   the manifest regularly, and stops handing out letters on Ctrl-C ([`interrupt`]).
//! - [`outcome`] sums up the run, and [`report`] is the `--report` JSON.
//!
//! The letters run on the pool's own threads (`rayon::broadcast`), not on threads of their
//! own: Typst and its PDF writer hand work to the pool (page streams are compressed by
//! `rayon::spawn`), and from a pool thread that work runs on the same thread or is taken
//! by an idle one, instead of waking a second set of threads and waiting for them (the
//! figures are in `docs/batch.md`). The letters are
//! not Rayon tasks, so a thread waiting inside Typst's parallel work never steals a
//! second letter: exactly N letters are in flight, and "stop handing out letters" is a
//! single flag.

pub mod archive;
mod fingerprint;
mod interrupt;
mod job;
pub mod manifest;
mod options;
mod outcome;
mod plan;
mod progress;
mod queue;
pub mod report;
pub mod shard;

use std::collections::HashSet;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Instant;

use archive::Entry;
use manifest::Records;
pub use options::Options;
pub use outcome::Summary;

use crate::paths::display_path;
use crate::pipeline::STACK_SIZE;
use crate::term::say;
use crate::typeset::world::Environment;

/// Sizes Rayon's pool, which typesets the letters and runs Typst's own parallel work, to
/// the number of jobs and returns that number. Call it before anything else starts threads.
pub fn start_threads(jobs: Option<NonZeroUsize>) -> usize {
    let jobs = jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    // Fails only if the pool already exists (a second run in one process): keep it.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .stack_size(STACK_SIZE)
        .build_global();
    jobs
}

/// Runs a batch with `jobs` worker threads. `Err` is a usage problem (exit status 2).
pub fn run(args: &Options, env: &Environment, jobs: usize) -> Result<Summary, String> {
    let started = Instant::now();
    let (archive_root, out_root) = open_folders(args)?;
    let skip = (out_root != archive_root && out_root.starts_with(&archive_root))
        .then_some(out_root.as_path());
    let found = archive::letters(&args.archive, skip).map_err(|err| {
        format!(
            "cannot read the archive {}: {err}",
            display_path(&args.archive)
        )
    })?;
    let in_shard = |stem: &str| args.shard.is_none_or(|shard| shard.contains(stem));
    for other in found
        .not_letters
        .iter()
        .filter(|entry| in_shard(entry.stem()))
    {
        say(format_args!(
            "skipped: {} is not a letter (it does not start with `+++` front matter)",
            other.rel
        ));
    }
    let all = found.letters;
    let mine: Vec<Entry> = all
        .iter()
        .filter(|entry| in_shard(entry.stem()))
        .cloned()
        .collect();

    let (mut records, warnings) = manifest::load(&out_root);
    for warning in warnings {
        say(format_args!("warning: {warning}"));
    }
    records.retain(|rel, _| in_shard(archive::stem(rel)));
    let environment = fingerprint::environment(env, &args.standards);
    let plan = plan::plan(args, environment, &mine, &mut records);
    let known: HashSet<&str> = all.iter().map(|entry| entry.rel.as_str()).collect();
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
        env,
        environment,
        letters: &mine,
        jobs,
    };
    let (records, reports) = queue.typeset(plan, records, &save)?;
    let typeset_seconds = typesetting.elapsed().as_secs_f64();
    save(&records)?;
    let run = outcome::Run {
        args,
        jobs,
        letters: &mine,
        started,
        typeset_seconds,
        interrupted: interrupt::requested(),
    };
    run.finish(reports, orphans)
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
