//! From a laid-out letter to output bytes: PDF (to PDF standards, with the letter's
//! sources attached for archival PDFs), PNG or SVG pages, or the web page ([`web`]);
//! atomic output files and `--emit-typst`.

pub mod attachments;
pub mod combine;
pub mod emit;
mod format;
pub mod output;
pub mod pdf;
pub mod pdf_errors;
pub mod web;

use typst_pdf::PdfStandard;

use crate::diagnostic::Diagnostics;
use crate::typeset::{Prepared, Typeset};
pub use attachments::typeset_for;
pub use format::Format;

/// The output of a typeset letter: one file's bytes for PDF (made to `standards`, which
/// it must have been typeset for with [`typeset_for`]), one per page otherwise.
pub fn export(
    prepared: &Prepared,
    typeset: &Typeset,
    standards: &[PdfStandard],
    format: Format,
) -> Result<Vec<Vec<u8>>, Diagnostics> {
    let pages = typeset.document.pages();
    Ok(match format {
        Format::Pdf => vec![pdf::export(prepared, typeset, standards)?],
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
        Format::Html | Format::HtmlFragment => vec![web::page(
            prepared,
            &typeset.files,
            format == Format::HtmlFragment,
        )?],
    })
}
