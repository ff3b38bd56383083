//! The model's types (what a document is made of) and the questions every reader and
//! writer asks of them: a block's text, an excerpt, an image's kind.

/// A document read from a Word file or a web page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Document {
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// Footnotes and endnotes, in order of first reference: [`Inline::NoteRef`] `n` points
    /// at `notes[n]`.
    pub notes: Vec<Note>,
    /// Text of the page headers (a Word template's letterhead), one entry per paragraph.
    pub header: Vec<String>,
    /// Text of the page footers, one entry per paragraph.
    pub footer: Vec<String>,
    /// Images in the page headers and footers (a letterhead's logo).
    pub header_images: Vec<Image>,
    /// What the file says about itself.
    pub metadata: Metadata,
    /// Images embedded in the file, referred to by [`ImageSource::Embedded`].
    pub images: Vec<ImageData>,
    /// What the reader left out, and why.
    pub dropped: Vec<Dropped>,
    /// What the reader kept but the user should know (tracked insertions accepted, fields
    /// shown as their last result, macros ignored, the encoding assumed).
    pub notices: Vec<String>,
}

/// What a file says about itself (none of it is letter text).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Metadata {
    /// The document's or page's title.
    pub title: Option<String>,
    /// Its declared language (BCP 47 as written: `en-GB`, `ar`).
    pub lang: Option<String>,
    /// Its author, as declared.
    pub author: Option<String>,
    /// The publication date declared by a web page (`2021-06-04`, as written).
    pub published: Option<String>,
    /// The encoding its text was decoded from (web pages), and how it was chosen.
    pub encoding: Option<String>,
    /// The page's own address (its `<base>`, canonical link or `og:url`), against which
    /// its relative links were resolved.
    pub address: Option<String>,
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph: running text, or lines separated by [`Inline::LineBreak`].
    Paragraph(Vec<Inline>),
    /// A heading.
    Heading {
        /// 1 for a title or first-level heading, 2 and 3 below it (at most 6).
        level: u8,
        /// The number Word shows before a numbered heading (`2.1`), if any.
        number: Option<String>,
        /// Its text.
        content: Vec<Inline>,
    },
    /// A bulleted or numbered list.
    List(List),
    /// A table.
    Table(Table),
    /// A block quotation.
    Quote(Vec<Block>),
    /// An empty paragraph: the writer's blank line. Where a document sets its blocks
    /// apart with blank lines, the paragraphs between two of them belong together (an
    /// address typed one line per paragraph).
    BlankLine,
}

/// A list; items are blocks, so lists nest.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// How its items are marked.
    pub kind: ListKind,
    /// The number of the first item (1 unless the list says otherwise).
    pub start: u32,
    /// The items.
    pub items: Vec<Vec<Block>>,
}

/// How the items of a list are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// •, –, ▪ …
    Bullet,
    /// 1, 2, 3
    Decimal,
    /// a, b, c
    LowerLetter,
    /// A, B, C
    UpperLetter,
    /// i, ii, iii
    LowerRoman,
    /// I, II, III
    UpperRoman,
}

impl ListKind {
    /// Whether the items are numbered (in any style) rather than bulleted.
    pub fn is_ordered(self) -> bool {
        self != ListKind::Bullet
    }
}

/// A table: rows of cells, each cell a run of blocks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The rows, in order.
    pub rows: Vec<Row>,
}

/// One row of a table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// Whether it is a header row.
    pub header: bool,
    /// Its cells.
    pub cells: Vec<Vec<Block>>,
}

/// A piece of running text.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text (may hold tabs; never line breaks).
    Text(String),
    /// Italic text.
    Emphasis(Vec<Inline>),
    /// Bold text.
    Strong(Vec<Inline>),
    /// Underlined text.
    Underline(Vec<Inline>),
    /// Raised text that is not a note marker (`1st`, `m²`), or a marker whose note was not
    /// found.
    Superscript(Vec<Inline>),
    /// A link to a web address (`https:`, `mailto:` …).
    Link {
        /// The address.
        url: String,
        /// The linked text.
        content: Vec<Inline>,
    },
    /// A reference to `Document::notes[n]`.
    NoteRef(usize),
    /// A line break inside a paragraph (an address line, a soft return).
    LineBreak,
    /// An image in the text.
    Image(Image),
}

/// An image and its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Its alternative text (Word's `descr`, HTML's `alt`); may be empty.
    pub alt: String,
    /// Where its bytes are.
    pub source: ImageSource,
}

/// Where an image's bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageSource {
    /// `Document::images[n]`.
    Embedded(usize),
    /// An address outside the file, as written (never fetched): an absolute address, or a
    /// path relative to the page (a saved page's `Title_files/image.png`).
    External(String),
}

/// The bytes of an embedded image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageData {
    /// Its name inside the file (`word/media/image1.png`), for reports.
    pub name: String,
    /// Its file extension, lower case, from its content (`png`, `jpg`, `gif`, `svg`), or
    /// from its name when the content is not recognised.
    pub extension: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// A footnote or endnote.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Its label in the file (Word's note id, a page's anchor name), for reports.
    pub label: String,
    /// Its text.
    pub blocks: Vec<Block>,
}

/// Something the reader left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// A short excerpt of what was left out.
    pub what: String,
    /// Why it was left out ("tracked deletion", "navigation (<nav>)").
    pub reason: String,
}

impl Dropped {
    /// A record of text left out, shortened to an excerpt.
    pub fn new(text: &str, reason: impl Into<String>) -> Dropped {
        Dropped {
            what: excerpt(text, 60),
            reason: reason.into(),
        }
    }
}

/// At most `max` characters of `text` with white space collapsed, with an ellipsis when
/// cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        return collapsed;
    }
    let cut: String = collapsed.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The text of inline runs, without formatting: line breaks as `\n`, notes as `[n]`
/// (numbered from 1); images are not text.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::Emphasis(inner)
            | Inline::Strong(inner)
            | Inline::Underline(inner)
            | Inline::Superscript(inner)
            | Inline::Link { content: inner, .. } => push_plain(inner, out),
            Inline::NoteRef(n) => {
                out.push('[');
                out.push_str(&(n + 1).to_string());
                out.push(']');
            }
            Inline::LineBreak => out.push('\n'),
            Inline::Image(_) => {}
        }
    }
}

impl Block {
    /// The blocks directly inside this one (a list's items, a table's cells, a quotation),
    /// in reading order: the one walk for passes that rewrite the text of every block.
    pub fn inner_mut(&mut self) -> Box<dyn Iterator<Item = &mut Block> + '_> {
        match self {
            Block::List(list) => Box::new(list.items.iter_mut().flatten()),
            Block::Table(table) => Box::new(
                table
                    .rows
                    .iter_mut()
                    .flat_map(|row| row.cells.iter_mut())
                    .flatten(),
            ),
            Block::Quote(blocks) => Box::new(blocks.iter_mut()),
            Block::Paragraph(_) | Block::Heading { .. } | Block::BlankLine => {
                Box::new(std::iter::empty())
            }
        }
    }

    /// The block's text without formatting; blocks inside it separated by line breaks.
    pub fn text(&self) -> String {
        match self {
            Block::Paragraph(content) | Block::Heading { content, .. } => plain_text(content),
            Block::List(list) => list
                .items
                .iter()
                .map(|item| blocks_text(item))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table(table) => table
                .rows
                .iter()
                .map(|row| {
                    row.cells
                        .iter()
                        .map(|cell| blocks_text(cell))
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Quote(blocks) => blocks_text(blocks),
            Block::BlankLine => String::new(),
        }
    }
}

/// The text of blocks, one per line.
pub fn blocks_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The kind of an image from its first bytes, else from its name: `png`, `jpg`, `gif`,
/// `svg`, `webp`, `bmp`, `tif`, `emf`, `wmf`, or the name's extension.
pub fn image_extension(name: &str, bytes: &[u8]) -> String {
    let sniffed = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("jpg")
    } else if bytes.starts_with(b"GIF8") {
        Some("gif")
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("webp")
    } else if bytes.starts_with(b"BM") {
        Some("bmp")
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some("tif")
    } else if bytes.get(40..44) == Some(b" EMF") {
        Some("emf")
    } else if bytes.starts_with(&[0xd7, 0xcd, 0xc6, 0x9a]) {
        Some("wmf")
    } else {
        let head = &bytes[..bytes.len().min(512)];
        String::from_utf8_lossy(head)
            .contains("<svg")
            .then_some("svg")
    };
    match sniffed {
        Some(ext) => ext.to_string(),
        None => name
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_lowercase())
            .filter(|ext| ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphanumeric()))
            .unwrap_or_else(|| "bin".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_numbers_notes_from_one() {
        let inlines = vec![
            Inline::Text("See ".into()),
            Inline::Strong(vec![Inline::Text("this".into())]),
            Inline::NoteRef(0),
            Inline::LineBreak,
            Inline::Link {
                url: "https://example.org".into(),
                content: vec![Inline::Text("there".into())],
            },
        ];
        assert_eq!(plain_text(&inlines), "See this[1]\nthere");
    }

    #[test]
    fn excerpts_are_collapsed_and_cut() {
        assert_eq!(excerpt("  a \n b  ", 10), "a b");
        assert_eq!(excerpt("abcdefghijkl", 6), "abcde…");
    }

    #[test]
    fn images_are_known_by_their_bytes() {
        assert_eq!(image_extension("x.bin", b"\x89PNG\r\n\x1a\n...."), "png");
        assert_eq!(
            image_extension("media/image1.jpeg", b"\xff\xd8\xff\xe0"),
            "jpg"
        );
        assert_eq!(image_extension("a.SVG", b"<?xml?><svg xmlns=''/>"), "svg");
        assert_eq!(image_extension("media/image2.EMF", b"nothing"), "emf");
        assert_eq!(image_extension("noext", b"nothing"), "bin");
    }
}
