//! missive typesets advocacy letters into PDF.
//!
//! A letter travels down the layers, each a folder that uses only those below it:
//! `letter` reads it, splits its TOML front matter from its Markdown body, parses the
//! TOML and merges it with the house's `missive.toml`; `typeset` converts the body to
//! Typst markup, builds the template's data and the Typst project, and lays it out;
//! `export` makes PDF (to PDF standards, archival PDFs carrying their sources), PNG or
//! SVG and writes files atomically. `pipeline` is the one path through them. On top,
//! beside each other: `cli` (the command line), `batch` (whole archives),
//! `import` (archived plain-text letters to letter sources) and `extract` (the
//! sources back out of an archival PDF). Under everything, shared leaves:
//! `diagnostic`, `term`, `paths`, `i18n`. `docs/architecture.md` has the map.
//!
//! The public interface is small: [`check`] and [`render`] a letter file in an
//! [`Environment`], with every problem as a [`Diagnostic`].

pub(crate) mod batch;
pub(crate) mod budget;
pub(crate) mod cli;
pub(crate) mod diagnostic;
pub(crate) mod export;
pub(crate) mod extract;
pub(crate) mod i18n;
pub(crate) mod import;
pub(crate) mod letter;
pub(crate) mod paths;
pub(crate) mod pipeline;
pub(crate) mod term;
pub(crate) mod typeset;

pub use cli::main;
pub use diagnostic::{Diagnostic, Diagnostics, Severity, SourceText};
pub use export::Format;
pub use pipeline::{Checked, Job, Rendered, Standards, check, render};
pub use typeset::world::Environment;

/// A narrow door for the fuzz targets (`fuzz/`), the property test (`tests/property.rs`)
/// and the import corpus tests (`tests/import_formats.rs`, `tests/import_hostile.rs`),
/// which look at steps of the pipeline and of import on their own. Not an interface: it
/// changes with the code.
#[doc(hidden)]
pub mod testing {
    /// Import's readers and the document model they read into.
    pub mod import {
        pub use crate::import::body::Block as TextBlock;
        pub use crate::import::document::{
            Block, Document, ImageSource, Inline, letterhead, markdown, parts,
        };
        pub use crate::import::text::{Read, convert as convert_text, read as read_text};
        pub use crate::import::{docx, format, html};
        pub use crate::letter::house::ImportRules;
    }

    /// The web edition's archive index, for building one in tests without `batch`.
    pub mod web {
        pub use crate::export::web::index::{IndexEntry, link, write_index};
    }

    pub use crate::letter::front_matter::FrontMatter;
    pub use crate::letter::source::{decode, split};
    pub use crate::letter::toml_input::Fragment;
    pub use crate::pipeline::prepare;
    pub use crate::typeset::markdown::{Body, Mark, convert};
    pub use crate::typeset::typeset;
    pub use crate::typeset::typography::{Style, plain};
    pub use crate::typeset::typst_code::{spaces_for_tabs, str_literal};
}
