//! From a laid-out letter to output bytes: PDF (to PDF standards, with the letter's
//! sources attached for archival PDFs), PNG or SVG pages; atomic output files and
//! `--emit-typst`.

pub mod attachments;
pub mod emit;
pub mod output;
pub mod pdf;
pub mod pdf_errors;

use crate::diagnostic::Diagnostics;
use crate::letter::Letter;
use crate::typeset::Typeset;

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
