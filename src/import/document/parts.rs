//! The letter's parts in a document's blocks. The blocks are laid out as the lines of a
//! plain-text letter (a paragraph's lines, a blank line between blocks, a table's cells
//! one block each) and read by the text importer's own recognisers: its chrome rules,
//! then date, addressees, reference, subject, salutation and sign-off. One set of rules
//! thus reads text, Word and web letters. What they find is mapped back to the blocks:
//! the body is the blocks between the head and the sign-off, kept with their structure.

use std::ops::Range;

use super::model::{Block, Document, Inline};
use crate::import::chrome::{self, Dropped};
use crate::import::found::Span;
use crate::import::lines::{self, Line};
use crate::import::structure::{self, Recognised};
use crate::letter::house::ImportRules;

/// Where a document's letter parts are.
#[derive(Debug)]
pub struct Placed {
    /// The parts, as the text recognisers found them in [`Placed::lines`].
    pub letter: Recognised,
    /// The document's blocks as lines (chrome blanked).
    pub lines: Vec<Line>,
    /// For each line, the index of the top-level block it comes from (None for the blank
    /// lines between blocks).
    pub origin: Vec<Option<usize>>,
    /// Lines dropped by the chrome rules.
    pub dropped: Vec<Dropped>,
    /// The top-level blocks of the body.
    pub body: Range<usize>,
    /// Blocks inside the body whose every line was dropped as chrome.
    pub chrome_blocks: Vec<usize>,
}

impl Placed {
    /// The top-level blocks that a span of lines comes from.
    pub fn blocks_of(&self, span: Span) -> Range<usize> {
        let block = |number: usize| self.origin.get(number.wrapping_sub(1)).copied().flatten();
        let first = (span.first..=span.last).find_map(block);
        let last = (span.first..=span.last).rev().find_map(block);
        match (first, last) {
            (Some(first), Some(last)) => first..last + 1,
            _ => 0..0,
        }
    }
}

/// Finds the letter's parts in a document, with `rules` for the site's chrome.
pub fn place(document: &Document, rules: &ImportRules) -> Placed {
    let (all, origin) = layout(&document.blocks);
    let start = structure::letter_start(&all);
    let stripped = chrome::strip(&all, start, rules);
    let letter = structure::recognise(&stripped.lines);
    let mut placed = Placed {
        letter,
        lines: stripped.lines,
        origin,
        dropped: stripped.dropped,
        body: 0..0,
        chrome_blocks: Vec::new(),
    };
    placed.body = body_blocks(&placed, document.blocks.len());
    placed.chrome_blocks = placed
        .body
        .clone()
        .filter(|&i| {
            let lines: Vec<&Line> = placed
                .origin
                .iter()
                .enumerate()
                .filter(|(_, o)| **o == Some(i))
                .map(|(n, _)| &placed.lines[n])
                .collect();
            !lines.is_empty() && lines.iter().all(|l| l.is_blank())
        })
        .collect();
    placed
}

/// The body: from the first to the last block the recognisers read as body, or, when
/// they read none, the blocks between the head's last part and the sign-off's first.
fn body_blocks(placed: &Placed, count: usize) -> Range<usize> {
    let letter = &placed.letter;
    if let (Some(first), Some(last)) = (letter.body.first(), letter.body.last()) {
        let start = placed.blocks_of(first.span).start;
        let end = placed.blocks_of(last.span).end;
        return start..end.max(start);
    }
    let head = [
        letter.date.as_ref().map(|d| d.span),
        letter.reference.as_ref().map(|r| r.span),
        letter.subject.as_ref().map(|s| s.span),
        letter.salutation.as_ref().map(|s| s.span),
    ]
    .into_iter()
    .flatten()
    .chain(letter.to.iter().map(|t| t.span))
    .map(|s| placed.blocks_of(s).end)
    .max()
    .unwrap_or(0);
    let signoff = &letter.signoff;
    let end = signoff
        .closing
        .iter()
        .map(|c| c.span)
        .chain(signoff.signatories.iter().map(|s| s.span))
        .chain(signoff.cc.iter().map(|c| c.span))
        .map(|s| placed.blocks_of(s).start)
        .min()
        .unwrap_or(count);
    head..end.max(head)
}

/// The blocks as lines, and for each line the block it comes from. Each block is a block
/// of lines of its own, except where the document sets its blocks apart with blank lines:
/// then the paragraphs between two blank lines are one block (an address typed one line
/// per paragraph).
fn layout(blocks: &[Block]) -> (Vec<Line>, Vec<Option<usize>>) {
    let grouped = blocks.iter().any(|b| matches!(b, Block::BlankLine));
    let mut lines: Vec<Line> = Vec::new();
    let mut origin = Vec::new();
    let mut after_paragraph = false;
    for (index, block) in blocks.iter().enumerate() {
        let paragraph = matches!(block, Block::Paragraph(_));
        let joined = grouped && paragraph && after_paragraph;
        for (k, chunk) in chunks(block).into_iter().enumerate() {
            if chunk.iter().all(|l| l.trim().is_empty()) {
                continue;
            }
            let continues_block = joined && k == 0;
            if !lines.is_empty() && !continues_block {
                push(&mut lines, &mut origin, "", None);
            }
            for line in chunk {
                push(&mut lines, &mut origin, &line, Some(index));
            }
        }
        after_paragraph = paragraph;
    }
    (lines, origin)
}

fn push(lines: &mut Vec<Line>, origin: &mut Vec<Option<usize>>, text: &str, from: Option<usize>) {
    let number = lines.len() + 1;
    let text = lines::split(text)
        .into_iter()
        .next()
        .map(|l| l.text)
        .unwrap_or_default();
    lines.push(Line {
        number,
        indent: 0,
        text,
    });
    origin.push(from);
}

/// A block's text in groups of lines, as a plain-text letter would show it: a
/// paragraph's lines, a heading, a list's items (marked), each table cell apart (its
/// paragraphs together, unless blank lines part them).
fn chunks(block: &Block) -> Vec<Vec<String>> {
    match block {
        Block::Paragraph(content) | Block::Heading { content, .. } => {
            vec![text(content).split('\n').map(str::to_string).collect()]
        }
        Block::List(list) => {
            let mut items = Vec::new();
            list_lines(list, &mut items);
            vec![items]
        }
        Block::Table(table) => table
            .rows
            .iter()
            .flat_map(|row| &row.cells)
            .flat_map(|cell| {
                cell.split(|b| matches!(b, Block::BlankLine))
                    .map(|part| part.iter().flat_map(chunks).flatten().collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            })
            .collect(),
        Block::Quote(blocks) => blocks.iter().flat_map(chunks).collect(),
        Block::BlankLine => Vec::new(),
    }
}

fn list_lines(list: &super::model::List, out: &mut Vec<String>) {
    for (k, item) in list.items.iter().enumerate() {
        let marker = if list.kind.is_ordered() {
            format!("{}.", list.start as usize + k)
        } else {
            "•".to_string()
        };
        for (j, block) in item.iter().enumerate() {
            match block {
                Block::List(inner) => list_lines(inner, out),
                Block::BlankLine => {}
                other => {
                    let body = chunks(other).concat().join(" ");
                    out.push(if j == 0 {
                        format!("{marker} {body}")
                    } else {
                        body
                    });
                }
            }
        }
    }
}

/// The text of runs as the recognisers read it: line breaks as new lines, no note
/// markers (a salutation with a note is still a salutation), no images.
fn text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Emphasis(inner)
            | Inline::Strong(inner)
            | Inline::Underline(inner)
            | Inline::Superscript(inner)
            | Inline::Link { content: inner, .. } => out.push_str(&text(inner)),
            Inline::LineBreak => out.push('\n'),
            Inline::NoteRef(_) | Inline::Image(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(lines: &[&str]) -> Block {
        let mut runs = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                runs.push(Inline::LineBreak);
            }
            runs.push(Inline::Text(line.to_string()));
        }
        Block::Paragraph(runs)
    }

    #[test]
    fn head_body_and_sign_off_map_back_to_blocks() {
        let document = Document {
            blocks: vec![
                para(&["Skip to main content"]),
                para(&["June 4, 2021"]),
                para(&["Ms. Jane Roe", "Minister of Justice", "Capital City"]),
                para(&["Dear Minister Roe,"]),
                para(&["We write about the detention of journalists."]),
                Block::Heading {
                    level: 2,
                    number: None,
                    content: vec![Inline::Text("Background".into())],
                },
                para(&["They have been held since March, without charge."]),
                para(&["Sincerely,"]),
                para(&["Ana Ruiz", "Director"]),
            ],
            ..Document::default()
        };
        let placed = place(&document, &ImportRules::default());
        let letter = &placed.letter;
        assert_eq!(
            letter.date.as_ref().unwrap().value.date.to_string(),
            "2021-06-04"
        );
        assert_eq!(letter.to[0].value.name, "Ms. Jane Roe");
        assert_eq!(letter.to[0].value.address.len(), 2);
        assert_eq!(
            letter.salutation.as_ref().unwrap().value,
            "Dear Minister Roe,"
        );
        assert_eq!(letter.signoff.signatories[0].value.name, "Ana Ruiz");
        assert_eq!(placed.body, 4..7);
        assert_eq!(placed.dropped[0].line.text, "Skip to main content");
    }

    #[test]
    fn signatories_side_by_side_in_a_table() {
        let cell = |lines: &[&str]| vec![para(lines)];
        let document = Document {
            blocks: vec![
                para(&["3 March 2023"]),
                para(&["Dear Ms. Hale,"]),
                para(&["We write to express our concern."]),
                para(&["Sincerely,"]),
                Block::Table(super::super::Table {
                    rows: vec![super::super::Row {
                        header: false,
                        cells: vec![
                            cell(&["Amara Okafor", "Director", "Rights Digital"]),
                            cell(&["Tomasz Nowak", "President", "Open Archive Foundation"]),
                        ],
                    }],
                }),
            ],
            ..Document::default()
        };
        let placed = place(&document, &ImportRules::default());
        let names: Vec<&str> = placed
            .letter
            .signoff
            .signatories
            .iter()
            .map(|s| s.value.name.as_str())
            .collect();
        assert_eq!(names, ["Amara Okafor", "Tomasz Nowak"]);
        assert_eq!(placed.body, 2..3);
    }
}
