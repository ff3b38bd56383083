//! The fonts of the web edition's pages, as the templates' `fonts`: CSS font stacks
//! (`serif` for the text, `sans` for the letterhead, `arabic` and `chinese` for letters
//! in those scripts), written here once for every page template.

use minijinja::{Value, context};

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

/// The web font stacks, as CSS the templates write as they are (not HTML-escaped:
/// inside `<style>` an entity is not decoded).
pub fn stacks() -> Value {
    context! {
        serif => Value::from_safe_string(SERIF.to_string()),
        sans => Value::from_safe_string(SANS.to_string()),
        arabic => Value::from_safe_string(ARABIC.to_string()),
        chinese => Value::from_safe_string(CHINESE.to_string()),
    }
}
