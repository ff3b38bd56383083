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
mod refusals;
mod runs;
mod styles;
mod xml;

use std::collections::{BTreeSet, HashMap};

use roxmltree::Node;

use crate::import::document::{self, Block, Document, Dropped, Inline, loose_notes};
use crate::import::refusal::Refusal;
use numbering::Numbering;
use package::{Package, Relationships};
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

/// Footnotes or endnotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NoteKind {
    Footnote,
    Endnote,
}

impl NoteKind {
    fn relationship(self) -> &'static str {
        match self {
            NoteKind::Footnote => "footnotes",
            NoteKind::Endnote => "endnotes",
        }
    }

    fn word(self) -> &'static str {
        match self {
            NoteKind::Footnote => "footnote",
            NoteKind::Endnote => "endnote",
        }
    }
}

/// A field being read (`w:fldChar` begin … separate … end).
#[derive(Debug)]
struct Field {
    /// Its instruction (`HYPERLINK "https://…"`, `DATE \@ "d MMMM yyyy"`).
    instruction: String,
    /// Whether its result has begun (after `separate`).
    in_result: bool,
    /// Where its result began: the paragraph's serial number, the depth of the run list,
    /// and the index in it.
    result_at: Option<(usize, usize, usize)>,
    /// Whether its result is left out (a table of contents).
    dropped: bool,
}

/// Reads the parts of one package into one document.
struct Reader<'b> {
    package: Package<'b>,
    styles: Styles,
    numbering: Numbering,
    /// Relationships of the part being read.
    rels: Relationships,
    /// Notes read from their parts, by kind and id, until referenced.
    notes: HashMap<(NoteKind, String), Vec<Block>>,
    /// How many notes of each kind have been referenced (to label them).
    referenced: HashMap<NoteKind, usize>,
    /// Whether a note's own text is being read (references inside notes are ignored).
    in_note: bool,
    /// Images already read, by part name.
    images: HashMap<String, usize>,
    /// Fields open, outermost first.
    fields: Vec<Field>,
    /// Field types shown as their last result, for the notice.
    fields_shown: BTreeSet<String>,
    /// Runs of a paragraph whose mark was deleted: they join the next paragraph.
    merge: Vec<Inline>,
    /// Blocks of text boxes met in the current paragraph, placed after it.
    floating: Vec<Block>,
    /// Tracked changes of the current paragraph, for the report.
    changes: Vec<runs::Change>,
    /// Hidden text of the current paragraph, for the report.
    hidden: String,
    /// Set by a note reference with a custom mark: the mark's text follows and is skipped.
    skip_mark: bool,
    /// Counts paragraphs, so a field's result is wrapped only within its own paragraph.
    paragraph_serial: usize,
    /// Depth of nested run lists within a paragraph.
    depth: usize,
    /// Paragraphs read as headings from their font size.
    sized_headings: usize,
    /// The first refusal met inside the reader (an image that is a decompression bomb).
    refusal: Option<Refusal>,
    /// What has been read.
    document: Document,
}

impl<'b> Reader<'b> {
    fn new(package: Package<'b>, styles: Styles, numbering: Numbering) -> Reader<'b> {
        Reader {
            package,
            styles,
            numbering,
            rels: Relationships::new(),
            notes: HashMap::new(),
            referenced: HashMap::new(),
            in_note: false,
            images: HashMap::new(),
            fields: Vec::new(),
            fields_shown: BTreeSet::new(),
            merge: Vec::new(),
            floating: Vec::new(),
            changes: Vec::new(),
            hidden: String::new(),
            skip_mark: false,
            paragraph_serial: 0,
            depth: 0,
            sized_headings: 0,
            refusal: None,
            document: Document::default(),
        }
    }

    /// Reads `w:footnotes` or `w:endnotes`: every note but the separators, kept until the
    /// body references it.
    fn read_notes(&mut self, kind: NoteKind, root: Node, rels: Relationships) {
        self.rels = rels;
        self.in_note = true;
        for note in root.children().filter(|n| xml::is(*n, kind.word())) {
            let Some(id) = xml::attr(note, "id") else {
                continue;
            };
            if matches!(
                xml::attr(note, "type"),
                Some("separator" | "continuationSeparator" | "continuationNotice")
            ) {
                continue;
            }
            let blocks = self.blocks(note);
            self.notes.insert((kind, id.to_string()), blocks);
        }
        self.in_note = false;
        self.fields.clear();
    }

    /// Records the notes no reference in the body points to (their reference was deleted).
    fn unreferenced_notes(&mut self) {
        let mut left: Vec<_> = self.notes.drain().collect();
        left.sort_by(|a, b| a.0.1.cmp(&b.0.1));
        for ((kind, _), blocks) in left {
            let text = document::blocks_text(&blocks);
            if !text.trim().is_empty() {
                self.document.dropped.push(Dropped::new(
                    &text,
                    format!("{} that no reference in the text points to", kind.word()),
                ));
            }
        }
    }

    /// The document read, with its notices.
    fn finish(mut self) -> Document {
        if !self.fields_shown.is_empty() {
            let kinds: Vec<&str> = self.fields_shown.iter().map(String::as_str).collect();
            self.document.notices.push(format!(
                "fields shown as the result Word last saved: {}",
                kinds.join(", ")
            ));
        }
        if self.sized_headings > 0 {
            self.document.notices.push(format!(
                "{} paragraph(s) read as headings from their larger type (no heading style)",
                self.sized_headings
            ));
        }
        self.document
    }
}

#[cfg(test)]
mod tests;
