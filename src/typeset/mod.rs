//! From a checked letter to a laid-out document: generate the project, compile it in a
//! [`LetterWorld`].

pub mod compile;
pub mod fonts;
pub mod layout_check;
pub mod links;
pub mod markdown;
pub mod project;
pub mod schema;
pub mod templates;
pub mod typst_code;
pub mod world;

use typst_layout::PagedDocument;
use typst_pdf::PdfStandard;

use crate::diagnostic::Diagnostics;
use crate::export::{attachments, pdf};
use crate::letter::Letter;
use crate::letter::standards as standard;
use compile::Compiled;
use project::Project;
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
    /// The PDF standards it was typeset for, and is exported to.
    pub standards: Vec<PdfStandard>,
}

/// Typesets a checked letter for PDFs made to `standards` (none for plain PDFs and images).
///
/// Under a standard that embeds the sources ([`standard::embeds_sources`]), the document
/// attaches the letter source, the house file and the files the letter reads: those it is
/// expected to read (images, template file); if compiling shows that it read more (files a
/// template imports or loads), it is compiled once more with those attached too.
pub fn typeset(
    env: &Environment,
    letter: &Letter,
    standards: &[PdfStandard],
) -> Result<Typeset, Diagnostics> {
    if !standard::embeds_sources(standards) {
        return compile_project(env, letter, project::generate(letter, &[]), standards);
    }
    let expected = attachments::expected_files(letter);
    let attached = attachments::list(letter, expected.iter().map(String::as_str))?;
    let typeset = compile_project(env, letter, project::generate(letter, &attached), standards)?;
    let needed = attachments::list(letter, typeset.files.iter().map(|(path, _)| path.as_str()))?;
    if needed == attached {
        return Ok(typeset);
    }
    compile_project(env, letter, project::generate(letter, &needed), standards)
}

/// Compiles a generated project.
fn compile_project(
    env: &Environment,
    letter: &Letter,
    project: Project,
    standards: &[PdfStandard],
) -> Result<Typeset, Diagnostics> {
    let world = LetterWorld::new(
        env,
        &letter.root,
        project.main.clone(),
        project.data.clone(),
        pdf::letter_datetime(letter),
    );
    let Compiled { document, warnings } = compile::compile(&world, letter, &project)?;
    let files = world.disk_files();
    Ok(Typeset {
        project,
        document,
        warnings,
        files,
        standards: standards.to_vec(),
    })
}
