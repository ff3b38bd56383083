//! Why a file cannot be imported at all (a damaged or encrypted Word file, a decompression
//! bomb, a page too large or too deeply nested): what is wrong and how to fix it. The
//! caller names the file; nothing is written for it.

use std::fmt;

/// A file refused by a reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What is wrong, as a phrase that follows the file's name ("is encrypted …").
    pub reason: String,
    /// How to fix it.
    pub hint: String,
}

impl Refusal {
    /// A refusal with its reason and hint.
    pub fn new(reason: impl Into<String>, hint: impl Into<String>) -> Refusal {
        Refusal {
            reason: reason.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.reason)
    }
}
