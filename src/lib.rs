//! missive typesets advocacy letters into PDF.
//!
//! The flow, one folder per layer: [`letter`] reads a letter, splits its front matter
//! from its body, parses the TOML and merges it with the house; [`typeset`] converts the
//! body to Typst markup, writes the project and lays it out; [`export`] writes PDF, PNG or
//! SVG. [`pipeline`] is the one path through them. [`import`] turns archived plain-text
//! letters into letter sources.

pub mod batch;
pub mod cli;
pub mod diagnostic;
pub mod export;
pub mod extract;
pub mod i18n;
pub mod import;
pub mod letter;
pub mod paths;
pub mod pipeline;
pub mod term;
pub mod typeset;
