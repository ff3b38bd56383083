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
mod numbering;
mod package;
mod runs;
mod styles;
mod xml;

use std::collections::{BTreeSet, HashMap};

use roxmltree::Node;

use crate::import::document::{self, Block, Document, Dropped, Image, Inline, loose_notes};
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
        read_comments(
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
    read_headers(&mut reader, xml.root_element(), &rels)?;
    reader.document.metadata.lang = reader.styles.lang.clone();
    read_properties(&mut reader)?;
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

/// Records every comment as left out: its author and text.
fn read_comments(root: Node, document: &mut Document) {
    for comment in root.children().filter(|n| xml::is(*n, "comment")) {
        let author = xml::attr(comment, "author").unwrap_or("unknown author");
        let text: Vec<&str> = comment
            .descendants()
            .filter(|n| xml::is(*n, "t"))
            .filter_map(|n| n.text())
            .collect();
        document.dropped.push(Dropped::new(
            &text.concat(),
            format!("comment by {author} (comments are not part of the letter)"),
        ));
    }
}

/// Reads the page headers and footers that the sections reference, first-page ones first:
/// their paragraphs' text, and their images (a letterhead's logo).
fn read_headers(reader: &mut Reader, root: Node, rels: &Relationships) -> Result<(), Refusal> {
    let mut references: Vec<(u8, bool, String)> = Vec::new();
    for section in root.descendants().filter(|n| xml::is(*n, "sectPr")) {
        for reference in section.children().filter(Node::is_element) {
            let header = xml::is(reference, "headerReference");
            if !header && !xml::is(reference, "footerReference") {
                continue;
            }
            let order = match xml::attr(reference, "type") {
                Some("first") => 0,
                Some("even") => 2,
                _ => 1,
            };
            if let Some(rel) = xml::rel_attr(reference, "id").and_then(|id| rels.get(id)) {
                references.push((order, header, rel.target.clone()));
            }
        }
    }
    references.sort_by_key(|(order, header, _)| (!*header, *order));
    let mut seen = BTreeSet::new();
    for (_, header, name) in references {
        if !seen.insert(name.clone()) {
            continue;
        }
        let Some(text) = reader.package.text(&name)? else {
            continue;
        };
        reader.rels = reader.package.relationships(&name)?;
        let xml = xml::parse(&name, &text)?;
        let blocks = reader.blocks(xml.root_element());
        let texts = if header {
            &mut reader.document.header
        } else {
            &mut reader.document.footer
        };
        for block in document::tidy_blocks(blocks) {
            collect_header(&block, texts, &mut reader.document.header_images);
        }
    }
    Ok(())
}

/// The texts of a header's block, one per paragraph (table cells apart), and its images.
fn collect_header(block: &Block, texts: &mut Vec<String>, images: &mut Vec<Image>) {
    match block {
        Block::Table(table) => {
            for cell in table.rows.iter().flat_map(|r| &r.cells) {
                for block in cell {
                    collect_header(block, texts, images);
                }
            }
        }
        Block::Paragraph(content) | Block::Heading { content, .. } => {
            collect_images(content, images);
            let text = document::plain_text(content);
            let text = text.trim();
            if !text.is_empty() {
                texts.push(text.to_string());
            }
        }
        Block::BlankLine => {}
        other => texts.push(other.text()),
    }
}

fn collect_images(inlines: &[Inline], images: &mut Vec<Image>) {
    for inline in inlines {
        match inline {
            Inline::Image(image) => images.push(image.clone()),
            Inline::Emphasis(inner)
            | Inline::Strong(inner)
            | Inline::Underline(inner)
            | Inline::Superscript(inner)
            | Inline::Link { content: inner, .. } => collect_images(inner, images),
            _ => {}
        }
    }
}

/// Title, author and language from `docProps/core.xml`.
fn read_properties(reader: &mut Reader) -> Result<(), Refusal> {
    let root_rels = reader.package.relationships("")?;
    let name = root_rels
        .values()
        .find(|r| r.kind == "core-properties")
        .map_or_else(|| "docProps/core.xml".to_string(), |r| r.target.clone());
    let Some(text) = reader.package.text(&name)? else {
        return Ok(());
    };
    let xml = xml::parse(&name, &text)?;
    let value = |local: &str| {
        xml.root_element()
            .children()
            .find(|n| n.is_element() && n.tag_name().name() == local)
            .and_then(|n| n.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let metadata = &mut reader.document.metadata;
    metadata.title = value("title");
    metadata.author = value("creator");
    if let Some(lang) = value("language") {
        metadata.lang = Some(lang);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::import::document::Inline;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

    /// A package whose body is `body`, with extra parts and document relationships.
    fn read_body(body: &str, parts: &[(&str, &str)], rels: &[(&str, &str)]) -> Document {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let document = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        let rels: String = rels
            .iter()
            .enumerate()
            .map(|(i, (kind, target))| {
                format!("<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{target}\"/>")
            })
            .collect();
        let rels = format!(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>"
        );
        for (name, text) in [
            ("word/document.xml", document.as_str()),
            ("word/_rels/document.xml.rels", &rels),
        ]
        .into_iter()
        .chain(parts.iter().copied())
        {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        read(&zip.finish().unwrap().into_inner()).unwrap()
    }

    fn texts(document: &Document) -> Vec<String> {
        document
            .blocks
            .iter()
            .filter(|b| !matches!(b, Block::BlankLine))
            .map(Block::text)
            .collect()
    }

    #[test]
    fn fields_show_their_result_and_hyperlinks_link() {
        let document = read_body(
            concat!(
                "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> HYPERLINK \"https://example.org/r\" \\o \"tip\"</w:instrText></w:r>",
                "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>the report</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
                "<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r><w:fldSimple w:instr=\" DATE \\@ &quot;d MMMM yyyy&quot; \"><w:r><w:t>4 June 2021</w:t></w:r></w:fldSimple></w:p>",
                "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>TOC \\o \"1-3\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r></w:p>",
                "<w:p><w:r><w:t>Contents entry 3</w:t></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>After.</w:t></w:r></w:p>",
            ),
            &[],
            &[],
        );
        assert_eq!(texts(&document), ["the report of 4 June 2021", "After."]);
        let Block::Paragraph(runs) = &document.blocks[0] else {
            panic!()
        };
        assert!(
            matches!(&runs[0], Inline::Link { url, .. } if url == "https://example.org/r"),
            "{runs:?}"
        );
        assert!(
            document
                .notices
                .iter()
                .any(|n| n.ends_with("last saved: DATE")),
            "{:?}",
            document.notices
        );
        assert!(
            document
                .dropped
                .iter()
                .any(|d| d.reason.contains("field TOC"))
        );
    }

    #[test]
    fn custom_note_marks_deleted_paragraph_marks_and_symbols() {
        let footnotes = format!(
            "<w:footnotes {W}><w:footnote w:id=\"1\"><w:p><w:r><w:t>The note.</w:t></w:r></w:p></w:footnote></w:footnotes>"
        );
        let document = read_body(
            concat!(
                "<w:p><w:pPr><w:rPr><w:del w:author=\"A\"/></w:rPr></w:pPr><w:r><w:t xml:space=\"preserve\">First half </w:t></w:r></w:p>",
                "<w:p><w:r><w:t>joined</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"1\"/><w:t>*</w:t></w:r>",
                "<w:r><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:sym w:font=\"Arial\" w:char=\"2192\"/></w:r></w:p>",
            ),
            &[("word/footnotes.xml", &footnotes)],
            &[("footnotes", "footnotes.xml")],
        );
        assert_eq!(texts(&document), ["First half joined[1]→"]);
        assert_eq!(document.notes.len(), 1);
        assert!(
            document
                .dropped
                .iter()
                .any(|d| d.reason.contains("symbol-font"))
        );
    }

    #[test]
    fn headings_by_size_but_not_by_boldness_alone() {
        let document = read_body(
            concat!(
                "<w:p><w:r><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr><w:t>Background</w:t></w:r></w:p>",
                "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Ana Ruiz</w:t></w:r></w:p>",
                "<w:p><w:r><w:rPr><w:sz w:val=\"32\"/></w:rPr><w:t>Large but a sentence.</w:t></w:r></w:p>",
            ),
            &[],
            &[],
        );
        assert!(
            matches!(document.blocks[0], Block::Heading { level: 2, .. }),
            "{:?}",
            document.blocks
        );
        assert!(matches!(document.blocks[1], Block::Paragraph(_)));
        assert!(matches!(document.blocks[2], Block::Paragraph(_)));
    }

    #[test]
    fn merged_table_cells_are_empty() {
        let document = read_body(
            concat!(
                "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr>",
                "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>A again</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
            ),
            &[],
            &[],
        );
        assert_eq!(texts(&document), ["A | B\n | C"]);
    }
}
