//! From a checked letter to output bytes: generate the project, compile it in a
//! [`LetterWorld`], export PDF, PNG or SVG pages.

use typst_layout::PagedDocument;
use typst_pdf::PdfStandard;

use crate::compile::{self, Compiled};
use crate::diagnostic::Diagnostics;
use crate::letter::Letter;
use crate::project::{self, Project};
use crate::world::{Environment, LetterWorld};
use crate::{attachments, pdf, standard};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One PDF for the letter.
    Pdf,
    /// One PNG per page (144 dpi), for previews.
    Png,
    /// One SVG per page, for previews.
    Svg,
}

impl Format {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}

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

/// The output of a typeset letter: one file's bytes for PDF (to the standards it was
/// typeset for), one per page otherwise.
pub fn export(
    typeset: &Typeset,
    letter: &Letter,
    format: Format,
) -> Result<Vec<Vec<u8>>, Diagnostics> {
    let pages = typeset.document.pages();
    Ok(match format {
        Format::Pdf => vec![pdf::export(
            &typeset.document,
            letter,
            &typeset.standards,
            &typeset.files,
        )?],
        Format::Png => pages
            .iter()
            .map(|page| {
                let options = typst_render::RenderOptions {
                    pixel_per_pt: 2.0.into(),
                    ..Default::default()
                };
                typst_render::render(page, &options)
                    .encode_png()
                    .unwrap_or_default()
            })
            .collect(),
        Format::Svg => pages
            .iter()
            .map(|page| typst_svg::svg(page, &typst_svg::SvgOptions::default()).into_bytes())
            .collect(),
    })
}
