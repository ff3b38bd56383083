//! The one path from a letter file to checked, typeset and exported output. `missive
//! render`, `check`, `watch`, `batch` and `import`'s check of what it writes all go
//! through it, so that a batch writes the bytes `render` writes and `check` finds what
//! `render` finds:
//!
//! [`letter::read`] (read, split, parse, merge with the house) → [`typeset::prepare`]
//! (convert the body, last checks) → [`export::typeset_for`] (lay it out, with the
//! sources attached for archival PDFs) → [`export::export`] → atomic writes.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use typst_pdf::PdfStandard;

use crate::budget::{self, Watch};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, codes};
use crate::export::{self, Format, emit, output};
use crate::letter::copies::{LetterCopy, Recipients};
use crate::letter::house::{self, HOUSE_FILE};
use crate::letter::{self, Letter};
use crate::typeset::world::Environment;
use crate::typeset::{self, Prepared, Typeset, templates};

/// Stack size for a thread that checks or renders letters.
///
/// Typst bounds its recursion (parsing depth 256, show rules 64, layout 72, calls 80);
/// at those limits a letter needs under 512 KiB of stack (measured with `ulimit -s` on
/// deeply nested lists, quotes and recursive raw Typst). 16 MiB leaves a wide margin
/// whatever `ulimit -s` says; the memory is only reserved, not used.
pub const STACK_SIZE: usize = 16 << 20;

/// The PDF standards a letter's PDF is made to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Standards {
    /// Its house's `pdf_standard` (none without one).
    #[default]
    House,
    /// These, whatever the house says (`--pdf-standard`).
    Given(Vec<PdfStandard>),
}

impl Standards {
    /// The standards of `letter`.
    pub fn for_letter(&self, letter: &Letter) -> Vec<PdfStandard> {
        match self {
            Standards::Given(list) => list.clone(),
            Standards::House => letter
                .house
                .as_ref()
                .map_or_else(Vec::new, |house| house.pdf_standards.clone()),
        }
    }
}

/// A letter that passed every check, laid out and ready to export.
pub struct Checked {
    /// The checked letter.
    pub letter: Prepared,
    /// Its laid-out document.
    pub typeset: Typeset,
    /// The PDF standards it was typeset for.
    pub standards: Vec<PdfStandard>,
}

impl Checked {
    /// The warnings of checking, then those of typesetting.
    pub fn warnings(&self) -> Diagnostics {
        let mut warnings = self.letter.letter.warnings.clone();
        warnings.extend(self.typeset.warnings.iter().cloned());
        warnings
    }
}

/// Reads the letter at `path` and makes it ready to typeset: every check before Typst
/// runs.
pub fn prepare(path: &Path) -> Result<Prepared, Diagnostics> {
    prepare_copy(path, None)
}

/// [`prepare`] for one personal copy of a letter with `recipients` (`None`: a letter).
pub fn prepare_copy(path: &Path, copy: Option<&LetterCopy>) -> Result<Prepared, Diagnostics> {
    typeset::prepare(letter::read(path, templates::NAMES, copy)?)
}

/// Reads, checks and typesets the letter at `path` for PDFs made to `standards` (none
/// for images). On failure, every problem found: errors first, then the warnings
/// gathered before.
fn typeset(
    env: &Environment,
    (path, copy): (&Path, Option<&LetterCopy>),
    draft: bool,
    standards: impl FnOnce(&Letter) -> Vec<PdfStandard>,
    watch: &Watch,
) -> Result<Checked, Diagnostics> {
    let mut letter = prepare_copy(path, copy)?;
    if draft {
        letter.data.mark_draft();
    }
    let standards = standards(&letter.letter);
    watch.typesetting(&letter);
    match export::typeset_for(env, &letter, &standards) {
        Ok(typeset) => Ok(Checked {
            letter,
            typeset,
            standards,
        }),
        Err(mut problems) => {
            problems.extend(letter.letter.warnings.iter().cloned());
            Err(problems)
        }
    }
}

/// The list of recipients of the letter at `path`, read, with the letter's fields
/// checked against its columns; `None` for a letter without `recipients`.
pub fn recipients(path: &Path) -> Result<Option<Recipients>, Diagnostics> {
    let parsed = letter::parse(path)?;
    let body_filled = typeset::markdown::filled_ranges(parsed.source.body_text());
    Recipients::of(
        &parsed.source,
        &parsed.front,
        (&parsed.dir, &parsed.root),
        &body_filled,
    )
}

/// `missive check`: every check of `render`, typesetting included, and the export to
/// PDF in memory when the letter is made to PDF standards; nothing is written. With
/// `require_final` (`--final`), a draft is an error. `copy`: the personal copy checked,
/// for a letter with `recipients`.
pub fn check(
    env: &Environment,
    (path, copy): (&Path, Option<&LetterCopy>),
    standards: &Standards,
    require_final: bool,
) -> Result<Checked, Diagnostics> {
    let watch = budget::watch(path);
    let checked = typeset(
        env,
        (path, copy),
        false,
        |letter| standards.for_letter(letter),
        &watch,
    )?;
    if require_final && let Some(problem) = checked.letter.letter.draft_problem() {
        let mut problems = vec![problem];
        problems.extend(checked.warnings());
        return Err(problems);
    }
    if !checked.standards.is_empty() {
        watch.exporting();
        export::export(
            &checked.letter,
            &checked.typeset,
            &checked.standards,
            Format::Pdf,
        )?;
    }
    Ok(checked)
}

/// One output of a letter: a format and the file it is written to (PNG and SVG pages
/// get `-N` before the extension).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Target {
    /// The output format.
    pub format: Format,
    /// The output file.
    pub path: PathBuf,
}

/// The outputs named `stem` in `folder`, one per format (`stem.pdf`, `stem.html`, …).
pub fn targets(folder: &Path, stem: &str, formats: &[Format]) -> Vec<Target> {
    (formats.iter())
        .map(|&format| Target {
            format,
            path: folder.join(format!("{stem}.{}", format.extension())),
        })
        .collect()
}

/// Where and how to write one letter.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    /// Its outputs, every one made from one pass: one read, one conversion of the body,
    /// one compile.
    pub targets: &'a [Target],
    /// The PDF standards (for PDF output).
    pub standards: &'a Standards,
    /// Where to write the letter's Typst project, if anywhere.
    pub emit_typst: Option<&'a Path>,
    /// Mark it a draft, whatever it says (`render --draft`).
    pub draft: bool,
    /// The personal copy to render, for a letter with `recipients`.
    pub copy: Option<&'a LetterCopy>,
}

/// The files written for one output format, with their sizes in bytes.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Written {
    /// The format.
    pub format: Format,
    /// Its files (one, or one a page for PNG and SVG), with their sizes.
    pub files: Vec<(PathBuf, u64)>,
    /// For a web page made with the house's page template, that template's project path
    /// (a file only this output read).
    pub template: Option<String>,
}

/// A rendered letter and what it was made from.
pub struct Rendered {
    /// What was written, per target in the job's order.
    pub outputs: Vec<Written>,
    /// The number of pages.
    pub pages: usize,
    /// The warnings of checking, then those of typesetting.
    pub warnings: Diagnostics,
    /// The letter's house file, if it has one.
    pub house: Option<Arc<SourceText>>,
    /// Project paths and bytes of the files read under the root.
    pub files: Vec<(String, Vec<u8>)>,
    /// The files the outputs depend on (canonical): the letter, its house file, the files
    /// read under the root and, for a web page, the house's page template.
    pub dependencies: Vec<PathBuf>,
    /// What an archive's index shows of the letter.
    pub summary: Summary,
    /// The letter's root: its house folder, else its own folder (project paths start there).
    pub root: PathBuf,
}

/// What an archive's index of web pages shows of a letter (or copy): its title,
/// addressees, date and language, as its page shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// The subject, if it has one.
    pub subject: Option<String>,
    /// The page's title: the subject, else "Letter to …" in the letter's language.
    pub title: String,
    /// The addressees' names, in order.
    pub addressees: Vec<String>,
    /// The date, `2026-03-02`.
    pub date: String,
    /// The language tag (`en-GB`, `ar`).
    pub lang: String,
    /// The writing direction, `ltr` or `rtl`.
    pub dir: String,
    /// For a personal copy, its row of the list (from 1).
    pub row: Option<usize>,
}

/// The index's summary of a prepared letter (the copy of `copy`, for a copy).
fn summary(letter: &Prepared, copy: Option<&LetterCopy>) -> Summary {
    let data = &letter.data;
    Summary {
        subject: data.subject.clone(),
        title: data.title.clone(),
        addressees: data.to.iter().map(|to| to.name.clone()).collect(),
        date: data.date.iso.clone(),
        lang: data.lang.tag.clone(),
        dir: data.lang.dir.to_string(),
        row: copy.map(|copy| copy.row().number),
    }
}

impl Rendered {
    /// Every file written, in order.
    pub fn files_written(&self) -> impl Iterator<Item = &PathBuf> {
        self.outputs
            .iter()
            .flat_map(|output| output.files.iter().map(|(path, _)| path))
    }
}

/// Renders the letter at `path` as `job` says: every check, then the outputs written
/// atomically, or nothing at all. The letter is read, converted and typeset once for all
/// its targets: for PDF standards if PDF is among them (other formats do not depend on
/// them).
pub fn render(env: &Environment, path: &Path, job: &Job) -> Result<Rendered, Diagnostics> {
    let watch = budget::watch(path);
    let to_pdf = job.targets.iter().any(|t| t.format == Format::Pdf);
    let for_format = |letter: &Letter| {
        if to_pdf {
            job.standards.for_letter(letter)
        } else {
            Vec::new()
        }
    };
    let checked = typeset(env, (path, job.copy), job.draft, for_format, &watch)?;
    let Checked {
        letter,
        typeset,
        standards,
    } = &checked;
    watch.exporting();
    let mut exported = Vec::with_capacity(job.targets.len());
    for target in job.targets {
        exported.push(export::export(letter, typeset, standards, target.format)?);
    }
    // Within its budgets: nothing stops the process while the files are written.
    drop(watch);
    if let Some(dir) = job.emit_typst {
        emit::emit(dir, typeset, env).map_err(|err| {
            vec![Diagnostic::error(
                codes::CANNOT_WRITE,
                format!("cannot write the Typst project to {}: {err}", dir.display()),
            )]
        })?;
    }
    let root = &letter.letter.root;
    let page_template = (export::web::template_file(&letter.letter))
        .and_then(|file| Some(format!("/{}", file.strip_prefix(root).ok()?.display())));
    let mut outputs = Vec::with_capacity(job.targets.len());
    for (target, bytes) in job.targets.iter().zip(&exported) {
        let paths = output::page_paths(&target.path, target.format, bytes.len());
        let mut files = Vec::with_capacity(paths.len());
        for (file, bytes) in paths.into_iter().zip(bytes) {
            output::write_output(&file, bytes)?;
            files.push((file, bytes.len() as u64));
        }
        outputs.push(Written {
            format: target.format,
            files,
            template: target
                .format
                .is_web()
                .then(|| page_template.clone())
                .flatten(),
        });
    }
    let mut dependencies = letter_files(path);
    dependencies.extend(
        typeset
            .files
            .iter()
            .map(|(p, _)| root.join(p.trim_start_matches('/'))),
    );
    if job.targets.iter().any(|t| t.format.is_web()) {
        dependencies.extend(export::web::template_file(&letter.letter));
    }
    Ok(Rendered {
        outputs,
        pages: typeset.document.pages().len(),
        warnings: checked.warnings(),
        house: letter.letter.house.as_ref().map(|h| h.file.clone()),
        summary: summary(letter, job.copy),
        root: root.clone(),
        files: checked.typeset.files,
        dependencies,
    })
}

/// The canonical paths of a letter and of its house file, if any: what its output
/// depends on before it is typeset.
pub fn letter_files(path: &Path) -> Vec<PathBuf> {
    let Ok(letter) = path.canonicalize() else {
        return vec![path.to_path_buf()];
    };
    let house = letter
        .parent()
        .and_then(|dir| house::find(dir).ok().flatten());
    let mut files = vec![letter];
    files.extend(house.map(|h| h.dir.join(HOUSE_FILE)));
    files
}
