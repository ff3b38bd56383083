//! `missive render`: letters to PDF, PNG or SVG, next to each source by default.

use std::collections::HashSet;
use std::path::Path;

use super::args::RenderArgs;
use super::copies;
use super::exit::{self, Failure, Outcome, all_ok};
use super::fonts::environment;
use super::rendering::render_and_report;
use crate::budget;
use crate::export::Format;
use crate::paths::display_path;
use crate::pipeline::{Job, Rendered, Target};
use crate::term::say;

/// Runs `missive render`.
pub(super) fn run(args: RenderArgs) -> Outcome {
    if let Some(misused) = args.format.misused() {
        return Err(Failure::Usage(misused));
    }
    let formats = args.format.formats();
    let to_pdf = formats.contains(&Format::Pdf);
    let into_dir = match &args.output {
        Some(out) => out.is_dir() || out.as_os_str().to_string_lossy().ends_with('/'),
        None => false,
    };
    if args.letters.len() > 1 && args.output.is_some() && !into_dir {
        return Err(Failure::Usage(
            "with several letters, -o must name a folder".into(),
        ));
    }
    if args.letters.len() > 1 && args.emit_typst.is_some() {
        return Err(Failure::Usage(
            "--emit-typst takes one letter at a time".into(),
        ));
    }
    if !to_pdf && args.standards.pdf_standard.is_some() {
        return Err(Failure::Usage(
            "--pdf-standard applies to PDF output only (drop it, or use --format pdf)".into(),
        ));
    }
    if !to_pdf && args.copies.combined.is_some() {
        return Err(Failure::Usage(
            "--combined writes a PDF: drop it, or use --format pdf".into(),
        ));
    }
    let env = environment(&args.fonts)?;
    budget::enforce(args.limits.given(), exit::overrun);
    let standards = args.standards.standards();
    let mut ok = true;
    let mut houses = HashSet::new();
    for path in &args.letters {
        if let Some(copies_ok) = copies::render_if_copies(&env, path, &args, &standards)? {
            ok &= copies_ok;
            continue;
        }
        let output = match &args.output {
            Some(out) if into_dir => out
                .join(path.file_name().unwrap_or_default())
                .with_extension("pdf"),
            Some(out) => out.clone(),
            None => path.with_extension("pdf"),
        };
        // Each format gets its extension (`output::page_paths`).
        let targets: Vec<Target> = (formats.iter())
            .map(|&format| Target {
                format,
                path: output.clone(),
            })
            .collect();
        let job = Job {
            targets: &targets,
            standards: &standards,
            emit_typst: args.emit_typst.as_deref(),
            draft: args.draft,
            copy: None,
        };
        match render_and_report(&env, path, &display_path(path), &job) {
            Some(rendered) => say_house(path, &rendered, &mut houses),
            None => ok = false,
        }
    }
    all_ok(ok)
}

/// Says which house file a letter was rendered with, once per house and command, or
/// that it had none: without one, a letter has no letterhead unless it sets its own,
/// and nothing else would tell a new user why.
fn say_house(path: &Path, rendered: &Rendered, said: &mut HashSet<Option<String>>) {
    let house = rendered.house.as_ref().map(|h| h.name.clone());
    if !said.insert(house.clone()) {
        return;
    }
    match house {
        Some(name) => say(format_args!("house: {name}")),
        None => say(format_args!(
            "note: no missive.toml in {} or any folder above it, so no house: no letterhead but the letter's own `[letterhead]`; put a missive.toml in a folder above the letters (README, \"The house\")",
            display_path(crate::paths::folder_of(path))
        )),
    }
}
