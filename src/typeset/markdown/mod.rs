//! The letter's Markdown body (CommonMark with footnotes and tables) converted to Typst
//! markup, with footnotes turned into endnotes numbered in order of first reference.
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
#[cfg(test)]
mod tests;

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::typeset::typography::Style;
pub use body::{Body, ImageResolver, Mark};
use converter::Converter;

/// What fills a personal copy's fields in the body's text (`letter::copies::LetterCopy::fill`).
pub type Fill<'a> = &'a dyn Fn(&str) -> String;

/// Converts a Markdown body to Typst markup, its text set in `style`
/// ([`crate::typeset::typography`]); `fill`, for a personal copy, puts the row's values
/// in the text (and inline code) after the Markdown is parsed, so they stay text.
pub fn convert(
    text: &str,
    style: Style,
    resolve_image: &ImageResolver,
    fill: Option<Fill>,
) -> Body {
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES;
    let mut events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(text, options).into_offset_iter().collect();
    if let Some(fill) = fill {
        events = filled(events, fill);
    }
    let mut converter = Converter::new(text, style, resolve_image);
    for (event, range) in events {
        converter.event(event, range);
    }
    converter.finish()
}

/// The events with each run of text (which the parser splits at `_`, `*` and the like,
/// so a field `{{address_1}}` may span several) joined and filled, inline code filled;
/// code blocks (raw Typst fences among them) are left as written, never filled.
fn filled<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
    fill: Fill,
) -> Vec<(Event<'a>, Range<usize>)> {
    let mut out: Vec<(Event<'a>, Range<usize>)> = Vec::with_capacity(events.len());
    let mut run: Option<(String, Range<usize>)> = None;
    let mut in_code_block = false;
    let flush = |run: &mut Option<(String, Range<usize>)>, out: &mut Vec<_>| {
        if let Some((text, range)) = run.take() {
            out.push((Event::Text(CowStr::from(fill(&text))), range));
        }
    };
    for (event, range) in events {
        match event {
            Event::Text(text) if !in_code_block => match &mut run {
                Some((joined, at)) if at.end == range.start => {
                    joined.push_str(&text);
                    at.end = range.end;
                }
                _ => {
                    flush(&mut run, &mut out);
                    run = Some((text.into_string(), range));
                }
            },
            other => {
                flush(&mut run, &mut out);
                match &other {
                    Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
                    Event::End(TagEnd::CodeBlock) => in_code_block = false,
                    _ => {}
                }
                let other = match other {
                    Event::Code(code) => Event::Code(CowStr::from(fill(&code))),
                    other => other,
                };
                out.push((other, range));
            }
        }
    }
    flush(&mut run, &mut out);
    out
}
