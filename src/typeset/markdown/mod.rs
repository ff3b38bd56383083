//! The letter's Markdown body (CommonMark with footnotes and tables) converted once into
//! a tree of blocks and inlines ([`tree`]), with footnotes turned into endnotes numbered
//! in order of first reference; the Typst markup is written from that tree
//! (`typst_markup`), as the web page's HTML is.
//!
//! All text is written as Typst string literals (see [`crate::typeset::typst_code`]), so the output
//! never runs anything the writer typed; its punctuation is set by
//! [`crate::typeset::typography`] first (quotes, dashes, French spacing), except in code, web
//! addresses and raw Typst. Only a ```` ```{=typst} ```` fence is passed
//! through as Typst. Every piece of markup remembers where it came from ([`Mark`]), so
//! that Typst's errors and warnings point at the letter's line and column.
//!
//! The markup calls two functions the template provides: `note-ref(n, first: bool)` for an
//! endnote marker, and the standard Typst elements for everything else.

mod body;
mod converter;
mod events;
mod footnotes;
mod links;
mod reuse;
#[cfg(test)]
mod tests;
pub mod tree;
mod typst_markup;

use std::ops::Range;

use crate::typeset::typography::Style;
pub use body::{Body, ImageResolver, Mark};
use converter::parse;

/// What fills a personal copy's fields in the body's text (`letter::copies::LetterCopy::fill`).
pub type Fill<'a> = &'a dyn Fn(&str) -> String;

/// Converts a Markdown body to its tree and the Typst markup of that tree, its text set in
/// `style` ([`crate::typeset::typography`]); `fill`, for a personal copy, puts the row's
/// values into the tree's text ([`tree::Tree::fill_text`]) before any output is written
/// from it, so they stay text. The copies of a letter share one parse of its body
/// ([`reuse`]).
pub fn convert(
    text: &str,
    style: Style,
    resolve_image: &ImageResolver,
    fill: Option<Fill>,
) -> Body {
    let mut body = match fill {
        Some(fill) => {
            let mut body = reuse::parse(text, style, resolve_image);
            body.tree.fill_text(fill);
            body
        }
        None => parse(text, style, resolve_image),
    };
    typst_markup::write(&mut body);
    body
}

/// The byte ranges of a Markdown body where a personal copy's fields are filled: its text
/// and inline code, not its code blocks, raw Typst fences, link addresses or image paths
/// ([`tree::Tree::filled_ranges`]).
pub fn filled_ranges(text: &str) -> Vec<Range<usize>> {
    let keep = |written: &str| Ok(written.to_string());
    parse(text, Style::new(None, false), &keep)
        .tree
        .filled_ranges()
}
