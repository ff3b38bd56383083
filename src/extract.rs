//! `missive extract`: the files an archival PDF carries (see [`crate::export::attachments`]) read
//! back from the PDF's embedded-files name tree, and written under a folder with their
//! relative paths, so that the letter can be rendered again from the PDF alone.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::export::attachments::{LETTER_DESCRIPTION, copy_row};
use crate::export::output::write_atomic;
use crate::paths::{already_exists, cannot_write};

/// A file embedded in a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedFile {
    /// Its name in the PDF: a path relative to the letter's root for missive's PDFs.
    pub name: String,
    /// Its description, if any.
    pub description: Option<String>,
    /// Its bytes.
    pub data: Vec<u8>,
}

impl EmbeddedFile {
    /// Whether this is the letter source of a PDF missive made.
    pub fn is_letter(&self) -> bool {
        self.description.as_deref() == Some(LETTER_DESCRIPTION)
    }

    /// The row of the list this PDF is the personal copy of, if it is one.
    pub fn copy_row(&self) -> Option<usize> {
        copy_row(self.description.as_deref()?)
    }
}

/// A PDF read for extraction.
pub struct Pdf {
    document: Document,
}

impl Pdf {
    /// Parses PDF bytes.
    pub fn parse(bytes: &[u8]) -> Result<Pdf, String> {
        Document::load_mem(bytes)
            .map(|document| Pdf { document })
            .map_err(|err| format!("not a readable PDF ({err})"))
    }

    /// The embedded files, in the order of the PDF's name tree (sorted by name).
    pub fn embedded_files(&self) -> Result<Vec<EmbeddedFile>, String> {
        let catalog = self
            .document
            .catalog()
            .map_err(|err| format!("the PDF has no catalog ({err})"))?;
        let Some(tree) = self
            .dict_entry(catalog, b"Names")
            .and_then(|names| self.dict_entry(names, b"EmbeddedFiles"))
        else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        self.walk_name_tree(tree, &mut seen, &mut out)?;
        Ok(out)
    }

    /// The standards the PDF claims in its XMP metadata, by the stock CLI's names
    /// (`a-3b`, `ua-1`); empty for a PDF that claims none.
    pub fn claimed_standards(&self) -> Vec<String> {
        let xmp = self
            .document
            .catalog()
            .ok()
            .and_then(|catalog| catalog.get(b"Metadata").ok())
            .and_then(|metadata| self.document.dereference(metadata).ok())
            .and_then(|(_, object)| object.as_stream().ok())
            .and_then(|stream| stream.get_plain_content().ok())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default();
        let mut out = Vec::new();
        if let Some(part) = xmp_property(&xmp, "pdfaid:part") {
            let conformance = xmp_property(&xmp, "pdfaid:conformance").unwrap_or_default();
            out.push(format!("a-{part}{}", conformance.to_ascii_lowercase()));
        }
        if let Some(part) = xmp_property(&xmp, "pdfuaid:part") {
            out.push(format!("ua-{part}"));
        }
        out
    }

    fn dict_entry<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
        let object = dict.get(key).ok()?;
        self.document.dereference(object).ok()?.1.as_dict().ok()
    }

    /// Collects the files of a name-tree node and its kids (each node once).
    fn walk_name_tree(
        &self,
        node: &Dictionary,
        seen: &mut HashSet<ObjectId>,
        out: &mut Vec<EmbeddedFile>,
    ) -> Result<(), String> {
        if let Ok(names) = node.get(b"Names").and_then(Object::as_array) {
            for pair in names.chunks(2) {
                let [key, spec] = pair else { continue };
                out.push(self.file_spec(key, spec)?);
            }
        }
        if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
            for kid in kids {
                let Ok(id) = kid.as_reference() else { continue };
                if !seen.insert(id) {
                    continue;
                }
                if let Ok(dict) = self.document.get_dictionary(id) {
                    self.walk_name_tree(dict, seen, out)?;
                }
            }
        }
        Ok(())
    }

    /// One file specification of the name tree.
    fn file_spec(&self, key: &Object, spec: &Object) -> Result<EmbeddedFile, String> {
        let key_name = lopdf::decode_text_string(key).unwrap_or_default();
        let spec = self
            .document
            .dereference(spec)
            .ok()
            .and_then(|(_, object)| object.as_dict().ok())
            .ok_or_else(|| format!("the embedded file `{key_name}` has no file specification"))?;
        let text = |key: &[u8]| {
            spec.get(key)
                .ok()
                .and_then(|o| lopdf::decode_text_string(o).ok())
        };
        let name = text(b"UF").or_else(|| text(b"F")).unwrap_or(key_name);
        let stream = self
            .dict_entry(spec, b"EF")
            .and_then(|ef| ef.get(b"F").or_else(|_| ef.get(b"UF")).ok())
            .and_then(|object| self.document.dereference(object).ok())
            .and_then(|(_, object)| object.as_stream().ok())
            .ok_or_else(|| format!("the embedded file `{name}` has no data"))?;
        let data = stream.get_plain_content().map_err(|err| {
            format!("the data of the embedded file `{name}` cannot be decoded ({err})")
        })?;
        Ok(EmbeddedFile {
            name,
            description: text(b"Desc"),
            data,
        })
    }
}

/// The value of a simple XMP property, written as an element or as an attribute.
fn xmp_property(xmp: &str, name: &str) -> Option<String> {
    let element = format!("<{name}>");
    if let Some(start) = xmp.find(&element) {
        let rest = &xmp[start + element.len()..];
        return rest.find('<').map(|end| rest[..end].trim().to_string());
    }
    let attribute = format!("{name}=\"");
    let start = xmp.find(&attribute)? + attribute.len();
    let rest = &xmp[start..];
    rest.find('"').map(|end| rest[..end].trim().to_string())
}

/// The relative path an embedded file is written to: plain components only, so that a
/// file from an untrusted PDF can never land outside the output folder.
pub fn safe_relative_path(name: &str) -> Result<PathBuf, String> {
    let refuse = |why: &str| {
        Err(format!(
            "the embedded file `{name}` {why}; it was not written"
        ))
    };
    if name.is_empty() || name.contains('\0') || name.contains('\\') {
        return refuse("has an unusable name");
    }
    let bytes = name.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        return refuse("has an absolute path");
    }
    let mut out = PathBuf::new();
    for component in Path::new(name).components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => return refuse("names a folder above the output folder"),
            _ => return refuse("has an absolute path"),
        }
    }
    if out.as_os_str().is_empty() {
        return refuse("has an unusable name");
    }
    Ok(out)
}

/// Writes the files under `dir` (created if needed). An existing file with other content
/// is kept and reported unless `force`; then nothing at all is written. Returns the paths.
pub fn write_files(
    dir: &Path,
    files: &[EmbeddedFile],
    force: bool,
) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut targets = Vec::new();
    let mut conflicts = Vec::new();
    for file in files {
        let target = dir.join(
            safe_relative_path(&file.name)
                .map_err(|why| vec![Diagnostic::error(codes::UNSAFE_EMBEDDED_NAME, why)])?,
        );
        if target.is_dir() {
            return Err(vec![Diagnostic::error(
                codes::CANNOT_WRITE,
                format!(
                    "{} is a folder; the embedded file `{}` cannot be written",
                    target.display(),
                    file.name
                ),
            )]);
        }
        if !force
            && target.exists()
            && std::fs::read(&target).ok().as_deref() != Some(file.data.as_slice())
        {
            conflicts.push(
                already_exists(&target)
                    .hint("or extract into an empty folder with -o DIR; nothing was written"),
            );
        }
        targets.push(target);
    }
    if !conflicts.is_empty() {
        return Err(conflicts);
    }
    for (file, target) in files.iter().zip(&targets) {
        write_atomic(target, &file.data).map_err(|err| vec![cannot_write(target, &err)])?;
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_names_that_leave_the_output_folder() {
        assert_eq!(
            safe_relative_path("letters/2026/a.md").unwrap(),
            PathBuf::from("letters/2026/a.md")
        );
        assert_eq!(
            safe_relative_path("./missive.toml").unwrap(),
            PathBuf::from("missive.toml")
        );
        assert_eq!(
            safe_relative_path("re: visit.md").unwrap(),
            PathBuf::from("re: visit.md")
        );
        for bad in [
            "../x.md",
            "a/../../x",
            "/etc/passwd",
            "",
            ".",
            "a\\b",
            "C:x",
        ] {
            assert!(safe_relative_path(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn reads_xmp_properties_as_elements_and_attributes() {
        let xmp =
            r#"<x><pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></x>"#;
        assert_eq!(xmp_property(xmp, "pdfaid:part").as_deref(), Some("3"));
        assert_eq!(
            xmp_property(xmp, "pdfaid:conformance").as_deref(),
            Some("B")
        );
        let attr = r#"<rdf:Description pdfuaid:part="1"/>"#;
        assert_eq!(xmp_property(attr, "pdfuaid:part").as_deref(), Some("1"));
        assert_eq!(xmp_property(attr, "pdfaid:part"), None);
    }

    #[test]
    fn keeps_existing_files_with_other_content_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("missive.toml"), "old").unwrap();
        let files = vec![
            EmbeddedFile {
                name: "letters/a.md".into(),
                description: None,
                data: b"letter".to_vec(),
            },
            EmbeddedFile {
                name: "missive.toml".into(),
                description: None,
                data: b"new".to_vec(),
            },
        ];
        let err: Vec<String> = write_files(dir.path(), &files, false)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        let err = err.join("\n");
        assert!(
            err.contains("missive.toml") && err.contains("--force"),
            "{err}"
        );
        assert!(
            !dir.path().join("letters/a.md").exists(),
            "a partial extraction was written"
        );
        write_files(dir.path(), &files, true).unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("missive.toml")).unwrap(),
            b"new"
        );
        assert_eq!(
            std::fs::read(dir.path().join("letters/a.md")).unwrap(),
            b"letter"
        );
    }
}
