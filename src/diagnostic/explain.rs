//! The explanation of each code, read from `docs/diagnostics.md` (built into the binary),
//! so that the page a reader browses and `missive explain CODE` say the same: each code
//! has a section headed `### M0203: title`, running to the next heading.

use super::codes::ALL;

/// `docs/diagnostics.md`, the one source of the explanations.
const PAGE: &str = include_str!("../../docs/diagnostics.md");

/// One code's section of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation {
    /// The code, `M0203`.
    pub id: &'static str,
    /// Its title, `unknown key`.
    pub title: &'static str,
    /// The explanation and its example, Markdown as on the page.
    pub text: &'static str,
}

/// Every section of the page that explains a code, in page order.
pub fn all() -> Vec<Explanation> {
    let mut sections = Vec::new();
    let mut rest = PAGE;
    while let Some(start) = heading_at(rest) {
        let after = &rest[start + 4..];
        let line_end = after.find('\n').unwrap_or(after.len());
        let heading = &after[..line_end];
        let body = &after[line_end..];
        let end = next_heading(body).unwrap_or(body.len());
        if let Some((id, title)) = heading.split_once(": ")
            && is_code(id)
        {
            sections.push(Explanation {
                id,
                title: title.trim(),
                text: body[..end].trim(),
            });
        }
        rest = &body[end..];
    }
    sections
}

/// The explanation of a code missive has, written as `M0203`, `m0203` or `0203`.
pub fn find(code: &str) -> Option<Explanation> {
    let code = code.trim().to_ascii_uppercase();
    let code = if code.starts_with('M') {
        code
    } else {
        format!("M{code}")
    };
    let known = ALL.iter().find(|known| known.id() == code)?;
    all().into_iter().find(|e| e.id == known.id())
}

/// Whether `id` is written like a code: `M` and four digits.
fn is_code(id: &str) -> bool {
    id.len() == 5 && id.starts_with('M') && id[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Offset of the next `### ` heading line in `text`.
fn heading_at(text: &str) -> Option<usize> {
    if text.starts_with("### ") {
        return Some(0);
    }
    text.find("\n### ").map(|i| i + 1)
}

/// Offset of the next heading of any level (`#`, `##`, `###`) outside code fences.
fn next_heading(text: &str) -> Option<usize> {
    let mut in_fence = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence && line.starts_with('#') {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Every code has a section, every section a code, once each.
    #[test]
    fn every_code_is_documented_and_every_documented_code_exists() {
        let documented: Vec<&str> = all().iter().map(|e| e.id).collect();
        let unique: BTreeSet<&str> = documented.iter().copied().collect();
        assert_eq!(unique.len(), documented.len(), "a code has two sections");
        let codes: BTreeSet<&str> = ALL.iter().map(|c| c.id()).collect();
        assert_eq!(codes.len(), ALL.len(), "a code is declared twice");
        let undocumented: Vec<_> = codes.difference(&unique).collect();
        assert!(
            undocumented.is_empty(),
            "add a section `### CODE: title` to docs/diagnostics.md for {undocumented:?}"
        );
        let unknown: Vec<_> = unique.difference(&codes).collect();
        assert!(
            unknown.is_empty(),
            "docs/diagnostics.md explains codes that src/diagnostic/codes.rs lacks: {unknown:?}"
        );
        let order: Vec<&str> = ALL.iter().map(|c| c.id()).collect();
        assert_eq!(documented, order, "the page lists the codes in their order");
    }

    /// Each section explains (a paragraph of text) and shows an example (a code block).
    #[test]
    fn every_section_has_an_explanation_and_an_example() {
        for e in all() {
            assert!(!e.title.is_empty(), "{} has no title", e.id);
            let prose = e.text.lines().take_while(|l| !l.starts_with("```"));
            let words = prose.flat_map(str::split_whitespace).count();
            assert!(words >= 12, "{} explains too little: {:?}", e.id, e.text);
            assert!(
                e.text.contains("\n```"),
                "{} has no example (a code block)",
                e.id
            );
        }
    }

    #[test]
    fn codes_are_found_however_written() {
        let unknown_key = find("M0203").unwrap();
        assert_eq!(unknown_key.title, "unknown key");
        assert_eq!(find("m0203"), Some(unknown_key));
        assert_eq!(find("0203"), Some(unknown_key));
        assert_eq!(find("M9999"), None);
    }
}
