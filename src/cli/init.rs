//! `missive init [DIR]`: a new house folder: `missive.toml` with every key (optional ones
//! commented), its JSON Schema for editors, `letters/` with a first letter that renders as
//! it is, and a `.gitignore` for the PDFs. It never overwrites: the folder must be empty.

use std::path::{Path, PathBuf};

use chrono::Local;

use super::args::InitArgs;
use super::exit::{Failure, Outcome};
use crate::diagnostic::{Diagnostic, codes};
use crate::export::output::write_atomic;
use crate::letter::house::HOUSE_FILE;
use crate::letter::json_schema::{self, HOUSE_SCHEMA_FILE};
use crate::letter::scaffold::{house_text, letter_text};
use crate::paths::{cannot_write, display_path};
use crate::term::{report, say};

/// The first letter, inside the house folder.
const FIRST_LETTER: &str = "letters/first-letter.md";

/// Runs `missive init`.
pub(super) fn run(args: InitArgs) -> Outcome {
    let dir = &args.dir;
    if let Some(problem) = not_empty(dir) {
        report(&[problem]);
        return Err(Failure::Failed);
    }
    let date = Local::now().date_naive().format("%Y-%m-%d").to_string();
    let files = [
        (HOUSE_FILE, house_text(&organization(dir))),
        (HOUSE_SCHEMA_FILE, json_schema::house()),
        (FIRST_LETTER, letter_text(&date, true)),
        (".gitignore", "# PDFs, PNGs and SVGs are made from the letters: `missive render`.\n*.pdf\n*.png\n*.svg\n".into()),
    ];
    let mut written: Vec<PathBuf> = Vec::new();
    for (name, text) in &files {
        let path = dir.join(name);
        if let Err(err) = write_atomic(&path, text.as_bytes()) {
            // Nothing half-made is left: the files written so far go again.
            for done in written.iter().rev() {
                let _ = std::fs::remove_file(done);
            }
            let _ = std::fs::remove_dir(dir.join("letters"));
            report(&[cannot_write(&path, &err)]);
            return Err(Failure::Failed);
        }
        written.push(path);
    }
    let shown = display_path(dir);
    say(format_args!(
        "created the house {shown}: {HOUSE_FILE}, {HOUSE_SCHEMA_FILE}, {FIRST_LETTER}, .gitignore"
    ));
    say(format_args!(
        "next: put your organisation's details in {}, then run `missive render {}`",
        display_path(&dir.join(HOUSE_FILE)),
        display_path(&dir.join(FIRST_LETTER))
    ));
    Ok(())
}

/// The error for a folder `init` would have to write into over something: a file, or a
/// folder that is not empty.
fn not_empty(dir: &Path) -> Option<Diagnostic> {
    let shown = display_path(dir);
    if dir.exists() && !dir.is_dir() {
        return Some(
            Diagnostic::error(
                codes::FOLDER_NOT_EMPTY,
                format!("{shown} is a file, not a folder"),
            )
            .hint("give `missive init` the name of a new or empty folder"),
        );
    }
    let first = std::fs::read_dir(dir).ok()?.flatten().next()?;
    Some(
        Diagnostic::error(
            codes::FOLDER_NOT_EMPTY,
            format!(
                "{shown} is not empty (it holds {}); `missive init` writes only into a new or empty folder",
                first.file_name().to_string_lossy()
            ),
        )
        .hint("run `missive init NEW-FOLDER` to create the house beside what is there"),
    )
}

/// A stand-in organisation name: the folder's own name, which the user then corrects.
fn organization(dir: &Path) -> String {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Name of the organisation".into())
}
