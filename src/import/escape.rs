//! Running text as Markdown that reads literally: what is Markdown syntax escaped,
//! markers of endnotes as footnote references, links as autolinks.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::notes::{self, Piece};

/// Running text as Markdown that reads literally: Markdown's punctuation escaped, markers
/// of defined notes as footnote references (others kept as text), links as autolinks.
/// Records every marker met in `markers`.
pub fn inline(text: &str, defined: &BTreeSet<u32>, markers: &mut BTreeSet<u32>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for piece in notes::pieces(text) {
        match piece {
            Piece::Text(text) => escape(text, &mut out),
            Piece::Marker(n) => {
                markers.insert(n);
                if defined.contains(&n) {
                    let _ = write!(out, "[^{n}]");
                } else {
                    let _ = write!(out, "\\[{n}\\]");
                }
            }
            Piece::Link(url) => {
                let _ = write!(out, "<{url}>");
            }
        }
    }
    escape_line_start(out)
}

/// Backslash-escapes the characters that are Markdown syntax anywhere in a line.
pub(super) fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        if "\\`*_[]<>#&|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Escapes what is Markdown syntax only at the start of a block: list markers (`-`, `+`,
/// `1.`, `1)`), and a footnote reference followed by `:` (a definition).
pub(super) fn escape_line_start(mut line: String) -> String {
    if line.starts_with(['-', '+', '=']) {
        line.insert(0, '\\');
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        line.insert(digits, '\\');
    }
    if line.starts_with("[^")
        && let Some(close) = line.find(']')
        && line[close + 1..].starts_with(':')
    {
        line.insert(close + 1, '\\');
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::markdown;
    use crate::typeset::typst_code::str_literal;

    /// Converts Markdown the way `missive render` does with `smart_punctuation = false`
    /// (escaping is about Markdown; the punctuation is set apart from it); images resolve
    /// to themselves.
    fn markup(markdown: &str) -> String {
        let english = crate::i18n::Lang::parse("en");
        let style = crate::typeset::typography::Style::new(english.as_ref(), false);
        markdown::convert(markdown, style, &|p: &str| Ok(p.to_string()), None).markup
    }

    #[test]
    fn escaped_text_renders_literally() {
        for text in [
            "* not a list",
            "- not a list",
            "+ nor this",
            "1. not numbered",
            "2) nor this",
            "# not a heading",
            "> not a quote",
            "---",
            "=== x",
            "a *b* _c_ `d` [e](f) <g> &amp; | t | ~~s~~ \\ ![i](j) [^x]",
            "[^1]: not a definition",
            "[label]: /not-a-reference",
            "<div>not html</div>",
            "``` not a fence",
            "~~~ nor this",
            "Prices: $5 @home #tag 50% {x} \"q\" 'r'",
        ] {
            let written = inline(text, &BTreeSet::new(), &mut BTreeSet::new());
            assert_eq!(
                markup(&written),
                format!("#{}\n", str_literal(text)),
                "{text:?} written as {written:?}"
            );
        }
    }

    #[test]
    fn markers_become_references_only_for_defined_notes() {
        let mut markers = BTreeSet::new();
        let defined = BTreeSet::from([1]);
        assert_eq!(
            inline("a.[1] b[2] see https://x.org/a_b.", &defined, &mut markers),
            "a.[^1] b\\[2\\] see <https://x.org/a_b>."
        );
        assert_eq!(markers, BTreeSet::from([1, 2]));
        assert_eq!(inline("[1]: x", &defined, &mut markers), "[^1]\\: x");
    }
}
