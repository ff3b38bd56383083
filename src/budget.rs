//! Time and memory budgets of the letter a process is typesetting, enforced around Typst.
//!
//! Typst cannot be cancelled from outside: a raw Typst fence or a template that loops
//! runs until it is done, however long that is and however much memory it takes. So the
//! budget belongs to the process: a watchdog thread looks at the letter's time and at
//! the process's resident memory every [`POLL`] and, past a budget, hands the
//! [`Overrun`] to the command, which reports it and ends the process (`render`, `check`)
//! or the worker process (`batch`, `watch`, whose coordinator goes on with a new one).
//!
//! [`crate::pipeline`] says what the letter is doing ([`watch`], then
//! [`Watch::typesetting`], [`Watch::exporting`]); the watchdog stops looking before the
//! output is written, and never ends the process while a letter's files are written, so
//! an overrun leaves nothing behind. Without [`enforce`] (the library, tests) all of
//! this costs one atomic load per letter.

use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, SourceText};
use crate::letter::Template;
use crate::letter::limits::{Budget, GivenLimits, Limits, show_bytes};
use crate::paths::display_path;
use crate::typeset::Prepared;

/// How often the watchdog looks: a runaway letter is stopped at most this late (and its
/// memory is at most what it allocates in this time over its budget). Reading the
/// process's memory takes ~20 µs.
const POLL: Duration = Duration::from_millis(20);

/// What to do with an overrun: report it and end the process; it must not return.
pub type OnOverrun = fn(Overrun) -> !;

/// A letter that exceeded a budget, as reported.
#[derive(Debug, Clone)]
pub struct Overrun {
    /// The letter, as shown.
    pub letter: String,
    /// The error: the letter, the budget, how far it got and what it was running.
    pub diagnostic: Diagnostic,
    /// How long it had been running.
    pub elapsed: Duration,
}

/// What a letter is doing, for the message when it is stopped.
#[derive(Debug, Clone)]
enum Stage {
    /// Reading and checking it (no Typst yet).
    Reading,
    /// Typst evaluating and laying it out, running this code of the letter's.
    Typesetting(Code),
    /// Making its output (PDF, pages) from the laid-out document.
    Exporting,
}

/// The code a letter brings with it: its raw Typst fences and its own template.
#[derive(Debug, Clone)]
struct Code {
    file: Arc<SourceText>,
    fences: Vec<Range<usize>>,
    template: Option<String>,
    images: Vec<String>,
}

#[derive(Debug)]
struct Active {
    letter: String,
    limits: Limits,
    started: Instant,
    stage: Stage,
}

struct Watchdog {
    given: GivenLimits,
    active: Mutex<Option<Active>>,
    wake: Condvar,
    on_overrun: OnOverrun,
}

static WATCHDOG: OnceLock<Watchdog> = OnceLock::new();
static ENFORCED: AtomicBool = AtomicBool::new(false);

/// Enforces budgets in this process from now on: `given` (the command line's) over each
/// letter's house's, over the defaults. Once per process; later calls are ignored.
pub fn enforce(given: GivenLimits, on_overrun: OnOverrun) {
    let watchdog = Watchdog {
        given,
        active: Mutex::new(None),
        wake: Condvar::new(),
        on_overrun,
    };
    if WATCHDOG.set(watchdog).is_err() {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("budget".into())
        .spawn(|| WATCHDOG.get().map(Watchdog::run));
    // Without the thread there is no enforcement, as without `enforce`.
    ENFORCED.store(spawned.is_ok(), Ordering::SeqCst);
}

/// A letter being watched, from [`watch`] until dropped (before its files are written).
pub struct Watch {
    watchdog: Option<&'static Watchdog>,
}

/// Starts watching the letter at `path` (under the command line's budgets until its
/// house is known).
pub fn watch(path: &Path) -> Watch {
    let watchdog = ENFORCED
        .load(Ordering::SeqCst)
        .then(|| WATCHDOG.get())
        .flatten();
    if let Some(watchdog) = watchdog {
        *watchdog.lock() = Some(Active {
            letter: display_path(path),
            limits: watchdog.given.over(GivenLimits::default()),
            started: Instant::now(),
            stage: Stage::Reading,
        });
        watchdog.wake.notify_one();
    }
    Watch { watchdog }
}

impl Watch {
    /// The letter is read and checked: its house's budgets apply, and Typst now runs
    /// its code.
    pub fn typesetting(&self, prepared: &Prepared) {
        let letter = &prepared.letter;
        let house = letter.house.as_ref().map(|h| h.limits).unwrap_or_default();
        let code = Code {
            file: letter.source.file.clone(),
            fences: (prepared.body.fences.iter())
                .map(|f| letter.source.body.start + f.start..letter.source.body.start + f.end)
                .collect(),
            template: match &letter.template {
                Template::Builtin(_) => None,
                Template::File(path) => Some(path.trim_start_matches('/').to_string()),
            },
            images: prepared.images(),
        };
        self.update(|active, given| {
            active.limits = given.over(house);
            active.stage = Stage::Typesetting(code);
        });
    }

    /// The letter is laid out; its output is being made.
    pub fn exporting(&self) {
        self.update(|active, _| active.stage = Stage::Exporting);
    }

    fn update(&self, change: impl FnOnce(&mut Active, GivenLimits)) {
        if let Some(watchdog) = self.watchdog
            && let Some(active) = watchdog.lock().as_mut()
        {
            change(active, watchdog.given);
        }
    }
}

impl Drop for Watch {
    /// Stops watching. Waits for the watchdog if it is deciding on an overrun: then the
    /// process ends here, and nothing of the letter's is written.
    fn drop(&mut self) {
        if let Some(watchdog) = self.watchdog {
            *watchdog.lock() = None;
        }
    }
}

impl Watchdog {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Active>> {
        self.active
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn run(&self) {
        let mut active = self.lock();
        loop {
            let Some(letter) = active.as_ref() else {
                active = self.wake.wait(active).unwrap_or_else(|p| p.into_inner());
                continue;
            };
            if let Some(overrun) = letter.overrun() {
                // The lock is held: the letter cannot finish and write its files.
                (self.on_overrun)(overrun);
            }
            active = match self.wake.wait_timeout(active, POLL) {
                Ok((active, _)) => active,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }
}

impl Active {
    /// The overrun, if the letter is over a budget now.
    fn overrun(&self) -> Option<Overrun> {
        let elapsed = self.started.elapsed();
        let memory = resident_memory();
        let over_time = self.limits.timeout.max().filter(|max| elapsed > *max);
        let over_memory = match (self.limits.memory, memory) {
            (Budget::Max(max), Some(used)) if used > max => Some(max),
            _ => None,
        };
        let budget = match (over_time, over_memory) {
            (Some(max), _) => format!("its time budget of {}", show_duration(max)),
            (None, Some(max)) => format!("its memory budget of {}", show_bytes(max)),
            (None, None) => return None,
        };
        let used = memory.map_or_else(String::new, |m| format!(", {} in use", show_bytes(m)));
        let mut diagnostic = Diagnostic::error(format!(
            "{} exceeded {budget} (stopped after {:.1} s{used}) {}",
            self.letter,
            elapsed.as_secs_f64(),
            self.stage.doing(),
        ));
        if let Stage::Typesetting(code) = &self.stage
            && let Some(fence) = code.fences.first()
        {
            diagnostic = diagnostic.at(&code.file, fence.start..fence.start + 3);
        }
        let key = if over_time.is_some() {
            "timeout"
        } else {
            "memory"
        };
        let cause = match &self.stage {
            Stage::Typesetting(code) if !code.fences.is_empty() || code.template.is_some() => {
                "look for a loop that does not end or a value that grows without bound; "
            }
            Stage::Typesetting(code) if !code.images.is_empty() => {
                "an image of very many pixels (a scan at a high resolution) takes much memory \
                 and time to decode: scale it down; "
            }
            _ => "",
        };
        let diagnostic = diagnostic.hint(format!(
            "{cause}if the letter really needs more, raise `{key}` in the house's `[limits]` \
             or pass `--{key}` (`0` for no limit)"
        ));
        Some(Overrun {
            letter: self.letter.clone(),
            diagnostic,
            elapsed,
        })
    }
}

impl Stage {
    /// What the letter was doing, as the end of a sentence.
    fn doing(&self) -> String {
        match self {
            Stage::Reading => "while it was being read".into(),
            Stage::Exporting => "while its output was being made".into(),
            Stage::Typesetting(code) => {
                let fences = match code.fences.len() {
                    0 => None,
                    1 => Some(format!("its raw Typst fence (line {})", code.line(0))),
                    n => Some(format!(
                        "its {n} raw Typst fences (lines {})",
                        (0..n)
                            .map(|i| code.line(i).to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
                let template = code.template.as_ref().map(|t| format!("its template {t}"));
                match (fences, template) {
                    (Some(f), Some(t)) => format!("while Typst was running {f} and {t}"),
                    (Some(code), None) | (None, Some(code)) => {
                        format!("while Typst was running {code}")
                    }
                    (None, None) if code.images.is_empty() => {
                        "while Typst was typesetting it".into()
                    }
                    (None, None) => format!(
                        "while Typst was typesetting it with its images ({})",
                        (code.images.iter())
                            .map(|path| path.trim_start_matches('/'))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                }
            }
        }
    }
}

impl Code {
    fn line(&self, fence: usize) -> usize {
        self.file.line_column(self.fences[fence].start).0
    }
}

/// A duration for people: `3 s`, `1.5 s`, `2 min`.
fn show_duration(duration: Duration) -> String {
    let seconds = duration.as_secs_f64();
    if seconds >= 60.0 && seconds % 60.0 == 0.0 {
        format!("{} min", seconds / 60.0)
    } else {
        format!("{seconds} s")
    }
}

/// The process's resident memory in bytes (Linux: `VmRSS` in `/proc/self/status`);
/// `None` where it cannot be read, and then no memory budget is enforced.
pub fn resident_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
