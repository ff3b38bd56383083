//! The command line's arguments (clap), every command's and the groups they share; the
//! only place clap is used.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use typst_pdf::PdfStandard;

use crate::batch::shard::Shard;
use crate::export::Format;
use crate::letter::limits::{GivenLimits, MemoryBudget, TimeBudget, parse_duration, parse_size};
use crate::letter::standards::parse_standards;
use crate::pipeline::Standards;

/// Typesets advocacy letters (TOML front matter + Markdown) into PDF.
#[derive(Debug, Parser)]
#[command(name = "missive", version, about, propagate_version = true)]
pub struct Cli {
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render letters to PDF (or PNG/SVG pages), next to each source by default.
    Render(RenderArgs),
    /// Check letters without rendering; report every problem with file:line:column.
    Check(CheckArgs),
    /// List the fonts missive can use.
    Fonts(FontArgs),
    /// Start a new letter with every key, commented, that renders as it is.
    New(NewArgs),
    /// Render a letter again every time it, its house file, template or images change.
    Watch(WatchArgs),
    /// Work with templates.
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Write back the sources an archival PDF carries (letter, house file, templates,
    /// images), so that the letter can be rendered again from the PDF alone.
    Extract(ExtractArgs),
    /// Turn archived letters (Word files, saved web pages, plain text) into letter sources,
    /// reporting what was recognised, left out and not placed.
    Import(ImportArgs),
    /// Regenerate every letter of an archive into a mirrored folder, in parallel, in one
    /// process; unchanged letters are skipped, a bad letter never stops the rest.
    Batch(BatchArgs),
    /// A worker process of `missive batch`, which starts it: renders the letters sent
    /// on standard input, one JSON request a line.
    #[command(name = "batch-worker", hide = true)]
    BatchWorker(BatchWorkerArgs),
}

/// `missive template …`.
#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// Write the built-in templates into DIR, to customise them.
    Eject(EjectArgs),
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

/// `--format`, for the commands that render.
#[derive(Debug, Clone, Args)]
pub struct FormatArg {
    /// Output format; PNG and SVG write one file per page (`NAME-1.png`, …).
    #[arg(long, value_enum, default_value = "pdf")]
    format: FormatValue,
}

impl FormatArg {
    /// The format chosen.
    pub fn format(&self) -> Format {
        match self.format {
            FormatValue::Pdf => Format::Pdf,
            FormatValue::Png => Format::Png,
            FormatValue::Svg => Format::Svg,
        }
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
}

/// `--force`, for every command that would overwrite a file.
#[derive(Debug, Clone, Copy, Args)]
pub struct ForceArg {
    /// Overwrite files that already exist.
    #[arg(long)]
    pub force: bool,
}

/// `missive render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Letter sources (`*.md`).
    #[arg(required = true, value_name = "LETTER")]
    pub letters: Vec<PathBuf>,
    /// Output file (one letter) or folder (several letters, or a path ending in `/`).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub format: FormatArg,
    /// Write the complete Typst project of the letter into this folder.
    #[arg(long, value_name = "DIR")]
    pub emit_typst: Option<PathBuf>,
    #[command(flatten)]
    pub standards: PdfStandardArg,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `missive check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Letter sources (`*.md`).
    #[arg(required = true, value_name = "LETTER")]
    pub letters: Vec<PathBuf>,
    #[command(flatten)]
    pub standards: PdfStandardArg,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `missive new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write the letter (`.md`).
    pub path: PathBuf,
    #[command(flatten)]
    pub force: ForceArg,
}

/// `missive watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The letter source.
    pub letter: PathBuf,
    /// Output file.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub standards: PdfStandardArg,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `missive template eject`.
#[derive(Debug, Args)]
pub struct EjectArgs {
    /// Folder to write into (inside the house folder, to use them).
    pub dir: PathBuf,
    #[command(flatten)]
    pub force: ForceArg,
}

/// `missive extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// A PDF rendered with `--pdf-standard a-3b` (or a-3u, a-3a, a-4f).
    #[arg(value_name = "PDF")]
    pub pdf: PathBuf,
    /// Folder to write the files into (default: `NAME-source` next to the PDF).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub force: ForceArg,
}

/// `missive import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Word files (.docx, .docm), web pages (.html, .htm, .mhtml) and plain texts (.txt), or
    /// folders: every such file under a folder is imported. Formats are known by content.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Folder to write the letter sources into, mirroring imported folders (default: next
    /// to each text).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub force: ForceArg,
    /// The encoding of old texts and web pages (windows-1252, latin1, utf-16le,
    /// windows-1256, koi8-r, gb18030 …), instead of the one they declare or is detected.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `missive batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Folder of letters: every `*.md` under it (hidden folders and the output folder skipped).
    #[arg(value_name = "ARCHIVE")]
    pub archive: PathBuf,
    /// Folder the PDFs are written to, with the archive's folders and file names.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Letters typeset at once [default: the machine's cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Render every letter, even those whose PDF is up to date.
    #[arg(long)]
    pub force: bool,
    /// Write a JSON report of every letter (status, time, pages, errors) to this file.
    #[arg(long, value_name = "FILE.json")]
    pub report: Option<PathBuf>,
    /// Render only part I of N of the archive (1 ≤ I ≤ N); N runs with 1/N … N/N split
    /// it exactly, with no coordination.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Remove PDFs whose source letter is gone (they are reported either way).
    #[arg(long)]
    pub prune: bool,
    #[command(flatten)]
    pub standards: PdfStandardArg,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `missive batch-worker`, as `missive batch` starts it.
#[derive(Debug, Args)]
pub struct BatchWorkerArgs {
    /// The coordinator's hash of the environment, for the manifest's records (`watch`,
    /// which keeps none, gives none).
    #[arg(long, value_name = "HEX")]
    pub environment: Option<String>,
    #[command(flatten)]
    pub standards: PdfStandardArg,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
}
