//! The command line: the arguments ([`args`], the only place clap is used), one module per
//! command, and the exit status of every command, decided in [`exit`] and nowhere else:
//! 0 success, 1 a letter or a file operation failed, 2 usage error, 130 interrupted.

mod args;
mod batch;
mod check;
mod exit;
mod extract;
mod fonts;
mod import;
mod new;
mod render;
mod template;
mod watch;
mod worker;

use std::process::ExitCode;

use clap::Parser as _;

use crate::pipeline::STACK_SIZE;
use crate::term::say;
use args::{Cli, Command, TemplateCommand};
use exit::{Failure, Outcome, exit_status};

/// Runs the command line and returns the exit status.
///
/// The command runs on a thread with a stack of `STACK_SIZE` (see `pipeline`), so that deeply nested
/// input meets Typst's own limits (a clear error) before the stack's end.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let worker = std::thread::Builder::new()
        .name("missive".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(cli));
    exit_status(match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(outcome)) => outcome,
        // The panic message is already printed.
        Ok(Err(_)) => Err(Failure::Panicked),
        Err(err) => {
            say(format_args!("error: cannot start a thread: {err}"));
            Err(Failure::Failed)
        }
    })
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
        Command::BatchWorker(args) => worker::run(args),
    }
}
