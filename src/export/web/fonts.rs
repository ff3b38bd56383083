//! The fonts of the web edition's pages, as the templates' `fonts`: CSS font stacks
//! (`serif` for the text, `sans` for the letterhead, `arabic` and `chinese` for letters
//! in those scripts) and `faces`, the `@font-face` rules of embedded fonts.
//!
//! By default a page names fonts its reader's system may have (a web font stack) and
//! embeds none. With `[web] fonts = "bundled"` it embeds the letter's own: for each
//! role, the faces of the family the built-in Typst template sets it in (or the house's
//! `serif_font`, `sans_font`), from missive's fonts or the house's font folder, each cut
//! to the characters of the page ([`super::subset`]) and written as a `data:` address,
//! so the page stays one file that asks for nothing. Chinese text gets WenQuanYi Micro
//! Hei; Arabic keeps its web stack (a subset cannot join its letters).

use std::collections::BTreeSet;

use base64::Engine as _;
use minijinja::{Value, context};
use toml::Spanned;

use super::subset::subset_for;
use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::letter::house::{House, WebFonts};
use crate::typeset::fonts::{FaceEntry, HouseFonts, faces};

/// The text's stack: serif faces common on readers' systems.
const SERIF: &str = r#""Source Serif 4", "Source Serif Pro", Charter, "Bitstream Charter", Georgia, "Noto Serif", serif"#;
/// The letterhead's and headings' stack.
const SANS: &str =
    r#""Source Sans 3", "Source Sans Pro", "Segoe UI", Roboto, "Noto Sans", sans-serif"#;
/// Arabic letters' stack.
const ARABIC: &str =
    r#""Noto Naskh Arabic", "Geeza Pro", "Traditional Arabic", "Noto Serif", serif"#;
/// Chinese letters' stack. Only for letters in Chinese: a CJK font early in every stack
/// would draw Latin quotes and apostrophes full-width wherever no Latin serif above it
/// is installed.
const CHINESE: &str =
    r#""Noto Serif CJK SC", "Songti SC", SimSun, "WenQuanYi Micro Hei", "Noto Sans CJK SC", serif"#;

/// The families of the built-in Typst template (templates/house.typ, `fonts`): the text,
/// the letterhead, and the font that covers Chinese after both.
const TEXT: &str = "Libertinus Serif";
const LETTERHEAD: &str = "Linux Biolinum O";
const HAN: &str = "WenQuanYi Micro Hei";

/// Whether `house` asks for its pages' fonts to be embedded.
pub fn bundled(house: Option<&House>) -> bool {
    house.and_then(|h| h.config.web.fonts) == Some(WebFonts::Bundled)
}

/// The web font stacks, nothing embedded.
pub fn stacks() -> Value {
    fonts(
        String::new(),
        [SERIF, SANS, ARABIC, CHINESE].map(str::to_string),
    )
}

/// The fonts of a page whose text is `text`: [`stacks`], or where the house asks for
/// them, its fonts embedded and subset to `text` in front of each stack.
pub fn for_page(house: Option<&House>, text: &BTreeSet<char>) -> Result<Value, Diagnostics> {
    let Some(house) = house.filter(|h| bundled(Some(h))) else {
        return Ok(stacks());
    };
    let candidates = candidates(house)?;
    let web = &house.config.web;
    let serif = family(web.serif_font.as_ref(), TEXT, house, &candidates)?;
    let sans = family(web.sans_font.as_ref(), LETTERHEAD, house, &candidates)?;
    let chars: Vec<char> = text.iter().copied().collect();
    let han = chars.iter().any(|c| is_han(*c));
    let mut faces = String::new();
    let mut embedded = BTreeSet::new();
    // Not Noto Naskh Arabic: a subset has no GSUB, without which Arabic letters do not
    // join; Arabic text falls through the embedded faces to the Arabic web stack.
    let wanted = [(serif.as_str(), true), (sans.as_str(), true), (HAN, han)];
    for (name, _) in wanted.into_iter().filter(|(_, needed)| *needed) {
        for face in candidates.iter().filter(|f| f.font.info().family == name) {
            if let Some(rule) = face_rule(face, &chars) {
                faces.push_str(&rule);
                embedded.insert(name.to_string());
            }
        }
    }
    let stack = |first: &[&str], rest: &str| -> String {
        let mut names: Vec<String> = (first.iter())
            .filter(|name| embedded.contains(**name))
            .map(|name| css_string(name))
            .collect();
        names.push(rest.to_string());
        names.join(", ")
    };
    // As the Typst template: the text's family first, the script fonts after it, for
    // Arabic and Chinese letters too (their Latin text in the text's family).
    let text_stack = [serif.as_str(), HAN];
    Ok(fonts(
        faces,
        [
            stack(&text_stack, SERIF),
            stack(&[sans.as_str(), HAN], SANS),
            stack(&text_stack, ARABIC),
            stack(&text_stack, CHINESE),
        ],
    ))
}

/// The templates' `fonts`: written as they are (inside `<style>` an HTML entity is not
/// decoded, so escaping would break them; every name in them is [`css_string`]ed).
fn fonts(faces: String, [serif, sans, arabic, chinese]: [String; 4]) -> Value {
    context! {
        faces => Value::from_safe_string(faces),
        serif => Value::from_safe_string(serif),
        sans => Value::from_safe_string(sans),
        arabic => Value::from_safe_string(arabic),
        chinese => Value::from_safe_string(chinese),
    }
}

/// The faces a house's pages may embed: its own fonts first, then missive's.
fn candidates(house: &House) -> Result<Vec<FaceEntry>, Diagnostics> {
    let mut all = match &house.fonts {
        Some(dir) => HouseFonts::read(dir, &house.dir)?.faces,
        None => Vec::new(),
    };
    all.extend(faces(&[])?);
    // One face per family and variant: the first, the house's over missive's.
    let mut seen = BTreeSet::new();
    all.retain(|face| {
        let info = face.font.info();
        let variant = info.variant;
        seen.insert((
            info.family.clone(),
            variant.weight.to_number(),
            format!("{:?}", variant.style),
        ))
    });
    Ok(all)
}

/// The family a role is set in: the house's `written`, which must be one of the
/// candidates', or `default`.
fn family(
    written: Option<&Spanned<String>>,
    default: &str,
    house: &House,
    candidates: &[FaceEntry],
) -> Result<String, Diagnostics> {
    let Some(written) = written else {
        return Ok(default.to_string());
    };
    let name = written.get_ref();
    if candidates.iter().any(|f| f.font.info().family == *name) {
        return Ok(name.clone());
    }
    let families: BTreeSet<&str> = (candidates.iter())
        .map(|f| f.font.info().family.as_str())
        .collect();
    let known = families.into_iter().collect::<Vec<_>>().join(", ");
    Err(vec![
        Diagnostic::error(
            codes::HOUSE_FONTS,
            format!("no font of the family `{name}` to embed in the web pages"),
        )
        .at(&house.file, written.span())
        .hint(format!(
            "name one of missive's or the house's font folder's families: {known}"
        )),
    ])
}

/// The `@font-face` rule of `face` cut to `chars`, or `None` if it has none of them.
fn face_rule(face: &FaceEntry, chars: &[char]) -> Option<String> {
    let (bytes, format) = subset_for(&face.font, chars)?;
    let info = face.font.info();
    let mime = if format == "opentype" {
        "font/otf"
    } else {
        "font/ttf"
    };
    let style = match info.variant.style {
        typst::text::FontStyle::Normal => "normal",
        typst::text::FontStyle::Italic => "italic",
        typst::text::FontStyle::Oblique => "oblique",
    };
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    Some(format!(
        "@font-face {{ font-family: {}; font-weight: {}; font-style: {style}; \
         src: url(data:{mime};base64,{data}) format(\"{format}\"); }}\n",
        css_string(&info.family),
        info.variant.weight.to_number(),
    ))
}

/// A font family's name as a CSS string: only letters, digits, spaces, `-` and `_` are
/// kept, so that no name (a house's font file says what it likes) can end the string or
/// the stylesheet.
fn css_string(name: &str) -> String {
    let kept: String = (name.chars())
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .collect();
    format!("\"{kept}\"")
}

/// The characters a page shows: the text of its `<body>`, and the addresses its print
/// stylesheet writes after each outside link (`<https://…>`).
pub fn text_of(page: &[u8]) -> BTreeSet<char> {
    let html = scraper::Html::parse_document(&String::from_utf8_lossy(page));
    let body = scraper::Selector::parse("body").expect("a valid selector");
    let links = scraper::Selector::parse("a[href^=http]").expect("a valid selector");
    let mut chars: BTreeSet<char> = (html.select(&body))
        .flat_map(|body| body.text())
        .flat_map(str::chars)
        .filter(|c| !c.is_control())
        .collect();
    for link in html.select(&links) {
        chars.extend(link.value().attr("href").unwrap_or_default().chars());
        chars.extend([' ', '<', '>']);
    }
    chars
}

/// Whether a character is a CJK ideograph, or CJK punctuation or a full-width form.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}
