//! `missive schema house|letter`: the JSON Schema of `missive.toml` or of a letter's front
//! matter, for editors (`missive schema house > missive.schema.json`).

use super::args::{SchemaArgs, SchemaOf};
use super::exit::Outcome;
use crate::letter::json_schema;
use crate::term::out;

/// Runs `missive schema`.
pub(super) fn run(args: SchemaArgs) -> Outcome {
    let schema = match args.of {
        SchemaOf::House => json_schema::house(),
        SchemaOf::Letter => json_schema::letter(),
    };
    out(format_args!("{schema}"));
    Ok(())
}
