//! The Word package: a zip archive of XML parts linked by relationships (OPC). Opening it
//! tells a Word file from what only looks like one (an encrypted or old binary Word file,
//! an OpenDocument or Excel file, a PDF renamed `.docx`); reading a part never unpacks
//! more than the limits allow, whatever sizes the archive declares.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::Node;
use zip::ZipArchive;
use zip::result::ZipError;

use super::refusals::{bomb, encrypted, not_a_zip, ole, zip_reason};
use super::xml;
use crate::import::limits::{
    MAX_DOCX_BYTES, MAX_PART_BYTES, MAX_RATIO, MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES, RATIO_FLOOR,
};
use crate::import::refusal::Refusal;

/// The signature of an OLE compound file: an encrypted OOXML file, or a Word 97–2003 one.
const OLE: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// The hint for a damaged package.
const DAMAGED: &str = "the file is damaged or was not copied whole; open it in Word or LibreOffice and save it again, or take it again from where it came";

/// An open Word package.
pub struct Package<'b> {
    archive: ZipArchive<Cursor<&'b [u8]>>,
    /// Part names, normalised (lower case, `/`-separated, no leading `/`), to entry index.
    names: HashMap<String, usize>,
    /// Bytes unpacked so far.
    unpacked: u64,
}

/// A relationship from one part to another part or to an address outside the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    /// The last segment of its type (`hyperlink`, `image`, `footnotes`, `header` …).
    pub kind: String,
    /// The target: a part name resolved against the source part, or the address as written
    /// when external.
    pub target: String,
    /// Whether the target is outside the package.
    pub external: bool,
}

/// A part's relationships by id.
pub type Relationships = HashMap<String, Relationship>;

impl<'b> Package<'b> {
    /// Opens the bytes of a file as a Word package, or says what the file is instead.
    pub fn open(bytes: &'b [u8]) -> Result<Package<'b>, Refusal> {
        if bytes.len() > MAX_DOCX_BYTES {
            return Err(Refusal::new(
                format!(
                    "is refused: it is {} MiB, and missive reads Word files of at most {} MiB",
                    bytes.len() >> 20,
                    MAX_DOCX_BYTES >> 20
                ),
                "a letter is far smaller; remove large images or split the document",
            ));
        }
        if bytes.starts_with(OLE) {
            return Err(ole(bytes));
        }
        if !bytes.starts_with(b"PK\x03\x04") && !bytes.starts_with(b"PK\x05\x06") {
            return Err(Refusal::new(
                format!("is not a Word document: {}", not_a_zip(bytes)),
                "import the file under its real name, or open it in Word or LibreOffice and save it as .docx",
            ));
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|err| {
            Refusal::new(
                format!(
                    "is a damaged or truncated Word file: its zip archive cannot be read ({})",
                    zip_reason(&err)
                ),
                DAMAGED,
            )
        })?;
        if archive.len() > MAX_ZIP_ENTRIES {
            return Err(Refusal::new(
                format!(
                    "is refused: its zip archive lists {} entries (a Word file has a few dozen; missive reads at most {MAX_ZIP_ENTRIES})",
                    archive.len()
                ),
                "the file was made to be hostile or is not a Word document",
            ));
        }
        let names = archive
            .file_names()
            .enumerate()
            .filter_map(|(i, name)| name.ok().map(|n| (normalise(&n), i)))
            .collect();
        Ok(Package {
            archive,
            names,
            unpacked: 0,
        })
    }

    /// Whether the package holds a part.
    pub fn has(&self, name: &str) -> bool {
        self.names.contains_key(&normalise(name))
    }

    /// The bytes of a part, or None when the package has no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, Refusal> {
        let Some(&index) = self.names.get(&normalise(name)) else {
            return Ok(None);
        };
        let damaged = |err: &dyn std::fmt::Display| {
            Refusal::new(
                format!("is damaged: its part {name} cannot be unpacked ({err})"),
                DAMAGED,
            )
        };
        let mut entry = self.archive.by_index(index).map_err(|err| match err {
            ZipError::UnsupportedArchive(what) if what.contains("ncrypt") => encrypted(),
            err => damaged(&zip_reason(&err)),
        })?;
        if entry.encrypted() {
            return Err(encrypted());
        }
        let packed = entry.compressed_size().max(1);
        let budget = MAX_PART_BYTES.min(MAX_UNPACKED_BYTES - self.unpacked);
        if entry.size() > budget {
            return Err(bomb(name, entry.size(), packed));
        }
        let mut bytes = Vec::with_capacity(entry.size().min(1 << 20) as usize);
        (&mut entry)
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| damaged(&err))?;
        let size = bytes.len() as u64;
        if size > budget || (size > RATIO_FLOOR && size / packed > MAX_RATIO) {
            return Err(bomb(name, size, packed));
        }
        self.unpacked += size;
        Ok(Some(bytes))
    }

    /// The text of an XML part, or None when there is no such part.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, Refusal> {
        self.read(name)?
            .map(|bytes| xml::text(name, bytes))
            .transpose()
    }

    /// The relationships of a part (`word/_rels/document.xml.rels` for
    /// `word/document.xml`); none when it has no relationships part.
    pub fn relationships(&mut self, part: &str) -> Result<Relationships, Refusal> {
        let (folder, file) = part.rsplit_once('/').unwrap_or(("", part));
        let rels_name = if folder.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{folder}/_rels/{file}.rels")
        };
        let Some(text) = self.text(&rels_name)? else {
            return Ok(Relationships::new());
        };
        let document = xml::parse(&rels_name, &text)?;
        let mut out = Relationships::new();
        for rel in document
            .root_element()
            .children()
            .filter(|n| n.is_element() && n.tag_name().name() == "Relationship")
        {
            let (Some(id), Some(target)) = (rel.attribute("Id"), rel.attribute("Target")) else {
                continue;
            };
            let external = rel
                .attribute("TargetMode")
                .is_some_and(|m| m.eq_ignore_ascii_case("external"));
            let kind = rel
                .attribute("Type")
                .and_then(|t| t.rsplit('/').next())
                .unwrap_or_default()
                .to_string();
            let target = if external {
                target.to_string()
            } else {
                resolve(folder, target)
            };
            out.insert(
                id.to_string(),
                Relationship {
                    kind,
                    target,
                    external,
                },
            );
        }
        Ok(out)
    }

    /// The main document part, named by the package's relationships (normally
    /// `word/document.xml`), or a refusal saying what the zip archive holds instead.
    pub fn main_part(&mut self) -> Result<String, Refusal> {
        let root = self.relationships("")?;
        let named = root
            .values()
            .find(|r| r.kind == "officeDocument" && !r.external)
            .map(|r| r.target.clone())
            .filter(|t| self.has(t));
        if let Some(part) = named.or_else(|| {
            self.has("word/document.xml")
                .then(|| "word/document.xml".to_string())
        }) && self.is_wordprocessing(&part)?
        {
            return Ok(part);
        }
        Err(Refusal::new(
            format!(
                "is not a Word document: it is a zip archive without word/document.xml{}",
                self.what_instead()
            ),
            "import .docx files only: open the file in its program and save or export it as a Word document (.docx)",
        ))
    }

    /// Whether `[Content_Types].xml` (when present) gives the main part a WordprocessingML
    /// type: a document, template, or macro-enabled document.
    fn is_wordprocessing(&mut self, part: &str) -> Result<bool, Refusal> {
        Ok(self
            .content_type(part)?
            .is_none_or(|t| t.contains("wordprocessingml") || t.contains("ms-word")))
    }

    /// The content type of a part, from `[Content_Types].xml`.
    pub fn content_type(&mut self, part: &str) -> Result<Option<String>, Refusal> {
        let Some(text) = self.text("[Content_Types].xml")? else {
            return Ok(None);
        };
        let document = xml::parse("[Content_Types].xml", &text)?;
        let wanted = format!("/{}", normalise(part));
        let extension = part
            .rsplit('.')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let elements = || document.root_element().children().filter(Node::is_element);
        let overridden = elements().find(|n| {
            n.tag_name().name() == "Override"
                && n.attribute("PartName")
                    .is_some_and(|p| p.to_ascii_lowercase() == wanted)
        });
        let default = || {
            elements().find(|n| {
                n.tag_name().name() == "Default"
                    && n.attribute("Extension")
                        .is_some_and(|e| e.eq_ignore_ascii_case(&extension))
            })
        };
        Ok(overridden
            .or_else(default)
            .and_then(|n| n.attribute("ContentType"))
            .map(str::to_string))
    }

    /// Whether the package carries macros (a `.docm`: `word/vbaProject.bin`).
    pub fn has_macros(&self) -> bool {
        self.names.keys().any(|n| n.ends_with("vbaproject.bin"))
    }

    /// What a zip archive without a Word document holds, as ": it is …".
    fn what_instead(&self) -> &'static str {
        if self.has("content.xml") && self.has("mimetype") {
            "; it is an OpenDocument file (LibreOffice's .odt/.ods): save it as .docx"
        } else if self.has("xl/workbook.xml") {
            "; it is an Excel workbook"
        } else if self.has("ppt/presentation.xml") {
            "; it is a PowerPoint presentation"
        } else if self.has("EncryptedPackage") {
            "; it holds an encrypted package"
        } else {
            ""
        }
    }
}

/// A part name as looked up: lower case (part names are case-insensitive), `/`-separated,
/// without a leading `/`.
fn normalise(name: &str) -> String {
    name.trim_start_matches(['/', '\\'])
        .replace('\\', "/")
        .to_lowercase()
}

/// A relationship target resolved against the folder of its source part: `media/a.png`
/// from `word` is `word/media/a.png`; `/word/x.xml` is absolute; `..` climbs; escapes
/// (`%20`) are decoded.
fn resolve(folder: &str, target: &str) -> String {
    let decoded = percent_encoding::percent_decode_str(target).decode_utf8_lossy();
    let (base, path) = match decoded.strip_prefix('/') {
        Some(absolute) => ("", absolute),
        None => (folder, decoded.as_ref()),
    };
    let mut segments: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            out.start_file(*name, SimpleFileOptions::default()).unwrap();
            out.write_all(bytes).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(resolve("word", "media/image1.png"), "word/media/image1.png");
        assert_eq!(resolve("word", "/word/media/a.png"), "word/media/a.png");
        assert_eq!(
            resolve("word/glossary", "../media/a%20b.png"),
            "word/media/a b.png"
        );
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "../../../etc/passwd"), "etc/passwd");
    }

    #[test]
    fn a_zip_without_a_document_says_what_it_is() {
        let bytes = zip(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<x/>"),
        ]);
        let refusal = Package::open(&bytes).unwrap().main_part().unwrap_err();
        assert!(refusal.reason.contains("OpenDocument"), "{refusal:?}");
    }

    #[test]
    fn not_zips_are_named() {
        for (bytes, says) in [
            (&b"%PDF-1.7"[..], "a PDF"),
            (b"{\\rtf1\\ansi", "RTF"),
            (b"<!DOCTYPE html><p>x", "web page"),
            (b"", "empty"),
        ] {
            let refusal = Package::open(bytes).err().unwrap();
            assert!(refusal.reason.contains(says), "{refusal:?}");
        }
    }

    #[test]
    fn truncated_zips_are_damaged() {
        let bytes = zip(&[("word/document.xml", b"<w:document/>")]);
        let refusal = Package::open(&bytes[..bytes.len() - 30]).err().unwrap();
        assert!(
            refusal
                .reason
                .starts_with("is a damaged or truncated Word file"),
            "{refusal:?}"
        );
    }

    #[test]
    fn a_bomb_is_refused_by_its_ratio() {
        let zeros = vec![b' '; (RATIO_FLOOR as usize) * 3];
        let bytes = zip(&[("word/document.xml", &zeros)]);
        let mut package = Package::open(&bytes).unwrap();
        let refusal = package.read("word/document.xml").unwrap_err();
        assert!(refusal.reason.contains("decompression bomb"), "{refusal:?}");
    }

    #[test]
    fn names_are_case_insensitive() {
        let bytes = zip(&[("Word/Document.XML", b"<x/>")]);
        let mut package = Package::open(&bytes).unwrap();
        assert_eq!(package.read("word/document.xml").unwrap().unwrap(), b"<x/>");
        assert!(package.read("word/styles.xml").unwrap().is_none());
    }
}
