//! The package's parts beside the body: comments (left out and recorded), page headers
//! and footers (the letterhead: their text and images), and the document's properties
//! (title, author, language).

use std::collections::BTreeSet;

use roxmltree::Node;

use super::package::Relationships;
use super::reader::Reader;
use super::xml;
use crate::import::document::{self, Block, Document, Dropped, Image, Inline};
use crate::import::refusal::Refusal;

/// Records every comment as left out: its author and text.
pub(super) fn read_comments(root: Node, document: &mut Document) {
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
pub(super) fn read_headers(
    reader: &mut Reader,
    root: Node,
    rels: &Relationships,
) -> Result<(), Refusal> {
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
pub(super) fn read_properties(reader: &mut Reader) -> Result<(), Refusal> {
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
