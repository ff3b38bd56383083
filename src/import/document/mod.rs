//! The document model that the Word and web-page readers produce: what a letter's
//! structure is once its format is gone. Blocks (paragraphs of inline runs, headings,
//! lists, tables, quotes), the notes in order of first reference, the texts of page
//! headers and footers, embedded images, and a record of everything the reader left out
//! and why, so that nothing is lost silently.
//!
//! The readers only read; recognising the letter's parts (date, addressees, signatories)
//! in the blocks is the importer's job.

mod absorb;
pub mod letterhead;
pub mod lists;
pub mod loose_notes;
pub mod markdown;
mod model;
mod notes_list;
pub mod parts;
mod tidy;

pub use model::*;
pub use tidy::{is_blank, note_blocks, tidy, tidy_blocks};
