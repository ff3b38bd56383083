//! The letter's part of a page into blocks: paragraphs, headings (`h1`–`h6`), lists
//! (and the paragraph lists that Word's "Save as web page" writes), quotations, tables
//! (data tables kept, layout tables read cell by cell), `<br>`-separated lines, links
//! (resolved against the page's address), emphasis, images with their alt text, and
//! note markers. Chrome met on the way is left out and recorded.

mod images;
mod links;
mod structure;

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{Html, Node};
use url::Url;

use super::chrome;
use super::dom::{self, Handle};
use super::notes::Linked;
use super::styles::Classes;
use crate::import::document::lists::{self, ListItem};
use crate::import::document::{self, Block, Document, Dropped, Inline};

/// Converts the page's letter into the document model.
pub struct Converter<'a> {
    /// The notes the page links to.
    pub linked: &'a Linked,
    /// The page's address, to resolve relative links (from `<base>` or its canonical link).
    pub base: Option<Url>,
    /// Where notes, images and what was left out go.
    pub document: &'a mut Document,
    /// Notes already read, by their element.
    notes: HashMap<NodeId, usize>,
    /// Elements with blocks inside (a link or span around paragraphs is read as blocks).
    with_blocks: HashSet<NodeId>,
    /// Whether a note's text is being read (markers inside it stay text).
    in_note: bool,
    /// Scripts met (never run; their text is not read).
    pub scripts: usize,
    /// The parts of a page saved as one file (MHTML), by address: its images.
    pub resources: Option<&'a HashMap<String, Vec<u8>>>,
    /// The looks of the page's CSS classes.
    classes: Classes,
}

impl<'a> Converter<'a> {
    /// A converter for a page whose notes are `linked`.
    pub fn new(
        page: &Html,
        linked: &'a Linked,
        base: Option<Url>,
        document: &'a mut Document,
    ) -> Self {
        Converter {
            linked,
            base,
            document,
            notes: HashMap::new(),
            with_blocks: dom::with_blocks_inside(page),
            classes: Classes::of(page),
            in_note: false,
            scripts: 0,
            resources: None,
        }
    }

    /// The blocks of an element's content.
    pub fn blocks(&mut self, node: Handle) -> Vec<Block> {
        let mut out = Vec::new();
        let mut runs = Vec::new();
        let mut items: Vec<ListItem> = Vec::new();
        let mut lines: Vec<Vec<Inline>> = Vec::new();
        for child in node.children() {
            match child.value() {
                // White space between blocks is not text.
                Node::Text(text) if text.trim().is_empty() && runs.is_empty() => {}
                Node::Text(text) => {
                    flush_lines(&mut lines, &mut out);
                    runs.push(Inline::Text(text.to_string()));
                }
                Node::Element(element) => {
                    if self.skip(&child) {
                        continue;
                    }
                    let name = element.name();
                    if name == "br" {
                        runs.push(Inline::LineBreak);
                        continue;
                    }
                    if !dom::is_block(name) && !self.with_blocks.contains(&child.id()) {
                        flush_lines(&mut lines, &mut out);
                        self.inline(child, &mut runs);
                        continue;
                    }
                    flush(&mut runs, &mut out);
                    if let Some(item) = self.word_list_item(child) {
                        flush_lines(&mut lines, &mut out);
                        items.push(item);
                        continue;
                    }
                    if !items.is_empty() {
                        out.extend(lists::nest(std::mem::take(&mut items)));
                    }
                    if name == "div" && !self.with_blocks.contains(&child.id()) {
                        lines.push(self.inline_children(child));
                        continue;
                    }
                    flush_lines(&mut lines, &mut out);
                    self.block(child, &mut out);
                }
                _ => {}
            }
        }
        flush(&mut runs, &mut out);
        flush_lines(&mut lines, &mut out);
        if !items.is_empty() {
            out.extend(lists::nest(items));
        }
        out
    }

    /// Whether to leave an element out: code, notes (read on their own), chrome, hidden.
    fn skip(&mut self, node: &Handle) -> bool {
        let name = dom::name(node);
        if self.linked.consumed.contains(&node.id()) && !self.in_note {
            return true;
        }
        if name == "script" {
            self.scripts += 1;
            return true;
        }
        if dom::is_code(name) && name != "noscript" {
            return true;
        }
        if let Some(reason) = chrome::verdict(node) {
            self.drop(node, &reason);
            return true;
        }
        if self.classes.look(node).hidden {
            self.drop(node, "hidden by the page's style sheet (not shown)");
            return true;
        }
        if name == "img" && dom::is_tracking_image(node) {
            return true;
        }
        false
    }

    /// Records an element left out, with its text.
    pub fn drop(&mut self, node: &Handle, reason: &str) {
        let text = dom::text(node);
        if !text.trim().is_empty() {
            self.document.dropped.push(Dropped::new(&text, reason));
        }
    }

    fn block(&mut self, node: Handle, out: &mut Vec<Block>) {
        let name = dom::name(&node);
        match name {
            "p" | "address" | "dt" | "dd" | "figcaption" | "caption" | "legend" | "summary" => {
                let runs = self.inline_children(node);
                out.push(Block::Paragraph(self.styled(&node, runs)));
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => out.push(Block::Heading {
                level: name[1..].parse().unwrap_or(2),
                number: None,
                content: self.inline_children(node),
            }),
            "ul" | "ol" | "menu" | "dir" => out.push(self.list(node)),
            "blockquote" => out.push(Block::Quote(self.blocks(node))),
            "pre" => out.extend(preformatted(&dom::text(&node))),
            "table" => self.table(node, out),
            "hr" => {}
            _ => out.extend(self.blocks(node)),
        }
    }

    /// The inline content of an element, as one paragraph's runs.
    fn inline_children(&mut self, node: Handle) -> Vec<Inline> {
        let mut runs = Vec::new();
        for child in node.children() {
            match child.value() {
                Node::Text(text) => runs.push(Inline::Text(text.to_string())),
                Node::Element(_) if !self.skip(&child) => self.inline(child, &mut runs),
                _ => {}
            }
        }
        runs
    }

    fn inline(&mut self, node: Handle, out: &mut Vec<Inline>) {
        let name = dom::name(&node);
        match name {
            "a" => self.anchor(node, out),
            "em" | "i" | "cite" | "dfn" | "var" => {
                out.push(Inline::Emphasis(self.inline_children(node)))
            }
            "strong" | "b" => out.push(Inline::Strong(self.inline_children(node))),
            "u" | "ins" => out.push(Inline::Underline(self.inline_children(node))),
            "sup" => {
                let inner = self.inline_children(node);
                if inner
                    .iter()
                    .all(|i| matches!(i, Inline::NoteRef(_)) || is_blank_text(i))
                {
                    out.extend(inner);
                } else {
                    out.push(Inline::Superscript(inner));
                }
            }
            "br" => out.push(Inline::LineBreak),
            "img" => out.extend(self.image(&node).map(Inline::Image)),
            "q" => {
                out.push(Inline::Text("“".into()));
                out.extend(self.inline_children(node));
                out.push(Inline::Text("”".into()));
            }
            "wbr" => {}
            _ if self.is_inline_note(&node) => out.push(self.inline_note(node)),
            _ if dom::is_block(name) => {
                out.push(Inline::LineBreak);
                out.extend(self.inline_children(node));
                out.push(Inline::LineBreak);
            }
            _ => {
                let runs = self.inline_children(node);
                out.extend(self.styled(&node, runs));
            }
        }
    }

    /// Runs wrapped in the formatting that CSS gives their element (a Google Docs span of
    /// class `c3` with `.c3{font-weight:700}` is bold).
    fn styled(&self, node: &Handle, mut runs: Vec<Inline>) -> Vec<Inline> {
        let look = self.classes.look(node);
        if look.superscript {
            runs = vec![Inline::Superscript(runs)];
        }
        // A link's underline is the link's look, not the writer's emphasis.
        let links_only = runs.iter().all(|r| matches!(r, Inline::Link { .. }));
        if look.underline && !links_only {
            runs = vec![Inline::Underline(runs)];
        }
        if look.italic {
            runs = vec![Inline::Emphasis(runs)];
        }
        if look.bold {
            runs = vec![Inline::Strong(runs)];
        }
        runs
    }
}

fn is_blank_text(inline: &Inline) -> bool {
    matches!(inline, Inline::Text(t) if t.trim().is_empty())
}

/// Paragraphs from a run of `<div>`s that each hold one line, as mail programs and some
/// editors write text: where empty `<div>`s (`<div><br></div>`) stand between them, they
/// separate paragraphs and the lines between them are one paragraph's lines; without
/// them, each line is a paragraph.
fn flush_lines(lines: &mut Vec<Vec<Inline>>, out: &mut Vec<Block>) {
    let lines = std::mem::take(lines);
    if !lines.iter().any(|l| document::is_blank(l)) {
        out.extend(lines.into_iter().map(Block::Paragraph));
        return;
    }
    let mut paragraph: Vec<Inline> = Vec::new();
    for line in lines {
        if document::is_blank(&line) {
            flush(&mut paragraph, out);
            continue;
        }
        if !paragraph.is_empty() {
            paragraph.push(Inline::LineBreak);
        }
        paragraph.extend(line);
    }
    flush(&mut paragraph, out);
}

fn flush(runs: &mut Vec<Inline>, out: &mut Vec<Block>) {
    if !runs.is_empty() {
        out.push(Block::Paragraph(std::mem::take(runs)));
    }
}

/// Preformatted text: paragraphs at blank lines, lines kept as lines.
fn preformatted(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .map(|paragraph| {
            let mut runs = Vec::new();
            for (i, line) in paragraph.lines().enumerate() {
                if i > 0 {
                    runs.push(Inline::LineBreak);
                }
                runs.push(Inline::Text(line.to_string()));
            }
            Block::Paragraph(runs)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_in_divs_between_empty_divs_are_paragraphs() {
        let page = Html::parse_document(concat!(
            "<body><div>Ms. Jane Roe</div><div>City Hall</div><div><br></div>",
            "<div>Dear Ms. Roe,</div><div>&nbsp;</div><div>We write.</div></body>"
        ));
        let body = dom::body(&page).unwrap();
        let linked = Linked::default();
        let mut document = Document::default();
        let blocks = Converter::new(&page, &linked, None, &mut document).blocks(body);
        let texts: Vec<String> = document::tidy_blocks(blocks)
            .iter()
            .map(Block::text)
            .collect();
        assert_eq!(
            texts,
            ["Ms. Jane Roe\nCity Hall", "Dear Ms. Roe,", "We write."]
        );
    }
}
