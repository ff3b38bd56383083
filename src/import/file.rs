//! Importing one file: its format known by its content, read by its reader (text in its
//! encoding, a Word file, a web page), turned into a letter source written with its
//! images, the report printed, and the source checked as `missive check` checks it,
//! typesetting included. A file that cannot be read, or whose source cannot be written,
//! leaves nothing behind.

use std::fmt::Write as _;
use std::path::Path;

use super::document::Document;
use super::encoding::Decoded;
use super::failure::Failure;
use super::format::{self, Format};
use super::from_document::{self, Origin};
use super::job::{Imported, Options};
use super::limits::MAX_DOCX_BYTES;
use super::refusal::Refusal;
use super::text::convert;
use super::{docx, encoding, html};

use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::export::output::write_atomic;
use crate::letter::house::{self, ImportRules};
use crate::paths::{already_exists, cannot_write, display_path, folder_of, io_reason};
use crate::pipeline::{self, Standards};
use crate::term::{json, record};
use crate::typeset::world::Environment;

/// Imports one file and writes its report into `log`; Ok(whether the written letter
/// checks clean, and what `missive check` says about it).
pub fn import_one(
    env: &Environment,
    file: &Path,
    target: &Path,
    options: &Options,
    log: &mut String,
) -> Result<(bool, Diagnostics), Diagnostics> {
    let name = display_path(file);
    let bytes = read(file, &name)?;
    let format = format::recognise(&bytes).map_err(|r| refused(&name, &r))?;
    if target.exists() && !options.force {
        return Err(vec![already_exists(target)]);
    }
    // Read before anything is created: a file refused leaves no folder behind.
    let input = read_input(format, &bytes, &name, options)?;
    let dir = folder_of(target);
    let cannot = |err: std::io::Error| vec![cannot_write(target, &err)];
    // The house is looked for from the output folder, or from the nearest folder above
    // it that exists: the folder is only made once there is a letter to write in it.
    let existing = dir
        .ancestors()
        .find(|a| a.is_dir())
        .unwrap_or(Path::new("."));
    let house = house::find(&existing.canonicalize().map_err(cannot)?)?;
    let rules = house.map(|h| h.config.import).unwrap_or_default();
    let mut imported = letter(input, (file, &name), target, &rules)?;
    if let Some(named) = Format::by_extension(&name).filter(|named| *named != format) {
        imported.report.notices.push(format!(
            "named as {}, but it is {}: read as {}",
            named.name(),
            format.name(),
            format.name()
        ));
    }
    std::fs::create_dir_all(dir).map_err(cannot)?;
    write(dir, target, &imported).map_err(cannot)?;
    record(|| json::file_written(&name, &display_path(target), "letter", None));
    let _ = writeln!(
        log,
        "{name} -> {} ({})",
        display_path(target),
        format.name()
    );
    let _ = write!(log, "{}", imported.report);
    let unused = options
        .encoding
        .filter(|_| format == Format::Word)
        .map(|given| {
            Diagnostic::warning(
                codes::IMPORT_ENCODING_UNUSED,
                format!(
                    "{name}: --encoding {} is not used: a Word file has no legacy encoding",
                    given.name().to_lowercase()
                ),
            )
            .hint("--encoding applies to text files and web pages")
        });
    let (clean, mut diagnostics) =
        match pipeline::check(env, (target, None), &Standards::House, false) {
            Ok(checked) => {
                let _ = writeln!(log, "  {:<11} ok", "check");
                (true, checked.warnings())
            }
            Err(problems) => {
                let _ = writeln!(
                    log,
                    "  {:<11} {} problem(s) to fix in {}",
                    "check",
                    problems.len(),
                    display_path(target)
                );
                (false, problems)
            }
        };
    diagnostics.extend(unused);
    Ok((clean, diagnostics))
}

/// The file's bytes, refusing one too large to be a letter before reading it whole.
fn read(file: &Path, name: &str) -> Result<Vec<u8>, Diagnostics> {
    let unreadable = |err: std::io::Error| {
        vec![Diagnostic::error(
            codes::CANNOT_READ,
            format!("cannot read {name}: {}", io_reason(&err)),
        )]
    };
    let size = std::fs::metadata(file).map_err(unreadable)?.len();
    if size > MAX_DOCX_BYTES as u64 {
        return Err(vec![
            Diagnostic::error(codes::IMPORT_REFUSED, format!(
                "{name} is refused: it is {} MiB, and missive imports files of at most {} MiB",
                size >> 20,
                MAX_DOCX_BYTES >> 20
            ))
            .hint("a letter is far smaller; for a Word file, remove large images, or save the letter's text"),
        ]);
    }
    std::fs::read(file).map_err(unreadable)
}

/// A reader's refusal as the diagnostic that names the file.
fn refused(name: &str, refusal: &Refusal) -> Diagnostics {
    vec![
        Diagnostic::error(codes::IMPORT_REFUSED, format!("{name} {}", refusal.reason))
            .hint(refusal.hint.clone()),
    ]
}

/// A file as its reader read it.
enum Input {
    /// A text, decoded, and how.
    Text(Decoded),
    /// A Word file or a web page.
    Document(Box<Document>),
}

/// Reads a file of a known format, or says why it cannot be read.
fn read_input(
    format: Format,
    bytes: &[u8],
    name: &str,
    options: &Options,
) -> Result<Input, Diagnostics> {
    let empty = |why: &str| {
        vec![
            Diagnostic::error(codes::IMPORT_EMPTY, format!("{name}: {why}"))
                .hint("import the file that holds the letter's text"),
        ]
    };
    let document = match format {
        Format::Text => {
            let decoded = encoding::decode(bytes, options.encoding, None);
            if decoded.text.trim().is_empty() {
                return Err(empty("the file holds no text"));
            }
            return Ok(Input::Text(decoded));
        }
        Format::Word => docx::read(bytes),
        Format::Web => html::read(bytes, options.encoding),
    };
    let document = document.map_err(|r| refused(name, &r))?;
    if document.blocks.iter().all(|b| b.text().trim().is_empty()) {
        return Err(empty(if format == Format::Web {
            "the page shows no text (a page whose text its scripts write shows none to missive, which never runs them)"
        } else {
            "the file holds no text"
        }));
    }
    Ok(Input::Document(Box::new(document)))
}

/// The letter source of what was read from a file (its path and its name as shown).
fn letter(
    input: Input,
    (file, name): (&Path, &str),
    target: &Path,
    rules: &ImportRules,
) -> Result<Imported, Diagnostics> {
    let failed = |failure: Failure| {
        vec![Diagnostic::error(
            failure.code(),
            format!("{name}: {failure}"),
        )]
    };
    match input {
        Input::Text(decoded) => {
            let mut imported = convert(&decoded.text, rules).map_err(failed)?;
            imported.report.encoding = Some(decoded.to_string());
            Ok(imported)
        }
        Input::Document(document) => {
            let stem = target
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "letter".into());
            let origin = Origin {
                stem: &stem,
                folder: folder_of(file),
            };
            from_document::convert(&document, rules, &origin).map_err(failed)
        }
    }
}

/// Writes the images, then the letter source; when the source cannot be written, the
/// images written for it are removed.
fn write(dir: &Path, target: &Path, imported: &Imported) -> std::io::Result<()> {
    let mut written = Vec::new();
    let result = imported
        .files
        .iter()
        .try_for_each(|(name, bytes)| {
            let path = dir.join(name);
            write_atomic(&path, bytes)?;
            written.push(path);
            Ok(())
        })
        .and_then(|()| write_atomic(target, imported.source.as_bytes()));
    if result.is_err() {
        for path in written {
            let _ = std::fs::remove_file(path);
        }
    }
    result
}
