//! The converter's state, and how it builds the tree: text gathered into runs whose
//! punctuation is set when the run ends, elements opened and closed around them, each
//! with the range of the Markdown it came from.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser};

use super::body::{Body, ImageResolver, MAX_NESTING, Problem};
use super::tree::{Kind, Node};
use crate::diagnostic::Cause;
use crate::diagnostic::codes;
use crate::typeset::typography::{Style, Typographer};
use crate::typeset::typst_code::spaces_for_tabs;

/// The body's events converted into its tree (no markup written yet).
pub(super) fn parse(text: &str, style: Style, resolve_image: &ImageResolver) -> Body {
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES;
    let events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(text, options).into_offset_iter().collect();
    let mut converter = Converter::new(text, style, resolve_image);
    for (event, range) in events {
        converter.event(event, range);
    }
    converter.finish()
}

/// A definition of a footnote, as converted.
pub(super) struct Definition {
    pub(super) content: Vec<Node>,
    pub(super) range: Range<usize>,
}

/// An open element whose content is being gathered.
pub(super) enum Frame {
    /// An element of the tree (code blocks and raw fences gather their text in `kind`).
    Node(Node),
    /// A footnote definition: its content goes to the notes, not to the body.
    Note {
        label: String,
        range: Range<usize>,
        content: Vec<Node>,
    },
    /// A link whose address is refused ([`super::links`]): its content stays, unlinked.
    Unlinked(Vec<Node>),
    /// An image: its text becomes the alternative text.
    Image {
        path: Result<String, Cause>,
        alt: String,
        range: Range<usize>,
    },
}

impl Frame {
    /// Whether the frame is an inline element, which text passes through to the frame
    /// around it (emphasis inside an image's description adds to the description).
    fn is_inline(&self) -> bool {
        matches!(
            self,
            Frame::Unlinked(_)
                | Frame::Node(Node {
                    kind: Kind::Emphasis
                        | Kind::Strong
                        | Kind::Strikethrough
                        | Kind::Superscript
                        | Kind::Subscript
                        | Kind::Link(_),
                    ..
                })
        )
    }
}

pub(super) struct Converter<'r> {
    /// The Markdown text.
    pub(super) source: &'r str,
    /// The body's top-level elements so far.
    pub(super) nodes: Vec<Node>,
    pub(super) pending: String,
    /// Byte offsets in `pending` of the characters the writer escaped (`\"`), or gave as
    /// an entity (`&quot;`): they stay as typed.
    pub(super) pending_literal: Vec<usize>,
    /// Source range of the text in `pending`.
    pub(super) pending_source: Range<usize>,
    /// Sets the punctuation of the text.
    pub(super) typographer: Typographer,
    /// The text of an automatic link (`<https://…>`) is being written: a web address.
    pub(super) in_address: bool,
    /// Source range of the event being converted.
    pub(super) current: Range<usize>,
    /// How many elements are open around the current event.
    pub(super) depth: usize,
    /// Source ranges of code spans and blocks, in order.
    pub(super) code: Vec<Range<usize>>,
    pub(super) frames: Vec<Frame>,
    pub(super) numbers: HashMap<String, usize>,
    pub(super) definitions: HashMap<String, Definition>,
    pub(super) references: Vec<(String, Range<usize>)>,
    pub(super) body: Body,
    pub(super) resolve_image: &'r ImageResolver<'r>,
}

impl<'r> Converter<'r> {
    pub(super) fn new(source: &'r str, style: Style, resolve_image: &'r ImageResolver<'r>) -> Self {
        Self {
            source,
            nodes: Vec::new(),
            pending: String::new(),
            pending_literal: Vec::new(),
            pending_source: 0..0,
            typographer: Typographer::new(style),
            in_address: false,
            current: 0..0,
            depth: 0,
            code: Vec::new(),
            frames: Vec::new(),
            numbers: HashMap::new(),
            definitions: HashMap::new(),
            references: Vec::new(),
            body: Body::default(),
            resolve_image,
        }
    }

    /// Adds a finished element to the innermost open element that holds elements (an
    /// image holds only its description), or to the body.
    pub(super) fn append(&mut self, node: Node) {
        let open = self.frames.iter_mut().rev().find_map(|frame| match frame {
            Frame::Node(open) => Some(&mut open.children),
            Frame::Note { content, .. } | Frame::Unlinked(content) => Some(content),
            Frame::Image { .. } => None,
        });
        open.unwrap_or(&mut self.nodes).push(node);
    }

    /// Ends the pending run of text: its punctuation set, or as typed for the text of an
    /// automatic link (a web address).
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
        self.pending.clear();
        self.pending_literal.clear();
        let range = self.pending_source.clone();
        self.append(Node::leaf(Kind::Text(text), range));
    }

    /// Adds an element without content at the current event, after the pending text.
    pub(super) fn leaf(&mut self, kind: Kind) {
        self.flush();
        self.append(Node::leaf(kind, self.current.clone()));
    }

    /// Opens an element at the current event, after the pending text.
    pub(super) fn open_node(&mut self, kind: Kind) {
        self.flush();
        self.frames
            .push(Frame::Node(Node::leaf(kind, self.current.clone())));
    }

    /// Closes the innermost open element, with its pending text.
    pub(super) fn close_node(&mut self) {
        self.flush();
        match self.frames.pop() {
            Some(Frame::Node(node)) => self.append(node),
            Some(Frame::Unlinked(content)) => content.into_iter().for_each(|n| self.append(n)),
            _ => {}
        }
    }

    pub(super) fn text(&mut self, text: &str, range: Range<usize>) {
        let target = self.frames.iter_mut().rev().find(|f| !f.is_inline());
        match target {
            Some(Frame::Image { alt, .. }) => alt.push_str(&spaces_for_tabs(text)),
            Some(Frame::Node(Node {
                kind: Kind::CodeBlock { text: code, .. },
                ..
            })) => code.push_str(text),
            Some(Frame::Node(Node {
                kind: Kind::RawTypst(lines),
                ..
            })) => lines.push((range.start, text.to_string())),
            _ => {
                if self.pending.is_empty() {
                    self.pending_source = range.clone();
                }
                self.pending_source.end = range.end;
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

    /// Ends the pending text where a block starts or ends.
    pub(super) fn block_break(&mut self) {
        self.flush();
        self.typographer.block();
    }

    pub(super) fn event(&mut self, event: Event, range: Range<usize>) {
        self.current = range.clone();
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, range),
            Event::Code(code) => {
                self.code.push(range.clone());
                match self.frames.iter_mut().rev().find(|f| !f.is_inline()) {
                    Some(Frame::Image { alt, .. }) => alt.push_str(&code),
                    _ => {
                        self.leaf(Kind::Code(code.to_string()));
                        self.typographer.object();
                    }
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => self.text(&html, range),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(&math, range),
            Event::FootnoteReference(label) => self.reference(&label, range),
            Event::SoftBreak => self.text(" ", range),
            Event::HardBreak => {
                self.leaf(Kind::LineBreak);
                self.typographer.line_break();
            }
            Event::Rule => {
                self.block_break();
                self.leaf(Kind::Rule);
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
