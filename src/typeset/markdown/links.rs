//! Which link addresses stay links: `http`, `https`, `mailto`, `tel` and in-page targets
//! (`#…`). Any other (`javascript:`, `data:`, `vbscript:`, `file:`, a relative path that
//! means nothing in a PDF or on a published page) is shown as its text, with a warning, in
//! the PDF and on the web page alike.

use std::ops::Range;

use super::body::Problem;
use super::converter::line_end;
use crate::diagnostic::codes;

/// The schemes a link may have.
const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Whether a link to `url` is kept as a link.
pub(super) fn kept(url: &str) -> bool {
    if url.starts_with('#') {
        return true;
    }
    // A scheme is a letter then letters, digits, `+`, `-` or `.`, up to the first `:`;
    // anything else before a `:` (a space, a tab, a slash) is not one.
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    let well_formed = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    well_formed && SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme))
}

/// The warning for a link to `url` at `range` that is shown as text.
pub(super) fn refused(source: &str, url: &str, range: &Range<usize>) -> Problem {
    let shown: String = url.chars().take(40).collect();
    let more = if shown.len() < url.len() { "…" } else { "" };
    Problem {
        is_error: false,
        code: codes::LINK_REFUSED,
        message: format!("the link to `{shown}{more}` is shown as text, not as a link"),
        hint: "only http:, https:, mailto:, tel: and in-page (#…) addresses are links; write the full web address"
            .into(),
        range: range.start..range.end.min(line_end(source, range.start)),
    }
}

#[cfg(test)]
mod tests {
    use super::kept;

    #[test]
    fn only_safe_schemes_are_kept() {
        for url in [
            "https://x.org",
            "HTTP://x",
            "mailto:a@b",
            "tel:+41",
            "#note-1",
        ] {
            assert!(kept(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
            "report.pdf",
            "/abs",
            "java script:x",
            "",
        ] {
            assert!(!kept(url), "{url}");
        }
    }
}
