//! `missive batch`: every letter of an archive regenerated, by warm worker processes.

use super::args::BatchArgs;
use super::exit::{Failure, INTERRUPTED, Outcome};
use super::fonts::environment;
use super::worker;
use crate::batch::{self, Options};

/// Runs `missive batch`: fails if a letter failed, and is interrupted by Ctrl-C.
pub(super) fn run(args: BatchArgs) -> Outcome {
    if let Some(misused) = args.format.misused() {
        return Err(Failure::Usage(misused));
    }
    let jobs = batch::jobs(args.jobs);
    let env = environment(&args.fonts)?;
    let worker = worker::launch(&args.standards, &args.fonts, &args.limits)?;
    let options = Options {
        archive: args.archive,
        out: args.out,
        force: args.force,
        report: args.report,
        shard: args.shard,
        prune: args.prune,
        formats: args.format.formats(),
        standards: args.standards.standards(),
        quit: quit_at_once,
        worker,
    };
    let summary = batch::run(&options, &env, jobs).map_err(Failure::Usage)?;
    if summary.interrupted {
        Err(Failure::Interrupted)
    } else if summary.counts.failed > 0 || summary.index_failed {
        Err(Failure::Failed)
    } else {
        Ok(())
    }
}

/// A second Ctrl-C: exit at once, as interrupted.
fn quit_at_once() -> ! {
    std::process::exit(i32::from(INTERRUPTED))
}
