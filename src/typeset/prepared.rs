//! A letter made ready to typeset: its body converted to Typst markup and its data built
//! for the template, after the last of its checks.

use super::markdown::{self, Body};
use super::schema::LetterData;
use super::typography::Style;
use crate::diagnostic::Diagnostics;
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
    let body = markdown::convert(merged.source.body_text(), style, &|written: &str| {
        merged.resolve_image(written)
    });
    let body_problems = body.diagnostics(&merged.source);
    merged.problems.extend(body_problems);
    let letter = merged.finish()?;
    let data = LetterData::new(&letter, style);
    Ok(Prepared { letter, body, data })
}
