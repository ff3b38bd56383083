//! What every document a reader returns must satisfy, whatever its input: note
//! references point at notes, embedded images at images, and the model is tidy (no
//! empty paragraphs, no blank edges, no adjacent texts, no empty formatting).

use missive::testing::import::{Block, Document, ImageSource, Inline};

/// Asserts the model's invariants.
pub fn check(document: &Document) {
    for block in &document.blocks {
        check_block(document, block);
    }
    for note in &document.notes {
        for block in &note.blocks {
            check_block(document, block);
        }
    }
    let _ = format!("{document:?}");
}

fn check_block(document: &Document, block: &Block) {
    match block {
        Block::Paragraph(content) | Block::Heading { content, .. } => {
            assert!(!content.is_empty(), "empty paragraph");
            for edge in [content.first(), content.last()] {
                if let Some(Inline::Text(text)) = edge {
                    assert!(!text.is_empty(), "empty text at an edge");
                }
                assert!(
                    !matches!(edge, Some(Inline::LineBreak)),
                    "line break at an edge"
                );
            }
            check_inlines(document, content);
        }
        Block::List(list) => {
            assert!(!list.items.is_empty(), "empty list");
            for item in &list.items {
                assert!(!item.is_empty(), "empty list item");
                item.iter().for_each(|b| check_block(document, b));
            }
        }
        Block::Table(table) => {
            for cell in table.rows.iter().flat_map(|r| &r.cells) {
                cell.iter().for_each(|b| check_block(document, b));
            }
        }
        Block::Quote(blocks) => {
            assert!(!blocks.is_empty(), "empty quote");
            blocks.iter().for_each(|b| check_block(document, b));
        }
        Block::BlankLine => {}
    }
}

fn check_inlines(document: &Document, inlines: &[Inline]) {
    for pair in inlines.windows(2) {
        assert!(
            !matches!(pair, [Inline::Text(_), Inline::Text(_)]),
            "adjacent texts: {pair:?}"
        );
    }
    for inline in inlines {
        match inline {
            Inline::Text(text) => assert!(!text.is_empty()),
            Inline::NoteRef(n) => assert!(*n < document.notes.len(), "note {n} missing"),
            Inline::Image(image) => {
                if let ImageSource::Embedded(n) = image.source {
                    assert!(n < document.images.len(), "image {n} missing");
                }
            }
            Inline::Emphasis(inner)
            | Inline::Strong(inner)
            | Inline::Underline(inner)
            | Inline::Superscript(inner)
            | Inline::Link { content: inner, .. } => {
                assert!(!inner.is_empty(), "empty formatting");
                check_inlines(document, inner);
            }
            Inline::LineBreak => {}
        }
    }
}
