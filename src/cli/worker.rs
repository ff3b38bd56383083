//! `missive batch-worker`: a worker process of `missive batch` (see `batch::worker`).

use super::args::BatchWorkerArgs;
use super::exit::{Failure, Outcome};
use super::fonts::environment;
use crate::batch::worker;
use crate::term::say;

/// Runs a worker until its coordinator closes its input.
pub(super) fn run(args: BatchWorkerArgs) -> Outcome {
    // Before anything else starts threads.
    worker::start_threads();
    let hash = u128::from_str_radix(&args.environment, 16)
        .map_err(|_| Failure::Usage(format!("--environment {}: not a hash", args.environment)))?;
    let env = environment(&args.fonts)?;
    worker::serve(&env, hash, &args.standards.standards(), args.limits.given()).map_err(|err| {
        say(format_args!("error: batch worker: {err}"));
        Failure::Failed
    })
}
