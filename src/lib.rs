//! missive typesets advocacy letters into PDF.
//!
//! The flow, one module per step: [`source`] reads a letter and splits its front matter
//! from its body; [`front_matter`] and [`house`] parse the TOML (through [`toml_input`]);
//! [`letter`] merges them, checks everything and converts the body ([`markdown`]);
//! [`project`] writes the Typst entry file and data ([`schema`]); [`world`] serves them
//! with the [`templates`] and [`fonts`] to Typst; [`compile`] lays the letter out;
//! [`pdf`] and [`render`] export it; [`output`] writes files atomically. [`import`] turns
//! archived plain-text letters into letter sources.

pub mod assets;
pub mod attachments;
pub mod batch;
pub mod check;
pub mod cli;
pub mod compile;
pub mod diagnostic;
pub mod emit;
pub mod extract;
pub mod fonts;
pub mod front_matter;
pub mod house;
pub mod i18n;
pub mod import;
pub mod layout_check;
pub mod letter;
pub mod links;
pub mod markdown;
pub mod output;
pub mod pdf;
pub mod pdf_errors;
pub mod project;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod source;
pub mod standard;
pub mod templates;
pub mod toml_input;
pub mod typst_code;
pub mod watch;
pub mod world;

use std::path::Path;

/// A path as the user should see it: relative to the working folder when inside it.
pub fn display_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf));
    match relative.as_deref() {
        Some(relative) if relative.as_os_str().is_empty() => ".".to_string(),
        Some(relative) => relative.display().to_string(),
        None => path.display().to_string(),
    }
}
