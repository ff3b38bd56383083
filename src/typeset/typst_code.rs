//! Writing Typst source safely: every user text becomes a string literal, so that no
//! character typed in a letter (`#`, `$`, `@`, `<`, `*`, `_`, `\`, `~`, `"`, `//`) is ever
//! read as Typst markup or code.

use std::fmt::Write as _;

/// Appends `text` as a Typst string literal (`"…"`), escaping what string syntax needs.
pub fn push_str_literal(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Characters that Typst draws as nothing in shown text, though writers mean a space:
/// tab, vertical tab, form feed (old archives hold page breaks as form feeds).
const SPACE_LIKE: [char; 3] = ['\t', '\u{b}', '\u{c}'];

/// `text` with tabs, vertical tabs and form feeds turned into spaces, for text that is
/// shown (not code, whose tabs `raw` lays out itself).
pub fn spaces_for_tabs(text: &str) -> String {
    text.replace(SPACE_LIKE, " ")
}

/// `text` as a Typst string literal.
pub fn str_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_str_literal(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_and_form_feeds_become_spaces() {
        assert_eq!(spaces_for_tabs("a\tb\u{c}c\u{b}d\ne"), "a b c d\ne");
    }

    #[test]
    fn escapes_quotes_backslashes_and_controls() {
        assert_eq!(str_literal(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(str_literal("x\ny\u{1}"), r#""x\ny\u{1}""#);
        assert_eq!(
            str_literal("#read(\"/x\") $x$ @x <x>"),
            r##""#read(\"/x\") $x$ @x <x>""##
        );
    }
}
