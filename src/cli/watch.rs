//! `missive watch`: render a letter, then render it again whenever a file it depends on
//! (the letter, its house file, template, images) is saved. Saves are debounced, errors
//! are printed and watching goes on. The letter is rendered by a warm worker process, as
//! in `batch` (fonts, templates and Typst's memoized results kept between renders, and
//! trimmed after each), so that a save that makes it run away (a raw Typst fence that
//! loops) is stopped at its budget and reported, and watching goes on with a new worker.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecursiveMode, Watcher};

use super::args::WatchArgs;
use super::exit::{Failure, Outcome};
use super::worker;
use crate::batch::pool::Pool;
use crate::batch::wire::Request;
use crate::diagnostic::{Diagnostic, codes};
use crate::paths::display_path;
use crate::pipeline::{Target, letter_files};
use crate::term::{report, say};

/// How long changes are collected into one re-render when nothing says that a save is
/// complete (a file still being written, or a watcher that reports no closing).
const DEBOUNCE: Duration = Duration::from_millis(200);

/// How long to wait after a save is known to be complete (the file closed after
/// writing, or renamed into place), in case the editor writes another file with it: a
/// save then renders in a few milliseconds plus the letter's time instead of after the
/// whole [`DEBOUNCE`] (issue 16: 215 ms from save to PDF before, `typst watch` 120 ms).
const SETTLE: Duration = Duration::from_millis(10);

/// Runs `missive watch` until it is interrupted (or the file watcher fails).
pub(super) fn run(args: WatchArgs) -> Outcome {
    if let Some(misused) = args.format.misused() {
        return Err(Failure::Usage(misused));
    }
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.letter.with_extension("pdf"));
    let launch = worker::launch(&args.standards, &args.fonts, &args.limits)?;
    let mut pool = Pool::start(launch, 1).map_err(|why| {
        report(&[Diagnostic::error(codes::WORKER_FAILED, why)]);
        Failure::Failed
    })?;
    // Each format gets its extension (`output::page_paths`).
    let targets: Vec<Target> = (args.format.formats().into_iter())
        .map(|format| Target {
            format,
            path: output.clone(),
        })
        .collect();
    let request = || Request {
        source: args.letter.clone(),
        targets: targets.clone(),
        copy: None,
        draft: false,
    };
    watch(|| render(&mut pool, &request())).map_err(|why| {
        report(&[Diagnostic::error(codes::CANNOT_WATCH, why)]);
        Failure::Failed
    })
}

/// Renders the letter in the worker and reports the outcome as `render` does; returns
/// the files it depends on.
fn render(pool: &mut Pool, request: &Request) -> Result<Vec<PathBuf>, String> {
    pool.send(0, 0, request);
    let event = loop {
        if let Some(event) = pool.next(Duration::from_secs(1))? {
            break event;
        }
    };
    let letter = display_path(&request.source);
    Ok(match event.outcome(&letter).0 {
        Ok(rendered) => {
            report(&rendered.warnings);
            let files: Vec<String> = rendered.written().map(|p| display_path(p)).collect();
            say(format_args!("rendered {letter} -> {}", files.join(", ")));
            rendered.dependencies
        }
        Err(problems) => {
            report(&problems);
            say(format_args!("failed: {letter} (nothing written)"));
            letter_files(&request.source)
        }
    })
}

/// Calls `render` now and after every change to the files it returns, until the process
/// is interrupted. `render` returns the canonical paths the letter depends on.
fn watch(mut render: impl FnMut() -> Result<Vec<PathBuf>, String>) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    let mut watched: HashSet<PathBuf> = HashSet::new();
    loop {
        let dependencies: HashSet<PathBuf> = render()?.into_iter().collect();
        // Editors often save by renaming a new file over the old one: watch folders.
        let folders: HashSet<PathBuf> = dependencies
            .iter()
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .collect();
        for folder in watched.difference(&folders) {
            let _ = watcher.unwatch(folder);
        }
        for folder in folders.difference(&watched) {
            watcher
                .watch(folder, RecursiveMode::NonRecursive)
                .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
        }
        watched = folders;
        say(format_args!(
            "watching {} files; press Ctrl-C to stop",
            dependencies.len()
        ));
        let changed = |event: &notify::Result<notify::Event>| {
            event.as_ref().is_ok_and(|e| {
                matches!(
                    e.kind,
                    EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                ) && e.paths.iter().any(|p| dependencies.contains(p))
            })
        };
        let stopped = || "the file watcher stopped".to_string();
        let mut first = rx.recv().map_err(|_| stopped())?;
        while !changed(&first) && !saved(&first, &dependencies) {
            first = rx.recv().map_err(|_| stopped())?;
        }
        // Wait until the dependencies have been quiet for a moment (a short one once a
        // save is complete); other events in the same folders (someone reading the PDF)
        // do not extend the wait.
        let wait = |event: &notify::Result<notify::Event>| {
            if saved(event, &dependencies) {
                SETTLE
            } else {
                DEBOUNCE
            }
        };
        let mut quiet_from = Instant::now() + wait(&first);
        while let Some(left) = quiet_from.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(event) if changed(&event) || saved(&event, &dependencies) => {
                    quiet_from = Instant::now() + wait(&event)
                }
                Ok(_) => {}
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Err(stopped()),
            }
        }
    }
}

/// Whether `event` says that a save of one of `dependencies` is complete: the file was
/// closed after writing, or renamed into place (an editor's atomic save; of a rename's
/// two paths, the new one).
fn saved(event: &notify::Result<notify::Event>, dependencies: &HashSet<PathBuf>) -> bool {
    let Ok(event) = event else { return false };
    let path = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write))
        | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => {
            event.paths.last()
        }
        _ => None,
    };
    path.is_some_and(|p| dependencies.contains(p))
}
