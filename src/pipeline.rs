//! The checks every letter gets before anything is written, shared by `missive check`,
//! `render` and `batch`: read and merge the letter ([`letter::load`]: front matter, house,
//! paths, body), then lay it out with Typst without exporting ([`render::typeset`]), which
//! finds errors in templates and raw-Typst fences and text that runs off the page.

use std::path::Path;

use typst_pdf::PdfStandard;

use crate::diagnostic::Diagnostics;
use crate::letter::{self, Letter};
use crate::typeset::world::Environment;
use crate::typeset::{self, Typeset};

/// Stack size for a thread that checks or renders letters.
///
/// Typst bounds its recursion (parsing depth 256, show rules 64, layout 72, calls 80);
/// at those limits a letter needs under 512 KiB of stack (measured with `ulimit -s` on
/// deeply nested lists, quotes and recursive raw Typst). 16 MiB leaves a wide margin
/// whatever `ulimit -s` says; the memory is only reserved, not used.
pub const STACK_SIZE: usize = 16 << 20;

/// A letter that passed every check, laid out and ready to export.
pub struct Checked {
    /// The checked letter.
    pub letter: Letter,
    /// Its laid-out document.
    pub typeset: Typeset,
}

/// Runs every check on the letter at `path`, typesetting it for the PDF standards that
/// `standards` chooses for it (none for images and plain PDFs). On failure, every problem
/// found: errors first, then the warnings gathered before.
pub fn check_letter(
    env: &Environment,
    path: &Path,
    standards: impl FnOnce(&Letter) -> Vec<PdfStandard>,
) -> Result<Checked, Diagnostics> {
    let letter = letter::load(path)?;
    let standards = standards(&letter);
    match typeset::typeset(env, &letter, &standards) {
        Ok(typeset) => Ok(Checked { letter, typeset }),
        Err(mut problems) => {
            problems.extend(letter.warnings.iter().cloned());
            Err(problems)
        }
    }
}
