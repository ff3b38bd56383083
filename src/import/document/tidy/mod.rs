//! Tidying what a reader produced into the form the writer can rely on: white space
//! collapsed and trimmed at the edges of paragraphs and lines, spaces moved out of
//! formatting (`**Dear **` → `**Dear** `), adjacent runs of the same formatting joined
//! (Word splits runs mid-word), empty formatting, paragraphs, items and lists removed.

mod runs;

pub use runs::{is_blank, tidy_inlines};

use super::model::{Block, Document, Inline};

/// A note's blocks, tidied, without blank lines: empty when the note has no text.
pub fn note_blocks(blocks: Vec<Block>) -> Vec<Block> {
    let mut blocks = tidy_blocks(blocks);
    blocks.retain(|b| !matches!(b, Block::BlankLine));
    blocks
}

/// Tidies every block and note of a document.
pub fn tidy(document: &mut Document) {
    document.blocks = tidy_blocks(std::mem::take(&mut document.blocks));
    for note in &mut document.notes {
        note.blocks = note_blocks(std::mem::take(&mut note.blocks));
    }
}

/// Tidies blocks, dropping those left without content. Empty paragraphs become blank
/// lines, one where several follow each other, none at the edges.
pub fn tidy_blocks(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            // Two line breaks in a row end a paragraph (`<br><br>` between paragraphs).
            Block::Paragraph(content) => {
                let paragraphs = split_at_blank_lines(tidy_inlines(content));
                for (i, paragraph) in paragraphs.into_iter().enumerate() {
                    if i > 0 || is_blank(&paragraph) {
                        out.push(Block::BlankLine);
                    }
                    if !is_blank(&paragraph) {
                        out.push(Block::Paragraph(paragraph));
                    }
                }
            }
            other => out.extend(tidy_block(other)),
        }
    }
    let mut previous_blank = true;
    out.retain(|b| {
        let blank = matches!(b, Block::BlankLine);
        let keep = !(blank && previous_blank);
        previous_blank = blank;
        keep
    });
    if matches!(out.last(), Some(Block::BlankLine)) {
        out.pop();
    }
    out
}

/// Splits tidy runs where two line breaks follow each other.
fn split_at_blank_lines(content: Vec<Inline>) -> Vec<Vec<Inline>> {
    let mut out = vec![Vec::new()];
    let mut previous_break = false;
    for inline in content {
        let is_break = matches!(inline, Inline::LineBreak);
        if is_break && previous_break {
            if let Some(last) = out.last_mut() {
                last.pop();
            }
            out.push(Vec::new());
            previous_break = false;
            continue;
        }
        previous_break = is_break;
        if let Some(last) = out.last_mut()
            && !(is_break && last.is_empty())
        {
            last.push(inline);
        }
    }
    for paragraph in &mut out {
        while matches!(paragraph.last(), Some(Inline::LineBreak)) {
            paragraph.pop();
        }
    }
    out
}

fn tidy_block(block: Block) -> Option<Block> {
    match block {
        Block::Paragraph(content) => {
            let content = tidy_inlines(content);
            (!is_blank(&content)).then_some(Block::Paragraph(content))
        }
        Block::Heading {
            level,
            number,
            content,
        } => {
            let mut content = tidy_inlines(content);
            let mut previous_break = false;
            content.retain(|inline| {
                let is_break = matches!(inline, Inline::LineBreak);
                let keep = !(is_break && previous_break);
                previous_break = is_break;
                keep
            });
            (!is_blank(&content)).then_some(Block::Heading {
                level,
                number,
                content,
            })
        }
        Block::List(mut list) => {
            list.items = list
                .items
                .into_iter()
                .map(tidy_blocks)
                .filter(|item| !item.is_empty())
                .collect();
            (!list.items.is_empty()).then_some(Block::List(list))
        }
        Block::Table(mut table) => {
            for row in &mut table.rows {
                row.cells = std::mem::take(&mut row.cells)
                    .into_iter()
                    .map(tidy_blocks)
                    .collect();
            }
            table
                .rows
                .retain(|row| row.cells.iter().any(|cell| !cell.is_empty()));
            (!table.rows.is_empty()).then_some(Block::Table(table))
        }
        Block::Quote(blocks) => {
            let blocks = tidy_blocks(blocks);
            (!blocks.is_empty()).then_some(Block::Quote(blocks))
        }
        Block::BlankLine => Some(Block::BlankLine),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn doubled_line_breaks_end_a_paragraph() {
        let blocks = tidy_blocks(vec![Block::Paragraph(vec![
            text("Dear Minister,"),
            Inline::LineBreak,
            text(" "),
            Inline::LineBreak,
            Inline::LineBreak,
            text("We write."),
            Inline::LineBreak,
            text("Second line."),
        ])]);
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![text("Dear Minister,")]),
                Block::BlankLine,
                Block::Paragraph(vec![
                    text("We write."),
                    Inline::LineBreak,
                    text("Second line.")
                ]),
            ]
        );
    }

    #[test]
    fn empty_blocks_are_dropped() {
        let blocks = tidy_blocks(vec![
            Block::Paragraph(vec![text(" \u{a0}"), Inline::LineBreak]),
            Block::Paragraph(vec![text("  ")]),
            Block::Quote(vec![Block::Paragraph(vec![])]),
        ]);
        assert!(blocks.is_empty(), "{blocks:?}");
    }
}
