//! The command line: the arguments ([`args`], the only place clap is used), one module per
//! command, and the exit status of every command, decided in [`exit`] and nowhere else:
//! 0 success, 1 a letter or a file operation failed, 2 usage error, 130 interrupted.

mod args;
mod batch;
mod check;
mod completions;
mod copies;
mod copies_workers;
mod exit;
mod explain;
mod extract;
mod fonts;
mod import;
mod init;
mod man;
mod new;
mod render;
mod rendering;
mod schema;
mod template;
mod watch;
mod worker;

use std::process::ExitCode;

use crate::diagnostic::{Diagnostic, codes};
use crate::pipeline::STACK_SIZE;
use crate::term::{self, MessageFormat, json, say};
use args::{Cli, Command, TemplateCommand};
use exit::{Failure, Outcome, exit_status};

/// Runs the command line and returns the exit status.
///
/// The command runs on a thread with a stack of `STACK_SIZE` (see `pipeline`), so that deeply nested
/// input meets Typst's own limits (a clear error) before the stack's end.
pub fn main() -> ExitCode {
    let cli = args::parse();
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

/// Runs one command, its output configured by `--color` and `--message-format`; in
/// JSON, a last line says whether it succeeded.
fn run(cli: Cli) -> Outcome {
    let format = match &cli.command {
        Command::Render(args) => args.messages.format(),
        Command::Check(args) => args.messages.format(),
        Command::Import(args) => args.messages.format(),
        Command::Batch(args) => args.messages.format(),
        _ => MessageFormat::Human,
    };
    term::configure(cli.color.color(), format);
    let outcome = run_command(cli.command);
    if let Err(Failure::Usage(usage)) = &outcome {
        term::report(&[Diagnostic::error(codes::USAGE, usage)]);
    }
    term::record(|| json::run_finished(outcome.is_ok()));
    outcome
}

/// Runs the command asked for.
fn run_command(command: Command) -> Outcome {
    match command {
        Command::Render(args) => render::run(args),
        Command::Check(args) => check::run(args),
        Command::Fonts(args) => fonts::run(args),
        Command::New(args) => new::run(args),
        Command::Watch(args) => watch::run(args),
        Command::Template(TemplateCommand::Eject(args)) => template::eject(args),
        Command::Extract(args) => extract::run(args),
        Command::Import(args) => import::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Init(args) => init::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::BatchWorker(args) => worker::run(args),
    }
}
