//! `missive render` of a letter with `recipients`: one personal copy per row of its list,
//! written into a folder named after the letter (or `-o DIR`), named by the row's `file`
//! or by its number and name, never two on one name; `--only` chooses rows,
//! `--combined` also writes one print file of them all. A bad row fails only its copy.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use super::args::{CopiesArgs, RenderArgs};
use super::copies_workers::{self, Copy};
use super::exit::Failure;
use super::rendering::{render_and_report, report_failed};
use super::worker;
use crate::diagnostic::{Diagnostic, codes};
use crate::export::Format;
use crate::export::combine::combine;
use crate::export::output;
use crate::letter::copies::{LetterCopy, Recipients};
use crate::paths::display_path;
use crate::pipeline::{self, Job, Standards, Written};
use crate::term::{report, say};
use crate::typeset::world::Environment;

/// Renders the copies of the letter at `path` if it has `recipients` (`Some(false)` if
/// one failed, or its list); `None` for a letter without, which `render` renders itself.
pub(super) fn render_if_copies(
    env: &Environment,
    path: &Path,
    args: &RenderArgs,
    standards: &Standards,
) -> Result<Option<bool>, Failure> {
    let recipients = match pipeline::recipients(path) {
        Ok(Some(recipients)) => recipients,
        Ok(None) if args.copies.combined.is_some() || !args.copies.only.is_empty() => {
            return Err(Failure::Usage(format!(
                "--combined and --only apply to a letter with `recipients`; {} has none",
                display_path(path)
            )));
        }
        Ok(None) => return Ok(None),
        Err(problems) => {
            report_failed(&display_path(path), &problems);
            return Ok(Some(false));
        }
    };
    if args.emit_typst.is_some() {
        return Err(Failure::Usage(
            "--emit-typst takes a letter, not a letter with `recipients`".into(),
        ));
    }
    render(env, path, &recipients, args, standards).map(Some)
}

/// Renders the chosen copies of the letter at `path`, in this process or with `-j N`
/// worker processes; `Ok(false)` if one failed.
fn render(
    env: &Environment,
    path: &Path,
    recipients: &Recipients,
    args: &RenderArgs,
    standards: &Standards,
) -> Result<bool, Failure> {
    let formats = args.format.formats();
    let chosen = chosen(recipients, &args.copies, formats[0].extension())?;
    let folder = folder(path, args.output.as_deref())?;
    let mut ok = true;
    let mut copies = Vec::with_capacity(chosen.len());
    for (copy, named) in chosen {
        match named {
            Ok(stem) => copies.push(Copy {
                label: format!("{} row {}", display_path(path), copy.row().number),
                targets: pipeline::targets(&folder, &stem, &formats),
                copy,
            }),
            Err(taken) => {
                let label = format!("{} row {}", display_path(path), copy.row().number);
                report_failed(&label, &[taken]);
                ok = false;
            }
        }
    }
    let jobs = args.copies.jobs.map_or(1, NonZeroUsize::get);
    let written = if jobs > 1 {
        let launch = worker::launch(&args.standards, &args.fonts, &args.limits)?;
        copies_workers::render(launch, jobs.min(copies.len()), path, &copies, args.draft)
            .map_err(Failure::Usage)?
    } else {
        in_process(env, path, &copies, (standards, args.draft))
    };
    ok &= written.iter().all(Option::is_some);
    if let Some(combined) = &args.copies.combined {
        let pdfs: Vec<PathBuf> = (written.into_iter().flatten().flatten())
            .filter(|output| output.format == Format::Pdf)
            .flat_map(|output| output.files.into_iter().map(|(p, _)| p))
            .collect();
        ok &= write_combined(combined, &pdfs, ok, args.copies.duplex);
    }
    Ok(ok)
}

/// Renders `copies` one after the other in this process; each one's outputs, `None` for
/// one that failed.
fn in_process(
    env: &Environment,
    path: &Path,
    copies: &[Copy],
    (standards, draft): (&Standards, bool),
) -> Vec<Option<Vec<Written>>> {
    let mut written = Vec::with_capacity(copies.len());
    for copy in copies {
        let job = Job {
            targets: &copy.targets,
            standards,
            emit_typst: None,
            draft,
            copy: Some(&copy.copy),
        };
        written.push(render_and_report(env, path, &copy.label, &job).map(|r| r.outputs));
        // Typst's memoized results that the last two copies did not use are dropped: what
        // the copies share stays, and memory stays flat however long the list.
        typst::comemo::evict(2);
    }
    written
}

type Named = (LetterCopy, Result<String, Diagnostic>);

/// The copies `--only` chooses (all without it), in row order, with their names.
fn chosen(
    recipients: &Recipients,
    args: &CopiesArgs,
    extension: &str,
) -> Result<Vec<Named>, Failure> {
    let count = recipients.list.rows.len();
    if let Some(bad) = args.only.iter().find(|n| **n == 0 || **n > count) {
        return Err(Failure::Usage(format!(
            "--only {bad}: {} has rows 1 to {count}",
            recipients.list.file.name
        )));
    }
    Ok(recipients
        .named_copies(extension)
        .into_iter()
        .filter(|(copy, _)| args.only.is_empty() || args.only.contains(&copy.row().number))
        .collect())
}

/// The folder the copies go into: `-o DIR`, else the letter's path without its extension.
fn folder(path: &Path, output: Option<&Path>) -> Result<PathBuf, Failure> {
    let folder = match output {
        Some(out) => out.to_path_buf(),
        None if path.extension().is_some() => path.with_extension(""),
        None => PathBuf::from(format!("{}-copies", path.display())),
    };
    if folder.is_file() {
        return Err(Failure::Usage(format!(
            "{} is a file: a letter with `recipients` writes its copies into a folder (name one with -o DIR)",
            display_path(&folder)
        )));
    }
    Ok(folder)
}

/// Writes the combined print file of `pdfs`, unless a copy failed (a print file missing
/// a copy would pass for complete); whether it was written.
fn write_combined(target: &Path, pdfs: &[PathBuf], all_rendered: bool, duplex: bool) -> bool {
    let shown = display_path(target);
    if !all_rendered {
        say(format_args!(
            "not written: {shown} (a copy failed; the combined file holds every copy or none)"
        ));
        return false;
    }
    // One copy read at a time: a thousand copies are not all held at once.
    let copies = pdfs
        .iter()
        .map(|pdf| std::fs::read(pdf).map_err(|err| format!("{}: {err}", display_path(pdf))));
    let written = match combine(copies, duplex) {
        Ok(bytes) => output::write_output(target, &bytes),
        Err(reason) => Err(vec![Diagnostic::error(
            codes::CANNOT_WRITE,
            format!("cannot combine the copies into {shown}: {reason}"),
        )]),
    };
    match written {
        Ok(()) => {
            say(format_args!("combined {} copies -> {shown}", pdfs.len()));
            true
        }
        Err(problems) => {
            report(&problems);
            false
        }
    }
}
