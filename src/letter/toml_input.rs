//! TOML fragments (a letter's front matter, a `missive.toml`) parsed into typed structs,
//! with every problem reported at its line and column in the file it came from.
//!
//! Three passes, each collecting what it finds: TOML syntax (all errors, not just the
//! first), known keys against the struct's ([`keys`]: "did you mean …?"), then
//! serde for types,
//! whose error is named by its key path (`signatories[2].name`).

use std::ops::Range;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::keys::{self, Origin, Table, join_path};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, SourceText, codes};

/// A TOML fragment inside a file.
pub struct Fragment<'a> {
    /// The whole file.
    pub file: &'a Arc<SourceText>,
    /// Where the TOML sits in it.
    pub range: Range<usize>,
    /// What the fragment is called in messages ("front matter", "house file").
    pub what: &'static str,
}

impl Fragment<'_> {
    fn text(&self) -> &str {
        &self.file.text[self.range.clone()]
    }

    fn at(&self, span: Range<usize>) -> Range<usize> {
        self.range.start + span.start..self.range.start + span.end
    }

    /// Parses the fragment, checks its keys against `T`'s and deserializes it.
    pub fn parse<T: DeserializeOwned + Table>(&self) -> Result<T, Diagnostics> {
        let (table, errors) = DeTable::parse_recoverable(self.text());
        let mut problems: Diagnostics = errors
            .iter()
            .map(|err| {
                let span = err.span().unwrap_or(0..0);
                let mut message = err.message().to_string();
                let key = self.text().get(span.clone()).unwrap_or("").trim();
                let code = if message == "duplicate key" {
                    codes::DUPLICATE_KEY
                } else {
                    codes::TOML_SYNTAX
                };
                if message == "duplicate key" && !key.is_empty() && !key.contains('\n') {
                    message = format!("duplicate key `{key}`");
                }
                Diagnostic::error(
                    code,
                    format!("invalid TOML in the {}: {message}", self.what),
                )
                .at(self.file, self.at(span.clone()))
                .hint(syntax_hint(&message, line_at(self.text(), span.start)))
            })
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        let origin = Origin {
            file: self.file,
            offset: self.range.start,
            what: self.what,
        };
        problems = keys::check(&origin, table.get_ref(), T::KEYS);
        if !problems.is_empty() {
            return Err(problems);
        }
        toml::from_str(self.text()).map_err(|err| {
            let span = err.span().unwrap_or(0..0);
            let path = key_path_at(table.get_ref(), span.start);
            let message = err.message().trim_end_matches('\n');
            let (code, hint) = type_problem(message, &path);
            let message = if path.is_empty() {
                format!("in the {}: {message}", self.what)
            } else {
                format!("`{path}`: {message}")
            };
            let diagnostic = Diagnostic::error(code, message).at(self.file, self.at(span));
            vec![match hint {
                Some(hint) => diagnostic.hint(hint),
                None => diagnostic,
            }]
        })
    }
}

/// The line of `text` that `offset` is on.
fn line_at(text: &str, offset: usize) -> &str {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    text.get(start..end).unwrap_or("")
}

/// How to fix a TOML syntax error, from its message and the line it is on.
fn syntax_hint(message: &str, line: &str) -> String {
    let trimmed = line.trim_start();
    let yaml_key = trimmed
        .split_once(':')
        .is_some_and(|(key, _)| !key.is_empty() && !key.contains(['=', '"', '\'', ' ']));
    if yaml_key && !trimmed.starts_with('[') {
        let (key, value) = trimmed.split_once(':').unwrap_or_default();
        format!(
            "TOML writes `=` where YAML writes `:`: `{key} = {}`",
            value.trim()
        )
    } else if message.contains("basic string") {
        "close the text with `\"` on the same line; for text over several lines use `\"\"\"…\"\"\"`"
            .into()
    } else if message.contains("duplicate key") {
        "each key may appear once per table; remove or rename one of them".into()
    } else if message.contains("date")
        || message.contains("time")
        || trimmed
            .split('=')
            .next()
            .is_some_and(|key| key.trim() == "date")
    {
        "a TOML date is written bare as YYYY-MM-DD and must be a day of the calendar, e.g. `date = 2026-03-02`".into()
    } else if message.contains("string") || message.contains("invalid") {
        "TOML text values are quoted: key = \"value\"; dates are written bare: date = 2026-03-02"
            .into()
    } else {
        "each line of TOML is `key = value`; tables start with `[name]` or `[[name]]`".into()
    }
}

/// The kind of a value serde refused, and how to fix it, from serde's message and the
/// key's path.
fn type_problem(message: &str, path: &str) -> (Code, Option<String>) {
    let key = path.rsplit('.').next().unwrap_or(path);
    let key = key.split('[').next().unwrap_or(key);
    let key = if key.is_empty() { "key" } else { key };
    if message.contains("expected a TOML datetime") {
        let code = if message.contains("invalid type: string") {
            codes::QUOTED_DATE
        } else {
            codes::WRONG_TYPE
        };
        let hint = format!("write the date bare, without quotes: `{key} = 2026-03-02`");
        (code, Some(hint))
    } else if message.contains("expected a string") {
        let hint = format!("write text in double quotes: `{key} = \"…\"`");
        (codes::WRONG_TYPE, Some(hint))
    } else if message.contains("expected a sequence") {
        let hint = format!("write a list in square brackets: `{key} = [\"…\", \"…\"]`");
        (codes::WRONG_TYPE, Some(hint))
    } else if message.contains("unknown variant") {
        let hint = "use one of the values listed, in double quotes".to_string();
        (codes::UNKNOWN_VALUE, Some(hint))
    } else {
        (codes::WRONG_TYPE, None)
    }
}

/// Every string value of the TOML `text` (not its keys or comments), with its byte range
/// (quotes included), in order; nothing if it does not parse.
pub fn string_values(text: &str) -> Vec<(Range<usize>, String)> {
    fn walk(value: &Spanned<DeValue>, out: &mut Vec<(Range<usize>, String)>) {
        match value.get_ref() {
            DeValue::String(s) => out.push((value.span(), s.to_string())),
            DeValue::Table(table) => table.values().for_each(|inner| walk(inner, out)),
            DeValue::Array(items) => items.iter().for_each(|item| walk(item, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(table) = DeTable::parse(text) {
        walk(
            &Spanned::new(0..0, DeValue::Table(table.into_inner())),
            &mut out,
        );
    }
    out.sort_by_key(|(range, _)| range.start);
    out
}

/// The dotted key path (1-based array indices) of the deepest value containing `pos`.
///
/// Tables of `[[array]]` sections carry only their header's span, so every table is
/// searched, whatever its own span.
fn key_path_at(table: &DeTable, pos: usize) -> String {
    fn search(value: &Spanned<DeValue>, pos: usize, path: String) -> Option<String> {
        match value.get_ref() {
            DeValue::Table(table) => table.iter().find_map(|(key, inner)| {
                let path = join_path(&path, key.get_ref());
                search(inner, pos, path.clone()).or_else(|| {
                    (inner.span().contains(&pos) || key.span().contains(&pos)).then_some(path)
                })
            }),
            DeValue::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                let path = format!("{path}[{}]", i + 1);
                search(item, pos, path.clone())
                    .or_else(|| item.span().contains(&pos).then_some(path))
            }),
            _ => None,
        }
    }
    let root = Spanned::new(0..0, DeValue::Table(table.clone()));
    search(&root, pos, String::new()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::keys::toml_table;
    use serde::Deserialize;

    toml_table! {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        pub struct Doc {
            pub subject: Option<String>,
            #[serde(default)]
            pub signatories: Vec<Person>,
        }
    }

    toml_table! {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        pub struct Person {
            pub name: String,
        }
    }

    fn parse(text: &str) -> Result<Doc, Diagnostics> {
        let file = SourceText::new("l.md", format!("+++\n{text}+++\n"));
        let fragment = Fragment {
            file: &file,
            range: 4..4 + text.len(),
            what: "front matter",
        };
        fragment.parse()
    }

    #[test]
    fn unknown_key_suggests_nearest_with_file_line() {
        let err = parse("subjet = \"x\"\n").unwrap_err();
        assert_eq!(
            err[0].to_string(),
            "l.md:2:1: error[M0203]: unknown key `subjet` in the front matter (help: did you mean `subject`?)"
        );
    }

    #[test]
    fn wrong_type_names_the_key_path() {
        let err = parse("[[signatories]]\nname = \"A\"\n[[signatories]]\nname = 3\n").unwrap_err();
        let text = err[0].to_string();
        assert!(
            text.starts_with("l.md:5:8: error[M0205]: `signatories[2].name`"),
            "{text}"
        );
    }

    #[test]
    fn hints_say_how_to_fix_common_mistakes() {
        let hint = |text: &str| parse(text).unwrap_err()[0].hints.join(" ");
        assert!(hint("subject: \"x\"\n").contains("`subject = \"x\"`"));
        assert!(hint("subject = 3\n").contains("double quotes"));
        assert!(hint("subject = \"x\nsubject = 1\n").contains("close the text"));
        let dup = parse("subject = \"a\"\nsubject = \"b\"\n").unwrap_err();
        assert!(
            dup[0].message.contains("duplicate key `subject`"),
            "{}",
            dup[0]
        );
    }

    #[test]
    fn all_syntax_errors_are_reported() {
        let err = parse("subject = \"x\nsubject = \n").unwrap_err();
        assert!(!err.is_empty());
        assert!(err[0].to_string().contains("l.md:2:"), "{}", err[0]);
    }
}
