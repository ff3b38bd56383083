//! The list of notes that a document writes by hand after its text: paragraphs starting
//! `[1]` or a raised `1`, or `1.` items (a numbered list) under a "Notes" heading.

use super::model::{Block, Inline, ListKind, plain_text};
use crate::import::lines::fold;
use crate::import::notes::{Piece, pieces};

/// The list of notes found in a document's blocks.
pub(super) struct Section {
    /// Index of its first block (the heading, if any).
    pub(super) start: usize,
    /// Index after its last block.
    pub(super) end: usize,
    /// Whether it starts with a "Notes" heading.
    pub(super) heading: bool,
    /// The notes' numbers and texts, in the order written.
    pub(super) notes: Vec<(u32, Vec<Block>)>,
}

/// How the notes of a list are marked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
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
pub(super) fn find(blocks: &[Block]) -> Option<Section> {
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

pub(super) fn follows(style: Style, last: u32, number: u32) -> bool {
    match style {
        Style::Numbered => number == last + 1,
        Style::Bracketed | Style::Raised => number > last,
    }
}

pub(super) fn collect(
    blocks: &[Block],
    start: usize,
    first: usize,
    heading: bool,
    style: Style,
) -> Section {
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
pub(super) fn note_start(style: Style, block: &Block) -> Option<(u32, Block)> {
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
pub(super) fn leading_number(style: Style, text: &str) -> Option<(u32, &str)> {
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
pub(super) fn marker_number(text: &str) -> Option<u32> {
    let inner = text
        .trim()
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')']);
    if inner.is_empty() || inner.len() > 4 || !inner.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    inner.parse().ok().filter(|n| *n > 0)
}
