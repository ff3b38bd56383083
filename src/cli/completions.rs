//! `missive completions SHELL`: the shell's completion script, generated from the same
//! clap definitions as the command line itself (clap_complete).

use super::args::{CompletionsArgs, command};
use super::exit::Outcome;
use crate::term::out;

/// Runs `missive completions`.
pub(super) fn run(args: CompletionsArgs) -> Outcome {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command(), "missive", &mut script);
    out(format_args!("{}", String::from_utf8_lossy(&script)));
    Ok(())
}
