//! `missive import`: archived plain-text letters turned into letter sources, each one
//! checked as `missive check` checks it.

use super::args::ImportArgs;
use super::exit::{Failure, Outcome, all_ok};
use super::fonts::environment;
use crate::import::{self, Options};

/// Runs `missive import`.
pub(super) fn run(args: ImportArgs) -> Outcome {
    let env = environment(&args.fonts)?;
    let options = Options {
        texts: args.texts,
        output: args.output,
        force: args.force.force,
    };
    all_ok(import::run(&options, &env).map_err(Failure::Usage)?)
}
