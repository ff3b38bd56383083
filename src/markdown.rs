//! The letter's Markdown body (CommonMark with footnotes and tables) converted to Typst
//! markup, with footnotes turned into endnotes numbered in order of first reference.
//!
//! All text is written as Typst string literals (see [`crate::typst_code`]), so the output
//! never runs anything the writer typed. Only a ```` ```{=typst} ```` fence is passed
//! through as Typst, and its position is remembered so errors in it point at the letter.
//!
//! The markup calls two functions the template provides: `note-ref(n, first: bool)` for an
//! endnote marker, and the standard Typst elements for everything else.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::typst_code::{push_str_literal, str_literal};

/// The body of a letter as Typst markup.
#[derive(Debug, Default)]
pub struct Body {
    /// Typst markup of the body.
    pub markup: String,
    /// Typst markup of each endnote, endnote 1 first.
    pub notes: Vec<String>,
    /// Project paths of the images the body places.
    pub images: Vec<String>,
    /// Where raw Typst from ```` ```{=typst} ```` fences sits in `markup`.
    pub raw_spans: Vec<RawSpan>,
    /// Problems, with byte ranges relative to the body text.
    pub problems: Vec<Problem>,
}

/// A piece of raw Typst copied verbatim from the letter.
#[derive(Debug, Clone)]
pub struct RawSpan {
    /// Byte range in [`Body::markup`].
    pub markup: Range<usize>,
    /// Byte offset of the same text in the Markdown body.
    pub source: usize,
}

/// A problem in the body.
#[derive(Debug, Clone)]
pub struct Problem {
    /// An error (the letter cannot render) or a warning.
    pub is_error: bool,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
    /// Byte range in the Markdown body.
    pub range: Range<usize>,
}

/// Resolves an image path written in the body to a path in the Typst project.
pub type ImageResolver<'a> = dyn Fn(&str) -> Result<String, String> + 'a;

/// Converts a Markdown body to Typst markup.
pub fn convert(text: &str, resolve_image: &ImageResolver) -> Body {
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES;
    let events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(text, options).into_offset_iter().collect();
    let mut converter = Converter::new(resolve_image);
    for (event, range) in events {
        converter.event(event, range);
    }
    converter.finish(text)
}

/// A definition of a footnote, as converted.
struct Definition {
    markup: String,
    range: Range<usize>,
}

/// An open element whose markup is being written.
enum Frame {
    /// A footnote definition: its markup goes to its own buffer.
    Note {
        label: String,
        range: Range<usize>,
        saved: String,
    },
    /// An image: its text becomes the alternative text.
    Image {
        path: Result<String, String>,
        alt: String,
        range: Range<usize>,
    },
    /// A raw Typst fence.
    RawTypst,
    /// A code block shown as code.
    Code { lang: String, text: String },
    /// A list, with whether an item was written yet.
    List,
    /// A table row or header, counting cells.
    Table,
}

struct Converter<'r> {
    out: String,
    pending: String,
    frames: Vec<Frame>,
    numbers: HashMap<String, usize>,
    definitions: HashMap<String, Definition>,
    references: Vec<(String, Range<usize>)>,
    alignments: Vec<Alignment>,
    body: Body,
    resolve_image: &'r ImageResolver<'r>,
}

impl<'r> Converter<'r> {
    fn new(resolve_image: &'r ImageResolver<'r>) -> Self {
        Self {
            out: String::new(),
            pending: String::new(),
            frames: Vec::new(),
            numbers: HashMap::new(),
            definitions: HashMap::new(),
            references: Vec::new(),
            alignments: Vec::new(),
            body: Body::default(),
            resolve_image,
        }
    }

    /// Writes pending text as one string literal.
    fn flush(&mut self) {
        if !self.pending.is_empty() {
            self.out.push('#');
            push_str_literal(&mut self.out, &self.pending);
            self.pending.clear();
        }
    }

    /// Writes markup after flushing pending text.
    fn code(&mut self, markup: &str) {
        self.flush();
        self.out.push_str(markup);
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        match self.frames.last_mut() {
            Some(Frame::Image { alt, .. }) => alt.push_str(text),
            Some(Frame::Code { text: code, .. }) => code.push_str(text),
            Some(Frame::RawTypst) => {
                self.flush();
                let start = self.out.len();
                self.out.push_str(text);
                // Inside a footnote the markup goes to the note, not the body: not mapped.
                if !self.frames.iter().any(|f| matches!(f, Frame::Note { .. })) {
                    self.body.raw_spans.push(RawSpan {
                        markup: start..self.out.len(),
                        source: range.start,
                    });
                }
            }
            _ => self.pending.push_str(text),
        }
    }

    /// Separates blocks with a blank line (not at the start of a content block).
    fn block_break(&mut self) {
        self.flush();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") && !self.out.ends_with('[') {
            self.out.push_str(if self.out.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            });
        }
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, range),
            Event::Code(code) => {
                if let Some(Frame::Image { alt, .. }) = self.frames.last_mut() {
                    alt.push_str(&code);
                } else {
                    self.code(&format!("#raw({})", str_literal(&code)));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => self.text(&html, range),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(&math, range),
            Event::FootnoteReference(label) => self.reference(&label, range),
            Event::SoftBreak => self.text(" ", range),
            Event::HardBreak => self.code("#linebreak()"),
            Event::Rule => {
                self.block_break();
                self.code("#line(length: 100%, stroke: 0.5pt)");
                self.block_break();
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }, range),
        }
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        match tag {
            Tag::Paragraph => self.block_break(),
            Tag::Heading { level, .. } => {
                self.block_break();
                // `#` and `##` are the letter's section headings; deeper ones nest below.
                let level = match level {
                    HeadingLevel::H1 | HeadingLevel::H2 => 1,
                    HeadingLevel::H3 => 2,
                    _ => 3,
                };
                self.code(&format!("#heading(level: {level})["));
            }
            Tag::BlockQuote(_) => {
                self.block_break();
                self.code("#quote(block: true)[");
            }
            Tag::CodeBlock(kind) => {
                self.block_break();
                let info = match &kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                if info == "{=typst}" {
                    self.frames.push(Frame::RawTypst);
                } else {
                    let lang = info.split_whitespace().next().unwrap_or("").to_string();
                    self.frames.push(Frame::Code {
                        lang,
                        text: String::new(),
                    });
                }
            }
            Tag::HtmlBlock => self.block_break(),
            Tag::List(start) => {
                self.block_break();
                match start {
                    Some(n) => self.code(&format!("#enum(start: {n}, ")),
                    None => self.code("#list("),
                }
                self.frames.push(Frame::List);
            }
            Tag::Item => self.code("["),
            Tag::FootnoteDefinition(label) => {
                self.flush();
                let saved = std::mem::take(&mut self.out);
                self.frames.push(Frame::Note {
                    label: label.to_string(),
                    range,
                    saved,
                });
            }
            Tag::Table(alignments) => {
                self.block_break();
                let align: Vec<&str> = alignments
                    .iter()
                    .map(|a| match a {
                        Alignment::Center => "center",
                        Alignment::Right => "right",
                        Alignment::None | Alignment::Left => "left",
                    })
                    .collect();
                self.code(&format!(
                    "#table(columns: {}, align: ({},), ",
                    alignments.len().max(1),
                    align.join(", ")
                ));
                self.alignments = alignments;
            }
            Tag::TableHead => {
                self.code("table.header(");
                self.frames.push(Frame::Table);
            }
            Tag::TableRow => self.frames.push(Frame::Table),
            Tag::TableCell => self.code("["),
            Tag::Emphasis => self.code("#emph["),
            Tag::Strong => self.code("#strong["),
            Tag::Strikethrough => self.code("#strike["),
            Tag::Superscript => self.code("#super["),
            Tag::Subscript => self.code("#sub["),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let url = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                self.code(&format!("#link({})[", str_literal(&url)));
            }
            Tag::Image { dest_url, .. } => {
                self.flush();
                let path = (self.resolve_image)(&dest_url);
                self.frames.push(Frame::Image {
                    path,
                    alt: String::new(),
                    range,
                });
            }
            Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => self.block_break(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock => self.block_break(),
            TagEnd::Heading(_) => {
                self.code("]");
                self.block_break();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.out.truncate(self.out.trim_end().len());
                self.code("]");
                self.block_break();
            }
            TagEnd::CodeBlock => match self.frames.pop() {
                Some(Frame::Code { lang, text }) => {
                    let lang = if lang.is_empty() {
                        String::new()
                    } else {
                        format!("lang: {}, ", str_literal(&lang))
                    };
                    self.code(&format!(
                        "#raw(block: true, {lang}{})",
                        str_literal(text.trim_end_matches('\n'))
                    ));
                    self.block_break();
                }
                _ => {
                    self.out.push('\n');
                    self.block_break();
                }
            },
            TagEnd::List(_) => {
                self.frames.pop();
                self.code(")");
                self.block_break();
            }
            TagEnd::Item => {
                self.flush();
                let trimmed = self.out.trim_end().len();
                self.out.truncate(trimmed);
                self.out.push_str("], ");
            }
            TagEnd::FootnoteDefinition => {
                self.flush();
                if let Some(Frame::Note {
                    label,
                    range,
                    saved,
                }) = self.frames.pop()
                {
                    let markup = std::mem::replace(&mut self.out, saved).trim().to_string();
                    match self.definitions.entry(label) {
                        Entry::Occupied(first) => self.body.problems.push(Problem {
                            is_error: true,
                            message: format!("footnote `[^{}]` is defined twice", first.key()),
                            hint: "give each footnote definition its own label, or remove the repeated one".into(),
                            range,
                        }),
                        Entry::Vacant(slot) => {
                            slot.insert(Definition { markup, range });
                        }
                    }
                }
            }
            TagEnd::Table => {
                self.code(")");
                self.block_break();
            }
            TagEnd::TableHead => {
                self.frames.pop();
                self.code("), ");
            }
            TagEnd::TableRow => {
                self.frames.pop();
            }
            TagEnd::TableCell => self.code("], "),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => self.code("]"),
            TagEnd::Image => {
                if let Some(Frame::Image { path, alt, range }) = self.frames.pop() {
                    match path {
                        Ok(path) => {
                            self.code(&format!(
                                "#box(image({}, alt: {}))",
                                str_literal(&path),
                                str_literal(alt.trim())
                            ));
                            self.body.images.push(path);
                        }
                        Err(reason) => self.body.problems.push(Problem {
                            is_error: true,
                            message: reason,
                            hint: "images are given relative to the letter and must lie inside the house folder".into(),
                            range,
                        }),
                    }
                }
            }
            TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => self.block_break(),
        }
    }

    fn reference(&mut self, label: &str, range: Range<usize>) {
        let next = self.numbers.len() + 1;
        let number = *self.numbers.entry(label.to_string()).or_insert(next);
        let first = number == next;
        self.references.push((label.to_string(), range));
        let first = if first { ", first: true" } else { "" };
        self.code(&format!("#note-ref({number}{first})"));
    }

    fn finish(mut self, text: &str) -> Body {
        self.flush();
        let mut body = self.body;
        body.markup = self.out.trim_end().to_string();
        body.markup.push('\n');

        let mut notes: Vec<(usize, String)> = Vec::new();
        for (label, number) in &self.numbers {
            match self.definitions.remove(label) {
                Some(definition) => notes.push((*number, definition.markup)),
                None => {
                    let range = self
                        .references
                        .iter()
                        .find(|(l, _)| l == label)
                        .map(|(_, r)| r.clone())
                        .unwrap_or(0..0);
                    body.problems.push(Problem {
                        is_error: true,
                        message: format!("footnote `[^{label}]` is referenced but not defined"),
                        hint: format!("add a line `[^{label}]: …` with the note's text, usually at the end of the letter"),
                        range,
                    });
                    notes.push((*number, String::new()));
                }
            }
        }
        notes.sort_by_key(|(n, _)| *n);
        body.notes = notes.into_iter().map(|(_, markup)| markup).collect();

        let mut unused: Vec<(String, Definition)> = self.definitions.into_iter().collect();
        unused.sort_by_key(|(_, d)| d.range.start);
        for (label, definition) in unused {
            body.problems.push(Problem {
                is_error: false,
                message: format!(
                    "footnote `[^{label}]` is defined but never referenced; it is left out"
                ),
                hint: format!(
                    "put `[^{label}]` in the text where the note belongs, or delete the definition"
                ),
                range: definition.range,
            });
        }
        body.problems
            .extend(undefined_in_text(text, &self.references));
        body.problems.sort_by_key(|p| p.range.start);
        body
    }
}

/// `[^label]` references that CommonMark left as text because nothing defines them.
fn undefined_in_text(text: &str, references: &[(String, Range<usize>)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut search = 0;
    while let Some(found) = text[search..].find("[^") {
        let start = search + found;
        search = start + 2;
        let Some(close) = text[search..].find(']') else {
            break;
        };
        let label = &text[search..search + close];
        let is_label =
            !label.is_empty() && !label.contains(char::is_whitespace) && !label.contains('[');
        let known = references.iter().any(|(_, r)| r.start == start);
        let definition = text[search + close + 1..].starts_with(':');
        if is_label && !known && !definition && !inside_code(text, start) {
            problems.push(Problem {
                is_error: true,
                message: format!("footnote `[^{label}]` is referenced but not defined"),
                hint: format!("add a line `[^{label}]: …` with the note's text, usually at the end of the letter"),
                range: start..search + close + 1,
            });
        }
    }
    problems
}

/// Whether an offset sits inside a code span or block (where `[^x]` is just text).
fn inside_code(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let backticks = text[line_start..offset].matches('`').count();
    let fences = text[..offset]
        .lines()
        .filter(|l| l.trim_start().starts_with("```"))
        .count();
    backticks % 2 == 1 || fences % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Body {
        convert(text, &|p: &str| Ok(format!("/{p}")))
    }

    #[test]
    fn text_is_always_a_string_literal() {
        let body = md("Call #read(\"/etc/passwd\") $x$ @x <x> \\ ~ // not a comment\n");
        assert_eq!(
            body.markup,
            "#\"Call #read(\\\"/etc/passwd\\\") $x$ @x <x> \\\\ ~ // not a comment\"\n"
        );
    }

    #[test]
    fn footnotes_are_numbered_by_first_reference() {
        let body = md("A[^b] B[^a] C[^b].\n\n[^a]: Note a.\n[^b]: Note b.\n");
        assert!(body.markup.contains("#note-ref(1, first: true)"));
        assert!(body.markup.contains("#note-ref(2, first: true)"));
        assert!(body.markup.contains("#note-ref(1)#"));
        assert_eq!(body.notes, vec!["#\"Note b.\"", "#\"Note a.\""]);
        assert!(body.problems.is_empty(), "{:?}", body.problems);
    }

    #[test]
    fn undefined_duplicate_and_unused_footnotes() {
        let body = md("A[^x] B[^y].\n\n[^y]: one\n[^y]: two\n[^z]: unused\n");
        let messages: Vec<_> = body
            .problems
            .iter()
            .map(|p| (p.is_error, p.message.as_str()))
            .collect();
        assert!(
            messages.contains(&(true, "footnote `[^x]` is referenced but not defined")),
            "{messages:?}"
        );
        assert!(
            messages.contains(&(true, "footnote `[^y]` is defined twice")),
            "{messages:?}"
        );
        assert!(messages.contains(&(
            false,
            "footnote `[^z]` is defined but never referenced; it is left out"
        )));
    }

    #[test]
    fn structure_becomes_typst_elements() {
        let body = md("## Access\n\n*a* **b** [l](https://x.org) `c`\n\n- one\n- two\n\n> q\n");
        assert!(body.markup.contains("#heading(level: 1)[#\"Access\"]"));
        assert!(body.markup.contains("#emph[#\"a\"]"));
        assert!(body.markup.contains("#strong[#\"b\"]"));
        assert!(body.markup.contains("#link(\"https://x.org\")[#\"l\"]"));
        assert!(body.markup.contains("#raw(\"c\")"));
        assert!(body.markup.contains("#list([#\"one\"], [#\"two\"], )"));
        assert!(
            body.markup.contains("#quote(block: true)[#\"q\"]"),
            "{}",
            body.markup
        );
    }

    #[test]
    fn raw_typst_fence_is_passed_through_and_located() {
        let text = "Before.\n\n```{=typst}\n#box[x]\n```\n";
        let body = md(text);
        assert_eq!(body.raw_spans.len(), 1);
        let span = &body.raw_spans[0];
        assert_eq!(&body.markup[span.markup.clone()], "#box[x]\n");
        assert_eq!(&text[span.source..span.source + 7], "#box[x]");
    }
}
