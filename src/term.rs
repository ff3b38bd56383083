//! All of missive's terminal output, and nothing else prints: messages and diagnostics
//! on standard error, a command's results on standard output.
//!
//! Safe with pipes: a reader that goes away (`missive fonts | head -1`) or a stream that
//! was closed (`missive check … 2>&-`) is no error. What cannot be written is dropped,
//! and the command goes on with its work (its files are still written, its exit status
//! still says how it went), as a command whose output nobody reads should.

use std::fmt;
use std::io::{self, IsTerminal as _, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diagnostic::Diagnostic;

/// Set once standard output could not be written: the rest of it is dropped.
static STDOUT_GONE: AtomicBool = AtomicBool::new(false);

/// Prints a line to standard error.
pub fn say(line: fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// Prints text to standard output, as it is (with its own line ends).
pub fn out(text: fmt::Arguments) {
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

/// Prints diagnostics to standard error in the rustc style, in colour on a terminal.
pub fn report(diagnostics: &[Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    // termcolor's `Auto` looks at TERM and NO_COLOR only: no colours into files and pipes.
    let color = if stderr_is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let mut stderr = StandardStream::stderr(color);
    for diagnostic in diagnostics {
        let _ = diagnostic.emit(&mut stderr);
    }
    let _ = stderr.flush();
}
