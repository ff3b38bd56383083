//! The house: an organisation's `missive.toml`, found by walking up from a letter. Its
//! folder is the letter's root: templates and images under it can be used, nothing outside.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use typst_pdf::PdfStandard;

use super::front_matter::{Letterhead, Paper};
use super::keys::toml_table;
use super::limits::{GivenLimits, LimitsTable};
use super::source::read_text;
use super::standards;
use super::toml_input::Fragment;
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, codes};
use crate::i18n::Labels;
use crate::paths::display_path;

/// Name of the house file.
pub const HOUSE_FILE: &str = "missive.toml";

toml_table! {
    /// The settings of a house file.
    #[derive(Debug, Default, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[schemars(title = "missive.toml, the house style of every letter below its folder")]
    pub struct HouseConfig {
        /// Default template: built-in name or path relative to the house file.
        #[schemars(with = "Option<String>")]
        pub template: Option<Spanned<String>>,
        /// Default language tag.
        #[schemars(with = "Option<String>")]
        pub lang: Option<Spanned<String>>,
        /// Default closing.
        pub closing: Option<String>,
        /// Default paper size.
        pub paper: Option<Paper>,
        /// Typographic punctuation in every letter (default on; a letter may say otherwise).
        pub smart_punctuation: Option<bool>,
        /// The window envelope of every letter, unless a letter names its own.
        #[schemars(with = "Option<serde_json::Value>")]
        pub window: Option<Spanned<toml::Value>>,
        /// The return address line shown in the window.
        pub return_address: Option<String>,
        /// The house's fonts: a folder relative to the house file (default `fonts`, if
        /// there is one).
        #[schemars(with = "Option<String>")]
        pub fonts: Option<Spanned<String>>,
        /// The letterhead.
        #[serde(default)]
        pub letterhead: Letterhead,
        /// PDF standards of every PDF, as on the command line (`"a-3b,ua-1"`).
        #[schemars(with = "Option<String>")]
        pub pdf_standard: Option<Spanned<String>>,
        /// Rules of `missive import` for the site chrome around scraped letters.
        #[serde(default)]
        pub import: ImportRules,
        /// The template's words, instead of missive's, in every letter of the house.
        #[serde(default)]
        pub labels: LabelWords,
        /// Each letter's time and memory budgets.
        #[serde(default)]
        pub limits: LimitsTable,
        /// Whether letters may hold raw Typst fences (default true); `false` for archives
        /// whose letters come from outside.
        pub raw_typst: Option<bool>,
        /// The web edition (`--format html`).
        #[serde(default)]
        pub web: WebTable,
    }
}

toml_table! {
    /// The `[web]` table: how the house's letters look as web pages.
    #[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct WebTable {
        /// The page template (minijinja, HTML autoescaped), relative to the house file;
        /// `missive template eject` writes the built-in one (`web.html`) to start from.
        #[schemars(with = "Option<String>")]
        pub template: Option<Spanned<String>>,
        /// The archive index's template (minijinja, HTML autoescaped), relative to the
        /// house file; `missive template eject` writes the built-in one (`index.html`).
        #[schemars(with = "Option<String>")]
        pub index_template: Option<Spanned<String>>,
        /// Show the signatories' signature images on the page (default false: a scanned
        /// signature on a public page helps forgers).
        pub signatures: Option<bool>,
    }
}

toml_table! {
    /// The `[labels]` table: the house's own words for the template's labels, whatever
    /// the letter's language; a label it does not give is missive's, in the letter's
    /// language. The keys are those of [`Labels`].
    #[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct LabelWords {
        /// Running page number, with `{page}` and `{total}` placeholders.
        pub page: Option<String>,
        /// Heading of the endnotes.
        pub notes: Option<String>,
        /// Before the copies list.
        pub cc: Option<String>,
        /// Before the enclosures list.
        pub enclosures: Option<String>,
        /// Before the subject line.
        pub subject: Option<String>,
        /// Before the sender's reference.
        pub reference: Option<String>,
        /// Heading of the co-signers list.
        pub cosigners: Option<String>,
        /// Before the postscript.
        pub postscript: Option<String>,
        /// Place and date, with `{place}` and `{date}` placeholders.
        pub place_date: Option<String>,
        /// The mark across every page of a draft.
        pub draft: Option<String>,
    }
}

impl LabelWords {
    /// `labels` with the house's words in place of missive's.
    pub fn over(&self, labels: Labels) -> Labels {
        let word = |own: &Option<String>, default: String| own.clone().unwrap_or(default);
        Labels {
            page: word(&self.page, labels.page),
            notes: word(&self.notes, labels.notes),
            cc: word(&self.cc, labels.cc),
            enclosures: word(&self.enclosures, labels.enclosures),
            subject: word(&self.subject, labels.subject),
            reference: word(&self.reference, labels.reference),
            cosigners: word(&self.cosigners, labels.cosigners),
            postscript: word(&self.postscript, labels.postscript),
            place_date: word(&self.place_date, labels.place_date),
            draft: word(&self.draft, labels.draft),
        }
    }
}

toml_table! {
    /// The `[import]` table: patterns of site chrome that `missive import` drops, added to its
    /// built-in ones. Plain data here; `crate::import` gives them their meaning.
    #[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct ImportRules {
        /// Lines dropped where they stand before or after the letter.
        #[serde(default)]
        pub drop_lines: Vec<String>,
        /// A line before the letter that is dropped together with every line above it.
        #[serde(default)]
        pub drop_before: Vec<String>,
        /// A line after the start of the letter that is dropped together with every line below
        /// it; it must begin a block or follow a short line (as in a list of links).
        #[serde(default)]
        pub drop_after: Vec<String>,
    }
}

/// A house file that was found and read.
#[derive(Debug)]
pub struct House {
    /// The folder holding `missive.toml` (canonical): the root of its letters.
    pub dir: PathBuf,
    /// The file's text, for diagnostics and hashing.
    pub file: Arc<SourceText>,
    /// Its settings.
    pub config: HouseConfig,
    /// The standards of `pdf_standard`, checked (empty when not set).
    pub pdf_standards: Vec<PdfStandard>,
    /// The folder of the house's fonts (canonical, inside `dir`), if it has one.
    pub fonts: Option<PathBuf>,
    /// The budgets of `[limits]`, checked.
    pub limits: GivenLimits,
}

impl House {
    /// Whether its letters may hold raw Typst fences.
    pub fn allows_raw_typst(&self) -> bool {
        self.config.raw_typst.unwrap_or(true)
    }
}

/// The folder of a house's own fonts when `missive.toml` names none.
pub const FONTS_DIR: &str = "fonts";

/// The house's font folder: `fonts = "…"` (which must be a folder inside the house
/// folder), else `fonts/` beside the house file if there is one.
fn fonts_dir(
    config: &HouseConfig,
    dir: &Path,
    file: &Arc<SourceText>,
) -> Result<Option<PathBuf>, Diagnostics> {
    let Some(written) = &config.fonts else {
        let default = dir.join(FONTS_DIR);
        return Ok(default
            .is_dir()
            .then(|| default.canonicalize().ok())
            .flatten());
    };
    let path = dir.join(written.get_ref());
    match path.canonicalize() {
        Ok(found) if found.is_dir() && found.starts_with(dir) => Ok(Some(found)),
        Ok(found) if !found.starts_with(dir) => Err(vec![
            Diagnostic::error(codes::HOUSE_FONTS, format!("`fonts`: {} is outside the house folder", display_path(&path)))
                .at(file, written.span())
                .hint("keep the house's fonts in a folder under the folder of missive.toml"),
        ]),
        _ => Err(vec![
            Diagnostic::error(codes::HOUSE_FONTS, format!("`fonts`: {} is not a folder", display_path(&path)))
                .at(file, written.span())
                .hint("name the folder of the house's .ttf/.otf files, relative to missive.toml, e.g. `fonts = \"brand/fonts\"`"),
        ]),
    }
}

/// Finds the nearest `missive.toml` in `dir` (canonical) or a folder above it.
pub fn find(dir: &Path) -> Result<Option<House>, Diagnostics> {
    for folder in dir.ancestors() {
        let path = folder.join(HOUSE_FILE);
        if path.is_file() {
            return read(&path, folder).map(Some);
        }
    }
    Ok(None)
}

/// Reads and parses a house file.
fn read(path: &Path, dir: &Path) -> Result<House, Diagnostics> {
    let name = display_path(path);
    let text = read_text(path, &name, "house file")?;
    let file = SourceText::new(name, text);
    let fragment = Fragment {
        file: &file,
        range: 0..file.text.len(),
        what: "house file",
    };
    let config: HouseConfig = fragment.parse()?;
    let pdf_standards = match &config.pdf_standard {
        Some(list) => standards::parse_standards(list.get_ref()).map_err(|reason| {
            vec![Diagnostic::error(codes::HOUSE_PDF_STANDARD, format!("`pdf_standard`: {reason}"))
                .at(&file, list.span())
                .hint("write the standards as on the command line, e.g. `pdf_standard = \"a-3b,ua-1\"`")]
        })?,
        None => Vec::new(),
    };
    let fonts = fonts_dir(&config, dir, &file)?;
    let limits = config.limits.parse(&file)?;
    Ok(House {
        dir: dir.to_path_buf(),
        file,
        config,
        pdf_standards,
        fonts,
        limits,
    })
}
