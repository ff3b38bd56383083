//! The coordinator's side of the worker processes (see [`super::worker`]): N warm
//! processes of this same program, each typesetting one letter at a time; a thread per
//! worker turns its reply lines into [`Event`]s on one channel. A worker that ends (a
//! letter over its budget, or killed) is replaced by a fresh one.
//!
//! Workers run in their own process group, so that Ctrl-C in a terminal reaches only
//! the coordinator, which decides what becomes of the letters in flight; and each ends
//! by itself soon after the coordinator is gone.

use std::ffi::OsString;
use std::io::{BufRead as _, BufReader, Write as _};
use std::os::unix::process::CommandExt as _;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use super::job::Rendered;
use super::wire::{self, Reply, Request};
use crate::diagnostic::{Diagnostic, Diagnostics, codes};

/// How to start a worker: this program with these arguments.
#[derive(Debug, Clone)]
pub struct Launch {
    /// The program (this one).
    pub program: PathBuf,
    /// Its arguments, `batch-worker` first.
    pub args: Vec<OsString>,
}

/// A letter being typeset by a worker.
#[derive(Debug, Clone, Copy)]
pub struct Busy {
    /// The letter's index in the run.
    pub index: usize,
    /// When it was sent.
    pub since: Instant,
}

/// Something a worker said: a reply for its letter, or `None` if it ended.
pub struct Event {
    /// The letter it had, if any (a reply always has one).
    pub busy: Option<Busy>,
    /// Its reply; `None`: the worker ended (with this description of how).
    pub reply: Result<Reply, String>,
}

impl Event {
    /// The letter's outcome, and the time the worker took for it (if it replied);
    /// `source` is the letter as shown.
    pub fn outcome(self, source: &str) -> (Result<Rendered, Diagnostics>, Option<f64>) {
        match self.reply {
            Ok(Reply::Rendered {
                record,
                pages,
                warnings,
                outputs,
                dependencies,
                ms,
            }) => {
                let rendered = Rendered {
                    record,
                    pages,
                    warnings: wire::diagnostics(warnings),
                    outputs,
                    dependencies,
                };
                (Ok(rendered), Some(ms))
            }
            Ok(Reply::Failed { problems, ms }) => (Err(wire::diagnostics(problems)), Some(ms)),
            Ok(Reply::Overrun { problem, ms }) => (Err(wire::diagnostics(vec![problem])), Some(ms)),
            Err(how) => {
                let lost = Diagnostic::error(
                    codes::WORKER_FAILED,
                    format!("the worker process typesetting {source} ended unexpectedly ({how})"),
                )
                .hint(
                    "the system may have run out of memory; a smaller --memory budget stops \
                     such a letter in time",
                );
                (Err(vec![lost]), None)
            }
        }
    }
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    /// Counts the processes started in this slot: events of an older one are ignored.
    generation: u64,
    busy: Option<Busy>,
}

/// The worker processes.
pub struct Pool {
    launch: Launch,
    workers: Vec<Worker>,
    sender: Sender<(usize, u64, Option<Reply>)>,
    events: Receiver<(usize, u64, Option<Reply>)>,
}

impl Pool {
    /// Starts `jobs` workers.
    pub fn start(launch: Launch, jobs: usize) -> Result<Pool, String> {
        let (sender, events) = mpsc::channel();
        let mut pool = Pool {
            launch,
            workers: Vec::with_capacity(jobs),
            sender,
            events,
        };
        for slot in 0..jobs {
            let worker = pool.spawn(slot, 0)?;
            pool.workers.push(worker);
        }
        Ok(pool)
    }

    fn spawn(&self, slot: usize, generation: u64) -> Result<Worker, String> {
        let mut child = Command::new(&self.launch.program)
            .args(&self.launch.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .process_group(0)
            .spawn()
            .map_err(|err| format!("cannot start a worker process: {err}"))?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            unreachable!("both are piped");
        };
        let sender = self.sender.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(reply) = line.map(|line| serde_json::from_str(&line)) else {
                    break;
                };
                let Ok(reply) = reply else { break };
                if sender.send((slot, generation, Some(reply))).is_err() {
                    return;
                }
            }
            let _ = sender.send((slot, generation, None));
        });
        Ok(Worker {
            child,
            stdin,
            generation,
            busy: None,
        })
    }

    /// A worker with no letter, if there is one.
    pub fn idle(&self) -> Option<usize> {
        self.workers.iter().position(|worker| worker.busy.is_none())
    }

    /// How many letters are being typeset.
    pub fn busy(&self) -> usize {
        self.workers.iter().filter(|w| w.busy.is_some()).count()
    }

    /// Sends letter `index` to the idle worker `slot`. If the worker is gone, its end
    /// arrives as an event and the letter is reported with it.
    pub fn send(&mut self, slot: usize, index: usize, request: &Request) {
        let worker = &mut self.workers[slot];
        worker.busy = Some(Busy {
            index,
            since: Instant::now(),
        });
        let line = serde_json::to_string(request).expect("requests serialize");
        let _ = writeln!(worker.stdin, "{line}").and_then(|()| worker.stdin.flush());
    }

    /// The next event, waiting at most `timeout`. After an overrun or an end, the worker
    /// has been replaced (or `Err`: it could not be).
    pub fn next(&mut self, timeout: Duration) -> Result<Option<Event>, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let (slot, generation, reply) = match self.events.recv_timeout(left) {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => return Ok(None),
                Err(RecvTimeoutError::Disconnected) => unreachable!("the pool holds a sender"),
            };
            if self.workers[slot].generation != generation {
                continue;
            }
            let busy = self.workers[slot].busy.take();
            let reply = match reply {
                Some(Reply::Overrun { problem, ms }) => {
                    self.replace(slot)?;
                    Ok(Reply::Overrun { problem, ms })
                }
                Some(reply) => Ok(reply),
                None => Err(self.replace(slot)?),
            };
            return Ok(Some(Event { busy, reply }));
        }
    }

    /// Ends the worker in `slot` and starts another; says how the old one ended.
    fn replace(&mut self, slot: usize) -> Result<String, String> {
        let generation = self.workers[slot].generation + 1;
        let fresh = self.spawn(slot, generation)?;
        let mut old = std::mem::replace(&mut self.workers[slot], fresh);
        let _ = old.child.kill();
        Ok(match old.child.wait() {
            Ok(status) => status.to_string(),
            Err(err) => err.to_string(),
        })
    }

    /// Kills the workers that have a letter (Ctrl-C: they did not finish in time);
    /// returns their letters.
    pub fn kill_busy(&mut self) -> Vec<usize> {
        let mut letters = Vec::new();
        for worker in &mut self.workers {
            if let Some(busy) = worker.busy.take() {
                let _ = worker.child.kill();
                let _ = worker.child.wait();
                worker.generation += 1;
                letters.push(busy.index);
            }
        }
        letters
    }
}

impl Drop for Pool {
    /// Kills the workers that still have a letter (a run ended by an error), closes
    /// the others' input, and waits for them to end.
    fn drop(&mut self) {
        self.kill_busy();
        for worker in self.workers.drain(..) {
            let Worker {
                mut child, stdin, ..
            } = worker;
            drop(stdin);
            let _ = child.wait();
        }
    }
}
