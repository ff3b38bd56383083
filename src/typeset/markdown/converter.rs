//! The converter's state, and how it writes markup: text as string literals, markup for
//! elements, each piece marked with where it came from.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Alignment, Event};

use super::body::{Body, ImageResolver, MAX_NESTING, Mark, Note, Problem};
use crate::diagnostic::Cause;
use crate::diagnostic::codes;
use crate::typeset::typography::{Style, Typographer};
use crate::typeset::typst_code::{push_str_literal, spaces_for_tabs, str_literal};

/// A definition of a footnote, as converted.
pub(super) struct Definition {
    pub(super) note: Note,
    pub(super) range: Range<usize>,
}

/// An open element whose markup is being written.
pub(super) enum Frame {
    /// A footnote definition: its markup goes to its own buffer.
    Note {
        label: String,
        range: Range<usize>,
        saved: (String, Vec<Mark>),
    },
    /// An image: its text becomes the alternative text.
    Image {
        path: Result<String, Cause>,
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

pub(super) struct Converter<'r> {
    /// The Markdown text.
    pub(super) source: &'r str,
    pub(super) out: String,
    /// Marks of `out`.
    pub(super) marks: Vec<Mark>,
    pub(super) pending: String,
    /// Byte offsets in `pending` of the characters the writer escaped (`\"`), or gave as
    /// an entity (`&quot;`): they stay as typed.
    pub(super) pending_literal: Vec<usize>,
    /// Source offset of the first text in `pending`.
    pub(super) pending_source: usize,
    /// Sets the punctuation of the text.
    pub(super) typographer: Typographer,
    /// The text of an automatic link (`<https://…>`) is being written: a web address.
    pub(super) in_address: bool,
    /// Source offset of the event being converted.
    pub(super) current: usize,
    /// How many elements are open around the current event.
    pub(super) depth: usize,
    /// Source ranges of code spans and blocks, in order.
    pub(super) code: Vec<Range<usize>>,
    pub(super) frames: Vec<Frame>,
    pub(super) numbers: HashMap<String, usize>,
    pub(super) definitions: HashMap<String, Definition>,
    pub(super) references: Vec<(String, Range<usize>)>,
    pub(super) alignments: Vec<Alignment>,
    pub(super) body: Body,
    pub(super) resolve_image: &'r ImageResolver<'r>,
}

impl<'r> Converter<'r> {
    pub(super) fn new(source: &'r str, style: Style, resolve_image: &'r ImageResolver<'r>) -> Self {
        Self {
            source,
            out: String::new(),
            marks: Vec::new(),
            pending: String::new(),
            pending_literal: Vec::new(),
            pending_source: 0,
            typographer: Typographer::new(style),
            in_address: false,
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
    pub(super) fn mark(&mut self, source: usize, verbatim: bool) {
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

    /// Writes pending text with its punctuation set as one string literal; the text of
    /// an automatic link (a web address) as typed.
    pub(super) fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let text = if self.in_address {
            self.typographer.address(&self.pending);
            std::mem::take(&mut self.pending)
        } else {
            self.typographer.run(&self.pending, &self.pending_literal)
        };
        self.mark(self.pending_source, false);
        self.out.push('#');
        push_str_literal(&mut self.out, &text);
        self.pending.clear();
        self.pending_literal.clear();
    }

    /// Writes markup for the current event after flushing pending text.
    pub(super) fn code(&mut self, markup: &str) {
        self.flush();
        self.mark(self.current, false);
        self.out.push_str(markup);
    }

    pub(super) fn text(&mut self, text: &str, range: Range<usize>) {
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
                let at = self.pending.len();
                let typed = self.source.get(range.clone()).unwrap_or_default();
                if typed != text {
                    // An entity (`&quot;`) or a replaced character: as given.
                    self.pending_literal
                        .extend(text.char_indices().map(|(i, _)| at + i));
                } else if escaped(self.source, range.start) {
                    self.pending_literal.push(at);
                }
                self.pending.push_str(&spaces_for_tabs(text));
            }
        }
    }

    /// Counts an element opened at `range`; the first one nested too deeply is an error.
    pub(super) fn open(&mut self, range: &Range<usize>) {
        self.depth += 1;
        if self.depth == MAX_NESTING + 1 {
            self.body.problems.push(Problem {
                is_error: true,
                code: codes::NESTED_TOO_DEEP,
                message: format!(
                    "the text is nested more than {MAX_NESTING} levels deep here (lists, block quotes, emphasis or links inside each other)"
                ),
                hint: "use fewer levels: a letter rarely needs more than three".into(),
                range: range.start..line_end(self.source, range.start),
            });
        }
    }

    /// Separates blocks with a blank line (not at the start of a content block).
    pub(super) fn block_break(&mut self) {
        self.flush();
        self.typographer.block();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") && !self.out.ends_with('[') {
            self.out.push_str(if self.out.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            });
        }
    }

    /// Cuts `out` back to `len` bytes (trailing white space), with its marks.
    pub(super) fn truncate(&mut self, len: usize) {
        self.out.truncate(len);
        self.marks.retain(|m| m.markup <= len);
    }

    pub(super) fn event(&mut self, event: Event, range: Range<usize>) {
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
                    self.typographer.object();
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => self.text(&html, range),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(&math, range),
            Event::FootnoteReference(label) => self.reference(&label, range),
            Event::SoftBreak => self.text(" ", range),
            Event::HardBreak => {
                self.code("#linebreak()");
                self.typographer.line_break();
            }
            Event::Rule => {
                self.block_break();
                self.code("#line(length: 100%, stroke: 0.5pt)");
                self.block_break();
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }, range),
        }
    }
}

/// Whether the character at `offset` of `text` is escaped: an odd number of backslashes
/// stands before it.
fn escaped(text: &str, offset: usize) -> bool {
    let backslashes = text.as_bytes()[..offset]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    backslashes % 2 == 1
}

/// The offset of the end of the line that `offset` is on.
pub(super) fn line_end(text: &str, offset: usize) -> usize {
    text[offset..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| offset + i)
}
