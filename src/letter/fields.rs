//! Fields of a letter with `recipients`: `{{column}}` in a front-matter string or in the
//! body's text stands for that column's value in the copy's row. The value goes in as
//! text, after the Markdown is parsed and before anything is written as Typst, so it is
//! never read as Markdown, Typst or HTML. `{{{{` writes a literal `{{`.
//!
//! [`pieces`] splits a text into its parts; [`fill`] substitutes them (used on the parsed
//! front matter and on the body's text events), [`check`] finds each field that names no
//! column, at its place in the letter's source.

use std::ops::Range;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, codes};

/// What writes a literal `{{` in a letter with recipients.
pub const LITERAL_OPEN: &str = "{{{{";

/// One part of a text that may hold fields.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as written.
    Text(&'a str),
    /// `{{name}}` (its name trimmed), at `range` of the text.
    Field { name: &'a str, range: Range<usize> },
    /// A `{{` never closed by `}}`, at `range`.
    Unclosed { range: Range<usize> },
}

/// The parts of `text`, in order. `{{{{` is the text `{{`.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = 0;
    let mut at = 0;
    while let Some(found) = text[at..].find("{{") {
        let open = at + found;
        if text[open..].starts_with(LITERAL_OPEN) {
            out.push(Piece::Text(&text[rest..open + 2]));
            at = open + LITERAL_OPEN.len();
            rest = at;
            continue;
        }
        if open > rest {
            out.push(Piece::Text(&text[rest..open]));
        }
        let inner = open + 2;
        let Some(close) = text[inner..]
            .find("}}")
            .filter(|n| !text[inner..inner + n].contains('\n'))
        else {
            let end = text[open..].find('\n').map_or(text.len(), |n| open + n);
            out.push(Piece::Unclosed { range: open..end });
            at = inner;
            rest = inner;
            out.push(Piece::Text("{{"));
            continue;
        };
        let end = inner + close + 2;
        out.push(Piece::Field {
            name: text[inner..inner + close].trim(),
            range: open..end,
        });
        at = end;
        rest = end;
    }
    if rest < text.len() {
        out.push(Piece::Text(&text[rest..]));
    }
    out
}

/// `text` with each field replaced by `value(name)`; a field without a value (a name
/// [`check`] refuses) stays as written.
pub fn fill<'a>(text: &str, value: impl Fn(&str) -> Option<&'a str>) -> String {
    if !text.contains("{{") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Field { name, range } => {
                out.push_str(value(name).unwrap_or(&text[range]));
            }
            Piece::Unclosed { .. } => {}
        }
    }
    out
}

/// An error at each field of `range` of `file` that names none of `columns`, and at each
/// unclosed `{{`, with the nearest column name as a hint.
pub fn check(
    file: &Arc<SourceText>,
    range: Range<usize>,
    columns: &[String],
    list: &str,
) -> Diagnostics {
    let text = &file.text[range.clone()];
    let mut problems = Vec::new();
    for piece in pieces(text) {
        match piece {
            Piece::Field { name, range: at } if !columns.iter().any(|c| c == name) => {
                let place = range.start + at.start..range.start + at.end;
                let mut problem = Diagnostic::error(
                    codes::UNKNOWN_FIELD,
                    format!("`{{{{{name}}}}}` names no column of {list}"),
                )
                .at(file, place);
                problem = match nearest(name, columns) {
                    Some(near) => problem.hint(format!("did you mean `{{{{{near}}}}}`?")),
                    None => problem.hint(format!("the columns are: {}", columns.join(", "))),
                };
                problems.push(problem.hint(format!("write `{LITERAL_OPEN}` for a literal `{{{{`")));
            }
            Piece::Unclosed { range: at } => problems.push(
                Diagnostic::error(
                    codes::UNKNOWN_FIELD,
                    "a field `{{` without its closing `}}`",
                )
                .at(file, range.start + at.start..range.start + at.end)
                .hint(format!(
                    "close it (`{{{{name}}}}`), or write `{LITERAL_OPEN}` for a literal `{{{{`"
                )),
            ),
            _ => {}
        }
    }
    problems
}

/// The column most like `name`, if one is close enough to be meant.
pub fn nearest<'a>(name: &str, columns: &'a [String]) -> Option<&'a str> {
    columns
        .iter()
        .map(|c| {
            (
                strsim::jaro_winkler(&name.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(name: &str) -> Option<&'static str> {
        match name {
            "name" => Some("Dr. Berg"),
            "hostile" => Some("#read(\"/etc/passwd\") {{name}}"),
            _ => None,
        }
    }

    #[test]
    fn fields_are_filled_with_text() {
        assert_eq!(fill("Dear {{name}},", value), "Dear Dr. Berg,");
        assert_eq!(fill("Dear {{ name }}!", value), "Dear Dr. Berg!");
        assert_eq!(
            fill("{{hostile}}", value),
            "#read(\"/etc/passwd\") {{name}}"
        );
        assert_eq!(fill("no fields", value), "no fields");
    }

    #[test]
    fn four_braces_write_two() {
        assert_eq!(fill("a {{{{name}} b", value), "a {{name}} b");
        assert_eq!(fill("{{{{", value), "{{");
    }

    #[test]
    fn unknown_and_unclosed_fields_are_found_at_their_place() {
        let file = SourceText::new("l.md", "x {{nmae}} y {{name\nz");
        let columns = vec!["name".to_string(), "city".to_string()];
        let problems = check(&file, 0..file.text.len(), &columns, "list.csv");
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line_column(), Some((1, 3)));
        assert!(
            problems[0].hints[0].contains("{{name}}"),
            "{:?}",
            problems[0].hints
        );
        assert_eq!(problems[1].line_column(), Some((1, 14)));
    }
}
