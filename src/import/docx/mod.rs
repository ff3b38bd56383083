//! Reading a Word file (`.docx`, `.docm`, Word 2007 and later, and what LibreOffice and
//! Google Docs export) into the [document model](crate::import::document).
//!
//! The package is a zip of XML parts ([`package`], with the zip crate and limits on what
//! is unpacked); each part is parsed with roxmltree ([`xml`], DOCTYPEs refused). From
//! `styles.xml` ([`styles`]) come headings, titles and quotations; from `numbering.xml`
//! ([`numbering`]) bulleted and numbered lists and the numbers of numbered headings; the
//! body, the notes of `footnotes.xml` and `endnotes.xml`, text boxes and table cells are
//! read by one [`Reader`] ([`body`] for blocks, [`runs`] for runs, fields, tracked changes
//! and images). Page headers and footers are read apart: they are the letterhead, not the
//! letter. Comments, tracked deletions and hidden text are left out and recorded; macros
//! are never run (nothing in a package is ever run: only its XML text is read).

mod body;
mod fields;
mod numbering;
mod objects;
mod package;
mod parts;
mod reader;
mod refusals;
mod runs;
mod styles;
mod xml;

use crate::import::document::{self, Document, loose_notes};
use crate::import::refusal::Refusal;
use numbering::Numbering;
use package::{Package, Relationships};
use reader::{NoteKind, Reader};
use styles::Styles;

/// Reads a Word file's bytes.
pub fn read(bytes: &[u8]) -> Result<Document, Refusal> {
    let mut package = Package::open(bytes)?;
    let main = package.main_part()?;
    let rels = package.relationships(&main)?;
    let styles = match part_text(&mut package, &rels, "styles")? {
        Some((name, text)) => Styles::read(xml::parse(&name, &text)?.root_element()),
        None => Styles::none(),
    };
    let numbering = match part_text(&mut package, &rels, "numbering")? {
        Some((name, text)) => Numbering::read(xml::parse(&name, &text)?.root_element(), &styles),
        None => Numbering::default(),
    };
    let macros = package.has_macros();
    let mut reader = Reader::new(package, styles, numbering);
    if macros {
        reader.document.notices.push(
            "the file is macro-enabled (.docm): only its text was read; its macros were neither read nor run"
                .into(),
        );
    }
    for kind in [NoteKind::Footnote, NoteKind::Endnote] {
        if let Some((name, text)) = part_text(&mut reader.package, &rels, kind.relationship())? {
            let part_rels = reader.package.relationships(&name)?;
            let xml = xml::parse(&name, &text)?;
            reader.read_notes(kind, xml.root_element(), part_rels);
        }
    }
    if let Some((name, text)) = part_text(&mut reader.package, &rels, "comments")? {
        parts::read_comments(
            xml::parse(&name, &text)?.root_element(),
            &mut reader.document,
        );
    }

    let text = reader
        .package
        .text(&main)?
        .ok_or_else(|| Refusal::new(format!("is damaged: {main} is missing"), ""))?;
    let xml = xml::parse(&main, &text)?;
    let Some(body) = xml::child(xml.root_element(), "body") else {
        return Err(Refusal::new(
            format!("is damaged: {main} has no w:body"),
            "open it in Word or LibreOffice and save it again",
        ));
    };
    reader.rels = rels.clone();
    let blocks = reader.blocks(body);
    reader.document.blocks = blocks;
    reader.unreferenced_notes();
    parts::read_headers(&mut reader, xml.root_element(), &rels)?;
    reader.document.metadata.lang = reader.styles.lang.clone();
    parts::read_properties(&mut reader)?;
    if let Some(refusal) = reader.refusal.take() {
        return Err(refusal);
    }
    let mut document = reader.finish();
    document::tidy(&mut document);
    loose_notes::link(&mut document);
    Ok(document)
}

/// The name and text of the part a relationship of `kind` points to.
fn part_text(
    package: &mut Package,
    rels: &Relationships,
    kind: &str,
) -> Result<Option<(String, String)>, Refusal> {
    let Some(rel) = rels.values().find(|r| r.kind == kind && !r.external) else {
        return Ok(None);
    };
    let name = rel.target.clone();
    Ok(package.text(&name)?.map(|text| (name, text)))
}

#[cfg(test)]
mod tests;
