//! The command line: the arguments ([`args`], the only place clap is used), one module per
//! command, and the exit status of every command, decided here and nowhere else:
//! 0 success, 1 a letter or a file operation failed, 2 usage error, 130 interrupted.

mod args;
mod batch;
mod check;
mod extract;
mod fonts;
mod import;
mod new;
mod render;
mod template;
mod watch;

use std::process::ExitCode;

use clap::Parser as _;

use crate::pipeline::STACK_SIZE;
use crate::term::{report, say};
use crate::typeset::world::Environment;
use args::{Cli, Command, FontArgs, TemplateCommand};

/// How a command failed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// What the command line asks for cannot be done as asked (exit status 2).
    Usage(String),
    /// A letter or a file operation failed, and was reported (exit status 1).
    Failed,
    /// Ctrl-C stopped the command (exit status 130).
    Interrupted,
}

/// The outcome of a command.
pub(crate) type Outcome = Result<(), Failure>;

/// Exit status of a command stopped by Ctrl-C (128 + SIGINT, as shells report it).
pub(crate) const INTERRUPTED: u8 = 130;

/// Runs the command line and returns the exit status.
///
/// The command runs on a thread with a stack of [`STACK_SIZE`], so that deeply nested
/// input meets Typst's own limits (a clear error) before the stack's end.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let worker = std::thread::Builder::new()
        .name("missive".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(cli));
    match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(outcome)) => exit_status(outcome),
        // The panic message is already printed; 101 is Rust's status for a panic.
        Ok(Err(_)) => ExitCode::from(101),
        Err(err) => {
            say(format_args!("error: cannot start a thread: {err}"));
            ExitCode::from(1)
        }
    }
}

/// Runs one command.
fn run(cli: Cli) -> Outcome {
    match cli.command {
        Command::Render(args) => render::run(args),
        Command::Check(args) => check::run(args),
        Command::Fonts(args) => fonts::run(args),
        Command::New(args) => new::run(args),
        Command::Watch(args) => watch::run(args),
        Command::Template(TemplateCommand::Eject(args)) => template::eject(args),
        Command::Extract(args) => extract::run(args),
        Command::Import(args) => import::run(args),
        Command::Batch(args) => batch::run(args),
    }
}

/// The exit status of an outcome; a usage error is printed here.
fn exit_status(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Failed) => ExitCode::from(1),
        Err(Failure::Usage(usage)) => {
            say(format_args!("error: {usage}"));
            ExitCode::from(2)
        }
        Err(Failure::Interrupted) => ExitCode::from(INTERRUPTED),
    }
}

/// `Ok` if every letter or file went well, else [`Failure::Failed`].
fn all_ok(ok: bool) -> Outcome {
    if ok { Ok(()) } else { Err(Failure::Failed) }
}

/// The environment every letter of a command is typeset in: the bundled fonts and
/// those under `--font-path`.
fn environment(fonts: &FontArgs) -> Result<Environment, Failure> {
    Environment::with_fonts(&fonts.font_paths).map_err(|problems| {
        report(&problems);
        Failure::Failed
    })
}
