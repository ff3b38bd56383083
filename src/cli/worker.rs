//! `missive batch-worker`: a worker process of `missive batch` and `missive watch` (see
//! `batch::worker`), and how those commands start it.

use std::ffi::OsString;

use super::args::{BatchWorkerArgs, FontArgs, LimitArgs, PdfStandardArg};
use super::exit::{Failure, Outcome};
use super::fonts::environment;
use crate::batch::{Launch, worker};
use crate::letter::standards;
use crate::term::say;

/// Runs a worker until its coordinator closes its input.
pub(super) fn run(args: BatchWorkerArgs) -> Outcome {
    // Before anything else starts threads.
    worker::start_threads();
    let hash = match &args.environment {
        Some(hex) => u128::from_str_radix(hex, 16)
            .map_err(|_| Failure::Usage(format!("--environment {hex}: not a hash")))?,
        None => 0,
    };
    let env = environment(&args.fonts)?;
    worker::serve(&env, hash, &args.standards.standards(), args.limits.given()).map_err(|err| {
        say(format_args!("error: batch worker: {err}"));
        Failure::Failed
    })
}

/// How to start a worker: this program as `missive batch-worker`, with the options
/// that shape a letter's output and its budgets.
pub(super) fn launch(
    standards: &PdfStandardArg,
    fonts: &FontArgs,
    limits: &LimitArgs,
) -> Result<Launch, Failure> {
    let program = std::env::current_exe()
        .map_err(|err| Failure::Usage(format!("cannot find missive's own program: {err}")))?;
    let mut args: Vec<OsString> = vec!["batch-worker".into()];
    if let Some(list) = &standards.pdf_standard {
        let names: Vec<&str> = list.0.iter().map(|s| standards::name(*s)).collect();
        args.extend(["--pdf-standard".into(), names.join(",").into()]);
    }
    for dir in &fonts.font_paths {
        args.extend(["--font-path".into(), dir.clone().into_os_string()]);
    }
    if let Some(timeout) = limits.timeout {
        args.extend(["--timeout".into(), timeout.to_string().into()]);
    }
    if let Some(memory) = limits.memory {
        args.extend(["--memory".into(), memory.to_string().into()]);
    }
    Ok(Launch { program, args })
}
