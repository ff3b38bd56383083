//! One letter (or personal copy) rendered through the pipeline, and its outcome reported:
//! its warnings or errors, the files written, JSON lines.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::export::Format;
use crate::paths::display_path;
use crate::pipeline::{self, Job, Rendered, Written};
use crate::term::json::{self, Status};
use crate::term::{record, report, say};
use crate::typeset::world::Environment;

/// Renders one letter (or copy, shown as `source`) and reports the outcome; `None` if
/// it failed.
pub(super) fn render_and_report(
    env: &Environment,
    path: &Path,
    source: &str,
    job: &Job,
) -> Option<Rendered> {
    match pipeline::render(env, path, job) {
        Ok(rendered) => {
            report_rendered(
                source,
                &rendered.outputs,
                rendered.pages,
                &rendered.warnings,
            );
            Some(rendered)
        }
        Err(problems) => {
            report_failed(source, &problems);
            None
        }
    }
}

/// Reports a letter (or copy, shown as `source`) rendered to `outputs`: its warnings, a
/// JSON line per file and the line that names them.
pub(super) fn report_rendered(
    source: &str,
    outputs: &[Written],
    pages: usize,
    warnings: &[Diagnostic],
) {
    report(warnings);
    let mut shown = Vec::new();
    for output in outputs {
        // A PDF holds every page; PNG and SVG write one file a page.
        let pages = if output.format == Format::Pdf {
            pages
        } else {
            1
        };
        for (path, _) in &output.files {
            let file = display_path(path);
            let extension = output.format.extension();
            record(|| json::file_written(source, &file, extension, Some(pages)));
            shown.push(file);
        }
    }
    record(|| json::letter_finished(source, Status::Rendered));
    say(format_args!("rendered {source} -> {}", shown.join(", ")));
}

/// Reports a letter (or copy, shown as `source`) that failed with `problems`.
pub(super) fn report_failed(source: &str, problems: &[Diagnostic]) {
    report(problems);
    record(|| json::letter_finished(source, Status::Failed));
    say(format_args!("failed: {source} (nothing written)"));
}
