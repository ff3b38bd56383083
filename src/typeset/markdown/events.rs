//! The converter's dispatch: the element each Markdown tag opens and closes.

use std::collections::hash_map::Entry;
use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, HeadingLevel, LinkType, Tag, TagEnd};

use super::body::Problem;
use super::converter::{Converter, Definition, Frame};
use super::footnotes::label_range;
use super::links;
use super::tree::{Align, Kind, Node};
use crate::diagnostic::codes;
use crate::typeset::typography::plain;

impl Converter<'_> {
    pub(super) fn start(&mut self, tag: Tag, range: Range<usize>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => {
                self.block_break();
                self.open_node(Kind::Paragraph);
            }
            Tag::Heading { level, .. } => {
                self.block_break();
                // `#` and `##` are the letter's section headings; deeper ones nest below.
                let level = match level {
                    HeadingLevel::H1 | HeadingLevel::H2 => 1,
                    HeadingLevel::H3 => 2,
                    _ => 3,
                };
                self.open_node(Kind::Heading(level));
            }
            Tag::BlockQuote(_) => {
                self.open(&range);
                self.block_break();
                self.open_node(Kind::Quote);
            }
            Tag::CodeBlock(kind) => {
                self.code.push(range.clone());
                self.block_break();
                let info = match &kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                if info == "{=typst}" {
                    self.body.fences.push(range.clone());
                    self.open_node(Kind::RawTypst(Vec::new()));
                } else {
                    let lang = info.split_whitespace().next().unwrap_or("").to_string();
                    self.open_node(Kind::CodeBlock {
                        lang,
                        text: String::new(),
                    });
                }
            }
            Tag::List(start) => {
                self.open(&range);
                self.block_break();
                self.open_node(Kind::List(start));
            }
            Tag::Item => {
                self.open_node(Kind::Item);
                self.typographer.block();
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.typographer.block();
                self.frames.push(Frame::Note {
                    label: label.to_string(),
                    range,
                    content: Vec::new(),
                });
            }
            Tag::Table(alignments) => {
                self.block_break();
                let align = alignments
                    .iter()
                    .map(|a| match a {
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                        Alignment::None | Alignment::Left => Align::Start,
                    })
                    .collect();
                self.open_node(Kind::Table(align));
            }
            Tag::TableHead => self.open_node(Kind::TableHead),
            Tag::TableRow => self.open_node(Kind::TableRow),
            Tag::TableCell => {
                self.open_node(Kind::TableCell);
                self.typographer.block();
            }
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {
                self.open(&range);
                self.open_node(match tag {
                    Tag::Emphasis => Kind::Emphasis,
                    Tag::Strong => Kind::Strong,
                    Tag::Strikethrough => Kind::Strikethrough,
                    Tag::Superscript => Kind::Superscript,
                    _ => Kind::Subscript,
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
                if links::kept(&url) {
                    self.open_node(Kind::Link(url));
                } else {
                    self.flush();
                    self.body
                        .problems
                        .push(links::refused(self.source, &url, &range));
                    self.frames.push(Frame::Unlinked(Vec::new()));
                }
                // The text of `<https://…>` is the address itself.
                self.in_address = matches!(link_type, LinkType::Autolink | LinkType::Email);
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
            | Tag::MetadataBlock(_) => {
                self.block_break();
                self.open_node(Kind::Group);
            }
        }
    }

    pub(super) fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::HtmlBlock
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::Table
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => {
                self.close_node();
                self.block_break();
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) => {
                self.depth -= 1;
                self.close_node();
                self.block_break();
            }
            TagEnd::Item | TagEnd::TableHead | TagEnd::TableRow | TagEnd::TableCell => {
                self.close_node()
            }
            TagEnd::FootnoteDefinition => self.end_definition(),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => {
                self.depth -= 1;
                self.close_node();
                self.in_address = false;
            }
            TagEnd::Image => self.end_image(),
        }
    }

    fn end_definition(&mut self) {
        self.flush();
        if let Some(Frame::Note {
            label,
            range,
            content,
        }) = self.frames.pop()
        {
            match self.definitions.entry(label) {
                Entry::Occupied(first) => self.body.problems.push(Problem {
                    is_error: true,
                    code: codes::FOOTNOTE_TWICE,
                    message: format!("footnote `[^{}]` is defined twice", first.key()),
                    hint: "give each footnote definition its own label, or remove the repeated one"
                        .into(),
                    range: label_range(self.source, &range),
                }),
                Entry::Vacant(slot) => {
                    slot.insert(Definition { content, range });
                }
            }
        }
    }

    fn end_image(&mut self) {
        self.flush();
        if let Some(Frame::Image { path, alt, range }) = self.frames.pop() {
            match path {
                Ok(path) => {
                    let alt = plain(self.typographer.style(), alt.trim());
                    self.body.images.push(path.clone());
                    self.append(Node::leaf(Kind::Image { path, alt }, range));
                    self.typographer.object();
                }
                Err(cause) => self.body.problems.push(Problem {
                    is_error: true,
                    code: cause.code,
                    message: format!("image {cause}"),
                    hint: "images are given relative to the letter and must lie inside the house folder".into(),
                    range,
                }),
            }
        }
    }
}
