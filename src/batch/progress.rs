//! What a batch shows while it runs: on a terminal, a progress bar (indicatif) with the
//! counts of rendered, skipped and failed letters, the rate and the time left; otherwise
//! one plain line per letter rendered or failed, for logs. Diagnostics of failed letters
//! are printed in full either way, as `missive render` prints them.

use std::collections::HashSet;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::diagnostic::Diagnostic;
use crate::term::{report as emit, say, stderr_is_terminal};

/// The progress display.
pub struct Progress {
    bar: Option<ProgressBar>,
    rendered: usize,
    skipped: usize,
    failed: usize,
    /// The warnings shown so far: one about the house (the same file, place and words
    /// for every letter under it) is shown once per run, not once per letter.
    shown: HashSet<String>,
}

impl Progress {
    /// Starts the display for `to_render` letters, `skipped` being already up to date.
    pub fn start(to_render: usize, skipped: usize) -> Self {
        let bar = (stderr_is_terminal() && to_render > 0).then(|| {
            let style = ProgressStyle::with_template(
                "{bar:30.cyan/blue} {pos}/{len} {msg}  {per_sec:.dim} ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            let bar = ProgressBar::new(to_render as u64).with_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        let progress = Self {
            bar,
            rendered: 0,
            skipped,
            failed: 0,
            shown: HashSet::new(),
        };
        progress.update();
        progress
    }

    fn update(&self) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!(
                "rendered {} · skipped {} · failed {}",
                self.rendered, self.skipped, self.failed
            ));
        }
    }

    /// Prints lines without tearing the bar.
    pub fn print(&self, write: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    /// A letter was rendered.
    pub fn rendered(
        &mut self,
        source: &str,
        target: &str,
        pages: usize,
        ms: f64,
        warnings: &[Diagnostic],
    ) {
        self.rendered += 1;
        let plain = self.bar.is_none();
        let new: Vec<Diagnostic> = warnings
            .iter()
            .filter(|w| self.shown.insert(w.to_string()))
            .cloned()
            .collect();
        self.print(|| {
            emit(&new);
            if plain {
                let pages = if pages == 1 {
                    "1 page".to_string()
                } else {
                    format!("{pages} pages")
                };
                say(format_args!(
                    "rendered {source} -> {target} ({pages}, {ms:.0} ms)"
                ));
            }
        });
        self.step();
    }

    /// A letter failed.
    pub fn failed(&mut self, source: &str, problems: &[Diagnostic]) {
        self.failed += 1;
        self.print(|| {
            emit(problems);
            say(format_args!(
                "failed: {source} (its PDF, if any, is left as it was)"
            ));
        });
        self.step();
    }

    fn step(&self) {
        self.update();
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
