//! Problems found in a letter, with the file, line and column they point at, and
//! their rendering as rustc-style reports (codespan-reporting) or one-line summaries.

mod excerpt;
mod text;

use std::fmt::{self, Write as _};
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};

use excerpt::Excerpt;
pub use text::SourceText;

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
                let excerpt = Excerpt::new(file, range.clone());
                let report = report.with_labels(vec![Label::primary((), excerpt.label.clone())]);
                term::emit(out, &config, &excerpt, &report).map_err(std::io::Error::other)
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

    fn report(diagnostic: &Diagnostic) -> String {
        let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        diagnostic.emit(&mut out).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    }

    #[test]
    fn a_long_line_is_cut_around_the_problem_keeping_line_and_column() {
        let text = format!("+++\n{}BAD{}\n+++\n", "a".repeat(5000), "b".repeat(5000));
        let file = SourceText::new("long.md", text);
        let shown = report(&Diagnostic::error("here").at(&file, 5004..5007));
        assert!(shown.contains("┌─ long.md:2:5001"), "{shown}");
        assert!(shown.contains("2 │ …aaaa"), "{shown}");
        assert!(shown.contains("BADbbb"), "{shown}");
        let widest = shown.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest < 200, "a line of {widest} characters:\n{shown}");
        let caret = shown.lines().find(|l| l.contains('^')).unwrap();
        let above = shown.lines().find(|l| l.contains("BAD")).unwrap();
        assert_eq!(
            caret.chars().position(|c| c == '^'),
            above
                .chars()
                .collect::<String>()
                .find("BAD")
                .map(|b| above[..b].chars().count()),
            "the caret is under the problem:\n{shown}"
        );
    }

    #[test]
    fn control_characters_are_shown_as_symbols() {
        let file = SourceText::new("nul.md", "ab\0cd\u{1b}[2J\n");
        let shown = report(&Diagnostic::error("NUL").at(&file, 2..3));
        assert!(shown.contains("ab␀cd␛[2J"), "{shown}");
        assert!(!shown.contains('\0') && !shown.contains('\u{1b}'));
    }

    #[test]
    fn a_range_over_many_lines_is_shown_on_its_first() {
        let file = SourceText::new("m.md", "one\ntwo\nthree\nfour\nfive\nsix\n");
        let shown = report(&Diagnostic::error("long").at(&file, 4..25));
        assert!(shown.contains("2 │ two"), "{shown}");
        assert!(!shown.contains("five"), "{shown}");
        let empty = SourceText::new("e.md", "");
        assert!(report(&Diagnostic::error("empty").at(&empty, 0..0)).contains("e.md:1:1"));
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
