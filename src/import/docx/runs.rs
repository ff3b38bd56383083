//! Runs of a Word paragraph: text with its formatting (direct, or from a character
//! style), tabs and breaks, hyperlinks (by relationship, or a `HYPERLINK` field), fields
//! shown as their result, tracked insertions kept and deletions left out, note
//! references, images with their description, text boxes, hidden text left out.

use roxmltree::Node;

use super::fields::web_address;
use super::reader::{Change, Looks, NoteKind, Reader};
use super::styles::Format;
use super::xml::{
    self, alternate_choice, attr, child, child_val, deleted_text, descendants_named, rel_attr,
};
use crate::import::document::{self, Dropped, Inline};

/// Office math.
const MATH: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";

impl Reader<'_> {
    /// Reads the inline content of `parent` into `out`. `in_link`: inside a hyperlink,
    /// where Word's underline is the link's and not the writer's.
    pub(super) fn inlines(
        &mut self,
        parent: Node,
        out: &mut Vec<Inline>,
        looks: &mut Looks,
        in_link: bool,
    ) {
        self.depth += 1;
        for node in parent.children().filter(Node::is_element) {
            if let Some(choice) = alternate_choice(node) {
                self.inlines(choice, out, looks, in_link);
                continue;
            }
            if node.tag_name().namespace() == Some(MATH) {
                let text: String = descendants_named(node, "t")
                    .filter_map(|t| t.text())
                    .collect();
                out.push(Inline::Text(text));
                continue;
            }
            let name = node.tag_name().name();
            if !xml::is(node, name) {
                continue;
            }
            match name {
                "r" => self.run(node, out, looks, in_link),
                "hyperlink" => {
                    let url = self.hyperlink_target(node);
                    let mut inner = Vec::new();
                    self.inlines(node, &mut inner, looks, url.is_some() || in_link);
                    push_linked(out, url, inner);
                }
                "fldSimple" => {
                    let instruction = attr(node, "instr").unwrap_or_default();
                    let url = self.field_kind(instruction);
                    let mut inner = Vec::new();
                    self.inlines(node, &mut inner, looks, url.is_some() || in_link);
                    push_linked(out, url, inner);
                }
                "ins" | "moveTo" => {
                    let start = out.len();
                    self.inlines(node, out, looks, in_link);
                    let text = document::plain_text(&out[start..]);
                    self.change(true, attr(node, "author"), &text);
                }
                "del" | "moveFrom" => {
                    let text = deleted_text(node);
                    self.change(false, attr(node, "author"), &text);
                }
                "sdt" => {
                    if let Some(content) = self.content_control(node) {
                        self.inlines(content, out, looks, in_link);
                    }
                }
                "smartTag" | "customXml" | "dir" | "bdo" => {
                    self.inlines(node, out, looks, in_link);
                }
                _ => {}
            }
        }
        self.depth -= 1;
    }

    /// Gathers a tracked change of the current paragraph for the report.
    fn change(&mut self, inserted: bool, author: Option<&str>, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let author = author.unwrap_or("unknown author");
        match self.changes.last_mut() {
            Some(last) if last.inserted == inserted && last.author == author => {
                last.text.push_str(" … ");
                last.text.push_str(text);
            }
            _ => self.changes.push(Change {
                inserted,
                author: author.to_string(),
                text: text.to_string(),
            }),
        }
    }

    /// Reports the current paragraph's tracked changes and hidden text.
    pub(super) fn flush_changes(&mut self) {
        for change in std::mem::take(&mut self.changes) {
            if change.inserted {
                self.document.notices.push(format!(
                    "tracked insertion by {} kept: \"{}\"",
                    change.author,
                    document::excerpt(&change.text, 60)
                ));
            } else {
                self.document.dropped.push(Dropped::new(
                    &change.text,
                    format!(
                        "tracked deletion by {} (deletions are left out)",
                        change.author
                    ),
                ));
            }
        }
        let hidden = std::mem::take(&mut self.hidden);
        if !hidden.trim().is_empty() {
            self.document.dropped.push(Dropped::new(
                &hidden,
                "hidden text (formatted as hidden in Word)",
            ));
        }
    }

    /// The address a `w:hyperlink` points to: its relationship's target (with its
    /// `w:anchor` as fragment), or None for a link inside the document.
    fn hyperlink_target(&self, node: Node) -> Option<String> {
        let rel = rel_attr(node, "id").and_then(|id| self.rels.get(id))?;
        let mut url = rel.target.clone();
        if let Some(anchor) = attr(node, "anchor") {
            url.push('#');
            url.push_str(anchor);
        }
        web_address(&url)
    }

    fn run(&mut self, r: Node, out: &mut Vec<Inline>, looks: &mut Looks, in_link: bool) {
        let props = child(r, "rPr");
        let style = props.and_then(|p| child_val(p, "rStyle"));
        let format = props
            .map(Format::read)
            .unwrap_or_default()
            .over(self.styles.format(style));
        let mut pieces: Vec<Inline> = Vec::new();
        for node in r.children().filter(Node::is_element) {
            if let Some(choice) = alternate_choice(node) {
                for inner in choice.children().filter(Node::is_element) {
                    self.object(inner, &mut pieces);
                }
                continue;
            }
            let name = node.tag_name().name();
            if !xml::is(node, name) {
                continue;
            }
            match name {
                "fldChar" => {
                    flush_run(out, &mut pieces, format, in_link);
                    self.field_char(node, out);
                }
                "instrText" => {
                    if let Some(field) = self.fields.last_mut().filter(|f| !f.in_result) {
                        field.instruction.push_str(node.text().unwrap_or_default());
                    }
                }
                _ if self.hides_runs() => {}
                "t" => {
                    if std::mem::take(&mut self.skip_mark) {
                        continue;
                    }
                    let text = node.text().unwrap_or_default();
                    if format.hidden == Some(true) {
                        self.hidden.push_str(text);
                        continue;
                    }
                    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
                    if visible > 0 {
                        looks.chars += visible;
                        let size = format.size.unwrap_or(self.styles.body_size);
                        looks.smallest = Some(looks.smallest.map_or(size, |s| s.min(size)));
                    }
                    pieces.push(Inline::Text(text.to_string()));
                }
                "tab" | "ptab" => pieces.push(Inline::Text("\t".into())),
                // Page and column breaks are layout, not line breaks in the text.
                "br" if matches!(attr(node, "type"), Some("page" | "column")) => {}
                "br" => pieces.push(Inline::LineBreak),
                "cr" => pieces.push(Inline::LineBreak),
                "noBreakHyphen" => pieces.push(Inline::Text("-".into())),
                "sym" => self.symbol(node, &mut pieces),
                "footnoteReference" | "endnoteReference" => {
                    flush_run(out, &mut pieces, format, in_link);
                    let kind = if name == "footnoteReference" {
                        NoteKind::Footnote
                    } else {
                        NoteKind::Endnote
                    };
                    if let Some(reference) =
                        attr(node, "id").and_then(|id| self.reference(kind, id))
                    {
                        out.push(reference);
                    }
                    self.skip_mark = xml::toggle(node, "customMarkFollows") == Some(true)
                        || attr(node, "customMarkFollows").is_some_and(|v| v == "1" || v == "true");
                }
                "drawing" | "pict" | "object" => self.object(node, &mut pieces),
                "ruby" => {
                    if let Some(base) = child(node, "rubyBase") {
                        pieces.push(Inline::Text(xml::descendant_text(base)));
                    }
                }
                _ => {}
            }
        }
        flush_run(out, &mut pieces, format, in_link);
    }
}

/// Pushes linked content as a link, or as it is when there is no address.
fn push_linked(out: &mut Vec<Inline>, url: Option<String>, content: Vec<Inline>) {
    match url {
        Some(url) => out.push(Inline::Link { url, content }),
        None => out.extend(content),
    }
}

/// Appends a run's pieces to the paragraph, wrapped in the run's formatting (note
/// references are never wrapped: Word raises them itself).
fn flush_run(out: &mut Vec<Inline>, pieces: &mut Vec<Inline>, format: Format, in_link: bool) {
    if pieces.is_empty() {
        return;
    }
    let mut content = std::mem::take(pieces);
    let on = |v: Option<bool>| v == Some(true);
    if on(format.superscript) {
        content = vec![Inline::Superscript(content)];
    }
    if on(format.underline) && !in_link {
        content = vec![Inline::Underline(content)];
    }
    if on(format.italic) {
        content = vec![Inline::Emphasis(content)];
    }
    if on(format.bold) {
        content = vec![Inline::Strong(content)];
    }
    out.extend(content);
}
