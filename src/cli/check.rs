//! `missive check`: every check of `render`, typesetting included, without writing
//! anything.

use super::args::CheckArgs;
use super::exit::{self, Outcome, all_ok};
use super::fonts::environment;
use crate::budget;
use crate::letter::copies::LetterCopy;
use crate::paths::display_path;
use crate::pipeline;
use crate::term::json::{self, Status};
use crate::term::{record, report, say};

/// Runs `missive check`.
pub(super) fn run(args: CheckArgs) -> Outcome {
    let env = environment(&args.fonts)?;
    budget::enforce(args.limits.given(), exit::overrun);
    let standards = args.standards.standards();
    let mut ok = true;
    for path in &args.letters {
        let copies: Vec<Option<LetterCopy>> = match pipeline::recipients(path) {
            Ok(Some(recipients)) => recipients.copies().map(Some).collect(),
            Ok(None) => vec![None],
            Err(problems) => {
                ok &= say_checked(&display_path(path), Err(problems));
                continue;
            }
        };
        for copy in &copies {
            let label = match copy {
                Some(copy) => format!("{} row {}", display_path(path), copy.row().number),
                None => display_path(path),
            };
            let checked =
                pipeline::check(&env, (path, copy.as_ref()), &standards, args.require_final);
            ok &= say_checked(&label, checked);
        }
    }
    all_ok(ok)
}

/// Reports how a letter (or copy, `label`) was checked; whether it passed.
fn say_checked(
    label: &str,
    checked: Result<pipeline::Checked, crate::diagnostic::Diagnostics>,
) -> bool {
    match checked {
        Ok(checked) => {
            report(&checked.warnings());
            record(|| json::letter_finished(label, Status::Checked));
            say(format_args!("ok: {label}"));
            true
        }
        Err(problems) => {
            report(&problems);
            record(|| json::letter_finished(label, Status::Failed));
            say(format_args!("failed: {label}"));
            false
        }
    }
}
