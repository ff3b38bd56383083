//! `missive batch ARCHIVE --out DIR`: regenerate every letter of an archive in one process.
//!
//! - [`archive`] finds the letters; [`shard`] keeps this process's part of them.
//! - [`manifest`] and [`plan`] skip letters whose inputs ([`fingerprint`]) are unchanged.
//! - The threads of Rayon's pool (N of them, `-j N`) typeset the rest, each taking letters
//!   from a queue in path order, with one shared [`Environment`] (fonts parsed once,
//!   templates and Typst's memoization shared), each letter through [`job::render`], the
//!   same steps as `missive render`, so the bytes are the same.
//! - This thread coordinates: it records results in the manifest, shows [`progress`],
//!   evicts Typst's caches on a fixed policy so memory stays flat, saves the manifest
//!   regularly, and stops handing out letters on Ctrl-C ([`interrupt`]).
//! - [`report`] is the `--report` JSON.
//!
//! The letters run on the pool's own threads (`rayon::broadcast`), not on threads of their
//! own: Typst and its PDF writer hand work to the pool (page streams are compressed by
//! `rayon::spawn`), and from a pool thread that work runs on the same thread or is taken
//! by an idle one, instead of waking a second set of threads and waiting for them
//! (1,000 letters, 2 cores, median of 5 runs: -j2 4.98 -> 4.84 s). The letters are
//! not Rayon tasks, so a thread waiting inside Typst's parallel work never steals a
//! second letter: exactly N letters are in flight, and "stop handing out letters" is a
//! single flag.

pub mod archive;
mod fingerprint;
mod interrupt;
mod job;
pub mod manifest;
mod plan;
mod progress;
pub mod report;
pub mod shard;

use std::collections::{HashMap, HashSet};
use std::num::NonZeroUsize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use archive::Entry;
use manifest::{Record, Records};
use plan::Planner;
use progress::Progress;
use report::{Counts, LetterReport, Orphan, Report, Status};
use shard::Shard;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::export::output;
use crate::paths::display_path;
use crate::pipeline::{STACK_SIZE, Standards};
use crate::term::say;
use crate::typeset::world::Environment;

/// Eviction policy, measured on the benchmark's letters (`bench/gen_letters.py`, see
/// `docs/batch.md`): after every round of N letters typeset or failed (N = jobs), Typst's
/// memoized results that no letter used during the last [`EVICT_MAX_AGE`] round are
/// dropped. A letter's second layout pass follows its first at once, so it still finds
/// the first pass's results; what every letter uses (the evaluated template, font data)
/// stays. On 2 cores, 1,000 letters, -j2, six interleaved runs each (medians): keeping
/// one round 4.00 s and 60 MB, two rounds 4.17 s and 62 MB; evicting every 2 or 3 rounds
/// 3.98 s / 67 MB and 4.20 s / 71 MB; never evicting is ~5 % faster but takes 1.6 GB.
const EVICT_MAX_AGE: usize = 1;

/// How often the manifest is saved while letters are being typeset.
const SAVE_EVERY: Duration = Duration::from_secs(2);

/// What `missive batch` is asked to do.
#[derive(Debug)]
pub struct Options {
    /// Folder of letters: every `*.md` under it.
    pub archive: PathBuf,
    /// Folder the PDFs are written to, with the archive's folders and file names.
    pub out: PathBuf,
    /// Render every letter, even those whose PDF is up to date.
    pub force: bool,
    /// Where to write the JSON report, if anywhere.
    pub report: Option<PathBuf>,
    /// This process's part of the archive.
    pub shard: Option<Shard>,
    /// Remove PDFs whose source letter is gone.
    pub prune: bool,
    /// The PDF standards of every letter.
    pub standards: Standards,
    /// What a second Ctrl-C does: quit at once (the first stops handing out letters).
    pub quit: fn() -> !,
}

/// The outcome of a run.
#[derive(Debug)]
pub struct Summary {
    /// Counts.
    pub counts: Counts,
    /// Whether Ctrl-C stopped it.
    pub interrupted: bool,
}

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
    let archive_dir = &args.archive;
    if !archive_dir.is_dir() {
        return Err(format!(
            "{} is not a folder; `missive batch` takes the folder that holds the letters",
            display_path(archive_dir)
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
    let (archive_root, out_root) = (canonical(archive_dir)?, canonical(&args.out)?);
    let skip = (out_root != archive_root && out_root.starts_with(&archive_root))
        .then_some(out_root.as_path());
    let all = archive::letters(archive_dir, skip).map_err(|err| {
        format!(
            "cannot read the archive {}: {err}",
            display_path(archive_dir)
        )
    })?;
    let in_shard = |stem: &str| args.shard.is_none_or(|shard| shard.contains(stem));
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
    let mut planner = Planner::new(environment);
    let mut reports: Vec<Option<LetterReport>> = vec![None; mine.len()];
    let mut queue = Vec::new();
    let mut previous = HashMap::new();
    for (index, entry) in mine.iter().enumerate() {
        let source = archive::join(archive_dir, &entry.rel);
        let target = archive::join(&args.out, &entry.output());
        let current = records.get(&entry.rel).filter(|record| {
            !args.force
                && std::fs::metadata(&target).is_ok_and(|meta| meta.len() == record.size)
                && planner.current_key(&source, &record.files).as_deref()
                    == Some(record.key.as_str())
        });
        match current {
            Some(record) => {
                reports[index] = Some(letter_report(
                    entry,
                    Status::Skipped,
                    0.0,
                    Some(record.pages),
                ));
            }
            None => {
                queue.push(index);
                if let Some(old) = records.remove(&entry.rel) {
                    previous.insert(entry.rel.clone(), old);
                }
            }
        }
    }
    let skipped = mine.len() - queue.len();

    let known: HashSet<&str> = all.iter().map(|entry| entry.rel.as_str()).collect();
    let orphans = orphans(&mut records, &known, &args.out, args.prune);
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
    let mut progress = Progress::start(queue.len(), skipped);
    let typesetting = Instant::now();
    let mut coordinator = Coordinator {
        records,
        previous,
        completed: 0,
        evict_every: jobs,
        progress: &mut progress,
    };
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, Result<job::Rendered, Diagnostics>, f64)>();
    let mut last_save = Instant::now();
    // Each thread of the pool takes letters from the queue until it is empty.
    let worker = |sender: &mpsc::Sender<_>| {
        while !interrupt::requested() {
            let Some(&index) = queue.get(next.fetch_add(1, Ordering::SeqCst)) else {
                break;
            };
            let entry = &mine[index];
            let source = archive::join(archive_dir, &entry.rel);
            let target = archive::join(&args.out, &entry.output());
            let clock = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                job::render(env, environment, &args.standards, &source, &target)
            }))
            .unwrap_or_else(|panic| Err(vec![panicked(panic.as_ref(), &source)]));
            let ms = clock.elapsed().as_secs_f64() * 1000.0;
            if sender.send((index, outcome, ms)).is_err() {
                break;
            }
        }
    };
    std::thread::scope(|scope| -> Result<(), String> {
        scope.spawn(move || {
            rayon::broadcast(|_| worker(&sender));
            // Dropping the last sender ends the loop below.
            drop(sender);
        });
        let mut announced = false;
        loop {
            match receiver.recv_timeout(Duration::from_millis(200)) {
                Ok((index, outcome, ms)) => {
                    reports[index] = Some(coordinator.finished(
                        &mine[index],
                        archive_dir,
                        &args.out,
                        outcome,
                        ms,
                    ));
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if interrupt::requested() && !announced {
                announced = true;
                coordinator.progress.print(|| {
                    say(format_args!(
                        "stopping: finishing the letters being typeset (Ctrl-C again quits at once)"
                    ))
                });
            }
            if last_save.elapsed() >= SAVE_EVERY {
                save(&coordinator.records)?;
                last_save = Instant::now();
            }
        }
        Ok(())
    })?;
    let typeset_seconds = typesetting.elapsed().as_secs_f64();
    save(&coordinator.records)?;
    progress.finish();

    let letters: Vec<LetterReport> = reports
        .into_iter()
        .zip(&mine)
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
    let interrupted = interrupt::requested();
    let seconds = started.elapsed().as_secs_f64();
    print_summary(&counts, args.shard, seconds, typeset_seconds, interrupted);
    if let Some(path) = &args.report {
        let report = Report {
            missive: env!("CARGO_PKG_VERSION"),
            archive: archive_dir.display().to_string(),
            out: args.out.display().to_string(),
            shard: args.shard.map(|shard| shard.to_string()),
            jobs,
            interrupted,
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
        interrupted,
    })
}

/// Records results, shows them and evicts Typst's caches; runs on one thread only.
struct Coordinator<'p> {
    records: Records,
    previous: HashMap<String, Record>,
    completed: usize,
    evict_every: usize,
    progress: &'p mut Progress,
}

impl Coordinator<'_> {
    fn finished(
        &mut self,
        entry: &Entry,
        archive_dir: &Path,
        out: &Path,
        outcome: Result<job::Rendered, Diagnostics>,
        ms: f64,
    ) -> LetterReport {
        let source = display_path(&archive::join(archive_dir, &entry.rel));
        let report = match outcome {
            Ok(rendered) => {
                let target = display_path(&archive::join(out, &entry.output()));
                self.progress
                    .rendered(&source, &target, rendered.pages, ms, &rendered.warnings);
                if let Some(record) = rendered.record {
                    self.records.insert(entry.rel.clone(), record);
                }
                LetterReport {
                    warnings: rendered
                        .warnings
                        .iter()
                        .map(Diagnostic::to_string)
                        .collect(),
                    ..letter_report(entry, Status::Rendered, ms, Some(rendered.pages))
                }
            }
            Err(problems) => {
                self.progress.failed(&source, &problems);
                // The PDF on disk, if any, is still the one the old record describes.
                if let Some(old) = self.previous.remove(&entry.rel) {
                    self.records.insert(entry.rel.clone(), old);
                }
                let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
                    problems.iter().partition(|d| d.is_error());
                LetterReport {
                    error: Some(
                        errors
                            .iter()
                            .map(|d| d.to_string())
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                    warnings: warnings.iter().map(|d| d.to_string()).collect(),
                    ..letter_report(entry, Status::Failed, ms, None)
                }
            }
        };
        self.completed += 1;
        if self.completed.is_multiple_of(self.evict_every) {
            typst::comemo::evict(EVICT_MAX_AGE);
        }
        report
    }
}

fn letter_report(
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
fn orphans(records: &mut Records, known: &HashSet<&str>, out: &Path, prune: bool) -> Vec<Orphan> {
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

/// A failure for a letter whose typesetting panicked (a bug), so the batch goes on.
fn panicked(payload: &(dyn std::any::Any + Send), source: &Path) -> Diagnostic {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    let hint = if message.contains("out of file ids") {
        "the archive names more distinct files than one process can hold (65,535); split it with --shard"
    } else {
        "this is a bug in missive or Typst; please report it with this letter"
    };
    Diagnostic::error(format!(
        "typesetting {} crashed: {message}",
        display_path(source)
    ))
    .hint(hint)
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
