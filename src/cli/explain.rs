//! `missive explain`: what a diagnostic code means and how to fix it, from the same text
//! as `docs/diagnostics.md`; without a code, the list of codes.

use super::args::ExplainArgs;
use super::exit::{Failure, Outcome};
use crate::diagnostic::explain;
use crate::term::out;

/// Runs `missive explain`.
pub(super) fn run(args: ExplainArgs) -> Outcome {
    let Some(code) = args.code else {
        for explanation in explain::all() {
            out(format_args!("{}  {}\n", explanation.id, explanation.title));
        }
        return Ok(());
    };
    match explain::find(&code) {
        Some(explanation) => {
            out(format_args!(
                "{}: {}\n\n{}\n",
                explanation.id, explanation.title, explanation.text
            ));
            Ok(())
        }
        None => Err(Failure::Usage(format!(
            "`{code}` is not a missive diagnostic code; codes look like `M0203` (`missive explain` lists them)"
        ))),
    }
}
