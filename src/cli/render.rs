//! `missive render`: letters to PDF, PNG or SVG, next to each source by default.

use std::path::Path;

use super::args::RenderArgs;
use super::exit::{Failure, Outcome, all_ok};
use super::fonts::environment;
use crate::export::Format;
use crate::paths::display_path;
use crate::pipeline::{self, Job, Rendered};
use crate::term::{report, say};
use crate::typeset::world::Environment;

/// Runs `missive render`.
pub(super) fn run(args: RenderArgs) -> Outcome {
    let format = args.format.format();
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
    if format != Format::Pdf && args.standards.pdf_standard.is_some() {
        return Err(Failure::Usage(
            "--pdf-standard applies to PDF output only (drop it, or use --format pdf)".into(),
        ));
    }
    let env = environment(&args.fonts)?;
    let standards = args.standards.standards();
    let mut ok = true;
    for path in &args.letters {
        let output = match &args.output {
            Some(out) if into_dir => out
                .join(path.file_name().unwrap_or_default())
                .with_extension("pdf"),
            Some(out) => out.clone(),
            None => path.with_extension("pdf"),
        };
        let job = Job {
            output: &output,
            format,
            standards: &standards,
            emit_typst: args.emit_typst.as_deref(),
            draft: args.draft,
        };
        ok &= render_and_report(&env, path, &job).is_some();
    }
    all_ok(ok)
}

/// Renders one letter and reports the outcome; `None` if it failed.
pub(super) fn render_and_report(env: &Environment, path: &Path, job: &Job) -> Option<Rendered> {
    match pipeline::render(env, path, job) {
        Ok(rendered) => {
            report(&rendered.warnings);
            let files: Vec<String> = rendered
                .written
                .iter()
                .map(|(p, _)| display_path(p))
                .collect();
            say(format_args!(
                "rendered {} -> {}",
                display_path(path),
                files.join(", ")
            ));
            Some(rendered)
        }
        Err(problems) => {
            report(&problems);
            say(format_args!(
                "failed: {} (nothing written)",
                display_path(path)
            ));
            None
        }
    }
}
