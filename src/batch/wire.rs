//! What a batch's coordinator and its worker processes say to each other, one JSON
//! object a line: a [`Request`] for each letter down the worker's standard input, a
//! [`Reply`] for it back up its standard output.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::manifest::Record;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity, SourceText, codes};
use crate::pipeline::{Target, Written};

/// Render the letter at `source` (or the copy of row index `copy` of its list) to
/// `targets`, in one pass (PNG and SVG: one file a page, see `export::output::page_paths`).
#[derive(Debug, Serialize, Deserialize)]
pub struct Request {
    /// The letter.
    pub source: PathBuf,
    /// Its outputs.
    pub targets: Vec<Target>,
    /// For a personal copy, the index of its row among the list's data rows.
    pub copy: Option<usize>,
    /// Mark it a draft, whatever it says (`render --draft`).
    #[serde(default)]
    pub draft: bool,
}

/// What became of a letter, with the time it took the worker in milliseconds.
#[derive(Debug, Serialize, Deserialize)]
pub enum Reply {
    /// Rendered and written.
    Rendered {
        /// Its manifest record (`None` if its source could not be hashed).
        record: Option<Record>,
        /// Its number of pages.
        pages: usize,
        /// Warnings of checking and typesetting.
        warnings: Vec<Problem>,
        /// The files written, per format.
        outputs: Vec<Written>,
        /// The files the output depends on.
        dependencies: Vec<PathBuf>,
        /// Time taken.
        ms: f64,
    },
    /// Failed: nothing written.
    Failed {
        /// Every problem, errors first.
        problems: Vec<Problem>,
        /// Time taken.
        ms: f64,
    },
    /// Over a budget: nothing written, and the worker ends after this reply.
    Overrun {
        /// The error naming the letter and the budget.
        problem: Problem,
        /// Time taken.
        ms: f64,
    },
}

/// A [`Diagnostic`] on the wire, its file's name and text included.
#[derive(Debug, Serialize, Deserialize)]
pub struct Problem {
    error: bool,
    code: String,
    message: String,
    file: Option<(String, String)>,
    range: Option<(usize, usize)>,
    hints: Vec<String>,
}

impl From<&Diagnostic> for Problem {
    fn from(diagnostic: &Diagnostic) -> Self {
        Problem {
            error: diagnostic.is_error(),
            code: diagnostic.code.id().to_string(),
            message: diagnostic.message.clone(),
            file: (diagnostic.file.as_ref()).map(|f| (f.name.clone(), f.text.clone())),
            range: diagnostic.range.as_ref().map(|r| (r.start, r.end)),
            hints: diagnostic.hints.clone(),
        }
    }
}

/// Diagnostics on the wire.
pub fn problems(diagnostics: &[Diagnostic]) -> Vec<Problem> {
    diagnostics.iter().map(Problem::from).collect()
}

/// Diagnostics back from the wire; those in one file share its text.
pub fn diagnostics(problems: Vec<Problem>) -> Diagnostics {
    let mut files: HashMap<(String, String), Arc<SourceText>> = HashMap::new();
    problems
        .into_iter()
        .map(|problem| {
            let file = problem.file.map(|key| {
                let (name, text) = key.clone();
                files
                    .entry(key)
                    .or_insert_with(|| SourceText::new(name, text))
                    .clone()
            });
            Diagnostic {
                severity: if problem.error {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                // Both ends are this binary: a code it sent, it knows.
                code: Code::from_id(&problem.code).unwrap_or(codes::WORKER_FAILED),
                message: problem.message,
                file,
                range: problem.range.map(|(start, end)| start..end),
                hints: problem.hints,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_cross_the_wire_whole() {
        let file = SourceText::new("a.md", "+++\ndate = 1\n+++\n");
        let sent = vec![
            Diagnostic::error(codes::WRONG_TYPE, "bad date")
                .at(&file, 4..8)
                .hint("write a date"),
            Diagnostic::warning(codes::UNSUPPORTED_LANG, "odd").in_file(&file),
            Diagnostic::error(codes::USAGE, "nowhere"),
        ];
        let line = serde_json::to_string(&problems(&sent)).unwrap();
        let back = diagnostics(serde_json::from_str(&line).unwrap());
        let shown = |d: &[Diagnostic]| d.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>();
        assert_eq!(shown(&back), shown(&sent));
        assert!(Arc::ptr_eq(
            back[0].file.as_ref().unwrap(),
            back[1].file.as_ref().unwrap()
        ));
    }
}
