//! `missive batch`: every letter of an archive regenerated in one process.

use std::ffi::OsString;

use super::args::BatchArgs;
use super::exit::{Failure, INTERRUPTED, Outcome};
use super::fonts::environment;
use crate::batch::{self, Launch, Options};
use crate::letter::standards;

/// Runs `missive batch`: fails if a letter failed, and is interrupted by Ctrl-C.
pub(super) fn run(args: BatchArgs) -> Outcome {
    let jobs = batch::jobs(args.jobs);
    let env = environment(&args.fonts)?;
    let worker = launch(&args)?;
    let options = Options {
        archive: args.archive,
        out: args.out,
        force: args.force,
        report: args.report,
        shard: args.shard,
        prune: args.prune,
        standards: args.standards.standards(),
        quit: quit_at_once,
        worker,
    };
    let summary = batch::run(&options, &env, jobs).map_err(Failure::Usage)?;
    if summary.interrupted {
        Err(Failure::Interrupted)
    } else if summary.counts.failed > 0 {
        Err(Failure::Failed)
    } else {
        Ok(())
    }
}

/// A second Ctrl-C: exit at once, as interrupted.
fn quit_at_once() -> ! {
    std::process::exit(i32::from(INTERRUPTED))
}

/// How `batch` starts its workers: this program as `missive batch-worker`, with the
/// options that shape a letter's PDF and its budgets.
fn launch(args: &BatchArgs) -> Result<Launch, Failure> {
    let program = std::env::current_exe()
        .map_err(|err| Failure::Usage(format!("cannot find missive's own program: {err}")))?;
    let mut worker: Vec<OsString> = vec!["batch-worker".into()];
    if let Some(list) = &args.standards.pdf_standard {
        let names: Vec<&str> = list.0.iter().map(|s| standards::name(*s)).collect();
        worker.extend(["--pdf-standard".into(), names.join(",").into()]);
    }
    for dir in &args.fonts.font_paths {
        worker.extend(["--font-path".into(), dir.clone().into_os_string()]);
    }
    if let Some(timeout) = args.limits.timeout {
        worker.extend(["--timeout".into(), timeout.to_string().into()]);
    }
    if let Some(memory) = args.limits.memory {
        worker.extend(["--memory".into(), memory.to_string().into()]);
    }
    Ok(Launch {
        program,
        args: worker,
    })
}
