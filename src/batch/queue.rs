//! Typesetting the letters a run must render: this thread hands them, in path order, to
//! the worker processes of a [`Pool`], records each result in the manifest, shows it and
//! saves the manifest regularly, until every letter is done or Ctrl-C stops it.
//!
//! Ctrl-C stops handing out letters; those in flight get [`GRACE`] to finish (a letter
//! takes milliseconds), and the workers still busy then (a runaway letter) are killed
//! and their letters reported as not done, so a run ends within a second of Ctrl-C.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use super::archive::{self, Entry};
use super::dealer::Dealer;
use super::fingerprint::Hash;
use super::interrupt;
use super::manifest::{Record, Records};
use super::options::Options;
use super::plan::Plan;
use super::pool::{Event, Launch, Pool};
use super::progress::Progress;
use super::report::{LetterReport, Status};
use super::tasks::Task;
use super::wire::Request;
use crate::diagnostic::Diagnostic;
use crate::export::Format;
use crate::letter::copies::LetterCopy;
use crate::paths::display_path;
use crate::pipeline::Target;
use crate::term::say;

/// How often the manifest is saved while letters are being typeset.
const SAVE_EVERY: Duration = Duration::from_secs(2);

/// After Ctrl-C, how long the letters in flight may take to finish before their workers
/// are killed.
const GRACE: Duration = Duration::from_millis(500);

/// Workers that end without a reply this many times in a row (per job) stop the run:
/// something is wrong with starting them, not with a letter.
const ENDS_IN_A_ROW: usize = 3;

/// The jobs of a run and how they are typeset.
pub struct Queue<'a> {
    /// What the run was asked to do.
    pub args: &'a Options,
    /// The hash of the environment (see `fingerprint::environment`), for the workers.
    pub environment: Hash,
    /// The letters of the run, by index.
    pub letters: &'a [Entry],
    /// The jobs of the run, by index.
    pub tasks: &'a [Task],
    /// Jobs typeset at once: the number of worker processes.
    pub jobs: usize,
}

impl Queue<'_> {
    /// Typesets the jobs `plan` queued; returns the records and every job's report
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
        let skipped = self.tasks.len() - queue.len();
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
        queue: &[(usize, Vec<Format>)],
        coordinator: &mut Coordinator,
        reports: &mut [Option<LetterReport>],
        save: &dyn Fn(&Records) -> Result<(), String>,
    ) -> Result<(), String> {
        let mut dealer = Dealer::new(queue, self.tasks, self.jobs);
        let mut stopping: Option<Instant> = None;
        let mut ends_in_a_row = 0;
        let mut last_save = Instant::now();
        // Hands the next jobs to the idle workers.
        let hand_out = |pool: &mut Pool, dealer: &mut Dealer, stopping: Option<Instant>| {
            while stopping.is_none()
                && dealer.left()
                && let Some(slot) = pool.idle()
                && let Some((index, formats)) = dealer.deal(slot)
            {
                pool.send(slot, index, &self.request(index, formats));
            }
        };
        loop {
            hand_out(pool, &mut dealer, stopping);
            if pool.busy() == 0 && (stopping.is_some() || !dealer.left()) {
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
                // The worker that replied gets its next job before the reply is
                // recorded and shown, so that it does not wait for that.
                hand_out(pool, &mut dealer, stopping);
                if let Some(busy) = event.busy {
                    let ms = busy.since.elapsed().as_secs_f64() * 1000.0;
                    let task = &self.tasks[busy.index];
                    let report = coordinator.finished(self, task, event, ms);
                    reports[busy.index] = Some(report);
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

    fn request(&self, index: usize, formats: &[Format]) -> Request {
        let task = &self.tasks[index];
        let out = &self.args.out;
        Request {
            source: archive::join(&self.args.archive, &self.letters[task.letter].rel),
            targets: (formats.iter())
                .map(|&format| Target {
                    format,
                    path: archive::join(out, &task.output(format)),
                })
                .collect(),
            copy: task.copy.as_ref().map(LetterCopy::index),
            draft: false,
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
    fn finished(&mut self, queue: &Queue, task: &Task, event: Event, ms: f64) -> LetterReport {
        let args = queue.args;
        let source = task.shown(&args.archive, queue.letters);
        let (outcome, took) = event.outcome(&source);
        let ms = took.unwrap_or(ms);
        let new = |status, pages| LetterReport {
            time_ms: (ms * 10.0).round() / 10.0,
            ..LetterReport::new(queue.letters, task, &args.formats, status, pages)
        };
        match outcome {
            Ok(rendered) => {
                let written: Vec<String> = rendered.written().map(|p| display_path(p)).collect();
                self.progress.rendered(
                    &source,
                    &written.join(", "),
                    rendered.pages,
                    ms,
                    &rendered.warnings,
                );
                let previous = self.previous.remove(&task.id);
                if let Some(record) = rendered.record.clone() {
                    let record = merged(record, previous, &args.out);
                    self.records.insert(task.id.clone(), record);
                }
                LetterReport {
                    warnings: rendered
                        .warnings
                        .iter()
                        .map(Diagnostic::to_string)
                        .collect(),
                    outputs: (rendered.written())
                        .map(|path| relative(path, &args.out))
                        .collect(),
                    ..new(Status::Rendered, Some(rendered.pages))
                }
            }
            Err(problems) => {
                self.progress.failed(&source, &problems);
                // The files on disk, if any, are still those the old record describes.
                if let Some(old) = self.previous.remove(&task.id) {
                    self.records.insert(task.id.clone(), old);
                }
                LetterReport {
                    error: Some(errors(&problems)),
                    warnings: (problems.iter().filter(|d| !d.is_error()))
                        .map(Diagnostic::to_string)
                        .collect(),
                    ..new(Status::Failed, None)
                }
            }
        }
    }
}

/// Every error of `problems`, one per line.
pub fn errors(problems: &[Diagnostic]) -> String {
    (problems.iter().filter(|d| d.is_error()))
        .map(Diagnostic::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A worker's record with its files relative to the output folder `out`, and the
/// outputs of `previous` it did not write again (a run asked for other formats).
fn merged(mut record: Record, previous: Option<Record>, out: &Path) -> Record {
    for output in record.outputs.values_mut() {
        for (file, _) in &mut output.files {
            *file = relative(Path::new(file.as_str()), out);
        }
    }
    for (extension, output) in previous.map(|p| p.outputs).unwrap_or_default() {
        record.outputs.entry(extension).or_insert(output);
    }
    record
}

/// A path under `out` relative to it, `/`-separated.
fn relative(path: &Path, out: &Path) -> String {
    let relative = path.strip_prefix(out).unwrap_or(path);
    let parts: Vec<_> = (relative.components())
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}
