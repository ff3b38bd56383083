//! The JSON lines of `--message-format json` (cargo's convention): one object a line on
//! standard output, `reason` saying what it is, `format_version` its version. Fields are
//! only ever added; a change that removes or changes one raises [`FORMAT_VERSION`].
//! `docs/diagnostics.md` documents every field.

use serde::Serialize;

use crate::diagnostic::Diagnostic;

/// The version of the objects' fields.
pub const FORMAT_VERSION: u32 = 1;

/// A source line longer than this many bytes is left out of a diagnostic's object (its
/// byte range still says where the problem is).
const MAX_SOURCE_LINE: usize = 4096;

/// One line: its reason, the version, and the fields of that reason.
#[derive(Serialize)]
struct Line<T: Serialize> {
    reason: &'static str,
    format_version: u32,
    #[serde(flatten)]
    fields: T,
}

fn line(reason: &'static str, fields: impl Serialize) -> String {
    let line = Line {
        reason,
        format_version: FORMAT_VERSION,
        fields,
    };
    // Serializing plain strings, numbers and lists cannot fail.
    serde_json::to_string(&line).unwrap_or_default()
}

/// Where a diagnostic points: 1-based lines and columns (in characters, as the human
/// report shows them), and byte offsets into the file's text.
#[derive(Serialize, Default)]
struct Place<'a> {
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    byte_start: Option<usize>,
    byte_end: Option<usize>,
    source_line: Option<&'a str>,
}

#[derive(Serialize)]
struct DiagnosticFields<'a> {
    severity: &'static str,
    code: &'static str,
    message: &'a str,
    #[serde(flatten)]
    place: Place<'a>,
    hints: &'a [String],
    rendered: String,
}

/// The `diagnostic` line of a diagnostic.
pub fn diagnostic(diagnostic: &Diagnostic) -> String {
    let mut place = Place {
        file: diagnostic.file.as_ref().map(|f| f.name.as_str()),
        ..Place::default()
    };
    if let (Some(file), Some(range)) = (&diagnostic.file, &diagnostic.range) {
        let (line, column) = file.line_column(range.start);
        let (end_line, end_column) = file.line_column(range.end);
        let start = file.line_start(line);
        let end = file.text[start..]
            .find('\n')
            .map_or(file.text.len(), |i| start + i);
        let text = file.text[start..end].trim_end_matches('\r');
        place = Place {
            line: Some(line),
            column: Some(column),
            end_line: Some(end_line),
            end_column: Some(end_column),
            byte_start: Some(range.start.min(file.text.len())),
            byte_end: Some(range.end.min(file.text.len())),
            source_line: (text.len() <= MAX_SOURCE_LINE).then_some(text),
            ..place
        };
    }
    line(
        "diagnostic",
        DiagnosticFields {
            severity: diagnostic.severity_name(),
            code: diagnostic.code.id(),
            message: &diagnostic.message,
            place,
            hints: &diagnostic.hints,
            rendered: diagnostic.rendered(),
        },
    )
}

#[derive(Serialize)]
struct Written<'a> {
    source: &'a str,
    file: &'a str,
    kind: &'a str,
    pages: Option<usize>,
}

/// The `file-written` line: `file` was written from `source` (both as shown to people);
/// `kind` is the format (`pdf`, `png`, `svg`, `letter`), `pages` how many pages it holds,
/// when it has pages.
pub fn file_written(source: &str, file: &str, kind: &str, pages: Option<usize>) -> String {
    line(
        "file-written",
        Written {
            source,
            file,
            kind,
            pages,
        },
    )
}

/// What became of a letter (or an imported text).
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Checked without errors (`check`).
    Checked,
    /// Rendered (`render`, `batch`).
    Rendered,
    /// Imported and checked without errors (`import`).
    Imported,
    /// Up to date, not rendered again (`batch`).
    Skipped,
    /// It failed; its diagnostics came before.
    Failed,
}

#[derive(Serialize)]
struct Finished<'a> {
    source: &'a str,
    status: Status,
}

/// The `letter-finished` line, after a letter's diagnostics and files (`source` as shown
/// to people).
pub fn letter_finished(source: &str, status: Status) -> String {
    line("letter-finished", Finished { source, status })
}

#[derive(Serialize)]
struct RunFinished {
    success: bool,
}

/// The `run-finished` line, the last one: whether the command succeeded (exit status 0).
pub fn run_finished(success: bool) -> String {
    line("run-finished", RunFinished { success })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{SourceText, codes};

    #[test]
    fn a_diagnostic_line_names_its_place_and_code() {
        let file = SourceText::new("a.md", "+++\nsubjet = \"x\"\n+++\n");
        let d = Diagnostic::error(codes::UNKNOWN_KEY, "unknown key `subjet`")
            .at(&file, 4..10)
            .hint("did you mean `subject`?");
        let value: serde_json::Value = serde_json::from_str(&diagnostic(&d)).unwrap();
        assert_eq!(value["reason"], "diagnostic");
        assert_eq!(value["format_version"], FORMAT_VERSION);
        assert_eq!(value["code"], "M0203");
        assert_eq!(value["severity"], "error");
        assert_eq!(value["file"], "a.md");
        assert_eq!(
            (value["line"].as_u64(), value["column"].as_u64()),
            (Some(2), Some(1))
        );
        assert_eq!(
            (value["end_line"].as_u64(), value["end_column"].as_u64()),
            (Some(2), Some(7))
        );
        assert_eq!(
            (value["byte_start"].as_u64(), value["byte_end"].as_u64()),
            (Some(4), Some(10))
        );
        assert_eq!(value["source_line"], "subjet = \"x\"");
        assert_eq!(value["hints"][0], "did you mean `subject`?");
        assert!(
            value["rendered"]
                .as_str()
                .unwrap()
                .starts_with("error[M0203]: unknown key")
        );
    }

    #[test]
    fn a_diagnostic_without_a_place_has_null_fields() {
        let d = Diagnostic::error(codes::USAGE, "no");
        let value: serde_json::Value = serde_json::from_str(&diagnostic(&d)).unwrap();
        assert!(
            value["file"].is_null() && value["line"].is_null() && value["source_line"].is_null()
        );
        assert_eq!(value["hints"], serde_json::json!([]));
    }
}
