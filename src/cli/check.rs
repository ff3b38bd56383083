//! `missive check`: every check of `render`, typesetting included, without writing
//! anything.

use super::args::CheckArgs;
use super::exit::{self, Outcome, all_ok};
use super::fonts::environment;
use crate::budget;
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
        match pipeline::check(&env, (path, None), &standards, args.require_final) {
            Ok(checked) => {
                report(&checked.warnings());
                record(|| json::letter_finished(&display_path(path), Status::Checked));
                say(format_args!("ok: {}", display_path(path)));
            }
            Err(problems) => {
                report(&problems);
                record(|| json::letter_finished(&display_path(path), Status::Failed));
                say(format_args!("failed: {}", display_path(path)));
                ok = false;
            }
        }
    }
    all_ok(ok)
}
