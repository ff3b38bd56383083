//! All of missive's terminal output, and nothing else prints: messages and diagnostics
//! on standard error, a command's results on standard output; with `--message-format
//! json`, diagnostics and results as JSON lines on standard output instead ([`json`]).
//!
//! Colour follows `--color` ([`configure`]): `auto` colours a terminal unless `NO_COLOR`
//! is set (to anything but the empty string) or `TERM` is `dumb`; `always` and `never`
//! win over both. Diagnostics, progress bars and clap's help all ask [`colors`].
//!
//! Safe with pipes: a reader that goes away (`missive fonts | head -1`) or a stream that
//! was closed (`missive check … 2>&-`) is no error. What cannot be written is dropped,
//! and the command goes on with its work (its files are still written, its exit status
//! still says how it went), as a command whose output nobody reads should.

pub mod json;
mod progress;

use std::fmt;
use std::io::{self, IsTerminal as _, Write};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diagnostic::Diagnostic;
pub use progress::progress_bar;

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Color {
    /// On a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
    #[default]
    Auto,
    /// Always, even into files and pipes.
    Always,
    /// Never.
    Never,
}

/// How diagnostics and results are given (`--message-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MessageFormat {
    /// Reports for people on standard error.
    #[default]
    Human,
    /// One JSON object a line on standard output ([`json`]).
    Json,
}

/// Set once standard output could not be written: the rest of it is dropped.
static STDOUT_GONE: AtomicBool = AtomicBool::new(false);
/// The [`Color`] chosen, as its index.
static COLOR: AtomicU8 = AtomicU8::new(0);
/// Whether [`MessageFormat::Json`] was chosen.
static JSON: AtomicBool = AtomicBool::new(false);

/// Chooses colours and the message format for the rest of the process.
pub fn configure(color: Color, format: MessageFormat) {
    COLOR.store(color as u8, Ordering::Relaxed);
    JSON.store(format == MessageFormat::Json, Ordering::Relaxed);
    // indicatif draws with `console`, which looks at NO_COLOR but not at `--color`.
    console::set_colors_enabled_stderr(colors());
}

/// Whether standard error is coloured.
pub fn colors() -> bool {
    match COLOR.load(Ordering::Relaxed) {
        c if c == Color::Always as u8 => true,
        c if c == Color::Never as u8 => false,
        _ => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            stderr_is_terminal() && !no_color && !dumb
        }
    }
}

/// Whether diagnostics and results are JSON lines on standard output.
pub fn is_json() -> bool {
    JSON.load(Ordering::Relaxed)
}

/// Prints a line to standard error.
pub fn say(line: fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// Prints text to standard output, as it is (with its own line ends); to standard error
/// when standard output carries JSON lines, which nothing else may interleave.
pub fn out(text: fmt::Arguments) {
    if is_json() {
        let _ = io::stderr().lock().write_fmt(text);
    } else {
        stdout(text);
    }
}

/// Writes to standard output, once it is gone no more.
fn stdout(text: fmt::Arguments) {
    if STDOUT_GONE.load(Ordering::Relaxed) {
        return;
    }
    let mut stdout = io::stdout().lock();
    if stdout
        .write_fmt(text)
        .and_then(|()| stdout.flush())
        .is_err()
    {
        STDOUT_GONE.store(true, Ordering::Relaxed);
    }
}

/// Whether standard error is a terminal (a progress bar there, plain lines in a log).
pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// Prints diagnostics: in the rustc style on standard error (coloured as [`colors`]
/// says), or as JSON lines.
pub fn report(diagnostics: &[Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    if is_json() {
        for diagnostic in diagnostics {
            stdout(format_args!("{}\n", json::diagnostic(diagnostic)));
        }
        return;
    }
    let color = if colors() {
        ColorChoice::Always
    } else {
        ColorChoice::Never
    };
    let mut stderr = StandardStream::stderr(color);
    for diagnostic in diagnostics {
        let _ = diagnostic.emit(&mut stderr);
    }
    let _ = stderr.flush();
}

/// Records a JSON line (a file written, a letter done), in JSON mode only: people read
/// the same in the lines the commands print.
pub fn record(line: impl FnOnce() -> String) {
    if is_json() {
        stdout(format_args!("{}\n", line()));
    }
}
