//! The body of a letter parsed once for all its personal copies: the copies share their
//! Markdown, so each copy after the first fills a clone of the last copy's tree instead of
//! parsing the body and setting its punctuation again (7 M instructions a copy, a tenth
//! of its cost; docs/copies.md).
//!
//! The tree depends on the text, the style and what the image resolver answered, so a
//! tree is reused only for the same text and style when the resolver, asked again about
//! every image path the body writes, answers the same (an image added, removed or
//! resolved in another folder since is seen).

use std::cell::RefCell;
use std::sync::Mutex;

use super::body::{Body, ImageResolver};
use super::converter;
use crate::diagnostic::Cause;
use crate::typeset::typography::Style;

/// The body parsed for the last copy, before its fields were filled.
static LAST: Mutex<Option<Parsed>> = Mutex::new(None);

struct Parsed {
    text: String,
    style: Style,
    /// Each image path the body wrote, with what the resolver answered.
    images: Vec<(String, Result<String, Cause>)>,
    body: Body,
}

/// The body `text` parsed ([`converter::parse`]), or the last copy's parse of it if nothing
/// it was parsed from has changed.
pub(super) fn parse(text: &str, style: Style, resolve_image: &ImageResolver) -> Body {
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(parsed) = last.as_ref()
        && parsed.text == text
        && parsed.style == style
        && (parsed.images.iter()).all(|(written, answer)| resolve_image(written) == *answer)
    {
        return parsed.body.clone();
    }
    let images = RefCell::new(Vec::new());
    let recording = |written: &str| {
        let answer = resolve_image(written);
        images
            .borrow_mut()
            .push((written.to_string(), answer.clone()));
        answer
    };
    let body = converter::parse(text, style, &recording);
    *last = Some(Parsed {
        text: text.to_string(),
        style,
        images: images.into_inner(),
        body: body.clone(),
    });
    body
}
