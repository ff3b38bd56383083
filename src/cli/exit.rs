//! How a command ends, and the exit status that says it; decided here and nowhere else.

use std::process::ExitCode;

use crate::budget::Overrun;
use crate::term::json::{self, Status};
use crate::term::{record, report, say};

/// How a command failed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// What the command line asks for cannot be done as asked (exit status 2).
    Usage(String),
    /// A letter or a file operation failed, and was reported (exit status 1).
    Failed,
    /// Ctrl-C stopped the command (exit status 130).
    Interrupted,
    /// A bug: the command panicked (exit status 101, Rust's for a panic).
    Panicked,
}

/// The outcome of a command.
pub(crate) type Outcome = Result<(), Failure>;

/// Exit status of a command stopped by Ctrl-C (128 + SIGINT, as shells report it).
pub(crate) const INTERRUPTED: u8 = 130;

/// The exit status of an outcome.
pub(super) fn exit_status(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Failed) => ExitCode::from(1),
        // Reported by `run`, before JSON's last line.
        Err(Failure::Usage(_)) => ExitCode::from(2),
        Err(Failure::Interrupted) => ExitCode::from(INTERRUPTED),
        Err(Failure::Panicked) => ExitCode::from(101),
    }
}

/// `Ok` if every letter or file went well, else [`Failure::Failed`].
pub(super) fn all_ok(ok: bool) -> Outcome {
    if ok { Ok(()) } else { Err(Failure::Failed) }
}

/// A letter exceeded its budget: reported, and the process ends at once with exit status
/// 1 (Typst cannot be stopped otherwise); nothing of the letter's was written.
pub(super) fn overrun(overrun: Overrun) -> ! {
    report(&[overrun.diagnostic]);
    // The process ends here, not through `cli::run`: JSON readers still get the letter's
    // and the run's last lines.
    record(|| json::letter_finished(&overrun.letter, Status::Failed));
    record(|| json::run_finished(false));
    say(format_args!("failed: {} (nothing written)", overrun.letter));
    std::process::exit(1)
}
