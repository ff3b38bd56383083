//! The converter's dispatch: the markup each Markdown element opens and closes.

use std::collections::hash_map::Entry;
use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, HeadingLevel, LinkType, Tag, TagEnd};

use super::body::{Note, Problem};
use super::converter::{Converter, Definition, Frame};
use super::footnotes::label_range;
use crate::diagnostic::codes;
use crate::typeset::typography::plain;
use crate::typeset::typst_code::str_literal;

impl Converter<'_> {
    pub(super) fn start(&mut self, tag: Tag, range: Range<usize>) {
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
                    self.body.fences.push(range.clone());
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
            Tag::Item => {
                self.code("[");
                self.typographer.block();
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.typographer.block();
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
            Tag::TableCell => {
                self.code("[");
                self.typographer.block();
            }
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
            | Tag::MetadataBlock(_) => self.block_break(),
        }
    }

    pub(super) fn end(&mut self, tag: TagEnd) {
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
                            code: codes::FOOTNOTE_TWICE,
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
                self.in_address = false;
            }
            TagEnd::Image => {
                if let Some(Frame::Image { path, alt, range }) = self.frames.pop() {
                    match path {
                        Ok(path) => {
                            let alt = plain(self.typographer.style(), alt.trim());
                            self.code(&format!(
                                "#box(image({}, alt: {}))",
                                str_literal(&path),
                                str_literal(&alt)
                            ));
                            self.typographer.object();
                            self.body.images.push(path);
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
            TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => self.block_break(),
        }
    }
}
