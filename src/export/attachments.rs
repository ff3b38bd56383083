//! The files an archival PDF carries so that it can be regenerated from the PDF alone:
//! the letter source, the house file and every file the letter used (templates, images,
//! data), attached with their paths relative to the root by `pdf.attach` calls in the
//! generated `main.typ`. `missive extract` writes them back.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::letter::Letter;
use crate::letter::assets;
use crate::letter::house::HOUSE_FILE;
use crate::letter::source;
use crate::typeset::templates::Template;

/// Description of the attached letter source; `missive extract` looks for it.
pub const LETTER_DESCRIPTION: &str =
    "Letter source (TOML front matter and Markdown) typeset by missive";

/// One file to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Project path (`/letters/2026/minister.md`); the PDF names the file without the `/`.
    pub path: String,
    /// Its MIME type.
    pub mime_type: &'static str,
    /// What the file is, shown by PDF viewers.
    pub description: &'static str,
    /// `"source"` for what the letter is written in, `"data"` for what it shows.
    pub relationship: &'static str,
}

/// The project paths of the files a letter is expected to read: its images and its own
/// template file, sorted (a template may read more, which only compiling reveals).
pub fn expected_files(letter: &Letter) -> Vec<String> {
    let mut paths = letter.images();
    if let Template::File(path) = &letter.template {
        paths.push(path.clone());
    }
    paths.sort();
    paths.dedup();
    paths
}

/// The attachments of a letter: its source, its house file, then the files it reads while
/// being typeset (`used`: project paths in path order, as `LetterWorld::disk_files` lists them).
pub fn list<'a>(
    letter: &Letter,
    used: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<Attachment>, Diagnostics> {
    let letter_path = letter_project_path(letter)?;
    let mut out = vec![Attachment {
        path: letter_path,
        mime_type: "text/markdown",
        description: LETTER_DESCRIPTION,
        relationship: "source",
    }];
    if letter.house.is_some() {
        out.push(Attachment {
            path: format!("/{HOUSE_FILE}"),
            mime_type: "application/toml",
            description: "House settings of the organisation (missive.toml)",
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

/// The project path of the letter's own file.
fn letter_project_path(letter: &Letter) -> Result<String, Diagnostics> {
    let path = &letter.source.path;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let canonical = dir.canonicalize().map_err(|err| {
        vec![Diagnostic::error(format!(
            "cannot open the folder of {}: {}",
            path.display(),
            source::io_reason(&err)
        ))]
    })?;
    let file = canonical.join(path.file_name().unwrap_or_default());
    assets::project_path(&letter.root, &file).ok_or_else(|| {
        vec![
            Diagnostic::error(format!(
                "{} cannot be embedded: its path is not plain UTF-8 inside {}",
                path.display(),
                letter.root.display()
            ))
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
        description,
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
