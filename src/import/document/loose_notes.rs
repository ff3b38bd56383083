//! Notes that a document writes by hand instead of with its format's own notes: raised
//! numbers (`abuses¹`, Word's superscript digits, a page's `<sup>1</sup>`) or bracketed
//! ones (`abuses.[1]`) in the text, and the list of notes after the letter (paragraphs
//! starting `[1]` or a raised `1`, or `1.` items under a "Notes" heading). Both readers
//! run this after their own notes: markers whose note is found become note references, in
//! order of first reference; the others stay as written.

use std::collections::HashMap;

use super::{Block, Document, Dropped, Inline, ListKind, Note, plain_text};
use crate::import::lines::fold;
use crate::import::notes::{Piece, pieces};

/// Links hand-written markers to a list of notes after the text, when the document has
/// no notes of its own.
pub fn link(document: &mut Document) {
    if !document.notes.is_empty() {
        return;
    }
    let Some(section) = find(&document.blocks) else {
        return;
    };
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

/// The list of notes found in a document's blocks.
struct Section {
    /// Index of its first block (the heading, if any).
    start: usize,
    /// Index after its last block.
    end: usize,
    /// Whether it starts with a "Notes" heading.
    heading: bool,
    /// The notes' numbers and texts, in the order written.
    notes: Vec<(u32, Vec<Block>)>,
}

/// How the notes of a list are marked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `[1] text`
    Bracketed,
    /// a raised `1` then the text
    Raised,
    /// `1. text` (only under a heading)
    Numbered,
}

/// Whether a block is a heading over the notes: "Notes", "Endnotes", "Notas",
/// "ملاحظات", "Примечания", "注释" …, alone in a heading or a short paragraph.
pub fn is_notes_heading(block: &Block) -> bool {
    let (Block::Heading { content, .. } | Block::Paragraph(content)) = block else {
        return false;
    };
    let text = plain_text(content);
    let folded = fold(text.trim().trim_end_matches([':', '：']).trim());
    [
        "notes",
        "endnotes",
        "footnotes",
        "references",
        "sources",
        "notes and references",
        "notas",
        "notas finales",
        "referencias",
        "fuentes",
        "notes de fin",
        "renvois",
        "references et notes",
        "ملاحظات",
        "الملاحظات",
        "الهوامش",
        "هوامش",
        "المراجع",
        "примечания",
        "сноски",
        "ссылки",
        "注释",
        "注",
        "尾注",
        "脚注",
        "参考资料",
    ]
    .contains(&folded.as_str())
}

/// Finds the list of notes: a block starting with note 1 (bracketed or raised), or a
/// notes heading followed by note 1 in any style or by a numbered list.
fn find(blocks: &[Block]) -> Option<Section> {
    for i in 0..blocks.len() {
        if is_notes_heading(&blocks[i]) {
            let next = (i + 1..blocks.len()).find(|&j| !matches!(blocks[j], Block::BlankLine));
            if let Some(j) = next
                && let Block::List(list) = &blocks[j]
                && list.kind == ListKind::Decimal
            {
                let notes = (list.start..).zip(list.items.iter().cloned()).collect();
                return Some(Section {
                    start: i,
                    end: j + 1,
                    heading: true,
                    notes,
                });
            }
            for style in [Style::Bracketed, Style::Raised, Style::Numbered] {
                if let Some(j) = next
                    && note_start(style, &blocks[j]).is_some_and(|(n, _)| n == 1)
                {
                    return Some(collect(blocks, i, j, true, style));
                }
            }
        }
        for style in [Style::Bracketed, Style::Raised] {
            if note_start(style, &blocks[i]).is_some_and(|(n, _)| n == 1) {
                return Some(collect(blocks, i, i, false, style));
            }
        }
    }
    None
}

fn follows(style: Style, last: u32, number: u32) -> bool {
    match style {
        Style::Numbered => number == last + 1,
        Style::Bracketed | Style::Raised => number > last,
    }
}

fn collect(blocks: &[Block], start: usize, first: usize, heading: bool, style: Style) -> Section {
    let mut notes: Vec<(u32, Vec<Block>)> = Vec::new();
    let mut end = first;
    for k in first..blocks.len() {
        if matches!(blocks[k], Block::BlankLine) {
            continue;
        }
        let last = notes.last().map_or(0, |(n, _)| *n);
        let starts = |b: &Block| note_start(style, b).filter(|(n, _)| follows(style, last, *n));
        match starts(&blocks[k]) {
            Some((number, rest)) => notes.push((number, vec![rest])),
            None => {
                // A paragraph of a note before the next note belongs to it.
                let next_follows = blocks[k + 1..]
                    .iter()
                    .find(|b| !matches!(b, Block::BlankLine))
                    .is_some_and(|b| starts(b).is_some());
                match notes.last_mut() {
                    Some((_, note)) if next_follows => note.push(blocks[k].clone()),
                    _ => break,
                }
            }
        }
        end = k + 1;
    }
    Section {
        start,
        end,
        heading,
        notes,
    }
}

/// The number of the note a paragraph starts, in the given style, and the paragraph
/// without its marker.
fn note_start(style: Style, block: &Block) -> Option<(u32, Block)> {
    let Block::Paragraph(content) = block else {
        return None;
    };
    let (first, rest) = content.split_first()?;
    match (style, first) {
        (Style::Raised, Inline::Superscript(inner)) => {
            let number = marker_number(&plain_text(inner))?;
            let rest = super::tidy::tidy_inlines(rest.to_vec());
            Some((number, Block::Paragraph(rest)))
        }
        (Style::Bracketed | Style::Numbered, Inline::Text(text)) => {
            let (number, after) = leading_number(style, text)?;
            let mut content = vec![Inline::Text(after.to_string())];
            content.extend_from_slice(rest);
            Some((number, Block::Paragraph(super::tidy::tidy_inlines(content))))
        }
        _ => None,
    }
}

/// `[12]` or `12.` / `12)` at the start of a text, then white space: the number and the
/// rest.
fn leading_number(style: Style, text: &str) -> Option<(u32, &str)> {
    let text = text.trim_start();
    let (number, rest) = match style {
        Style::Bracketed => match pieces(text).first() {
            Some(Piece::Marker(n)) => {
                let len = text.find(']')? + 1;
                let rest = &text[len..];
                (*n, rest.strip_prefix([':', '.']).unwrap_or(rest))
            }
            _ => return None,
        },
        _ => {
            let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if !(1..=4).contains(&digits) {
                return None;
            }
            let rest = &text[digits..];
            (
                text[..digits].parse().ok()?,
                rest.strip_prefix(['.', ')']).unwrap_or(rest),
            )
        }
    };
    (rest.is_empty() || rest.starts_with(char::is_whitespace))
        .then_some((number, rest.trim_start()))
}

/// The number of a raised marker: `1`, `[1]`, `(1)`.
fn marker_number(text: &str) -> Option<u32> {
    let inner = text
        .trim()
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')']);
    if inner.is_empty() || inner.len() > 4 || !inner.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    inner.parse().ok().filter(|n| *n > 0)
}

/// Replaces markers of known notes by references; records each note's first reference.
fn replace_in_block(block: &mut Block, numbers: &HashMap<u32, usize>, order: &mut Vec<usize>) {
    match block {
        Block::Paragraph(content) | Block::Heading { content, .. } => {
            *content = replace_in_inlines(std::mem::take(content), numbers, order);
        }
        Block::List(list) => {
            for item in &mut list.items {
                for block in item {
                    replace_in_block(block, numbers, order);
                }
            }
        }
        Block::Table(table) => {
            for block in table
                .rows
                .iter_mut()
                .flat_map(|r| r.cells.iter_mut())
                .flatten()
            {
                replace_in_block(block, numbers, order);
            }
        }
        Block::Quote(blocks) => {
            for block in blocks {
                replace_in_block(block, numbers, order);
            }
        }
        Block::BlankLine => {}
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
    use crate::import::document::List;

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
