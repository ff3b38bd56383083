//! The body as a tree of blocks and inlines: the one conversion of the Markdown that every
//! output is written from (Typst markup by [`super::typst_markup`], the web page's HTML by
//! `export::web`). Its text already has its punctuation set, its endnotes are numbered by
//! first reference and its images resolved, so that every writer shows the same words and
//! numbers.

use std::ops::Range;

/// The body of a letter: its blocks and its endnotes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tree {
    /// The body's blocks (and, where Markdown puts them there, inlines), in order.
    pub nodes: Vec<Node>,
    /// Each endnote's content, endnote 1 first (empty for a note referenced but not defined).
    pub notes: Vec<Vec<Node>>,
}

/// One element of the body, with where it came from and what it contains.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the element is.
    pub kind: Kind,
    /// Its byte range in the Markdown body (for text: from its first to its last character).
    pub range: Range<usize>,
    /// What it contains, in order (empty for leaves).
    pub children: Vec<Node>,
}

/// How a table column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// To the start (left in a left-to-right language), also when the table does not say.
    Start,
    /// Centred.
    Center,
    /// To the right.
    Right,
}

/// The kinds of element.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A paragraph (also a block of HTML, shown as its text).
    Paragraph,
    /// A section heading, level 1 (`#` and `##`) to 3 (`####` and deeper).
    Heading(u8),
    /// A block quotation.
    Quote,
    /// A code block shown as code, with the language its fence names (or none).
    CodeBlock { lang: String, text: String },
    /// A ```` ```{=typst} ```` fence: its lines as typed, each with its source offset.
    RawTypst(Vec<(usize, String)>),
    /// A bulleted list, or a numbered one starting at `Some(n)`.
    List(Option<u64>),
    /// A list item.
    Item,
    /// A table with its columns' alignments; its children are a head and rows.
    Table(Vec<Align>),
    /// The table's header row.
    TableHead,
    /// A row of the table's body.
    TableRow,
    /// A cell of a row.
    TableCell,
    /// A thematic break (`***`).
    Rule,
    /// A block Markdown knows but a letter has no element for: its content as blocks.
    Group,
    /// Emphasis.
    Emphasis,
    /// Strong emphasis.
    Strong,
    /// Struck-out text.
    Strikethrough,
    /// Superscript.
    Superscript,
    /// Subscript.
    Subscript,
    /// A link to `url`.
    Link(String),
    /// An image at a project path, with its alternative text.
    Image { path: String, alt: String },
    /// Text, its punctuation set.
    Text(String),
    /// Inline code.
    Code(String),
    /// An endnote marker: the note's number, and whether this is its first marker.
    NoteRef { number: usize, first: bool },
    /// A hard line break.
    LineBreak,
}

impl Node {
    /// A leaf: an element without children.
    pub fn leaf(kind: Kind, range: Range<usize>) -> Node {
        Node {
            kind,
            range,
            children: Vec::new(),
        }
    }
}

impl Tree {
    /// Puts `fill`'s text in place of each text and inline code of the body and its
    /// endnotes (a personal copy's fields, `letter::fields`); code blocks and raw Typst
    /// fences stay as written.
    pub fn fill_text(&mut self, fill: &dyn Fn(&str) -> String) {
        self.each_filled(&mut |text, _| *text = fill(text));
    }

    /// The ranges of the Markdown body whose text [`Tree::fill_text`] fills, in order:
    /// where a personal copy's fields are, and so where they are checked.
    pub fn filled_ranges(mut self) -> Vec<Range<usize>> {
        let mut ranges = Vec::new();
        self.each_filled(&mut |_, range| ranges.push(range.clone()));
        ranges
    }

    /// Calls `f` on each text and inline code of the body and its endnotes, with its range.
    fn each_filled(&mut self, f: &mut dyn FnMut(&mut String, &Range<usize>)) {
        fn walk(nodes: &mut [Node], f: &mut dyn FnMut(&mut String, &Range<usize>)) {
            for node in nodes {
                if let Kind::Text(text) | Kind::Code(text) = &mut node.kind {
                    f(text, &node.range);
                }
                walk(&mut node.children, f);
            }
        }
        walk(&mut self.nodes, f);
        for note in &mut self.notes {
            walk(note, f);
        }
    }
}
