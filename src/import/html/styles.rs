//! Formatting that a page writes as CSS instead of `<strong>` and `<em>`: inline
//! `style="font-weight:700"`, and classes defined in the page's `<style>` (Google Docs'
//! "Download as web page" writes every bold run as `<span class="c3">` with
//! `.c3{font-weight:700}`). Only what carries meaning is read: bold, italic, underline,
//! raised text, hidden text.

use std::collections::HashMap;

use scraper::Html;

use super::dom::{self, Handle};

/// What CSS says about an element's text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// Bold (`font-weight` 600 and above, or `bold`).
    pub bold: bool,
    /// Italic or oblique.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
    /// Raised (`vertical-align: super`).
    pub superscript: bool,
    /// Not shown (`display: none`, `visibility: hidden`).
    pub hidden: bool,
}

impl Look {
    fn with(self, other: Look) -> Look {
        Look {
            bold: self.bold || other.bold,
            italic: self.italic || other.italic,
            underline: self.underline || other.underline,
            superscript: self.superscript || other.superscript,
            hidden: self.hidden || other.hidden,
        }
    }
}

/// The looks of the page's classes, from its `<style>` elements.
#[derive(Debug, Default)]
pub struct Classes(HashMap<String, Look>);

impl Classes {
    /// Reads the simple class rules (`.c3{…}`, `span.c3{…}`) of a page's style sheets;
    /// rules inside `@media` and other at-rules are skipped.
    pub fn of(page: &Html) -> Classes {
        let mut classes = HashMap::new();
        for node in page
            .tree
            .root()
            .descendants()
            .filter(|n| dom::name(n) == "style")
        {
            let sheet: String = node
                .children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect();
            for (selector, declarations) in rules(&sheet) {
                let look = parse(&declarations);
                if look == Look::default() {
                    continue;
                }
                for one in selector.split(',') {
                    let one = one.trim();
                    let class = one.rsplit_once('.');
                    if let Some((before, class)) = class
                        && before.chars().all(|c| c.is_ascii_alphanumeric())
                        && !class.is_empty()
                        && class
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    {
                        let entry = classes
                            .entry(class.to_string())
                            .or_insert_with(Look::default);
                        *entry = entry.with(look);
                    }
                }
            }
        }
        Classes(classes)
    }

    /// What an element's classes and its own `style` say about its text.
    pub fn look(&self, node: &Handle) -> Look {
        let mut look = dom::attr(node, "style").map(parse).unwrap_or_default();
        if let Some(classes) = dom::attr(node, "class") {
            for class in classes.split_whitespace() {
                if let Some(found) = self.0.get(class) {
                    look = look.with(*found);
                }
            }
        }
        look
    }
}

/// The rules of a style sheet: (selector, declarations), outside at-rules, comments gone.
fn rules(sheet: &str) -> Vec<(String, String)> {
    let mut text = String::with_capacity(sheet.len());
    let mut rest = sheet;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    text.push_str(rest);
    let mut out = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '{' => open.push(std::mem::take(&mut current).trim().to_string()),
            '}' => {
                let body = std::mem::take(&mut current);
                if let Some(selector) = open.pop()
                    && !selector.starts_with('@')
                    && open.is_empty()
                {
                    out.push((selector, body));
                }
            }
            _ => current.push(c),
        }
    }
    out
}

/// The look that CSS declarations give.
fn parse(declarations: &str) -> Look {
    let mut look = Look::default();
    for declaration in declarations.split(';') {
        let Some((property, value)) = declaration.split_once(':') else {
            continue;
        };
        let property = property.trim().to_ascii_lowercase();
        let value = value
            .trim()
            .trim_end_matches("!important")
            .trim()
            .to_ascii_lowercase();
        match property.as_str() {
            "font-weight" => {
                look.bold = value == "bold"
                    || value == "bolder"
                    || value.parse::<u32>().is_ok_and(|w| w >= 600);
            }
            "font-style" => look.italic = value == "italic" || value == "oblique",
            "text-decoration" | "text-decoration-line" => {
                look.underline = value.split_whitespace().any(|v| v == "underline");
            }
            "vertical-align" => look.superscript = value == "super" || value == "sup",
            "display" => look.hidden |= value == "none",
            "visibility" => look.hidden |= value == "hidden",
            _ => {}
        }
    }
    look
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_docs_classes_and_inline_styles() {
        let page = Html::parse_document(concat!(
            "<style>/* x */ .c1{font-weight:700;color:#000} .c2, span.c3{font-style:italic}",
            " @media print{.c1{font-weight:400}} .c4{vertical-align:super} .c5{display:none}</style>",
            "<p><span class=\"c1 c3\">a</span><span style=\"text-decoration: underline\">b</span></p>"
        ));
        let classes = Classes::of(&page);
        let spans: Vec<Handle> = page
            .tree
            .root()
            .descendants()
            .filter(|n| dom::name(n) == "span")
            .collect();
        assert_eq!(
            classes.look(&spans[0]),
            Look {
                bold: true,
                italic: true,
                ..Look::default()
            }
        );
        assert_eq!(
            classes.look(&spans[1]),
            Look {
                underline: true,
                ..Look::default()
            }
        );
        assert!(classes.0["c4"].superscript && classes.0["c5"].hidden);
    }
}
