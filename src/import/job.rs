//! What `missive import` is asked to do, and what a file becomes.

use std::path::PathBuf;

use super::report::Report;

/// What `missive import` is asked to do.
#[derive(Debug)]
pub struct Options {
    /// Word files, web pages and texts, or folders of them (every such file under each).
    pub files: Vec<PathBuf>,
    /// Folder to write the letter sources into (default: next to each file).
    pub output: Option<PathBuf>,
    /// Overwrite letter sources that already exist.
    pub force: bool,
    /// The encoding of texts and pages, instead of the one they declare or is detected.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// A file turned into a letter source.
#[derive(Debug)]
pub struct Imported {
    /// The letter source (`+++` TOML front matter, Markdown body).
    pub source: String,
    /// What was recognised, dropped and not placed.
    pub report: Report,
    /// Files written beside the source (its images): name and bytes.
    pub files: Vec<(String, Vec<u8>)>,
}
