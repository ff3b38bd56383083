//! The body's tree written as Typst markup: text as string literals, elements as calls of
//! Typst's own functions (and the template's `note-ref`), each piece marked with where it
//! came from.

use super::body::{Body, Mark, Note};
use super::tree::{Align, Kind, Node};
use crate::typeset::typst_code::{push_str_literal, str_literal};

/// Writes the markup of `body`'s tree and its notes into `body`.
pub(super) fn write(body: &mut Body) {
    let mut writer = Writer::default();
    writer.nodes(&body.tree.nodes);
    let mut markup = writer.out.trim_end().to_string();
    markup.push('\n');
    let mut marks = writer.marks;
    marks.retain(|m| m.markup < markup.len());
    body.markup = markup;
    body.marks = marks;
    body.notes = (body.tree.notes.iter())
        .map(|content| {
            let mut writer = Writer::default();
            writer.nodes(content);
            Note::trimmed(&writer.out, writer.marks)
        })
        .collect();
}

/// Markup being written, with its marks.
#[derive(Default)]
struct Writer {
    out: String,
    marks: Vec<Mark>,
}

impl Writer {
    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            self.node(node);
        }
    }

    fn node(&mut self, node: &Node) {
        let at = node.range.start;
        match &node.kind {
            Kind::Paragraph | Kind::Group => self.block(|w| w.nodes(&node.children)),
            Kind::Heading(level) => {
                self.block(|w| w.wrap(node, &format!("#heading(level: {level})["), "]"))
            }
            Kind::Quote => self.block(|w| {
                w.code(at, "#quote(block: true)[");
                w.nodes(&node.children);
                w.trim_end();
                w.code(at, "]");
            }),
            Kind::CodeBlock { lang, text } => self.block(|w| w.code(at, &raw_block(lang, text))),
            Kind::RawTypst(lines) => self.block(|w| {
                for (source, line) in lines {
                    w.mark(*source, true);
                    w.out.push_str(line);
                }
                w.out.push('\n');
            }),
            Kind::List(start) => self.block(|w| {
                let open = match start {
                    Some(n) => format!("#enum(start: {n}, "),
                    None => "#list(".to_string(),
                };
                w.wrap(node, &open, ")");
            }),
            Kind::Item => {
                self.code(at, "[");
                self.nodes(&node.children);
                self.trim_end();
                self.out.push_str("], ");
            }
            Kind::Table(alignments) => self.block(|w| w.wrap(node, &table(alignments), ")")),
            Kind::TableHead => self.wrap(node, "table.header(", "), "),
            Kind::TableRow => self.nodes(&node.children),
            Kind::TableCell => self.wrap(node, "[", "], "),
            Kind::Rule => self.block(|w| w.code(at, "#line(length: 100%, stroke: 0.5pt)")),
            Kind::Emphasis => self.wrap(node, "#emph[", "]"),
            Kind::Strong => self.wrap(node, "#strong[", "]"),
            Kind::Strikethrough => self.wrap(node, "#strike[", "]"),
            Kind::Superscript => self.wrap(node, "#super[", "]"),
            Kind::Subscript => self.wrap(node, "#sub[", "]"),
            Kind::Link(url) => self.wrap(node, &format!("#link({})[", str_literal(url)), "]"),
            Kind::Image { path, alt } => self.code(
                at,
                &format!(
                    "#box(image({}, alt: {}))",
                    str_literal(path),
                    str_literal(alt)
                ),
            ),
            Kind::Text(text) => {
                self.mark(at, false);
                self.out.push('#');
                push_str_literal(&mut self.out, text);
            }
            Kind::Code(code) => self.code(at, &format!("#raw({})", str_literal(code))),
            Kind::NoteRef { number, first } => {
                let first = if *first { ", first: true" } else { "" };
                self.code(at, &format!("#note-ref({number}{first})"));
            }
            Kind::LineBreak => self.code(at, "#linebreak()"),
        }
    }

    /// A block: a blank line before and after what `inner` writes.
    fn block(&mut self, inner: impl FnOnce(&mut Self)) {
        self.block_break();
        inner(self);
        self.block_break();
    }

    /// The node's children between `open` and `close`.
    fn wrap(&mut self, node: &Node, open: &str, close: &str) {
        self.code(node.range.start, open);
        self.nodes(&node.children);
        self.code(node.range.start, close);
    }

    /// Notes that the markup written next comes from `source`.
    fn mark(&mut self, source: usize, verbatim: bool) {
        let mark = Mark {
            markup: self.out.len(),
            source,
            verbatim,
        };
        match self.marks.last_mut() {
            Some(last) if last.markup == mark.markup => *last = mark,
            _ => self.marks.push(mark),
        }
    }

    /// Writes markup that stands for the element at `source`.
    fn code(&mut self, source: usize, markup: &str) {
        self.mark(source, false);
        self.out.push_str(markup);
    }

    /// Separates blocks with a blank line (not at the start of a content block).
    fn block_break(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") && !self.out.ends_with('[') {
            self.out.push_str(if self.out.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            });
        }
    }

    /// Cuts trailing white space, with its marks.
    fn trim_end(&mut self) {
        let len = self.out.trim_end().len();
        self.out.truncate(len);
        self.marks.retain(|m| m.markup <= len);
    }
}

/// A code block shown as code.
fn raw_block(lang: &str, text: &str) -> String {
    let lang = match lang {
        "" => String::new(),
        lang => format!("lang: {}, ", str_literal(lang)),
    };
    let text = str_literal(text.trim_end_matches('\n'));
    format!("#raw(block: true, {lang}{text})")
}

/// The opening of a table with its columns aligned.
fn table(alignments: &[Align]) -> String {
    let align: Vec<&str> = (alignments.iter())
        .map(|a| match a {
            Align::Center => "center",
            Align::Right => "right",
            Align::Start => "left",
        })
        .collect();
    let columns = alignments.len().max(1);
    format!(
        "#table(columns: {columns}, align: ({},), ",
        align.join(", ")
    )
}

impl Note {
    /// A note from written markup, with the white space around it trimmed.
    fn trimmed(markup: &str, marks: Vec<Mark>) -> Note {
        let lead = markup.len() - markup.trim_start().len();
        let markup = markup.trim().to_string();
        let marks = marks
            .into_iter()
            .filter(|m| m.markup >= lead && m.markup - lead < markup.len())
            .map(|m| Mark {
                markup: m.markup - lead,
                ..m
            })
            .collect();
        Note { markup, marks }
    }
}
