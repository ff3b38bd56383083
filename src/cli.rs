//! The command line: arguments (clap), one function per command, exit codes
//! (0 success, 1 a letter failed, 2 usage error).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fonts::{self, FontOrigin};
use crate::letter::{self, Letter};
use crate::output;
use crate::render::{self, Format};
use crate::world::Environment;
use crate::{display_path, emit};

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
    /// Turn archived plain-text letters into letter sources, reporting what was recognised.
    Import(crate::import::ImportArgs),
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
    fonts: FontArgs,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Letter sources (`*.md`).
    #[arg(required = true, value_name = "LETTER")]
    letters: Vec<PathBuf>,
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) => render(args),
        Command::Check(args) => check(args),
        Command::Fonts(args) => list_fonts(args),
        Command::Import(args) => import(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(usage) => {
            eprintln!("error: {usage}");
            ExitCode::from(2)
        }
    }
}

/// Prints diagnostics to stderr in the rustc style.
fn report(diagnostics: &[Diagnostic]) {
    let mut stderr = StandardStream::stderr(ColorChoice::Auto);
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
            Some(out) if into_dir => out.join(path.file_name().unwrap_or_default()).with_extension("pdf"),
            Some(out) => out.clone(),
            None => path.with_extension("pdf"),
        };
        match render_one(&env, path, &target, &args) {
            Ok((letter, written, warnings)) => {
                report(&letter.warnings);
                report(&warnings);
                let files: Vec<String> = written.iter().map(|p| display_path(p)).collect();
                eprintln!("rendered {} -> {}", display_path(path), files.join(", "));
            }
            Err(problems) => {
                report(&problems);
                eprintln!("failed: {} (nothing written)", display_path(path));
                all_ok = false;
            }
        }
    }
    Ok(all_ok)
}

/// Renders one letter to `target`; returns the letter, the files written and warnings.
fn render_one(
    env: &Environment,
    path: &Path,
    target: &Path,
    args: &RenderArgs,
) -> Result<(Letter, Vec<PathBuf>, Diagnostics), Diagnostics> {
    let letter = letter::load(path)?;
    let typeset = render::typeset(env, &letter).map_err(|mut problems| {
        problems.extend(letter.warnings.iter().cloned());
        problems
    })?;
    let outputs = render::export(&typeset, &letter, args.format, &[])?;
    if let Some(dir) = &args.emit_typst {
        emit::emit(dir, &typeset, env).map_err(|err| {
            vec![Diagnostic::error(format!("cannot write the Typst project to {}: {err}", dir.display()))]
        })?;
    }
    let targets = output_paths(target, args.format, outputs.len());
    for (file, bytes) in targets.iter().zip(&outputs) {
        output::write_atomic(file, bytes).map_err(|err| {
            vec![Diagnostic::error(format!("cannot write {}: {err}", display_path(file)))
                .hint("check that the output folder exists and is writable")]
        })?;
    }
    Ok((letter, targets, typeset.warnings))
}

/// Output file names: the target itself for PDF or a single page, `NAME-N.ext` per page otherwise.
fn output_paths(target: &Path, format: Format, count: usize) -> Vec<PathBuf> {
    let target = target.with_extension(format.extension());
    if format == Format::Pdf || count == 1 {
        return vec![target];
    }
    let stem = target.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    (1..=count)
        .map(|n| target.with_file_name(format!("{stem}-{n}.{}", format.extension())))
        .collect()
}

/// `missive check`.
fn check(args: CheckArgs) -> Result<bool, String> {
    let mut all_ok = true;
    for path in &args.letters {
        match letter::load(path) {
            Ok(letter) => {
                report(&letter.warnings);
                eprintln!("ok: {}", display_path(path));
            }
            Err(problems) => {
                report(&problems);
                all_ok = false;
            }
        }
    }
    Ok(all_ok)
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
