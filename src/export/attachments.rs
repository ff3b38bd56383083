//! The files an archival PDF carries so that it can be regenerated from the PDF alone:
//! the letter source, the house file and every file the letter used (templates, images,
//! data), attached with their paths relative to the root by `pdf.attach` calls in the
//! generated `main.typ` ([`typeset_for`]). `missive extract` writes them back.

use typst_pdf::PdfStandard;

use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::letter::Template;
use crate::letter::assets;
use crate::letter::house::HOUSE_FILE;
use crate::letter::standards::embeds_sources as standards_embed_sources;
use crate::typeset::project::Attachment;
use crate::typeset::world::Environment;
use crate::typeset::{self, Prepared, Typeset};

/// Description of the attached letter source; `missive extract` looks for it.
pub const LETTER_DESCRIPTION: &str =
    "Letter source (TOML front matter and Markdown) typeset by missive";

/// Typesets a letter for PDFs made to `standards` (none for plain PDFs and images).
///
/// Under a standard that embeds the sources ([`standards_embed_sources`]), the document
/// attaches the letter source, the house file and the files the letter reads: those it is
/// expected to read (images, template file); if compiling shows that it read more (files a
/// template imports or loads), it is compiled once more with those attached too.
pub fn typeset_for(
    env: &Environment,
    prepared: &Prepared,
    standards: &[PdfStandard],
) -> Result<Typeset, Diagnostics> {
    if !standards_embed_sources(standards) {
        return typeset::typeset(env, prepared, &[]);
    }
    let expected = expected_files(prepared);
    let attached = list(prepared, expected.iter().map(String::as_str))?;
    let typeset = typeset::typeset(env, prepared, &attached)?;
    let needed = list(
        prepared,
        typeset.files.iter().map(|(path, _)| path.as_str()),
    )?;
    if needed == attached {
        return Ok(typeset);
    }
    typeset::typeset(env, prepared, &needed)
}

/// The project paths of the files a letter is expected to read: its images and its own
/// template file, sorted (a template may read more, which only compiling reveals).
fn expected_files(prepared: &Prepared) -> Vec<String> {
    let mut paths = prepared.images();
    if let Template::File(path) = &prepared.letter.template {
        paths.push(path.clone());
    }
    paths.sort();
    paths.dedup();
    paths
}

/// The attachments of a letter: its source, its house file, then the files it reads while
/// being typeset (`used`: project paths in path order, as `LetterWorld::disk_files` lists them).
fn list<'a>(
    prepared: &Prepared,
    used: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<Attachment>, Diagnostics> {
    let letter = &prepared.letter;
    let mut out = vec![Attachment {
        path: letter_project_path(letter)?,
        mime_type: "text/markdown",
        description: LETTER_DESCRIPTION.into(),
        relationship: "source",
    }];
    if letter.house.is_some() {
        out.push(Attachment {
            path: format!("/{HOUSE_FILE}"),
            mime_type: "application/toml",
            description: "House settings of the organisation (missive.toml)".into(),
            relationship: "source",
        });
    }
    if let Some(copy) = &letter.copy {
        let path = &copy.recipients.project_path;
        out.push(Attachment {
            path: path.clone(),
            mime_type: if path.ends_with(".xlsx") {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            } else {
                "text/csv"
            },
            description: copy_description(copy.row().number),
            relationship: "source",
        });
    }
    for path in used {
        if out.iter().all(|a| a.path != path) {
            out.push(used_file(path));
        }
    }
    Ok(out)
}

/// Start of the description of an attached list of recipients; `missive extract` reads
/// the copy's row from the rest ([`copy_row`]).
pub const LIST_DESCRIPTION: &str = "List of recipients; this PDF is the copy of row ";

/// The description of the list attached to the copy of row `row`.
fn copy_description(row: usize) -> String {
    format!("{LIST_DESCRIPTION}{row}")
}

/// The row of the copy a list's attachment `description` names, if it is one.
pub fn copy_row(description: &str) -> Option<usize> {
    description.strip_prefix(LIST_DESCRIPTION)?.parse().ok()
}

/// The project path of the letter's own file.
fn letter_project_path(letter: &crate::letter::Letter) -> Result<String, Diagnostics> {
    let path = &letter.source.path;
    let file = letter.dir.join(path.file_name().unwrap_or_default());
    assets::project_path(&letter.root, &file).ok_or_else(|| {
        vec![
            Diagnostic::error(
                codes::CANNOT_EMBED,
                format!(
                    "{} cannot be embedded: its path is not plain UTF-8 inside {}",
                    path.display(),
                    letter.root.display()
                ),
            )
            .hint("rename the letter's file or folder with UTF-8 characters"),
        ]
    })
}

/// A file the letter read, described by its kind.
fn used_file(path: &str) -> Attachment {
    let extension = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let (mime_type, description, relationship) = match extension.as_str() {
        "typ" => ("text/x-typst", "Template file (Typst)", "source"),
        "md" => (
            "text/markdown",
            "Markdown file read by the template",
            "source",
        ),
        "toml" => (
            "application/toml",
            "TOML file read by the template",
            "source",
        ),
        "png" => ("image/png", "Image shown in the letter", "data"),
        "jpg" | "jpeg" => ("image/jpeg", "Image shown in the letter", "data"),
        "gif" => ("image/gif", "Image shown in the letter", "data"),
        "webp" => ("image/webp", "Image shown in the letter", "data"),
        "svg" => ("image/svg+xml", "Image shown in the letter", "data"),
        "pdf" => ("application/pdf", "PDF shown in the letter", "data"),
        "json" => ("application/json", "Data file read by the template", "data"),
        "csv" => ("text/csv", "Data file read by the template", "data"),
        "yaml" | "yml" => ("application/yaml", "Data file read by the template", "data"),
        "xml" => ("application/xml", "Data file read by the template", "data"),
        "bib" => (
            "application/x-bibtex",
            "Bibliography read by the template",
            "data",
        ),
        "txt" => ("text/plain", "Text file read by the template", "data"),
        _ => (
            "application/octet-stream",
            "File read by the template",
            "data",
        ),
    };
    Attachment {
        path: path.to_string(),
        mime_type,
        description: description.into(),
        relationship,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_used_files_by_kind() {
        assert_eq!(used_file("/img/Logo.PNG").mime_type, "image/png");
        assert_eq!(used_file("/img/logo.svg").relationship, "data");
        let template = used_file("/house/letter.typ");
        assert_eq!(
            (template.mime_type, template.relationship),
            ("text/x-typst", "source")
        );
        assert_eq!(used_file("/notes").mime_type, "application/octet-stream");
    }
}
