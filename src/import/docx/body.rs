//! Blocks of a Word part: paragraphs (their style's role: title, heading, quotation, list
//! item), tables, content controls, and the nesting of numbered paragraphs into lists.

use roxmltree::Node;

use super::numbering::Item;
use super::reader::{Looks, NoteKind, Reader};
use super::styles::Role;
use super::xml::{self, attr, child, child_val, deleted_text, descendant_text};
use crate::import::document::lists::{self, ListItem};
use crate::import::document::{self, Block, Dropped, Inline, ListKind, Row, Table};

/// A block before lists and quotations are grouped.
enum Flat {
    Block(Block),
    Item(Item, Vec<Inline>),
    Quote(Block),
}

impl Reader<'_> {
    /// The blocks of a container: the body, a table cell, a note, a text box, a header.
    pub(super) fn blocks(&mut self, container: Node) -> Vec<Block> {
        let mut flat = Vec::new();
        self.collect(container, &mut flat);
        if !self.merge.is_empty() {
            let runs = std::mem::take(&mut self.merge);
            flat.push(Flat::Block(Block::Paragraph(runs)));
        }
        group(flat)
    }

    /// The blocks of a container met inside a paragraph (a text box): read apart, so that
    /// the paragraph's own state (its changes, its text boxes, its fields) is kept.
    pub(super) fn isolated_blocks(&mut self, container: Node) -> Vec<Block> {
        let floating = std::mem::take(&mut self.floating);
        let changes = std::mem::take(&mut self.changes);
        let hidden = std::mem::take(&mut self.hidden);
        let merge = std::mem::take(&mut self.merge);
        let fields = std::mem::take(&mut self.fields);
        let (serial, depth) = (self.paragraph_serial, self.depth);
        let blocks = self.blocks(container);
        self.floating = floating;
        self.changes = changes;
        self.hidden = hidden;
        self.merge = merge;
        self.fields = fields;
        (self.paragraph_serial, self.depth) = (serial, depth);
        blocks
    }

    fn collect(&mut self, container: Node, flat: &mut Vec<Flat>) {
        for node in container.children().filter(Node::is_element) {
            let name = node.tag_name().name();
            if let Some(choice) = xml::alternate_choice(node) {
                self.collect(choice, flat);
                continue;
            }
            if !xml::is(node, name) {
                continue;
            }
            match name {
                "p" => self.paragraph(node, flat),
                "tbl" => flat.push(Flat::Block(self.table(node))),
                "sdt" => {
                    if let Some(content) = self.content_control(node) {
                        self.collect(content, flat);
                    }
                }
                "customXml" | "ins" | "moveTo" | "txbxContent" => self.collect(node, flat),
                "del" | "moveFrom" => self.deleted(node),
                "altChunk" => self.alt_chunk(node, flat),
                _ => {}
            }
        }
    }

    /// An embedded part that Word merges when it opens the file (`w:altChunk`): tools
    /// that export to Word write the whole text as an HTML part. HTML is read with the
    /// web-page reader; other formats (RTF, MHT, another .docx) are left out and recorded.
    fn alt_chunk(&mut self, node: Node, flat: &mut Vec<Flat>) {
        let Some(rel) = xml::rel_attr(node, "id")
            .and_then(|id| self.rels.get(id))
            .cloned()
        else {
            return;
        };
        let kind = match self.package.content_type(&rel.target) {
            Ok(kind) => kind.unwrap_or_default(),
            Err(refusal) => {
                self.refusal.get_or_insert(refusal);
                return;
            }
        };
        // HTML, or MHTML (html-docx-js writes its text as `afchunk.mht`, message/rfc822).
        let lower = rel.target.to_ascii_lowercase();
        let is_html = kind.contains("html")
            || kind == "message/rfc822"
            || [".htm", ".html", ".mht", ".mhtml"]
                .iter()
                .any(|e| lower.ends_with(e));
        let bytes = match self.package.read(&rel.target) {
            Ok(Some(bytes)) if !rel.external && is_html => bytes,
            Ok(_) => {
                self.document.dropped.push(Dropped::new(
                    &rel.target,
                    format!(
                        "an embedded file (w:altChunk, {}) is not read; open the document in Word and save it to merge it",
                        if kind.is_empty() { "of unknown type" } else { &kind }
                    ),
                ));
                return;
            }
            Err(refusal) => {
                self.refusal.get_or_insert(refusal);
                return;
            }
        };
        match crate::import::html::read(&bytes, None) {
            Ok(part) => {
                let blocks = self.document.absorb(part);
                flat.extend(blocks.into_iter().map(Flat::Block));
                self.document.notices.push(format!(
                    "the embedded HTML part {} (w:altChunk) was read as a web page",
                    rel.target
                ));
            }
            Err(refusal) => self.document.dropped.push(Dropped::new(
                &rel.target,
                format!("an embedded HTML part that {}", refusal.reason),
            )),
        }
    }

    /// The content of a content control, or None when it only shows its placeholder
    /// ("Click or tap here to enter text.").
    pub(super) fn content_control<'a, 'i>(&mut self, sdt: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
        let content = child(sdt, "sdtContent")?;
        let placeholder = child(sdt, "sdtPr").is_some_and(|p| child(p, "showingPlcHdr").is_some());
        if placeholder {
            let text = descendant_text(content);
            if !text.trim().is_empty() {
                self.document.dropped.push(Dropped::new(
                    &text,
                    "placeholder text of an empty content control",
                ));
            }
            return None;
        }
        Some(content)
    }

    fn paragraph(&mut self, p: Node, flat: &mut Vec<Flat>) {
        self.paragraph_serial += 1;
        let props = child(p, "pPr");
        let style = props.and_then(|pp| child_val(pp, "pStyle"));
        let mut runs = std::mem::take(&mut self.merge);
        let mut looks = Looks::default();
        self.depth = 0;
        self.inlines(p, &mut runs, &mut looks, false);
        self.flush_changes();
        let floating = std::mem::take(&mut self.floating);
        let mark_deleted = props
            .and_then(|pp| child(pp, "rPr"))
            .is_some_and(|r| child(r, "del").is_some() || child(r, "moveFrom").is_some());
        if mark_deleted {
            // Its paragraph mark was deleted as a tracked change: it runs on into the next.
            self.merge = runs;
            flat.extend(floating.into_iter().map(Flat::Block));
            return;
        }
        let outline = props
            .and_then(|pp| child_val(pp, "outlineLvl"))
            .and_then(|v| v.parse::<u8>().ok());
        let role = match outline {
            Some(level @ 0..=8) => Role::Heading(level + 1),
            _ => self.styles.role(style),
        };
        let numbering = props
            .and_then(|pp| child(pp, "numPr"))
            .map(|n| {
                (
                    child_val(n, "numId").unwrap_or("0").to_string(),
                    child_val(n, "ilvl")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0),
                )
            })
            .or_else(|| self.styles.numbering(style));
        let item = numbering
            .filter(|(id, _)| id != "0")
            .and_then(|(id, level)| self.numbering.next(&id, level));
        let heading = |level: u8, number: Option<String>| Block::Heading {
            level: level.clamp(1, 6),
            number,
            content: runs.clone(),
        };
        let block = match role {
            Role::Title => Flat::Block(heading(1, None)),
            Role::Heading(level) => {
                let number = item.filter(|i| i.kind != ListKind::Bullet).map(|i| i.label);
                Flat::Block(heading(level, number))
            }
            Role::Quote => Flat::Quote(Block::Paragraph(runs)),
            Role::Body => match item {
                Some(item) => Flat::Item(item, runs),
                None => match self.sized_heading(&runs, &looks) {
                    Some(level) => {
                        self.sized_headings += 1;
                        Flat::Block(heading(level, None))
                    }
                    None => Flat::Block(Block::Paragraph(runs)),
                },
            },
        };
        flat.push(block);
        flat.extend(floating.into_iter().map(Flat::Block));
    }

    /// The level of a paragraph that is a heading only by its larger type: short, one
    /// line, without final punctuation, all of it at least 15% (and 1.5 pt) larger than
    /// body text. Bold alone is not enough: signatories' names are bold too.
    fn sized_heading(&self, runs: &[Inline], looks: &Looks) -> Option<u8> {
        let body = self.styles.body_size;
        let size = looks.smallest?;
        if self.in_note || size * 100 < body * 115 || size < body + 3 {
            return None;
        }
        let text = document::plain_text(runs);
        let text = text.trim();
        let short = (2..=100).contains(&looks.chars) && text.split_whitespace().count() <= 14;
        let open_ended = !text.ends_with(['.', ',', ';', ':', '!', '?', '…']);
        let one_line = !runs.iter().any(|r| matches!(r, Inline::LineBreak));
        (short && open_ended && one_line).then_some(if size * 2 >= body * 3 { 1 } else { 2 })
    }

    fn table(&mut self, tbl: Node) -> Block {
        let mut table = Table::default();
        for tr in rows(tbl) {
            let props = child(tr, "trPr");
            if props.is_some_and(|p| child(p, "del").is_some()) {
                self.document.dropped.push(Dropped::new(
                    &descendant_text(tr),
                    "table row deleted as a tracked change",
                ));
                continue;
            }
            let mut row = Row {
                header: props.is_some_and(|p| xml::toggle(p, "tblHeader") == Some(true)),
                cells: Vec::new(),
            };
            for tc in cells(tr) {
                let continued = child(tc, "tcPr")
                    .and_then(|p| child(p, "vMerge"))
                    .is_some_and(|m| attr(m, "val").is_none_or(|v| v == "continue"));
                row.cells.push(if continued {
                    Vec::new()
                } else {
                    self.blocks(tc)
                });
            }
            table.rows.push(row);
        }
        Block::Table(table)
    }

    /// Records a tracked deletion at block level (whole paragraphs deleted).
    pub(super) fn deleted(&mut self, node: Node) {
        let text = deleted_text(node);
        if !text.trim().is_empty() {
            let author = attr(node, "author").unwrap_or("unknown author");
            self.document.dropped.push(Dropped::new(
                &text,
                format!("tracked deletion by {author} (deletions are left out)"),
            ));
        }
    }

    /// A note reference: the note's place in the document's notes (pushed on its first
    /// reference), or None inside a note or when the note does not exist.
    pub(super) fn reference(&mut self, kind: NoteKind, id: &str) -> Option<Inline> {
        if self.in_note {
            return None;
        }
        let Some(blocks) = self.notes.remove(&(kind, id.to_string())) else {
            self.document.notices.push(format!(
                "a {} reference points to a {0} the file does not have (id {id}); left out",
                kind.word()
            ));
            return None;
        };
        let blocks = document::note_blocks(blocks);
        if blocks.is_empty() {
            self.document.notices.push(format!(
                "a {} without text (id {id}); its reference is left out",
                kind.word()
            ));
            return None;
        }
        let count = self.referenced.entry(kind).or_default();
        *count += 1;
        self.document.notes.push(document::Note {
            label: format!("{} {count}", kind.word()),
            blocks,
        });
        Some(Inline::NoteRef(self.document.notes.len() - 1))
    }
}

/// The rows of a table, through content controls and custom XML around them.
fn rows<'a, 'i>(tbl: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    wrapped(tbl, "tr")
}

/// The cells of a row, through content controls and custom XML around them.
fn cells<'a, 'i>(tr: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    wrapped(tr, "tc")
}

fn wrapped<'a, 'i>(parent: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for node in parent.children().filter(Node::is_element) {
        if xml::is(node, name) {
            out.push(node);
        } else if xml::is(node, "sdt") {
            if let Some(content) = child(node, "sdtContent") {
                out.extend(wrapped(content, name));
            }
        } else if xml::is(node, "customXml") {
            out.extend(wrapped(node, name));
        }
    }
    out
}

/// Groups quotations, and nests numbered paragraphs into lists.
fn group(flat: Vec<Flat>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut items: Vec<ListItem> = Vec::new();
    let end_list = |items: &mut Vec<ListItem>, out: &mut Vec<Block>| {
        if !items.is_empty() {
            out.extend(lists::nest(std::mem::take(items)));
        }
    };
    for entry in flat {
        match entry {
            Flat::Item(item, runs) => items.push(ListItem {
                list: item.list,
                level: item.level,
                kind: item.kind,
                number: item.number,
                blocks: vec![Block::Paragraph(runs)],
            }),
            Flat::Quote(block) => {
                end_list(&mut items, &mut out);
                match out.last_mut() {
                    Some(Block::Quote(blocks)) => blocks.push(block),
                    _ => out.push(Block::Quote(vec![block])),
                }
            }
            Flat::Block(block) => {
                end_list(&mut items, &mut out);
                out.push(block);
            }
        }
    }
    end_list(&mut items, &mut out);
    out
}
