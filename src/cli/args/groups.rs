//! The option groups several commands share (`--color`, `--message-format`,
//! `--font-path`, `--pdf-standard`, `--timeout`/`--memory`, `--format`, `--force`), and
//! their values.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use typst_pdf::PdfStandard;

use crate::export::Format;
use crate::letter::limits::{GivenLimits, MemoryBudget, TimeBudget, parse_duration, parse_size};
use crate::letter::standards::parse_standards;
use crate::pipeline::Standards;
use crate::term::{Color, MessageFormat};

/// `--color`, as the command line names its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorValue {
    /// Colour a terminal, unless NO_COLOR is set or TERM is `dumb`.
    Auto,
    /// Colour always, even into files and pipes.
    Always,
    /// Never colour.
    Never,
}

impl ColorValue {
    /// The choice, for `term`.
    pub fn color(self) -> Color {
        match self {
            Self::Auto => Color::Auto,
            Self::Always => Color::Always,
            Self::Never => Color::Never,
        }
    }
}

/// `--message-format`, for the commands that report on letters.
#[derive(Debug, Clone, Copy, Args)]
pub struct MessageFormatArg {
    /// `human`: reports on standard error; `json`: one JSON object a line on standard
    /// output for each diagnostic and file written (docs/diagnostics.md).
    #[arg(
        long = "message-format",
        value_enum,
        default_value = "human",
        value_name = "FMT"
    )]
    message_format: MessageFormatValue,
}

impl MessageFormatArg {
    /// The format chosen, for `term`.
    pub fn format(self) -> MessageFormat {
        match self.message_format {
            MessageFormatValue::Human => MessageFormat::Human,
            MessageFormatValue::Json => MessageFormat::Json,
        }
    }
}

/// Message formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MessageFormatValue {
    /// rustc-style reports for people, on standard error.
    Human,
    /// JSON lines on standard output, for editors, CI and scripts.
    Json,
}

/// `--font-path DIR`, for every command that typesets.
#[derive(Debug, Clone, Args)]
pub struct FontArgs {
    /// Also use the fonts in this folder (repeatable).
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_paths: Vec<PathBuf>,
}

/// `--pdf-standard LIST`, for every command that writes or checks PDFs.
#[derive(Debug, Clone, Args)]
pub struct PdfStandardArg {
    /// PDF standards, comma-separated: 1.4–2.0, a-1b, a-1a, a-2b, a-2u, a-2a, a-3b, a-3u,
    /// a-3a, a-4, a-4f, a-4e, ua-1 (e.g. `a-3b,ua-1`). Default: the house's `pdf_standard`.
    /// Under a-3b/a-3u/a-3a/a-4f the PDF carries the letter's sources (see `missive extract`).
    #[arg(long = "pdf-standard", value_name = "LIST", value_parser = parse_standard_list)]
    pub pdf_standard: Option<StandardList>,
}

impl PdfStandardArg {
    /// The standards the option chooses: those given, else each letter's house's.
    pub fn standards(&self) -> Standards {
        match &self.pdf_standard {
            Some(list) => Standards::Given(list.0.clone()),
            None => Standards::House,
        }
    }
}

/// A checked list of standards, as a command-line value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandardList(pub Vec<PdfStandard>);

/// Clap value parser for a comma-separated list of standards.
fn parse_standard_list(list: &str) -> Result<StandardList, String> {
    parse_standards(list).map(StandardList)
}

/// `--timeout` and `--memory`, for every command that typesets.
#[derive(Debug, Clone, Copy, Args)]
pub struct LimitArgs {
    /// Time budget of each letter, over the house's `[limits]`: `90s`, `2m`; `0` for
    /// none [default: 60s].
    #[arg(long, value_name = "TIME", value_parser = parse_duration)]
    pub timeout: Option<TimeBudget>,
    /// Memory budget of each letter (resident memory of the process typesetting it),
    /// over the house's `[limits]`: `500M`, `2G`; `0` for none [default: 2G].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub memory: Option<MemoryBudget>,
}

impl LimitArgs {
    /// The budgets given.
    pub fn given(&self) -> GivenLimits {
        GivenLimits {
            timeout: self.timeout.map(|t| t.0),
            memory: self.memory.map(|m| m.0),
        }
    }
}

/// What `render` does with a letter with `recipients` (its personal copies).
#[derive(Debug, Clone, Args)]
pub struct CopiesArgs {
    /// Also write one print-ready PDF of all the copies, in row order, each with its own
    /// page numbers.
    #[arg(long, value_name = "PDF")]
    pub combined: Option<PathBuf>,
    /// In the `--combined` PDF, start each copy on an odd page (a blank page after a copy
    /// with an odd number of pages), for printing on both sides.
    #[arg(long, requires = "combined")]
    pub duplex: bool,
    /// Render only these rows of the list (numbers from 1, as the copies' file names
    /// count them): `--only 3` or `--only 2,5,9`.
    #[arg(long, value_name = "N[,M…]", value_delimiter = ',')]
    pub only: Vec<usize>,
    /// Copies typeset at once, by N warm worker processes as `missive batch` uses
    /// [default: 1, in this process].
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
}

/// `--format`, for the commands that render.
#[derive(Debug, Clone, Args)]
pub struct FormatArg {
    /// Output formats, comma-separated (`pdf,html`): every one written from one pass over
    /// the letter. PNG and SVG write one file per page (`NAME-1.png`, …).
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "pdf",
        value_name = "FMT[,FMT…]"
    )]
    format: Vec<FormatValue>,
    /// With `--format html`: write only the letter's `<article>`, for pasting into a CMS.
    #[arg(long)]
    html_fragment: bool,
}

impl FormatArg {
    /// A usage error for `--html-fragment` without `html` among the formats.
    pub fn misused(&self) -> Option<String> {
        (self.html_fragment && !self.format.contains(&FormatValue::Html))
            .then(|| "--html-fragment applies to --format html only".to_string())
    }

    /// The formats chosen, each once, in the order given.
    pub fn formats(&self) -> Vec<Format> {
        let mut formats: Vec<Format> = Vec::new();
        for value in &self.format {
            let format = match value {
                FormatValue::Pdf => Format::Pdf,
                FormatValue::Png => Format::Png,
                FormatValue::Svg => Format::Svg,
                FormatValue::Html if self.html_fragment => Format::HtmlFragment,
                FormatValue::Html => Format::Html,
            };
            if !formats.contains(&format) {
                formats.push(format);
            }
        }
        formats
    }
}

/// Output formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatValue {
    /// One PDF for the letter.
    Pdf,
    /// One PNG per page (144 dpi), for previews.
    Png,
    /// One SVG per page, for previews.
    Svg,
    /// One self-contained, accessible web page for the letter.
    Html,
}

/// `--force`, for every command that would overwrite a file.
#[derive(Debug, Clone, Copy, Args)]
pub struct ForceArg {
    /// Overwrite files that already exist.
    #[arg(long)]
    pub force: bool,
}
