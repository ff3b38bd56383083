//! A document read inside another (an HTML part of a Word file) taken into it: its
//! notes and images appended, its references renumbered to point at them.

use super::model::{Block, Document, Image, ImageSource, Inline};

impl Document {
    /// Takes in the notes, images and records of a document read inside this one (an
    /// HTML part of a Word file), and returns its blocks with their note and image
    /// references renumbered to follow this document's.
    pub fn absorb(&mut self, part: Document) -> Vec<Block> {
        let (notes, images) = (self.notes.len(), self.images.len());
        let mut blocks = part.blocks;
        renumber(&mut blocks, notes, images);
        for mut note in part.notes {
            renumber(&mut note.blocks, notes, images);
            self.notes.push(note);
        }
        self.images.extend(part.images);
        self.dropped.extend(part.dropped);
        self.notices.extend(part.notices);
        blocks
    }
}

/// Shifts the note and image references of blocks by the given offsets.
fn renumber(blocks: &mut [Block], notes: usize, images: usize) {
    fn inlines(runs: &mut [Inline], notes: usize, images: usize) {
        for inline in runs {
            match inline {
                Inline::NoteRef(n) => *n += notes,
                Inline::Image(Image {
                    source: ImageSource::Embedded(n),
                    ..
                }) => *n += images,
                Inline::Emphasis(inner)
                | Inline::Strong(inner)
                | Inline::Underline(inner)
                | Inline::Superscript(inner)
                | Inline::Link { content: inner, .. } => inlines(inner, notes, images),
                _ => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(content) | Block::Heading { content, .. } => {
                inlines(content, notes, images);
            }
            Block::List(list) => {
                for item in &mut list.items {
                    renumber(item, notes, images);
                }
            }
            Block::Table(table) => {
                for cell in table.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                    renumber(cell, notes, images);
                }
            }
            Block::Quote(inner) => renumber(inner, notes, images),
            Block::BlankLine => {}
        }
    }
}
