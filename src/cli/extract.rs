//! `missive extract`: the sources an archival PDF carries, written back.

use std::path::Path;

use super::args::ExtractArgs;
use super::exit::{Failure, Outcome};
use crate::diagnostic::{Diagnostic, codes};
use crate::extract::{EmbeddedFile, Pdf, write_files};
use crate::letter::house::HOUSE_FILE;
use crate::paths::{display_path, io_reason};
use crate::term::{report, say};

/// Runs `missive extract`.
pub(super) fn run(args: ExtractArgs) -> Outcome {
    let name = display_path(&args.pdf);
    let fail = |why: String| {
        report(&[Diagnostic::error(
            codes::PDF_UNREADABLE,
            format!("{name}: {why}"),
        )]);
        Failure::Failed
    };
    let bytes = std::fs::read(&args.pdf)
        .map_err(|err| fail(format!("cannot read it: {}", io_reason(&err))))?;
    let pdf = Pdf::parse(&bytes).map_err(fail)?;
    let files = pdf.embedded_files().map_err(fail)?;
    if files.is_empty() {
        return Err(fail(
            "the PDF carries no embedded files; only PDFs rendered with \
             `--pdf-standard a-3b` (or a-3u, a-3a, a-4f) carry their letter's sources"
                .into(),
        ));
    }
    let dir = args.output.clone().unwrap_or_else(|| {
        let stem = args.pdf.file_stem().unwrap_or_default().to_string_lossy();
        args.pdf.with_file_name(format!("{stem}-source"))
    });
    let written = write_files(&dir, &files, args.force.force).map_err(|problems| {
        report(&problems);
        Failure::Failed
    })?;
    let count = if written.len() == 1 {
        "1 file".to_string()
    } else {
        format!("{} files", written.len())
    };
    say(format_args!(
        "extracted {count} from {name} into {}:",
        display_path(&dir)
    ));
    for (file, path) in files.iter().zip(&written) {
        say(format_args!(
            "  {}: {}",
            display_path(path),
            file.description.as_deref().unwrap_or("no description")
        ));
    }
    if let Some((_, letter)) = files
        .iter()
        .zip(&written)
        .find(|(file, _)| file.is_letter())
    {
        how_to_render(&pdf, &files, letter, &dir);
    }
    Ok(())
}

/// Says how to render the extracted letter again, and warns of a house file above the
/// folder that would apply to a letter that had none.
fn how_to_render(pdf: &Pdf, files: &[EmbeddedFile], letter: &Path, dir: &Path) {
    let standards = pdf.claimed_standards();
    let mut option = if standards.is_empty() {
        String::new()
    } else {
        format!(" --pdf-standard {}", standards.join(","))
    };
    if let Some(row) = files.iter().find_map(EmbeddedFile::copy_row) {
        option.push_str(&format!(" --only {row}"));
    }
    say(format_args!(
        "render it again with: missive render {}{option}",
        display_path(letter)
    ));
    if files.iter().any(|file| file.name == HOUSE_FILE) {
        return;
    }
    let above = dir.canonicalize().ok().and_then(|d| {
        d.ancestors()
            .find(|a| a.join(HOUSE_FILE).is_file())
            .map(|a| a.join(HOUSE_FILE))
    });
    if let Some(house) = above {
        say(format_args!(
            "note: the letter had no house file, but {} would apply to it there; \
             extract into a folder outside that house to render it as it was",
            display_path(&house)
        ));
    }
}
