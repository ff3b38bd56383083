//! Why a file that was read could not become a letter source: the cause, which picks the
//! diagnostic's code, and the words that say it.

use std::fmt;

use crate::diagnostic::{Code, codes};

/// Why a read file gave no letter source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The file holds no text.
    Empty,
    /// Every line of a text (`unit` "line") or paragraph of a document was site chrome.
    OnlyChrome {
        /// What was dropped: "line" or "paragraph".
        unit: &'static str,
    },
    /// The front matter cannot be written (the TOML writer's reason).
    FrontMatter(String),
}

impl Failure {
    /// The code of the diagnostic that reports it.
    pub fn code(&self) -> Code {
        match self {
            Failure::Empty => codes::IMPORT_EMPTY,
            Failure::OnlyChrome { .. } => codes::IMPORT_ONLY_CHROME,
            Failure::FrontMatter(_) => codes::IMPORT_CANNOT_WRITE_TOML,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Failure::Empty => write!(f, "the file holds no text"),
            Failure::OnlyChrome { unit } => {
                write!(f, "every {unit} of the file was dropped as site chrome")
            }
            Failure::FrontMatter(reason) => write!(f, "cannot write the front matter: {reason}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cause_has_its_code_and_words() {
        for (failure, code, words) in [
            (Failure::Empty, "M1001", "the file holds no text"),
            (
                Failure::OnlyChrome { unit: "paragraph" },
                "M1002",
                "every paragraph of the file was dropped as site chrome",
            ),
            (
                Failure::FrontMatter("a key twice".into()),
                "M1004",
                "cannot write the front matter: a key twice",
            ),
        ] {
            assert_eq!(
                (failure.code().id(), failure.to_string().as_str()),
                (code, words)
            );
        }
    }
}
