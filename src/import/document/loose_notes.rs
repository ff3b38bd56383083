//! Notes that a document writes by hand instead of with its format's own notes: raised
//! numbers (`abuses¹`, Word's superscript digits, a page's `<sup>1</sup>`) or bracketed
//! ones (`abuses.[1]`) in the text, and the list of notes after the letter (paragraphs
//! starting `[1]` or a raised `1`, or `1.` items under a "Notes" heading). Both readers
//! run this after their own notes: markers whose note is found become note references, in
//! order of first reference; the others stay as written.

use std::collections::HashMap;

use super::model::{Block, Document, Dropped, Inline, Note, plain_text};
pub use super::notes_list::is_notes_heading;
use super::notes_list::{find, marker_number};
use crate::import::notes::{Piece, pieces};

/// Links hand-written markers to a list of notes after the text, when the document has
/// no notes of its own.
pub fn link(document: &mut Document) {
    if !document.notes.is_empty() {
        return;
    }
    let Some(mut section) = find(&document.blocks) else {
        return;
    };
    // A note without text is no note: its markers stay as written.
    for (_, blocks) in &mut section.notes {
        *blocks = super::tidy::note_blocks(std::mem::take(blocks));
    }
    section.notes.retain(|(_, blocks)| !blocks.is_empty());
    let numbers: HashMap<u32, usize> = section
        .notes
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (*n, i))
        .collect();
    let mut order = Vec::new();
    for block in &mut document.blocks[..section.start] {
        replace_in_block(block, &numbers, &mut order);
    }
    let mut found: Vec<Option<(u32, Vec<Block>)>> = section.notes.into_iter().map(Some).collect();
    let mut unreferenced = Vec::new();
    let referenced: Vec<usize> = order.clone();
    for i in referenced {
        if let Some((number, blocks)) = found[i].take() {
            document.notes.push(Note {
                label: number.to_string(),
                blocks,
            });
        }
    }
    for (number, blocks) in found.into_iter().flatten() {
        unreferenced.push(number);
        document.notes.push(Note {
            label: number.to_string(),
            blocks,
        });
    }
    let removed: Vec<Block> = document.blocks.drain(section.start..section.end).collect();
    if let Some(Block::Heading { content, .. } | Block::Paragraph(content)) =
        removed.first().filter(|_| section.heading)
    {
        document
            .dropped
            .push(Dropped::new(&plain_text(content), NOTES_HEADING));
    }
    document.notices.push(format!(
        "{} notes read from the list after the text (hand-written markers)",
        document.notes.len()
    ));
    if !unreferenced.is_empty() {
        let list: Vec<String> = unreferenced.iter().map(|n| format!("[{n}]")).collect();
        document.notices.push(format!(
            "notes no marker in the text points to: {}",
            list.join(" ")
        ));
    }
}

/// Why the heading over a list of notes is left out.
pub const NOTES_HEADING: &str = "heading over the notes (the template titles the notes)";

/// Replaces markers of known notes by references; records each note's first reference.
fn replace_in_block(block: &mut Block, numbers: &HashMap<u32, usize>, order: &mut Vec<usize>) {
    match block {
        Block::Paragraph(content) | Block::Heading { content, .. } => {
            *content = replace_in_inlines(std::mem::take(content), numbers, order);
        }
        _ => {
            for inner in block.inner_mut() {
                replace_in_block(inner, numbers, order);
            }
        }
    }
}

fn reference(index: usize, order: &mut Vec<usize>) -> Inline {
    let position = order.iter().position(|i| *i == index).unwrap_or_else(|| {
        order.push(index);
        order.len() - 1
    });
    Inline::NoteRef(position)
}

fn replace_in_inlines(
    inlines: Vec<Inline>,
    numbers: &HashMap<u32, usize>,
    order: &mut Vec<usize>,
) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Superscript(inner) => {
                let text = plain_text(&inner);
                let known: Option<Vec<usize>> = text
                    .split(',')
                    .map(|part| marker_number(part).and_then(|n| numbers.get(&n).copied()))
                    .collect();
                match known {
                    Some(indices) => {
                        out.extend(indices.into_iter().map(|i| reference(i, order)));
                    }
                    None => out.push(Inline::Superscript(inner)),
                }
            }
            Inline::Text(text) => {
                let mut plain = String::new();
                for piece in pieces(&text) {
                    match piece {
                        Piece::Marker(n) if numbers.contains_key(&n) => {
                            if !plain.is_empty() {
                                out.push(Inline::Text(std::mem::take(&mut plain)));
                            }
                            out.push(reference(numbers[&n], order));
                        }
                        Piece::Marker(n) => plain.push_str(&format!("[{n}]")),
                        Piece::Text(t) | Piece::Link(t) => plain.push_str(t),
                    }
                }
                if !plain.is_empty() {
                    out.push(Inline::Text(plain));
                }
            }
            Inline::Emphasis(inner) => {
                out.push(Inline::Emphasis(replace_in_inlines(inner, numbers, order)));
            }
            Inline::Strong(inner) => {
                out.push(Inline::Strong(replace_in_inlines(inner, numbers, order)));
            }
            Inline::Underline(inner) => {
                out.push(Inline::Underline(replace_in_inlines(inner, numbers, order)));
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::document::model::{List, ListKind};

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn para(inlines: Vec<Inline>) -> Block {
        Block::Paragraph(inlines)
    }

    fn sup(s: &str) -> Inline {
        Inline::Superscript(vec![text(s)])
    }

    #[test]
    fn bracketed_markers_and_notes_in_reference_order() {
        let mut document = Document {
            blocks: vec![
                para(vec![text(
                    "First claim.[2] Second claim.[1] Again.[2] Not [7].",
                )]),
                para(vec![text("[1] Note one.")]),
                para(vec![text("[2] Note two.")]),
                para(vec![text("https://example.org/two")]),
                para(vec![text("[3] Note three.")]),
                para(vec![text("Share this page")]),
            ],
            ..Document::default()
        };
        link(&mut document);
        assert_eq!(
            document.blocks,
            vec![
                para(vec![
                    text("First claim."),
                    Inline::NoteRef(0),
                    text(" Second claim."),
                    Inline::NoteRef(1),
                    text(" Again."),
                    Inline::NoteRef(0),
                    text(" Not [7]."),
                ]),
                para(vec![text("Share this page")]),
            ]
        );
        let labels: Vec<&str> = document.notes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["2", "1", "3"]);
        assert_eq!(document.notes[0].blocks.len(), 2);
        assert_eq!(
            document.notes[1].blocks,
            vec![para(vec![text("Note one.")])]
        );
        assert!(
            document.notices[1].contains("[3]"),
            "{:?}",
            document.notices
        );
    }

    #[test]
    fn raised_markers_and_a_numbered_list_under_a_heading() {
        let mut document = Document {
            blocks: vec![
                para(vec![
                    text("Detained"),
                    sup("1"),
                    text(" and moved"),
                    sup("2"),
                    text(" in 10"),
                    sup("6"),
                ]),
                Block::Heading {
                    level: 2,
                    number: None,
                    content: vec![text("Notes")],
                },
                Block::List(List {
                    kind: ListKind::Decimal,
                    start: 1,
                    items: vec![
                        vec![para(vec![text("One.")])],
                        vec![para(vec![text("Two.")])],
                    ],
                }),
            ],
            ..Document::default()
        };
        link(&mut document);
        assert_eq!(
            document.blocks,
            vec![para(vec![
                text("Detained"),
                Inline::NoteRef(0),
                text(" and moved"),
                Inline::NoteRef(1),
                text(" in 10"),
                sup("6"),
            ])]
        );
        assert_eq!(document.notes.len(), 2);
        assert_eq!(document.dropped[0].what, "Notes");
    }

    #[test]
    fn word_style_raised_notes_without_heading() {
        let mut document = Document {
            blocks: vec![
                para(vec![text("Claim."), sup("1")]),
                para(vec![sup("1"), text(" Source, 2020.")]),
            ],
            ..Document::default()
        };
        link(&mut document);
        assert_eq!(
            document.blocks,
            vec![para(vec![text("Claim."), Inline::NoteRef(0)])]
        );
        assert_eq!(
            document.notes[0].blocks,
            vec![para(vec![text("Source, 2020.")])]
        );
    }

    #[test]
    fn numbered_paragraphs_without_a_heading_are_not_notes() {
        let blocks = vec![
            para(vec![text("We ask:")]),
            para(vec![text("1. Release them.")]),
            para(vec![text("2. Allow visits.")]),
        ];
        let mut document = Document {
            blocks: blocks.clone(),
            ..Document::default()
        };
        link(&mut document);
        assert_eq!(document.blocks, blocks);
        assert!(document.notes.is_empty());
    }
}
