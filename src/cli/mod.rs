//! The command line: arguments (clap), one function per command, exit codes
//! (0 success, 1 a letter failed, 2 usage error).

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::batch::{self, BatchArgs};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::export::emit;
use crate::export::output;
use crate::export::{self, Format};
use crate::extract;
use crate::letter::Letter;
use crate::letter::house::HOUSE_FILE;
use crate::letter::standards::PdfStandardArg;
use crate::letter::{house, scaffold};
use crate::paths::display_path;
use crate::pipeline::{self, Checked};
use crate::typeset::fonts::{self, FontOrigin};
use crate::typeset::templates;
use crate::typeset::world::Environment;

mod watch;

/// Typesets advocacy letters (TOML front matter + Markdown) into PDF.
#[derive(Debug, Parser)]
#[command(name = "missive", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render letters to PDF (or PNG/SVG pages), next to each source by default.
    Render(RenderArgs),
    /// Check letters without rendering; report every problem with file:line:column.
    Check(CheckArgs),
    /// List the fonts missive can use.
    Fonts(FontArgs),
    /// Start a new letter with every key, commented, that renders as it is.
    New {
        /// Where to write the letter (`.md`).
        path: PathBuf,
    },
    /// Render a letter again every time it, its house file, template or images change.
    Watch(WatchArgs),
    /// Work with templates.
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Write back the sources an archival PDF carries (letter, house file, templates,
    /// images), so that the letter can be rendered again from the PDF alone.
    Extract(ExtractArgs),
    /// Turn archived plain-text letters into letter sources, reporting what was recognised.
    Import(crate::import::ImportArgs),
    /// Regenerate every letter of an archive into a mirrored folder, in parallel, in one
    /// process; unchanged letters are skipped, a bad letter never stops the rest.
    Batch(BatchArgs),
}

#[derive(Debug, Subcommand)]
enum TemplateCommand {
    /// Write the built-in templates into DIR, to customise them.
    Eject {
        /// Folder to write into (inside the house folder, to use them).
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
struct WatchArgs {
    /// The letter source.
    letter: PathBuf,
    /// Output file.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "pdf")]
    format: Format,
    #[command(flatten)]
    standards: PdfStandardArg,
    #[command(flatten)]
    fonts: FontArgs,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// A PDF rendered with `--pdf-standard a-3b` (or a-3u, a-3a, a-4f).
    #[arg(value_name = "PDF")]
    pdf: PathBuf,
    /// Folder to write the files into (default: `NAME-source` next to the PDF).
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Overwrite existing files whose content differs.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
struct FontArgs {
    /// Also use the fonts in this folder (repeatable).
    #[arg(long = "font-path", value_name = "DIR")]
    font_paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct RenderArgs {
    /// Letter sources (`*.md`).
    #[arg(required = true, value_name = "LETTER")]
    letters: Vec<PathBuf>,
    /// Output file (one letter) or folder (several letters, or a path ending in `/`).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Output format; PNG and SVG write one file per page (`NAME-1.png`, …).
    #[arg(long, value_enum, default_value = "pdf")]
    format: Format,
    /// Write the complete Typst project of the letter into this folder.
    #[arg(long, value_name = "DIR")]
    emit_typst: Option<PathBuf>,
    #[command(flatten)]
    standards: PdfStandardArg,
    #[command(flatten)]
    fonts: FontArgs,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Letter sources (`*.md`).
    #[arg(required = true, value_name = "LETTER")]
    letters: Vec<PathBuf>,
    #[command(flatten)]
    standards: PdfStandardArg,
    #[command(flatten)]
    fonts: FontArgs,
}

/// Runs the command line and returns the exit status.
///
/// The command runs on a thread with a stack of [`pipeline::STACK_SIZE`], so that deeply
/// nested input meets Typst's own limits (a clear error) before the stack's end.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let worker = std::thread::Builder::new()
        .name("missive".into())
        .stack_size(pipeline::STACK_SIZE)
        .spawn(move || run(cli));
    match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        // The panic message is already printed; 101 is Rust's status for a panic.
        Ok(Err(_)) => ExitCode::from(101),
        Err(err) => {
            say(format_args!("error: cannot start a thread: {err}"));
            ExitCode::from(1)
        }
    }
}

/// Prints a line to stderr; a closed stderr (`missive check … 2>&1 | head`) is not an error.
pub(crate) fn say(line: std::fmt::Arguments) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Runs one command.
fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Render(args) => render(args),
        Command::Check(args) => check(args),
        Command::Fonts(args) => list_fonts(args),
        Command::New { path } => scaffold::create(&path).map(|()| {
            eprintln!(
                "wrote {}; fill it in and run `missive render {0}`",
                display_path(&path)
            );
            true
        }),
        Command::Watch(args) => watch(args),
        Command::Template(TemplateCommand::Eject { dir }) => eject(&dir),
        Command::Extract(args) => extract(args),
        Command::Import(args) => import(args),
        Command::Batch(args) => return batch(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(usage) => {
            say(format_args!("error: {usage}"));
            ExitCode::from(2)
        }
    }
}

/// Prints diagnostics to stderr in the rustc style.
pub(crate) fn report(diagnostics: &[Diagnostic]) {
    // termcolor's `Auto` looks at TERM and NO_COLOR only: no colours into files and pipes.
    let color = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let mut stderr = StandardStream::stderr(color);
    for diagnostic in diagnostics {
        let _ = diagnostic.emit(&mut stderr);
    }
    let _ = stderr.flush();
}

fn environment(font_paths: &[PathBuf]) -> Result<Environment, Diagnostics> {
    fonts::faces(font_paths).map(Environment::new)
}

/// `missive render`: Ok(all rendered), Err(usage problem).
fn render(args: RenderArgs) -> Result<bool, String> {
    let into_dir = match &args.output {
        Some(out) => out.is_dir() || out.as_os_str().to_string_lossy().ends_with('/'),
        None => false,
    };
    if args.letters.len() > 1 && args.output.is_some() && !into_dir {
        return Err("with several letters, -o must name a folder".into());
    }
    if args.letters.len() > 1 && args.emit_typst.is_some() {
        return Err("--emit-typst takes one letter at a time".into());
    }
    if args.format != Format::Pdf && args.standards.pdf_standard.is_some() {
        return Err(
            "--pdf-standard applies to PDF output only (drop it, or use --format pdf)".into(),
        );
    }
    let env = match environment(&args.fonts.font_paths) {
        Ok(env) => env,
        Err(problems) => {
            report(&problems);
            return Ok(false);
        }
    };
    let mut all_ok = true;
    for path in &args.letters {
        let target = match &args.output {
            Some(out) if into_dir => out
                .join(path.file_name().unwrap_or_default())
                .with_extension("pdf"),
            Some(out) => out.clone(),
            None => path.with_extension("pdf"),
        };
        let job = Job {
            output: &target,
            format: args.format,
            emit_typst: args.emit_typst.as_deref(),
            standards: &args.standards,
        };
        all_ok &= render_and_report(&env, path, &job).is_some();
    }
    Ok(all_ok)
}

/// Where and how to write one letter.
struct Job<'a> {
    output: &'a Path,
    format: Format,
    emit_typst: Option<&'a Path>,
    standards: &'a PdfStandardArg,
}

/// A rendered letter and what it was made from.
struct Rendered {
    letter: Letter,
    written: Vec<PathBuf>,
    warnings: Diagnostics,
    dependencies: Vec<PathBuf>,
}

/// Renders one letter and reports the outcome; `None` if it failed.
fn render_and_report(env: &Environment, path: &Path, job: &Job) -> Option<Rendered> {
    match render_one(env, path, job) {
        Ok(rendered) => {
            report(&rendered.letter.warnings);
            report(&rendered.warnings);
            let files: Vec<String> = rendered.written.iter().map(|p| display_path(p)).collect();
            say(format_args!(
                "rendered {} -> {}",
                display_path(path),
                files.join(", ")
            ));
            Some(rendered)
        }
        Err(problems) => {
            report(&problems);
            say(format_args!(
                "failed: {} (nothing written)",
                display_path(path)
            ));
            None
        }
    }
}

/// Renders one letter as `job` says.
fn render_one(env: &Environment, path: &Path, job: &Job) -> Result<Rendered, Diagnostics> {
    let Checked { letter, typeset } = pipeline::check_letter(env, path, |letter| {
        if job.format == Format::Pdf {
            job.standards.for_letter(letter).to_vec()
        } else {
            Vec::new()
        }
    })?;
    let outputs = export::export(&typeset, &letter, job.format)?;
    if let Some(dir) = job.emit_typst {
        emit::emit(dir, &typeset, env).map_err(|err| {
            vec![Diagnostic::error(format!(
                "cannot write the Typst project to {}: {err}",
                dir.display()
            ))]
        })?;
    }
    let targets = output_paths(job.output, job.format, outputs.len());
    for (file, bytes) in targets.iter().zip(&outputs) {
        output::write_output(file, bytes)?;
    }
    let mut dependencies = letter_files(path);
    dependencies.extend(
        typeset
            .files
            .iter()
            .map(|(p, _)| letter.root.join(p.trim_start_matches('/'))),
    );
    Ok(Rendered {
        letter,
        written: targets,
        warnings: typeset.warnings,
        dependencies,
    })
}

/// The canonical paths of a letter and of its house file, if any.
fn letter_files(path: &Path) -> Vec<PathBuf> {
    let Ok(letter) = path.canonicalize() else {
        return vec![path.to_path_buf()];
    };
    let house = letter
        .parent()
        .and_then(|dir| house::find(dir).ok().flatten());
    let mut files = vec![letter];
    files.extend(house.map(|h| h.dir.join(house::HOUSE_FILE)));
    files
}

/// `missive watch`.
fn watch(args: WatchArgs) -> Result<bool, String> {
    let env = match environment(&args.fonts.font_paths) {
        Ok(env) => env,
        Err(problems) => {
            report(&problems);
            return Ok(false);
        }
    };
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.letter.with_extension("pdf"));
    let job = Job {
        output: &output,
        format: args.format,
        emit_typst: None,
        standards: &args.standards,
    };
    watch::run(|| match render_and_report(&env, &args.letter, &job) {
        Some(rendered) => rendered.dependencies,
        None => letter_files(&args.letter),
    })
    .map(|()| true)
}

/// `missive template eject`.
fn eject(dir: &Path) -> Result<bool, String> {
    let written = templates::eject(dir)?;
    for path in &written {
        eprintln!("wrote {}", display_path(path));
    }
    eprintln!(
        "use one with `template = \"{}\"` (relative to the letter or missive.toml)",
        display_path(&written[0])
    );
    Ok(true)
}

/// Output file names: the target itself for PDF or a single page, `NAME-N.ext` per page otherwise.
fn output_paths(target: &Path, format: Format, count: usize) -> Vec<PathBuf> {
    let target = target.with_extension(format.extension());
    if format == Format::Pdf || count == 1 {
        return vec![target];
    }
    let stem = target
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    (1..=count)
        .map(|n| target.with_file_name(format!("{stem}-{n}.{}", format.extension())))
        .collect()
}

/// `missive batch`: exit 0 all rendered or up to date, 1 a letter failed, 2 usage error,
/// 130 stopped by Ctrl-C.
fn batch(args: BatchArgs) -> ExitCode {
    let jobs = batch::start_threads(args.jobs);
    let env = match environment(&args.font_paths) {
        Ok(env) => env,
        Err(problems) => {
            report(&problems);
            return ExitCode::from(1);
        }
    };
    match batch::run(&args, &env, jobs) {
        Ok(summary) => ExitCode::from(summary.exit_status()),
        Err(usage) => {
            say(format_args!("error: {usage}"));
            ExitCode::from(2)
        }
    }
}

/// `missive check`: every check of `render`, typesetting included (and the export, in
/// memory, when the letter is made to PDF standards), without writing anything.
fn check(args: CheckArgs) -> Result<bool, String> {
    let env = match environment(&args.fonts.font_paths) {
        Ok(env) => env,
        Err(problems) => {
            report(&problems);
            return Ok(false);
        }
    };
    let mut all_ok = true;
    for path in &args.letters {
        let checked = pipeline::check_letter(&env, path, |letter| {
            args.standards.for_letter(letter).to_vec()
        })
        .and_then(|checked| {
            if !checked.typeset.standards.is_empty() {
                export::export(&checked.typeset, &checked.letter, Format::Pdf)?;
            }
            Ok(checked)
        });
        match checked {
            Ok(checked) => {
                report(&checked.letter.warnings);
                report(&checked.typeset.warnings);
                say(format_args!("ok: {}", display_path(path)));
            }
            Err(problems) => {
                report(&problems);
                say(format_args!("failed: {}", display_path(path)));
                all_ok = false;
            }
        }
    }
    Ok(all_ok)
}

/// `missive extract`.
fn extract(args: ExtractArgs) -> Result<bool, String> {
    let name = display_path(&args.pdf);
    let fail = |why: String| {
        report(&[Diagnostic::error(format!("{name}: {why}"))]);
        Ok(false)
    };
    let bytes = match std::fs::read(&args.pdf) {
        Ok(bytes) => bytes,
        Err(err) => {
            return fail(format!(
                "cannot read it: {}",
                crate::letter::source::io_reason(&err)
            ));
        }
    };
    let pdf = match extract::Pdf::parse(&bytes) {
        Ok(pdf) => pdf,
        Err(why) => return fail(why),
    };
    let files = match pdf.embedded_files() {
        Ok(files) if files.is_empty() => {
            return fail(
                "the PDF carries no embedded files; only PDFs rendered with \
                 `--pdf-standard a-3b` (or a-3u, a-3a, a-4f) carry their letter's sources"
                    .into(),
            );
        }
        Ok(files) => files,
        Err(why) => return fail(why),
    };
    let dir = args.output.clone().unwrap_or_else(|| {
        let stem = args.pdf.file_stem().unwrap_or_default().to_string_lossy();
        args.pdf.with_file_name(format!("{stem}-source"))
    });
    let written = match extract::write_files(&dir, &files, args.force) {
        Ok(written) => written,
        Err(why) => return fail(why),
    };
    let count = if written.len() == 1 {
        "1 file".to_string()
    } else {
        format!("{} files", written.len())
    };
    eprintln!("extracted {count} from {name} into {}:", display_path(&dir));
    for (file, path) in files.iter().zip(&written) {
        eprintln!(
            "  {}: {}",
            display_path(path),
            file.description.as_deref().unwrap_or("no description")
        );
    }
    let Some(letter) = files
        .iter()
        .zip(&written)
        .find(|(file, _)| file.is_letter())
        .map(|(_, path)| path)
    else {
        return Ok(true);
    };
    let standards = pdf.claimed_standards();
    let option = if standards.is_empty() {
        String::new()
    } else {
        format!(" --pdf-standard {}", standards.join(","))
    };
    eprintln!(
        "render it again with: missive render {}{option}",
        display_path(letter)
    );
    if !files.iter().any(|file| file.name == HOUSE_FILE) {
        let above = dir.canonicalize().ok().and_then(|d| {
            d.ancestors()
                .find(|a| a.join(HOUSE_FILE).is_file())
                .map(|a| a.join(HOUSE_FILE))
        });
        if let Some(house) = above {
            eprintln!(
                "note: the letter had no house file, but {} would apply to it there; \
                 extract into a folder outside that house to render it as it was",
                display_path(&house)
            );
        }
    }
    Ok(true)
}

/// `missive import`.
fn import(args: crate::import::ImportArgs) -> Result<bool, String> {
    crate::import::run(&args, &report)
}

/// `missive fonts`.
fn list_fonts(args: FontArgs) -> Result<bool, String> {
    let faces = match fonts::faces(&args.font_paths) {
        Ok(faces) => faces,
        Err(problems) => {
            report(&problems);
            return Ok(false);
        }
    };
    let mut stdout = std::io::stdout().lock();
    for face in faces {
        let info = face.font.info();
        let origin = match &face.origin {
            FontOrigin::Bundled(name) => format!("bundled ({name})"),
            FontOrigin::File(path) => display_path(path),
        };
        let variant = info.variant;
        let _ = writeln!(
            stdout,
            "{}\t{:?} {:?} {}\t{origin}",
            info.family, variant.style, variant.weight, variant.stretch
        );
    }
    Ok(true)
}
