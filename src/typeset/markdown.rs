//! The letter's Markdown body (CommonMark with footnotes and tables) converted to Typst
//! markup, with footnotes turned into endnotes numbered in order of first reference.
//!
//! All text is written as Typst string literals (see [`crate::typeset::typst_code`]), so the output
//! never runs anything the writer typed. Only a ```` ```{=typst} ```` fence is passed
//! through as Typst. Every piece of markup remembers where it came from ([`Mark`]), so
//! that Typst's errors and warnings point at the letter's line and column.
//!
//! The markup calls two functions the template provides: `note-ref(n, first: bool)` for an
//! endnote marker, and the standard Typst elements for everything else.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::letter::source::LetterSource;
use crate::typeset::typst_code::{push_str_literal, spaces_for_tabs, str_literal};

/// Deepest nesting of lists, quotes, emphasis, links and the like that the body may have.
/// Typst stops at a parsing depth of 256 and a show-rule depth of 64; past this many
/// levels a letter is broken input, reported at its line rather than handed to Typst.
pub const MAX_NESTING: usize = 32;

/// The body of a letter as Typst markup.
#[derive(Debug, Default)]
pub struct Body {
    /// Typst markup of the body.
    pub markup: String,
    /// Where the pieces of `markup` came from, in markup order.
    pub marks: Vec<Mark>,
    /// Each endnote, endnote 1 first.
    pub notes: Vec<Note>,
    /// Project paths of the images the body places.
    pub images: Vec<String>,
    /// Problems, with byte ranges relative to the body text.
    pub problems: Vec<Problem>,
}

impl Body {
    /// The body's problems as diagnostics, at their place in the letter's file.
    pub fn diagnostics(&self, source: &LetterSource) -> Diagnostics {
        let offset = source.body.start;
        self.problems
            .iter()
            .map(|problem| {
                let range = offset + problem.range.start..offset + problem.range.end;
                let diagnostic = if problem.is_error {
                    Diagnostic::error(&problem.message)
                } else {
                    Diagnostic::warning(&problem.message)
                };
                diagnostic.at(&source.file, range).hint(&problem.hint)
            })
            .collect()
    }
}

/// An endnote as Typst markup.
#[derive(Debug, Clone, Default)]
pub struct Note {
    /// Typst markup of the note's text.
    pub markup: String,
    /// Where the pieces of `markup` came from, in markup order.
    pub marks: Vec<Mark>,
}

/// The origin of the markup that starts at `markup` and runs to the next mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset in the markup.
    pub markup: usize,
    /// Byte offset in the Markdown body of the element the markup stands for.
    pub source: usize,
    /// Whether the markup is the source copied verbatim (a raw-Typst fence), so that
    /// every offset maps one to one rather than to the element's start.
    pub verbatim: bool,
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
    let mut converter = Converter::new(text, resolve_image);
    for (event, range) in events {
        converter.event(event, range);
    }
    converter.finish()
}

/// A definition of a footnote, as converted.
struct Definition {
    note: Note,
    range: Range<usize>,
}

/// An open element whose markup is being written.
enum Frame {
    /// A footnote definition: its markup goes to its own buffer.
    Note {
        label: String,
        range: Range<usize>,
        saved: (String, Vec<Mark>),
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
    /// The Markdown text.
    source: &'r str,
    out: String,
    /// Marks of `out`.
    marks: Vec<Mark>,
    pending: String,
    /// Source offset of the first text in `pending`.
    pending_source: usize,
    /// Source offset of the event being converted.
    current: usize,
    /// How many elements are open around the current event.
    depth: usize,
    /// Source ranges of code spans and blocks, in order.
    code: Vec<Range<usize>>,
    frames: Vec<Frame>,
    numbers: HashMap<String, usize>,
    definitions: HashMap<String, Definition>,
    references: Vec<(String, Range<usize>)>,
    alignments: Vec<Alignment>,
    body: Body,
    resolve_image: &'r ImageResolver<'r>,
}

impl<'r> Converter<'r> {
    fn new(source: &'r str, resolve_image: &'r ImageResolver<'r>) -> Self {
        Self {
            source,
            out: String::new(),
            marks: Vec::new(),
            pending: String::new(),
            pending_source: 0,
            current: 0,
            depth: 0,
            code: Vec::new(),
            frames: Vec::new(),
            numbers: HashMap::new(),
            definitions: HashMap::new(),
            references: Vec::new(),
            alignments: Vec::new(),
            body: Body::default(),
            resolve_image,
        }
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

    /// Writes pending text as one string literal.
    fn flush(&mut self) {
        if !self.pending.is_empty() {
            self.mark(self.pending_source, false);
            self.out.push('#');
            push_str_literal(&mut self.out, &self.pending);
            self.pending.clear();
        }
    }

    /// Writes markup for the current event after flushing pending text.
    fn code(&mut self, markup: &str) {
        self.flush();
        self.mark(self.current, false);
        self.out.push_str(markup);
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        match self.frames.last_mut() {
            Some(Frame::Image { alt, .. }) => alt.push_str(&spaces_for_tabs(text)),
            Some(Frame::Code { text: code, .. }) => code.push_str(text),
            Some(Frame::RawTypst) => {
                self.flush();
                self.mark(range.start, true);
                self.out.push_str(text);
            }
            _ => {
                if self.pending.is_empty() {
                    self.pending_source = range.start;
                }
                self.pending.push_str(&spaces_for_tabs(text));
            }
        }
    }

    /// Counts an element opened at `range`; the first one nested too deeply is an error.
    fn open(&mut self, range: &Range<usize>) {
        self.depth += 1;
        if self.depth == MAX_NESTING + 1 {
            self.body.problems.push(Problem {
                is_error: true,
                message: format!(
                    "the text is nested more than {MAX_NESTING} levels deep here (lists, block quotes, emphasis or links inside each other)"
                ),
                hint: "use fewer levels: a letter rarely needs more than three".into(),
                range: range.start..line_end(self.source, range.start),
            });
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

    /// Cuts `out` back to `len` bytes (trailing white space), with its marks.
    fn truncate(&mut self, len: usize) {
        self.out.truncate(len);
        self.marks.retain(|m| m.markup <= len);
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        self.current = range.start;
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, range),
            Event::Code(code) => {
                self.code.push(range.clone());
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
                self.open(&range);
                self.block_break();
                self.code("#quote(block: true)[");
            }
            Tag::CodeBlock(kind) => {
                self.code.push(range.clone());
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
                self.open(&range);
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
                let saved = (
                    std::mem::take(&mut self.out),
                    std::mem::take(&mut self.marks),
                );
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
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {
                self.open(&range);
                self.code(match tag {
                    Tag::Emphasis => "#emph[",
                    Tag::Strong => "#strong[",
                    Tag::Strikethrough => "#strike[",
                    Tag::Superscript => "#super[",
                    _ => "#sub[",
                });
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                self.open(&range);
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
                self.depth -= 1;
                self.flush();
                self.truncate(self.out.trim_end().len());
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
                self.depth -= 1;
                self.frames.pop();
                self.code(")");
                self.block_break();
            }
            TagEnd::Item => {
                self.flush();
                self.truncate(self.out.trim_end().len());
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
                    let markup = std::mem::replace(&mut self.out, saved.0);
                    let marks = std::mem::replace(&mut self.marks, saved.1);
                    let note = Note::trimmed(&markup, marks);
                    match self.definitions.entry(label) {
                        Entry::Occupied(first) => self.body.problems.push(Problem {
                            is_error: true,
                            message: format!("footnote `[^{}]` is defined twice", first.key()),
                            hint: "give each footnote definition its own label, or remove the repeated one".into(),
                            range: label_range(self.source, &range),
                        }),
                        Entry::Vacant(slot) => {
                            slot.insert(Definition { note, range });
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
            | TagEnd::Link => {
                self.depth -= 1;
                self.code("]");
            }
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
                            message: format!("image {reason}"),
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

    fn finish(mut self) -> Body {
        self.flush();
        let mut body = self.body;
        body.markup = self.out.trim_end().to_string();
        body.markup.push('\n');
        body.marks = self.marks;
        body.marks.retain(|m| m.markup < body.markup.len());

        let mut first_reference: HashMap<&str, Range<usize>> = HashMap::new();
        for (label, range) in &self.references {
            first_reference
                .entry(label.as_str())
                .or_insert_with(|| range.clone());
        }
        let mut notes: Vec<(usize, Note)> = Vec::new();
        for (label, number) in &self.numbers {
            match self.definitions.remove(label) {
                Some(definition) => notes.push((*number, definition.note)),
                None => {
                    let range = first_reference.get(label.as_str()).cloned().unwrap_or(0..0);
                    body.problems.push(Problem {
                        is_error: true,
                        message: format!("footnote `[^{label}]` is referenced but not defined"),
                        hint: format!("add a line `[^{label}]: …` with the note's text, usually at the end of the letter"),
                        range,
                    });
                    notes.push((*number, Note::default()));
                }
            }
        }
        notes.sort_by_key(|(n, _)| *n);
        body.notes = notes.into_iter().map(|(_, note)| note).collect();

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
                range: label_range(self.source, &definition.range),
            });
        }
        body.problems
            .extend(undefined_in_text(self.source, &self.references, &self.code));
        body.problems.sort_by_key(|p| p.range.start);
        body
    }
}

/// `[^label]` references that CommonMark left as text because nothing defines them,
/// outside code (`code`: the ranges of code spans and blocks, in order).
///
/// One pass over the text, so that a body full of `[^` stays fast.
fn undefined_in_text(
    text: &str,
    references: &[(String, Range<usize>)],
    code: &[Range<usize>],
) -> Vec<Problem> {
    let known: HashSet<usize> = references.iter().map(|(_, r)| r.start).collect();
    let in_code = |offset: usize| {
        let next = code.partition_point(|r| r.start <= offset);
        next > 0 && code[next - 1].contains(&offset)
    };
    let mut problems = Vec::new();
    let mut search = 0;
    while let Some(found) = text[search..].find("[^") {
        let start = search + found;
        search = start + 2;
        // A label ends at `]` and holds no white space and no `[`: looking no further
        // than those keeps the scan linear however many `[^` the text has.
        let Some(close) = text[search..].find(|c: char| c == ']' || c == '[' || c.is_whitespace())
        else {
            break;
        };
        if !text[search + close..].starts_with(']') {
            continue;
        }
        let label = &text[search..search + close];
        let is_label = !label.is_empty();
        let definition = text[search + close + 1..].starts_with(':');
        if is_label && !known.contains(&start) && !definition && !in_code(start) {
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

/// The `[^label]:` part of a footnote definition at `range` (its first line at most).
fn label_range(text: &str, range: &Range<usize>) -> Range<usize> {
    let end = text[range.start..]
        .find("]:")
        .map_or(range.end, |i| range.start + i + 2);
    range.start..end.min(line_end(text, range.start))
}

/// The offset of the end of the line that `offset` is on.
fn line_end(text: &str, offset: usize) -> usize {
    text[offset..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| offset + i)
}

impl Note {
    /// A note from converted markup, with the white space around it trimmed.
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
        let notes: Vec<&str> = body.notes.iter().map(|n| n.markup.as_str()).collect();
        assert_eq!(notes, vec!["#\"Note b.\"", "#\"Note a.\""]);
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
        let raw: Vec<&Mark> = body.marks.iter().filter(|m| m.verbatim).collect();
        assert_eq!(raw.len(), 1);
        assert!(body.markup[raw[0].markup..].starts_with("#box[x]\n"));
        assert_eq!(&text[raw[0].source..raw[0].source + 7], "#box[x]");
    }

    #[test]
    fn every_element_and_note_is_marked_with_its_source() {
        let text = "Intro *stressed*.[^n]\n\n- item\n\n[^n]: The **note**.\n";
        let body = md(text);
        let at = |markup: &str, marks: &[Mark], needle: &str| {
            let offset = markup.find(needle).unwrap();
            let index = marks.partition_point(|m| m.markup <= offset) - 1;
            marks[index].source
        };
        assert_eq!(at(&body.markup, &body.marks, "#\"Intro "), 0);
        assert_eq!(at(&body.markup, &body.marks, "#emph["), 6);
        assert_eq!(
            at(&body.markup, &body.marks, "#list("),
            text.find("- item").unwrap()
        );
        let note = &body.notes[0];
        assert_eq!(
            at(&note.markup, &note.marks, "#strong["),
            text.find("**note**").unwrap()
        );
    }

    #[test]
    fn nesting_past_the_limit_is_one_error_at_its_line() {
        let deep: String = (0..100)
            .map(|i| format!("{}- l\n", "  ".repeat(i)))
            .collect();
        let body = md(&deep);
        let errors: Vec<&Problem> = body.problems.iter().filter(|p| p.is_error).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("nested more than 32 levels"));
        let line = deep[..errors[0].range.start].matches('\n').count() + 1;
        assert_eq!(line, MAX_NESTING + 1);
        let ok: String = (0..MAX_NESTING)
            .map(|i| format!("{}- l\n", "  ".repeat(i)))
            .collect();
        assert!(md(&ok).problems.is_empty());
    }

    #[test]
    fn markers_in_code_are_not_references() {
        let text =
            "\tindented [^a] code\n\nA `span [^b]` here.\n\n```\nfenced [^c]\n```\n\nText [^d].\n";
        let body = md(text);
        let labels: Vec<&str> = body.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            labels,
            vec!["footnote `[^d]` is referenced but not defined"],
            "{labels:?}"
        );
    }

    #[test]
    fn many_footnote_markers_stay_linear() {
        // 100,000 undefined references: a quadratic scan would take minutes.
        let text = "[^x] ".repeat(100_000);
        let body = md(&text);
        assert_eq!(body.problems.len(), 100_000);
        // Unclosed markers with a `]` far away.
        let text = format!("{}]", "[^".repeat(200_000));
        assert!(md(&text).problems.is_empty());
    }
}
