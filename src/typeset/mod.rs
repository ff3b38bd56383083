//! From a checked letter to a laid-out document: the body converted to Typst markup
//! ([`markdown`]) and the data templates receive ([`schema`]), the generated project
//! ([`project`]) compiled in a [`LetterWorld`] with the fonts and templates of an
//! [`Environment`], and the laid-out pages checked.

pub mod compile;
pub mod fonts;
pub mod frames;
pub mod layout_check;
pub mod links;
pub mod markdown;
mod prepared;
pub mod project;
pub mod schema;
pub mod templates;
pub mod typography;
pub mod typst_code;
pub mod world;

use chrono::Datelike as _;
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use crate::diagnostic::Diagnostics;
use crate::letter::Letter;
use compile::Compiled;
pub use prepared::{Prepared, prepare};
use project::{Attachment, Project};
use world::{Environment, LetterWorld};

/// A typeset letter: its generated project, its document and Typst's warnings.
pub struct Typeset {
    /// The generated project.
    pub project: Project,
    /// The laid-out document.
    pub document: PagedDocument,
    /// Warnings.
    pub warnings: Diagnostics,
    /// Project paths and bytes of the files read from the root while compiling.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The letter's date at midnight UTC: Typst's "today" and the PDF's creation date.
pub fn letter_datetime(letter: &Letter) -> Datetime {
    let date = letter.date;
    Datetime::from_ymd_hms(date.year(), date.month() as u8, date.day() as u8, 0, 0, 0)
        .expect("a checked calendar date")
}

/// Generates the project of a prepared letter, attaching `attachments` to its PDF, and
/// compiles it.
pub fn typeset(
    env: &Environment,
    prepared: &Prepared,
    attachments: &[Attachment],
) -> Result<Typeset, Diagnostics> {
    let project = project::generate(prepared, attachments);
    let letter = &prepared.letter;
    let house_fonts = match letter.house.as_ref().and_then(|h| h.fonts.as_ref()) {
        Some(dir) => Some(env.house_fonts(dir, &letter.root)?),
        None => None,
    };
    let world = LetterWorld::new(
        env,
        &letter.root,
        project.main.clone(),
        project.data.clone(),
        letter_datetime(letter),
        house_fonts,
    );
    let Compiled { document, warnings } = compile::compile(&world, prepared, &project)?;
    let files = world.disk_files();
    Ok(Typeset {
        project,
        document,
        warnings,
        files,
    })
}
