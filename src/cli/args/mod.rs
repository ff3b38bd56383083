//! The command line's arguments (clap): every command's here, the option groups they
//! share in [`groups`]; the only place clap is used.

mod groups;

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum};

use crate::batch::shard::Shard;
pub use groups::{
    ColorValue, CopiesArgs, FontArgs, ForceArg, FormatArg, LimitArgs, MessageFormatArg,
    PdfStandardArg,
};

/// Typesets advocacy letters (TOML front matter + Markdown) into PDF.
#[derive(Debug, Parser)]
#[command(name = "missive", version, about, propagate_version = true)]
pub struct Cli {
    /// The command.
    #[command(subcommand)]
    pub command: Command,
    /// When to colour output: `auto` on a terminal unless NO_COLOR is set.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorValue,
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
    /// Explain a diagnostic code (`missive explain M0203`), or list every code.
    Explain(ExplainArgs),
    /// Start a new house folder: missive.toml with every key, a first letter, .gitignore.
    Init(InitArgs),
    /// Print the JSON Schema of missive.toml or of a letter's front matter.
    Schema(SchemaArgs),
    /// Print a shell's completion script (`missive completions bash > …`).
    Completions(CompletionsArgs),
    /// Write man pages, one per command, into DIR.
    Man(ManArgs),
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
    /// Mark every page DRAFT (in the letter's language), as `draft = true` does.
    #[arg(long)]
    pub draft: bool,
    #[command(flatten)]
    pub standards: PdfStandardArg,
    #[command(flatten)]
    pub copies: CopiesArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[command(flatten)]
    pub messages: MessageFormatArg,
}

/// `missive check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Letter sources (`*.md`).
    #[arg(required = true, value_name = "LETTER")]
    pub letters: Vec<PathBuf>,
    /// Fail on a draft (`draft = true`): the letter is about to go out.
    #[arg(long = "final")]
    pub require_final: bool,
    #[command(flatten)]
    pub standards: PdfStandardArg,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[command(flatten)]
    pub messages: MessageFormatArg,
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
    #[command(flatten)]
    pub messages: MessageFormatArg,
}

/// `missive batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Folder of letters: every `*.md` under it (hidden folders and the output folder skipped).
    #[arg(value_name = "ARCHIVE")]
    pub archive: PathBuf,
    /// Folder the outputs are written to, with the archive's folders and file names (a
    /// letter with `recipients`: a folder of its copies).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Letters typeset at once [default: the machine's cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Render every letter, even those whose outputs are up to date.
    #[arg(long)]
    pub force: bool,
    /// Write a JSON report of every letter (status, time, pages, errors) to this file.
    #[arg(long, value_name = "FILE.json")]
    pub report: Option<PathBuf>,
    /// Render only part I of N of the archive (1 ≤ I ≤ N); N runs with 1/N … N/N split
    /// it exactly, with no coordination.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Remove outputs whose source letter (or row of a list) is gone (they are reported
    /// either way).
    #[arg(long)]
    pub prune: bool,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub standards: PdfStandardArg,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[command(flatten)]
    pub messages: MessageFormatArg,
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

/// Parses the command line. `--color` is looked for first, so that clap's own help and
/// usage errors follow it too (clap colours them before any option is read; on its own
/// it honours NO_COLOR, not `--color`).
pub fn parse() -> Cli {
    let args: Vec<String> = std::env::args_os()
        .map(|arg| arg.to_string_lossy().into_owned())
        .take_while(|arg| arg != "--")
        .collect();
    let given = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.as_str() {
            "--color" => args.get(i + 1).map(String::as_str),
            _ => arg.strip_prefix("--color="),
        });
    let choice = match given {
        Some("always") => clap::ColorChoice::Always,
        Some("never") => clap::ColorChoice::Never,
        _ => clap::ColorChoice::Auto,
    };
    let matches = Cli::command().color(choice).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit())
}

/// The clap definition of the whole command line, for completions and man pages.
pub fn command() -> clap::Command {
    Cli::command()
}

/// `missive explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A code such as `M0203` (`m0203` and `0203` too); none lists every code.
    pub code: Option<String>,
}

/// `missive init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The house folder to create or fill; it must be empty or not exist.
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,
}

/// `missive schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema.
    #[arg(value_enum)]
    pub of: SchemaOf,
}

/// The files a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaOf {
    /// The house file, `missive.toml`.
    House,
    /// A letter's front matter (the TOML between `+++` lines).
    Letter,
}

/// `missive completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `missive man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Folder to write `missive.1`, `missive-render.1`, … into (created if needed).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}
