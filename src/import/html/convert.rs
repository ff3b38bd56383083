//! The letter's part of a page into blocks: paragraphs, headings (`h1`–`h6`), lists
//! (and the paragraph lists that Word's "Save as web page" writes), quotations, tables
//! (data tables kept, layout tables read cell by cell), `<br>`-separated lines, links
//! (resolved against the page's address), emphasis, images with their alt text, and
//! note markers. Chrome met on the way is left out and recorded.

use std::collections::{HashMap, HashSet};

use base64::Engine as _;
use ego_tree::NodeId;
use scraper::{Html, Node};
use url::Url;

use super::chrome;
use super::dom::{self, Handle};
use super::notes::Linked;
use super::styles::Classes;
use crate::import::document::lists::{self, ListItem};
use crate::import::document::{
    self, Block, Document, Dropped, Image, ImageData, ImageSource, Inline, ListKind, Note, Row,
    Table,
};

/// Largest image decoded from a `data:` address.
const MAX_DATA_IMAGE: usize = 16 << 20;

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
        if name == "img" && is_tracking_image(node) {
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

    fn anchor(&mut self, node: Handle, out: &mut Vec<Inline>) {
        if self.linked.back_links.contains(&node.id()) {
            return;
        }
        if !self.in_note
            && let Some(&note) = self.linked.markers.get(&node.id())
        {
            out.push(self.note_reference(node, note));
            return;
        }
        let content = self.inline_children(node);
        match dom::attr(&node, "href").and_then(|href| self.resolve(href)) {
            Some(url) => out.push(Inline::Link { url, content }),
            None => out.extend(content),
        }
    }

    /// A web or mail address for a link's `href`, resolved against the page's address;
    /// None for links inside the page, scripts (`javascript:`), and relative links of a
    /// page whose address is unknown.
    fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.starts_with('#') || href.is_empty() {
            return None;
        }
        let url = Url::parse(href)
            .ok()
            .or_else(|| self.base.as_ref().and_then(|b| b.join(href).ok()))?;
        let url = unwrap_redirect(url);
        matches!(url.scheme(), "http" | "https" | "mailto" | "ftp").then(|| url.to_string())
    }

    /// The note a marker links to, read on its first reference.
    fn note_reference(&mut self, marker: Handle, note: NodeId) -> Inline {
        if let Some(&index) = self.notes.get(&note) {
            return Inline::NoteRef(index);
        }
        let label = dom::text(&marker).trim().to_string();
        let Some(element) = marker.tree().get(note) else {
            return Inline::Text(label);
        };
        self.in_note = true;
        let mut blocks = if dom::name(&element) == "li" || dom::is_block(dom::name(&element)) {
            self.blocks(element)
        } else {
            vec![Block::Paragraph(self.inline_children(element))]
        };
        self.in_note = false;
        strip_leading_label(&mut blocks, &label);
        self.document.notes.push(Note { label, blocks });
        let index = self.document.notes.len() - 1;
        self.notes.insert(note, index);
        Inline::NoteRef(index)
    }

    /// A note written inline where it is referenced: `<span class="sidenote">`,
    /// `<span class="footnote">` (Tufte-style pages, some CMS footnote plug-ins).
    fn is_inline_note(&self, node: &Handle) -> bool {
        !self.in_note
            && !dom::is_block(dom::name(node))
            && dom::hints(node)
                .iter()
                .any(|h| matches!(h.as_str(), "sidenote" | "footnote" | "inline-footnote"))
    }

    fn inline_note(&mut self, node: Handle) -> Inline {
        self.in_note = true;
        let content = self.inline_children(node);
        self.in_note = false;
        self.document.notes.push(Note {
            label: format!("{}", self.document.notes.len() + 1),
            blocks: vec![Block::Paragraph(content)],
        });
        Inline::NoteRef(self.document.notes.len() - 1)
    }

    fn list(&mut self, node: Handle) -> Block {
        let ordered = dom::name(&node) == "ol";
        let kind = if !ordered {
            ListKind::Bullet
        } else {
            match dom::attr(&node, "type") {
                Some("a") => ListKind::LowerLetter,
                Some("A") => ListKind::UpperLetter,
                Some("i") => ListKind::LowerRoman,
                Some("I") => ListKind::UpperRoman,
                _ => ListKind::Decimal,
            }
        };
        let start = dom::attr(&node, "start")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1);
        let mut items: Vec<Vec<Block>> = Vec::new();
        for child in node.children() {
            match child.value() {
                Node::Element(element) => {
                    if self.skip(&child) {
                        continue;
                    }
                    if element.name() == "li" {
                        items.push(self.blocks(child));
                    } else {
                        // A list inside a list without its item: it belongs to the last one.
                        let mut blocks = Vec::new();
                        self.block(child, &mut blocks);
                        match items.last_mut() {
                            Some(item) => item.extend(blocks),
                            None => items.push(blocks),
                        }
                    }
                }
                Node::Text(text) if !text.trim().is_empty() => {
                    items.push(vec![Block::Paragraph(vec![Inline::Text(text.to_string())])]);
                }
                _ => {}
            }
        }
        Block::List(document::List { kind, start, items })
    }

    /// A data table as a table; a layout table (one used to place the page's parts) cell
    /// by cell, in reading order.
    fn table(&mut self, node: Handle, out: &mut Vec<Block>) {
        let rows = table_rows(node);
        let layout = dom::attr(&node, "role").is_some_and(|r| r == "presentation" || r == "none")
            || rows.iter().all(|r| table_cells(*r).len() <= 1)
            || rows.iter().flat_map(|r| table_cells(*r)).any(|c| {
                dom::text_len(&c) > 300 || c.descendants().any(|d| dom::name(&d) == "table")
            });
        if layout {
            for row in rows {
                for cell in table_cells(row) {
                    out.extend(self.blocks(cell));
                }
            }
            return;
        }
        let mut table = Table::default();
        for row in rows {
            let cells = table_cells(row);
            let header = row.parent().is_some_and(|p| dom::name(&p) == "thead")
                || cells.iter().all(|c| dom::name(c) == "th");
            let cells = cells.into_iter().map(|c| self.blocks(c)).collect();
            table.rows.push(Row { header, cells });
        }
        out.push(Block::Table(table));
    }

    /// An image: its bytes when the page carries them (`data:`), else its address.
    fn image(&mut self, node: &Handle) -> Option<Image> {
        let alt = dom::attr(node, "alt")
            .unwrap_or_default()
            .trim()
            .to_string();
        let src = ["src", "data-src", "data-lazy-src"]
            .iter()
            .find_map(|a| dom::attr(node, a))
            .map(str::trim)
            .filter(|s| !s.is_empty())?;
        if let Some(data) = src.strip_prefix("data:") {
            let (meta, payload) = data.split_once(',')?;
            if !meta.ends_with(";base64") || payload.len() > MAX_DATA_IMAGE * 4 / 3 + 4 {
                self.document.dropped.push(Dropped::new(
                    if alt.is_empty() { "image" } else { &alt },
                    "an image written into the page that is not base64 or too large",
                ));
                return None;
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(payload.trim())
                .ok()?;
            let name = format!("image {} of the page", self.document.images.len() + 1);
            return Some(self.embed(&name, bytes, alt));
        }
        let resolved = self.base.as_ref().and_then(|b| b.join(src).ok());
        let carried = self.resources.and_then(|r| {
            r.get(src)
                .or_else(|| resolved.as_ref().and_then(|u| r.get(u.as_str())))
        });
        if let Some(bytes) = carried {
            return Some(self.embed(src, bytes.clone(), alt));
        }
        // A relative address stays as written: a saved page keeps its images in a folder
        // beside it, not at the site's address.
        Some(Image {
            alt,
            source: ImageSource::External(src.to_string()),
        })
    }

    /// An image whose bytes the page carries.
    fn embed(&mut self, name: &str, bytes: Vec<u8>, alt: String) -> Image {
        let index = self.document.images.len();
        self.document.images.push(ImageData {
            name: name.to_string(),
            extension: document::image_extension(name, &bytes),
            bytes,
        });
        Image {
            alt,
            source: ImageSource::Embedded(index),
        }
    }

    /// A paragraph of a list as Word writes it in HTML: `<p style="mso-list:l0 level2
    /// lfo1">` whose first span (`mso-list:Ignore`) holds the marker.
    fn word_list_item(&mut self, node: Handle) -> Option<ListItem> {
        let style = dom::attr(&node, "style")?
            .replace(' ', "")
            .to_ascii_lowercase();
        let list = style.split(';').find_map(|p| p.strip_prefix("mso-list:"))?;
        let (name, level) = list.split_once("level").unwrap_or((list, "1"));
        let level: u8 = level
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap_or(1);
        let marker = node.descendants().find(|d| {
            dom::attr(d, "style").is_some_and(|s| {
                s.replace(' ', "")
                    .to_ascii_lowercase()
                    .contains("mso-list:ignore")
            })
        })?;
        let label = dom::text(&marker).trim().to_string();
        let (kind, number) = marker_kind(&label);
        let mut runs = Vec::new();
        for child in node.children() {
            if child.id() == marker.id()
                || (child.descendants().any(|d| d.id() == marker.id())
                    && dom::text(&child).trim() == label)
            {
                continue;
            }
            match child.value() {
                Node::Text(text) => runs.push(Inline::Text(text.to_string())),
                Node::Element(_) if !self.skip(&child) => self.inline(child, &mut runs),
                _ => {}
            }
        }
        Some(ListItem {
            list: name
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_string(),
            level: level.saturating_sub(1),
            kind,
            number,
            blocks: vec![Block::Paragraph(runs)],
        })
    }
}

/// The address a redirecting link leads to: Google's `google.com/url?q=` (Google Docs
/// wraps every link in it), Outlook's Safe Links, Facebook's `l.php?u=`, Proofpoint's
/// URL Defense `v3/__address__`. Other links are kept as they are.
fn unwrap_redirect(url: Url) -> Url {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let param = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| Url::parse(&v).ok())
    };
    let target = if (host == "www.google.com" || host == "google.com") && url.path() == "/url" {
        param("q").or_else(|| param("url"))
    } else if host.ends_with("safelinks.protection.outlook.com") {
        param("url")
    } else if host == "l.facebook.com" || host == "lm.facebook.com" {
        param("u")
    } else if host == "urldefense.com" && url.path().starts_with("/v3/__") {
        url.as_str()
            .split_once("/v3/__")
            .and_then(|(_, rest)| rest.split_once("__;"))
            .and_then(|(inner, _)| Url::parse(inner).ok())
    } else {
        None
    };
    target.unwrap_or(url)
}

/// A Word marker's list kind and number: `·`, `o`, `§` are bullets (Symbol and Wingdings
/// glyphs), `3.` is 3, `c)` is c.
fn marker_kind(label: &str) -> (ListKind, u32) {
    let core = label.trim_end_matches(['.', ')']).trim_start_matches('(');
    if let Ok(n) = core.parse::<u32>() {
        return (ListKind::Decimal, n);
    }
    let roman =
        |s: &str| !s.is_empty() && s.chars().all(|c| "ivxlc".contains(c.to_ascii_lowercase()));
    if core.chars().count() == 1
        && let Some(c) = core.chars().next().filter(char::is_ascii_alphabetic)
        && !(c == 'i' || c == 'I')
    {
        let n = u32::from(c.to_ascii_lowercase() as u8 - b'a' + 1);
        let kind = if c.is_ascii_lowercase() {
            ListKind::LowerLetter
        } else {
            ListKind::UpperLetter
        };
        if c != 'o' {
            return (kind, n);
        }
    }
    if roman(core) && core.len() <= 5 {
        let kind = if core.chars().all(|c| c.is_ascii_lowercase()) {
            ListKind::LowerRoman
        } else {
            ListKind::UpperRoman
        };
        return (kind, 1);
    }
    (ListKind::Bullet, 1)
}

/// Tracking pixels: images of 1 by 1 (or 0) pixels.
fn is_tracking_image(node: &Handle) -> bool {
    let tiny = |a: &str| {
        dom::attr(node, a).is_some_and(|v| {
            v.trim()
                .trim_end_matches("px")
                .parse::<u32>()
                .is_ok_and(|n| n <= 1)
        })
    };
    tiny("width") || tiny("height")
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

/// Removes a note's own number from the start of its text (`1. Source` under a marker
/// `1`), which the letter's notes number anew.
fn strip_leading_label(blocks: &mut [Block], label: &str) {
    let bare = label.trim_matches(['[', ']', '(', ')', '.']);
    if bare.is_empty() {
        return;
    }
    let Some(Block::Paragraph(runs)) = blocks.first_mut() else {
        return;
    };
    let Some(Inline::Text(text)) = runs.first_mut() else {
        return;
    };
    let trimmed = text.trim_start();
    for form in [
        label.to_string(),
        format!("[{bare}]"),
        format!("{bare}."),
        format!("{bare})"),
        bare.to_string(),
    ] {
        if let Some(rest) = trimmed.strip_prefix(&form)
            && (rest.is_empty() || rest.starts_with(char::is_whitespace))
        {
            *text = rest.trim_start().to_string();
            return;
        }
    }
}

/// The rows of a table, not of tables inside it.
fn table_rows(table: Handle) -> Vec<Handle> {
    let mut rows = Vec::new();
    for child in table.children() {
        match dom::name(&child) {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => {
                rows.extend(child.children().filter(|c| dom::name(c) == "tr"));
            }
            _ => {}
        }
    }
    rows
}

fn table_cells(row: Handle) -> Vec<Handle> {
    row.children()
        .filter(|c| matches!(dom::name(c), "td" | "th"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirecting_links_lead_to_their_target() {
        for (link, target) in [
            (
                "https://www.google.com/url?q=https://example.org/a?b%3D1&sa=D&source=editors&ust=1",
                "https://example.org/a?b=1",
            ),
            (
                "https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fr&data=x",
                "https://example.org/r",
            ),
            (
                "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2F&h=AT0",
                "https://example.org/",
            ),
            (
                "https://urldefense.com/v3/__https://example.org/x__;!!abc$",
                "https://example.org/x",
            ),
            (
                "https://example.org/url?q=https://other.org",
                "https://example.org/url?q=https://other.org",
            ),
        ] {
            assert_eq!(
                unwrap_redirect(Url::parse(link).unwrap()).as_str(),
                target,
                "{link}"
            );
        }
    }

    #[test]
    fn word_markers() {
        assert_eq!(marker_kind("3."), (ListKind::Decimal, 3));
        assert_eq!(marker_kind("c)"), (ListKind::LowerLetter, 3));
        assert_eq!(marker_kind("·"), (ListKind::Bullet, 1));
        assert_eq!(marker_kind("o"), (ListKind::Bullet, 1));
        assert_eq!(marker_kind("iv."), (ListKind::LowerRoman, 1));
    }

    #[test]
    fn lines_in_divs_between_empty_divs_are_paragraphs() {
        let page = Html::parse_document(concat!(
            "<body><div>Ms. Jane Roe</div><div>City Hall</div><div><br></div>",
            "<div>Dear Ms. Roe,</div><div>&nbsp;</div><div>We write.</div></body>"
        ));
        let body = page
            .tree
            .root()
            .descendants()
            .find(|n| dom::name(n) == "body")
            .unwrap();
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

    #[test]
    fn labels_are_stripped_from_notes() {
        let mut blocks = vec![Block::Paragraph(vec![Inline::Text(
            "1. Report, 2020.".into(),
        )])];
        strip_leading_label(&mut blocks, "1");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![Inline::Text("Report, 2020.".into())])]
        );
    }
}
