//! Typesetting the letters a run must render: the threads of Rayon's pool take them from
//! a queue in path order, and this thread records each result in the manifest, shows it,
//! evicts Typst's caches and saves the manifest regularly, until the queue is empty or
//! Ctrl-C stops handing out letters.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::archive::{self, Entry};
use super::fingerprint::Hash;
use super::manifest::{Record, Records};
use super::options::Options;
use super::outcome::letter_report;
use super::plan::Plan;
use super::progress::Progress;
use super::report::{LetterReport, Status};
use super::{interrupt, job};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::paths::display_path;
use crate::term::say;
use crate::typeset::world::Environment;

/// Eviction policy: after every round of N letters typeset or failed (N = jobs), Typst's
/// memoized results that no letter used during the last [`EVICT_MAX_AGE`] round are
/// dropped. A letter's second layout pass follows its first at once, so it still finds
/// the first pass's results; what every letter uses (the evaluated template, font data)
/// stays. Keeping one round was the fastest at flat memory on the benchmark's letters;
/// the measurements of the other policies are in `docs/batch.md`.
const EVICT_MAX_AGE: usize = 1;

/// How often the manifest is saved while letters are being typeset.
const SAVE_EVERY: Duration = Duration::from_secs(2);

/// The letters of a run and what they are typeset with.
pub struct Queue<'a> {
    /// What the run was asked to do.
    pub args: &'a Options,
    /// The fonts, templates and caches every letter shares.
    pub env: &'a Environment,
    /// The hash of `env` (see `fingerprint::environment`).
    pub environment: Hash,
    /// The letters of the run, by index.
    pub letters: &'a [Entry],
    /// Letters typeset at once: Typst's caches are evicted after each round of them.
    pub jobs: usize,
}

/// What a thread sends back for a letter: its index, outcome and time in milliseconds.
type Outcome = (usize, Result<job::Rendered, Diagnostics>, f64);

impl Queue<'_> {
    /// Typesets the letters `plan` queued; returns the records and every letter's report
    /// (`None` for those Ctrl-C kept from starting). `save` writes the manifest.
    pub fn typeset(
        &self,
        plan: Plan,
        records: Records,
        save: &dyn Fn(&Records) -> Result<(), String>,
    ) -> Result<(Records, Vec<Option<LetterReport>>), String> {
        let Plan {
            mut reports,
            queue,
            previous,
        } = plan;
        let skipped = self.letters.len() - queue.len();
        let mut progress = Progress::start(queue.len(), skipped);
        let mut coordinator = Coordinator {
            records,
            previous,
            completed: 0,
            evict_every: self.jobs,
            progress: &mut progress,
        };
        let next = AtomicUsize::new(0);
        let (sender, receiver) = mpsc::channel::<Outcome>();
        let mut last_save = Instant::now();
        std::thread::scope(|scope| -> Result<(), String> {
            scope.spawn(move || {
                rayon::broadcast(|_| self.work(&queue, &next, &sender));
                // Dropping the last sender ends the loop below.
                drop(sender);
            });
            let mut announced = false;
            loop {
                match receiver.recv_timeout(Duration::from_millis(200)) {
                    Ok((index, outcome, ms)) => {
                        let entry = &self.letters[index];
                        reports[index] = Some(coordinator.finished(entry, self.args, outcome, ms));
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
        let records = coordinator.records;
        progress.finish();
        Ok((records, reports))
    }

    /// One thread of the pool: takes letters from the queue until it is empty.
    fn work(&self, queue: &[usize], next: &AtomicUsize, sender: &mpsc::Sender<Outcome>) {
        let args = self.args;
        while !interrupt::requested() {
            let Some(&index) = queue.get(next.fetch_add(1, Ordering::SeqCst)) else {
                break;
            };
            let entry = &self.letters[index];
            let source = archive::join(&args.archive, &entry.rel);
            let target = archive::join(&args.out, &entry.output());
            let clock = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                job::render(
                    self.env,
                    self.environment,
                    &args.standards,
                    &source,
                    &target,
                )
            }))
            .unwrap_or_else(|panic| Err(vec![panicked(panic.as_ref(), &source)]));
            let ms = clock.elapsed().as_secs_f64() * 1000.0;
            if sender.send((index, outcome, ms)).is_err() {
                break;
            }
        }
    }
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
        args: &Options,
        outcome: Result<job::Rendered, Diagnostics>,
        ms: f64,
    ) -> LetterReport {
        let (archive_dir, out) = (&args.archive, &args.out);
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
