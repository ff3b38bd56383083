//! A batch's worker process (`missive batch-worker`, started by the coordinator, never by
//! hand): renders the letters it is sent one at a time, each through [`job::render`] as
//! in one process before, keeping its fonts, templates and Typst's memoized results
//! from letter to letter, and replies with each outcome. A letter over its budget ends
//! the process after its reply (see [`crate::budget`]); the coordinator starts another.

use std::io::{self, BufRead as _, Write as _};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::{Mutex, mpsc};
use std::time::{Duration, Instant};

use super::fingerprint::Hash;
use super::job;
use super::wire::{self, Reply, Request};
use crate::budget::{self, Overrun};
use crate::diagnostic::{Diagnostic, codes};
use crate::letter::limits::GivenLimits;
use crate::paths::display_path;
use crate::pipeline::{STACK_SIZE, Standards};
use crate::typeset::world::Environment;

/// Exit status of a worker that stopped a letter over its budget.
const OVERRUN: i32 = 3;

/// How often a worker looks whether its coordinator is still there.
const ORPHAN_CHECK: Duration = Duration::from_millis(100);

/// Sizes Rayon's pool, which runs the letters and Typst's own parallel work, to one
/// thread: a worker typesets one letter at a time, and N workers use N cores. Call it
/// before anything else starts threads.
pub fn start_threads() {
    // Fails only if the pool already exists: keep it.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .stack_size(STACK_SIZE)
        .build_global();
}

/// Serves letters from standard input until it closes. `environment` is the
/// coordinator's hash of `env` and `standards` (for the manifest records).
pub fn serve(
    env: &Environment,
    environment: Hash,
    standards: &Standards,
    limits: GivenLimits,
) -> Result<(), String> {
    exit_with_the_coordinator();
    budget::enforce(limits, overrun);
    // Typst's memoized results that the last letter did not use are dropped after it,
    // on a thread of their own so that the next letter does not wait.
    let (evict, evictions) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        for () in evictions {
            typst::comemo::evict(1);
        }
    });
    let lists = Mutex::new(job::Lists::default());
    // On the pool's one thread, where Typst's own parallel work (page streams) also runs.
    let served = rayon::broadcast(|_| -> Result<(), String> {
        let mut lists = lists
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for line in io::stdin().lock().lines() {
            let line = line.map_err(|err| format!("cannot read a request: {err}"))?;
            let request: Request = serde_json::from_str(&line)
                .map_err(|err| format!("not a request: {err}: {line}"))?;
            let reply = render(env, (environment, standards), &request, &mut lists);
            send(&reply);
            let _ = evict.send(());
        }
        Ok(())
    });
    served.into_iter().collect()
}

/// Renders one letter (or copy) and says how it went.
fn render(
    env: &Environment,
    keys: (Hash, &Standards),
    request: &Request,
    lists: &mut job::Lists,
) -> Reply {
    let source = &request.source;
    let clock = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| job::render(env, keys, request, lists)))
        .unwrap_or_else(|panic| Err(vec![panicked(panic.as_ref(), source)]));
    let ms = clock.elapsed().as_secs_f64() * 1000.0;
    match outcome {
        Ok(rendered) => Reply::Rendered {
            record: rendered.record,
            pages: rendered.pages,
            warnings: wire::problems(&rendered.warnings),
            outputs: rendered.outputs,
            dependencies: rendered.dependencies,
            ms,
        },
        Err(problems) => Reply::Failed {
            problems: wire::problems(&problems),
            ms,
        },
    }
}

/// Writes a reply line; a coordinator that is gone ends the worker.
fn send(reply: &Reply) {
    let line = serde_json::to_string(reply).expect("replies serialize");
    let mut stdout = io::stdout().lock();
    if writeln!(stdout, "{line}")
        .and_then(|()| stdout.flush())
        .is_err()
    {
        std::process::exit(1);
    }
}

/// A letter over its budget: replied, and the process ends (Typst cannot be stopped).
fn overrun(overrun: Overrun) -> ! {
    send(&Reply::Overrun {
        problem: (&overrun.diagnostic).into(),
        ms: overrun.elapsed.as_secs_f64() * 1000.0,
    });
    std::process::exit(OVERRUN)
}

/// Ends this process soon after its coordinator is gone (killed, or quit at a second
/// Ctrl-C), even while a letter runs away.
fn exit_with_the_coordinator() {
    let coordinator = std::os::unix::process::parent_id();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(ORPHAN_CHECK);
            if std::os::unix::process::parent_id() != coordinator {
                std::process::exit(1);
            }
        }
    });
}

/// A failure for a letter whose typesetting panicked (a bug), so the batch goes on.
fn panicked(payload: &(dyn std::any::Any + Send), source: &Path) -> Diagnostic {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    let hint = if message.contains("out of file ids") {
        "the archive names more distinct files than one process can hold (65,535); split it with --shard"
    } else {
        "this is a bug in missive or Typst; please report it with this letter"
    };
    Diagnostic::error(
        codes::TYPESETTING_CRASHED,
        format!("typesetting {} crashed: {message}", display_path(source)),
    )
    .hint(hint)
}
