//! What the conversion gives: the body's tree, the body and endnotes as Typst markup
//! written from it with where each piece came from, the images placed and the problems
//! found.

use std::ops::Range;

use super::tree::Tree;
use crate::diagnostic::{Cause, Code, Diagnostic, Diagnostics};
use crate::letter::source::LetterSource;

/// Deepest nesting of lists, quotes, emphasis, links and the like that the body may have.
/// Typst stops at a parsing depth of 256 and a show-rule depth of 64; past this many
/// levels a letter is broken input, reported at its line rather than handed to Typst.
pub const MAX_NESTING: usize = 32;

/// The body of a letter: its tree, and the Typst markup written from it.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The body's blocks and endnotes, which every output is written from.
    pub tree: Tree,
    /// Typst markup of the body.
    pub markup: String,
    /// Where the pieces of `markup` came from, in markup order.
    pub marks: Vec<Mark>,
    /// Each endnote, endnote 1 first.
    pub notes: Vec<Note>,
    /// Project paths of the images the body places.
    pub images: Vec<String>,
    /// Byte ranges in the Markdown body of its raw Typst fences, in order.
    pub fences: Vec<Range<usize>>,
    /// Problems, with byte ranges relative to the body text.
    pub problems: Vec<Problem>,
}

impl Body {
    /// The body's problems as diagnostics, at their place in the letter's file.
    pub fn diagnostics(&self, source: &LetterSource) -> Diagnostics {
        let offset = source.body.start;
        self.problems
            .iter()
            .map(|problem| {
                let range = offset + problem.range.start..offset + problem.range.end;
                let diagnostic = if problem.is_error {
                    Diagnostic::error(problem.code, &problem.message)
                } else {
                    Diagnostic::warning(problem.code, &problem.message)
                };
                diagnostic.at(&source.file, range).hint(&problem.hint)
            })
            .collect()
    }
}

/// An endnote as Typst markup.
#[derive(Debug, Clone, Default)]
pub struct Note {
    /// Typst markup of the note's text.
    pub markup: String,
    /// Where the pieces of `markup` came from, in markup order.
    pub marks: Vec<Mark>,
}

/// The origin of the markup that starts at `markup` and runs to the next mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset in the markup.
    pub markup: usize,
    /// Byte offset in the Markdown body of the element the markup stands for.
    pub source: usize,
    /// Whether the markup is the source copied verbatim (a raw-Typst fence), so that
    /// every offset maps one to one rather than to the element's start.
    pub verbatim: bool,
}

/// A problem in the body.
#[derive(Debug, Clone)]
pub struct Problem {
    /// An error (the letter cannot render) or a warning.
    pub is_error: bool,
    /// Its kind.
    pub code: Code,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
    /// Byte range in the Markdown body.
    pub range: Range<usize>,
}

/// Resolves an image path written in the body to a path in the Typst project.
pub type ImageResolver<'a> = dyn Fn(&str) -> Result<String, Cause> + 'a;
