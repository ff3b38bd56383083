//! Problems found in a letter, with the file, line and column they point at, and
//! their rendering as rustc-style reports (codespan-reporting) or one-line summaries.

use std::fmt::{self, Write as _};
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};

/// A text that diagnostics point into: a letter, a house file or a template.
#[derive(Debug)]
pub struct SourceText {
    /// The name shown to the user: a path as the user gave it, or `<built-in>/house.typ`.
    pub name: String,
    /// The full text; byte ranges in diagnostics index into it.
    pub text: String,
}

impl SourceText {
    /// Wraps a named text for sharing between diagnostics.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<Self> {
        Arc::new(Self {
            name: name.into(),
            text: text.into(),
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// Byte offset of the start of a 1-based line (the end of the text if past it).
    pub fn line_start(&self, line: usize) -> usize {
        if line <= 1 {
            return 0;
        }
        self.text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(self.text.len(), |(i, _)| i + 1)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The letter cannot be rendered.
    Error,
    /// The letter renders, but something is probably not what the writer meant.
    Warning,
}

/// One problem: what is wrong, where, and how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, as one sentence without a final full stop.
    pub message: String,
    /// The file the problem is in, if any.
    pub file: Option<Arc<SourceText>>,
    /// The byte range in `file` the problem points at, if known.
    pub range: Option<Range<usize>>,
    /// How to fix it, and further context.
    pub hints: Vec<String>,
}

impl Diagnostic {
    /// An error that points nowhere in particular.
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            range: None,
            hints: Vec::new(),
        }
    }

    /// A warning that points nowhere in particular.
    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    /// Points the diagnostic at a byte range of a file.
    pub fn at(mut self, file: &Arc<SourceText>, range: Range<usize>) -> Self {
        self.file = Some(file.clone());
        self.range = Some(range);
        self
    }

    /// Names the file without a position (for problems with the file as a whole).
    pub fn in_file(mut self, file: &Arc<SourceText>) -> Self {
        self.file = Some(file.clone());
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column` (or just `file`) of the problem, when it has a file.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(match &self.range {
            Some(range) => {
                let (line, column) = file.line_column(range.start);
                format!("{}:{line}:{column}", file.name)
            }
            None => file.name.clone(),
        })
    }

    /// Writes the rustc-style report: location, source line with a caret, hints.
    pub fn emit(&self, out: &mut dyn WriteColor) -> std::io::Result<()> {
        let report = match self.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        }
        .with_message(&self.message)
        .with_notes(self.hints.iter().map(|h| format!("help: {h}")).collect());
        let config = term::Config::default();
        match (&self.file, &self.range) {
            (Some(file), Some(range)) => {
                let simple = SimpleFile::new(file.name.as_str(), file.text.as_str());
                let start = floor_char_boundary(&file.text, range.start.min(file.text.len()));
                let end = floor_char_boundary(&file.text, range.end.clamp(start, file.text.len()));
                let report = report.with_labels(vec![Label::primary((), start..end)]);
                term::emit(out, &config, &simple, &report).map_err(std::io::Error::other)
            }
            (Some(file), None) => {
                let report = report.with_message(format!("{}: {}", file.name, self.message));
                let empty = SimpleFile::new("", "");
                term::emit(out, &config, &empty, &report).map_err(std::io::Error::other)
            }
            _ => {
                let empty = SimpleFile::new("", "");
                term::emit(out, &config, &empty, &report).map_err(std::io::Error::other)
            }
        }
    }
}

/// The one-line form, `file:line:column: error: message (help: …)`, for logs and reports.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = self.location() {
            write!(f, "{location}: ")?;
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: {}", self.message)?;
        let mut hints = String::new();
        for hint in &self.hints {
            let _ = write!(hints, " (help: {hint})");
        }
        f.write_str(&hints)
    }
}

/// The problems of one letter; an `Err` of these holds at least one error.
pub type Diagnostics = Vec<Diagnostic>;

/// Whether any of the diagnostics is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let file = SourceText::new("a.md", "ab\nçé x\n");
        assert_eq!(file.line_column(0), (1, 1));
        assert_eq!(file.line_column(3), (2, 1));
        assert_eq!(file.line_column(7), (2, 3));
        assert_eq!(file.line_start(2), 3);
    }

    #[test]
    fn one_line_form_names_file_line_and_column() {
        let file = SourceText::new("x/letter.md", "+++\ndate = 3\n+++\n");
        let d = Diagnostic::error("bad date")
            .at(&file, 11..12)
            .hint("write a TOML date");
        assert_eq!(
            d.to_string(),
            "x/letter.md:2:8: error: bad date (help: write a TOML date)"
        );
    }
}
