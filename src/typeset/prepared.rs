//! A letter made ready to typeset: its body converted to Typst markup and its data built
//! for the template, after the last of its checks.

use super::markdown::{self, Body};
use super::schema::LetterData;
use super::typography::Style;
use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::letter::{Letter, Merged};

/// A checked letter with its body converted: ready to typeset.
#[derive(Debug)]
pub struct Prepared {
    /// The checked letter.
    pub letter: Letter,
    /// Its body and endnotes as Typst markup.
    pub body: Body,
    /// The data its template receives.
    pub data: LetterData,
}

impl Prepared {
    /// Project paths of the images the letter uses (letterhead, signatures, body).
    pub fn images(&self) -> Vec<String> {
        let mut paths: Vec<String> = self.data.letterhead.logo.iter().cloned().collect();
        paths.extend(
            self.data
                .signatories
                .iter()
                .filter_map(|s| s.signature.clone()),
        );
        paths.extend(self.body.images.iter().cloned());
        paths.sort();
        paths.dedup();
        paths
    }
}

/// Converts the body of a merged letter and finishes its checks: every problem of the
/// front matter, the house and the body, or the letter ready to typeset.
pub fn prepare(mut merged: Merged) -> Result<Prepared, Diagnostics> {
    let (lang, smart) = merged.text_style();
    let style = Style::new(lang, smart);
    let fill = merged.copy().map(|copy| move |text: &str| copy.fill(text));
    let body = markdown::convert(
        merged.source.body_text(),
        style,
        &|written: &str| merged.resolve_image(written),
        fill.as_ref().map(|f| f as markdown::Fill),
    );
    let body_problems = body.diagnostics(&merged.source);
    merged.problems.extend(body_problems);
    if merged
        .house()
        .is_some_and(|house| !house.allows_raw_typst())
    {
        let refused = refused_fences(&merged, &body);
        merged.problems.extend(refused);
    }
    let letter = merged.finish()?;
    let data = LetterData::new(&letter, style);
    Ok(Prepared { letter, body, data })
}

/// An error at each raw Typst fence of a letter whose house says `raw_typst = false`.
fn refused_fences(merged: &Merged, body: &Body) -> Diagnostics {
    let offset = merged.source.body.start;
    let house = merged.house().map(|house| house.file.name.clone());
    body.fences
        .iter()
        .map(|fence| {
            let opening = fence.start..fence.start + "```{=typst}".len().min(fence.len());
            Diagnostic::error(
                codes::RAW_TYPST_REFUSED,
                "raw Typst is not allowed in this house's letters",
            )
            .at(
                &merged.source.file,
                offset + opening.start..offset + opening.end,
            )
            .hint(format!(
                "{} says `raw_typst = false`: write the passage as Markdown",
                house.as_deref().unwrap_or("the house file")
            ))
        })
        .collect()
}
