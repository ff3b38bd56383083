//! `missive render` of a letter with `recipients`: one personal copy per row of its list,
//! written into a folder named after the letter (or `-o DIR`), named by the row's `file`
//! or by its number and name, never two on one name; `--only` chooses rows,
//! `--combined` also writes one print file of them all. A bad row fails only its copy.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::args::{CopiesArgs, RenderArgs};
use super::exit::Failure;
use super::rendering::render_and_report;
use crate::diagnostic::{Diagnostic, codes};
use crate::export::combine::combine;
use crate::export::output;
use crate::letter::copies::{LetterCopy, Recipients};
use crate::paths::display_path;
use crate::pipeline::{self, Job, Rendered, Standards};
use crate::term::json::{self, Status};
use crate::term::{record, report, say};
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
            report(&problems);
            let source = display_path(path);
            record(|| json::letter_finished(&source, Status::Failed));
            say(format_args!("failed: {source} (nothing written)"));
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

/// Renders the chosen copies of the letter at `path`; `Ok(false)` if one failed.
fn render(
    env: &Environment,
    path: &Path,
    recipients: &Recipients,
    args: &RenderArgs,
    standards: &Standards,
) -> Result<bool, Failure> {
    let format = args.format.format();
    let chosen = chosen(recipients, &args.copies)?;
    let folder = folder(path, args.output.as_deref())?;
    let width = recipients.list.rows.len().to_string().len().max(2);
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut ok = true;
    let mut pdfs = Vec::new();
    for copy in chosen {
        let row = copy.row().number;
        let label = format!("{} row {row}", display_path(path));
        let file = format!("{}.{}", copy.file_stem(width), format.extension());
        if let Some(other) = taken.get(&file.to_lowercase()) {
            report(&[copy.name_taken(&file, *other)]);
            say(format_args!("failed: {label} (nothing written)"));
            ok = false;
            continue;
        }
        taken.insert(file.to_lowercase(), row);
        let output = folder.join(&file);
        let job = Job {
            output: &output,
            format,
            standards,
            emit_typst: None,
            draft: args.draft,
            copy: Some(&copy),
        };
        match render_and_report(env, path, &label, &job) {
            Some(Rendered { written, .. }) => pdfs.extend(written.into_iter().map(|(p, _)| p)),
            None => ok = false,
        }
        // Typst's memoized results that the last two copies did not use are dropped: what
        // the copies share stays, and memory stays flat however long the list.
        typst::comemo::evict(2);
    }
    if let Some(combined) = &args.copies.combined {
        ok &= write_combined(combined, &pdfs, ok, args.copies.duplex);
    }
    Ok(ok)
}

/// The copies `--only` chooses (all without it), in row order.
fn chosen(recipients: &Recipients, args: &CopiesArgs) -> Result<Vec<LetterCopy>, Failure> {
    let count = recipients.list.rows.len();
    if let Some(bad) = args.only.iter().find(|n| **n == 0 || **n > count) {
        return Err(Failure::Usage(format!(
            "--only {bad}: {} has rows 1 to {count}",
            recipients.list.file.name
        )));
    }
    Ok(recipients
        .copies()
        .filter(|copy| args.only.is_empty() || args.only.contains(&copy.row().number))
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
