//! `missive import`: archived letters (Word files, web pages, plain text) turned into
//! letter sources, each one checked as `missive check` checks it.

use super::args::ImportArgs;
use super::exit::{Failure, Outcome, all_ok};
use super::fonts::environment;
use crate::import::{self, Options};

/// Runs `missive import`.
pub(super) fn run(args: ImportArgs) -> Outcome {
    let env = environment(&args.fonts)?;
    let encoding = args
        .encoding
        .as_deref()
        .map(import::encoding::by_name)
        .transpose()
        .map_err(Failure::Usage)?;
    let options = Options {
        files: args.files,
        output: args.output,
        force: args.force.force,
        encoding,
    };
    all_ok(import::run(&options, &env).map_err(Failure::Usage)?)
}
