//! Typesetting the letters a run must render: this thread hands them, in path order, to
//! the worker processes of a [`Pool`], records each result in the manifest, shows it and
//! saves the manifest regularly, until every letter is done or Ctrl-C stops it.
//!
//! Ctrl-C stops handing out letters; those in flight get [`GRACE`] to finish (a letter
//! takes milliseconds), and the workers still busy then (a runaway letter) are killed
//! and their letters reported as not done, so a run ends within a second of Ctrl-C.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::archive::{self, Entry};
use super::fingerprint::Hash;
use super::interrupt;
use super::manifest::{Record, Records};
use super::options::Options;
use super::outcome::letter_report;
use super::plan::Plan;
use super::pool::{Event, Launch, Pool};
use super::progress::Progress;
use super::report::{LetterReport, Status};
use super::wire::Request;
use crate::diagnostic::Diagnostic;
use crate::export::Format;
use crate::paths::display_path;
use crate::term::say;

/// How often the manifest is saved while letters are being typeset.
const SAVE_EVERY: Duration = Duration::from_secs(2);

/// After Ctrl-C, how long the letters in flight may take to finish before their workers
/// are killed.
const GRACE: Duration = Duration::from_millis(500);

/// Workers that end without a reply this many times in a row (per job) stop the run:
/// something is wrong with starting them, not with a letter.
const ENDS_IN_A_ROW: usize = 3;

/// The letters of a run and how they are typeset.
pub struct Queue<'a> {
    /// What the run was asked to do.
    pub args: &'a Options,
    /// The hash of the environment (see `fingerprint::environment`), for the workers.
    pub environment: Hash,
    /// The letters of the run, by index.
    pub letters: &'a [Entry],
    /// Letters typeset at once: the number of worker processes.
    pub jobs: usize,
}

impl Queue<'_> {
    /// Typesets the letters `plan` queued; returns the records and every letter's report
    /// (`None` for those Ctrl-C kept from finishing). `save` writes the manifest.
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
            progress: &mut progress,
        };
        if !queue.is_empty() {
            let mut pool = Pool::start(self.launch(), self.jobs.min(queue.len()))?;
            self.run(&mut pool, &queue, &mut coordinator, &mut reports, save)?;
        }
        let records = coordinator.records;
        progress.finish();
        Ok((records, reports))
    }

    /// How to start a worker for this run.
    fn launch(&self) -> Launch {
        let mut launch = self.args.worker.clone();
        launch.args.push("--environment".into());
        launch
            .args
            .push(format!("{:032x}", self.environment).into());
        launch
    }

    fn run(
        &self,
        pool: &mut Pool,
        queue: &[usize],
        coordinator: &mut Coordinator,
        reports: &mut [Option<LetterReport>],
        save: &dyn Fn(&Records) -> Result<(), String>,
    ) -> Result<(), String> {
        let mut next = 0;
        let mut stopping: Option<Instant> = None;
        let mut ends_in_a_row = 0;
        let mut last_save = Instant::now();
        // Hands the next letters to the idle workers.
        let hand_out = |pool: &mut Pool, next: &mut usize, stopping: Option<Instant>| {
            while stopping.is_none()
                && *next < queue.len()
                && let Some(slot) = pool.idle()
            {
                pool.send(slot, queue[*next], &self.request(queue[*next]));
                *next += 1;
            }
        };
        loop {
            hand_out(pool, &mut next, stopping);
            if pool.busy() == 0 && (stopping.is_some() || next == queue.len()) {
                return Ok(());
            }
            if let Some(event) = pool.next(Duration::from_millis(50))? {
                ends_in_a_row = if event.reply.is_err() {
                    ends_in_a_row + 1
                } else {
                    0
                };
                if ends_in_a_row > ENDS_IN_A_ROW * self.jobs {
                    return Err(format!(
                        "the worker processes keep ending ({})",
                        ended(&event)
                    ));
                }
                // The worker that replied gets its next letter before the reply is
                // recorded and shown, so that it does not wait for that.
                hand_out(pool, &mut next, stopping);
                if let Some(busy) = event.busy {
                    let entry = &self.letters[busy.index];
                    let ms = busy.since.elapsed().as_secs_f64() * 1000.0;
                    reports[busy.index] = Some(coordinator.finished(entry, self.args, event, ms));
                }
            }
            if interrupt::requested() && stopping.is_none() {
                stopping = Some(Instant::now());
                coordinator.progress.print(|| {
                    say(format_args!(
                        "stopping: finishing the letters being typeset (Ctrl-C again quits at once)"
                    ))
                });
            }
            if stopping.is_some_and(|since| since.elapsed() >= GRACE) {
                // Their old records stay out of the manifest: the next run renders them.
                pool.kill_busy();
            }
            if last_save.elapsed() >= SAVE_EVERY {
                save(&coordinator.records)?;
                last_save = Instant::now();
            }
        }
    }

    fn request(&self, index: usize) -> Request {
        let entry = &self.letters[index];
        Request {
            source: archive::join(&self.args.archive, &entry.rel),
            target: archive::join(&self.args.out, &entry.output()),
            format: Format::Pdf,
        }
    }
}

/// How a worker ended, for a message.
fn ended(event: &Event) -> &str {
    event.reply.as_ref().err().map_or("", String::as_str)
}

/// Records results and shows them; runs on one thread only.
struct Coordinator<'p> {
    records: Records,
    previous: HashMap<String, Record>,
    progress: &'p mut Progress,
}

impl Coordinator<'_> {
    fn finished(&mut self, entry: &Entry, args: &Options, event: Event, ms: f64) -> LetterReport {
        let (archive_dir, out) = (&args.archive, &args.out);
        let source = display_path(&archive::join(archive_dir, &entry.rel));
        let (outcome, took) = event.outcome(&source);
        let ms = took.unwrap_or(ms);
        match outcome {
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
        }
    }
}
