//! A letter ready to typeset: its front matter merged with the house and checked, its
//! paths resolved inside its root, its body converted. Everything `missive check` checks
//! happens here, collecting every problem it can before giving up.

pub mod assets;
pub mod front_matter;
pub mod house;
pub mod scaffold;
pub mod source;
pub mod standards;
pub mod toml_input;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, has_errors};
use crate::i18n::{Lang, SUPPORTED};
use crate::letter::front_matter::{FRONT_MATTER_KEYS, FrontMatter, Letterhead, Paper};
use crate::letter::toml_input::Fragment;
use crate::typeset::markdown::{self, Body};
use crate::typeset::schema::{
    AddresseeData, CosignerData, DateData, LangData, LetterData, SCHEMA_VERSION, SignatoryData,
};
use crate::typeset::templates::{self, Template};
use assets::IMAGE_EXTENSIONS;
use house::House;
use source::LetterSource;

/// A checked letter.
#[derive(Debug)]
pub struct Letter {
    /// The source file, split.
    pub source: LetterSource,
    /// The folder all of the letter's files must lie in (the house folder, canonical).
    pub root: PathBuf,
    /// The house the letter belongs to, if any.
    pub house: Option<House>,
    /// The template that typesets it.
    pub template: Template,
    /// The data handed to the template.
    pub data: LetterData,
    /// The converted body and endnotes.
    pub body: Body,
    /// Warnings found while checking.
    pub warnings: Diagnostics,
}

impl Letter {
    /// Project paths of the images the letter uses (letterhead, signatures, body).
    pub fn images(&self) -> Vec<String> {
        let mut paths: Vec<String> = self.data.letterhead.logo.iter().cloned().collect();
        paths.extend(
            self.data
                .signatories
                .iter()
                .filter_map(|s| s.signature.clone()),
        );
        paths.extend(self.body.images.iter().cloned());
        paths.sort();
        paths.dedup();
        paths
    }
}

/// Reads, merges and checks the letter at `path`.
pub fn load(path: &Path) -> Result<Letter, Diagnostics> {
    let source = source::read(path)?;
    let dir = letter_dir(path)?;
    let house = house::find(&dir)?;
    let root = house
        .as_ref()
        .map_or_else(|| dir.clone(), |h| h.dir.clone());
    let fragment = Fragment {
        file: &source.file,
        range: source.front.clone(),
        what: "front matter",
    };
    let front: FrontMatter = fragment.parse(FRONT_MATTER_KEYS)?;

    let mut checker = Checker {
        problems: Vec::new(),
        root: &root,
    };
    let letter_file = Located {
        file: &source.file,
        offset: source.front.start,
        dir: &dir,
    };
    let house_file = house.as_ref().map(|h| Located {
        file: &h.file,
        offset: 0,
        dir: &h.dir,
    });

    let date = checker.date(&letter_file, front.date.as_ref());
    let lang = checker.lang(
        &letter_file,
        house_file.as_ref(),
        front.lang.as_ref(),
        house.as_ref(),
    );
    let template = checker.template(
        &letter_file,
        house_file.as_ref(),
        front.template.as_ref(),
        house.as_ref(),
    );
    let paper = front
        .paper
        .or(house.as_ref().and_then(|h| h.config.paper))
        .unwrap_or(Paper::A4);
    let closing = front
        .closing
        .clone()
        .or_else(|| house.as_ref().and_then(|h| h.config.closing.clone()));

    let letterhead = {
        let own = checker.letterhead(&letter_file, &front.letterhead);
        match (&house, &house_file) {
            (Some(h), Some(located)) => own.over(checker.letterhead(located, &h.config.letterhead)),
            _ => own,
        }
    }
    .into_data();

    if front.signatories.is_empty() {
        checker.problems.push(
            Diagnostic::error("the letter has no signatories")
                .at(&source.file, source.front.start..source.front.start)
                .hint("add at least one `[[signatories]]` table with `name` (and usually `title`)"),
        );
    }
    let mut signatories = Vec::new();
    for (i, s) in front.signatories.iter().enumerate() {
        if s.name.trim().is_empty() {
            let header = table_header(&source, "signatories", i)
                .unwrap_or(source.front.start..source.front.start);
            checker.problems.push(
                Diagnostic::error(format!("`signatories[{}]` has no name", i + 1))
                    .at(&source.file, header)
                    .hint("give each `[[signatories]]` table a `name = \"…\"`"),
            );
        }
        let signature = s
            .signature
            .as_ref()
            .and_then(|p| checker.image(&letter_file, p));
        signatories.push(SignatoryData {
            name: s.name.clone(),
            title: s.title.clone(),
            organization: s.organization.clone(),
            signature,
            // Without a valid `lang` the letter fails below anyway.
            signature_alt: s.signature_alt.clone().unwrap_or_else(|| {
                lang.as_ref()
                    .map_or_else(String::new, |l| l.signature_alt(&s.name))
            }),
        });
    }

    let body_offset = source.body.start;
    let body = markdown::convert(source.body_text(), &|written: &str| {
        assets::resolve(&root, &dir, written, IMAGE_EXTENSIONS)
    });
    for problem in &body.problems {
        let range = body_offset + problem.range.start..body_offset + problem.range.end;
        let diagnostic = if problem.is_error {
            Diagnostic::error(&problem.message)
        } else {
            Diagnostic::warning(&problem.message)
        };
        checker
            .problems
            .push(diagnostic.at(&source.file, range).hint(&problem.hint));
    }

    let problems = checker.problems;
    let (Some(date), Some(lang), Some(template)) = (date, lang, template) else {
        return Err(problems);
    };
    if has_errors(&problems) {
        return Err(problems);
    }

    let to: Vec<AddresseeData> = front
        .to
        .iter()
        .map(|a| AddresseeData {
            name: a.name.clone(),
            address: a.address.clone(),
        })
        .collect();
    let title = front
        .subject
        .clone()
        .or_else(|| to.first().map(|a| format!("Letter to {}", a.name)))
        .unwrap_or_else(|| "Letter".to_string());
    let labels = lang.labels();
    let data = LetterData {
        schema: SCHEMA_VERSION,
        title,
        authors: signatories.iter().map(|s| s.name.clone()).collect(),
        lang: LangData {
            tag: lang.tag(),
            language: lang.language.clone(),
            region: lang.region.clone(),
            dir: if lang.is_rtl() { "rtl" } else { "ltr" },
        },
        paper: paper.typst_name(),
        date: DateData {
            iso: date.format("%Y-%m-%d").to_string(),
            text: lang.format_date(date),
            year: date.year(),
            month: date.month(),
            day: date.day(),
        },
        place: front.place,
        reference: front.reference,
        subject: front.subject,
        salutation: front.salutation,
        closing,
        to,
        signatories,
        cosigners: front
            .cosigners
            .iter()
            .map(|c| CosignerData {
                name: c.name.clone(),
                detail: c.detail.clone(),
            })
            .collect(),
        cc: front.cc,
        enclosures: front.enclosures,
        postscript: front.postscript,
        letterhead,
        labels,
    }
    .with_spaces_for_tabs();
    Ok(Letter {
        source,
        root,
        house,
        template,
        data,
        body,
        warnings: problems,
    })
}

/// The byte range of the `n`-th (from 0) `[[name]]` header line of the front matter.
fn table_header(source: &LetterSource, name: &str, n: usize) -> Option<Range<usize>> {
    let header = format!("[[{name}]]");
    let front = source.front_text();
    let mut offset = 0;
    let mut found = Vec::new();
    for line in front.split_inclusive('\n') {
        if line.trim() == header {
            let start = source.front.start + offset + (line.len() - line.trim_start().len());
            found.push(start..start + header.len());
        }
        offset += line.len();
    }
    found.into_iter().nth(n)
}

/// The canonical folder of a letter file.
fn letter_dir(path: &Path) -> Result<PathBuf, Diagnostics> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent.canonicalize().map_err(|err| {
        vec![Diagnostic::error(format!(
            "cannot open the folder of {}: {}",
            path.display(),
            source::io_reason(&err)
        ))]
    })
}

/// A file that names values: where its TOML starts and which folder paths are relative to.
struct Located<'a> {
    file: &'a Arc<SourceText>,
    offset: usize,
    dir: &'a Path,
}

impl Located<'_> {
    fn range<T>(&self, value: &Spanned<T>) -> Range<usize> {
        let span = value.span();
        self.offset + span.start..self.offset + span.end
    }
}

/// Collects problems while merging.
struct Checker<'a> {
    problems: Diagnostics,
    root: &'a Path,
}

impl Checker<'_> {
    fn error(&mut self, at: &Located, range: Range<usize>, message: String, hint: &str) {
        self.problems
            .push(Diagnostic::error(message).at(at.file, range).hint(hint));
    }

    fn date(
        &mut self,
        at: &Located,
        date: Option<&Spanned<toml::value::Datetime>>,
    ) -> Option<NaiveDate> {
        let Some(date) = date else {
            self.problems.push(
                Diagnostic::error("the letter has no `date`")
                    .at(at.file, at.offset..at.offset)
                    .hint("add the date of the letter as a TOML date, e.g. `date = 2026-03-02`"),
            );
            return None;
        };
        let value = date.get_ref();
        let parsed = match (value.date, value.time, value.offset) {
            (Some(d), None, None) => {
                NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
            }
            _ => None,
        };
        if parsed.is_none() {
            self.error(
                at,
                at.range(date),
                format!("`date` must be a calendar date, not `{value}`"),
                "write only the day, e.g. `date = 2026-03-02`",
            );
        }
        parsed
    }

    fn lang(
        &mut self,
        letter: &Located,
        house_file: Option<&Located>,
        own: Option<&Spanned<String>>,
        house: Option<&House>,
    ) -> Option<Lang> {
        let (tag, at) = match (own, house.and_then(|h| h.config.lang.as_ref()), house_file) {
            (Some(tag), _, _) => (tag, letter),
            (None, Some(tag), Some(at)) => (tag, at),
            _ => return Lang::parse("en"),
        };
        match Lang::parse(tag.get_ref()) {
            Some(lang) => {
                if !lang.is_supported() {
                    self.problems.push(
                        Diagnostic::warning(format!(
                            "missive has no dates and labels in `{}`; they are written in English",
                            lang.language
                        ))
                        .at(at.file, at.range(tag))
                        .hint(format!("supported languages: {}", SUPPORTED.join(", "))),
                    );
                }
                Some(lang)
            }
            None => {
                self.error(
                    at,
                    at.range(tag),
                    format!("`lang` is not a language tag: `{}`", tag.get_ref()),
                    "use a BCP 47 tag such as `en`, `en-GB`, `es`, `fr`, `ar`, `ru` or `zh`",
                );
                None
            }
        }
    }

    fn template(
        &mut self,
        letter: &Located,
        house_file: Option<&Located>,
        own: Option<&Spanned<String>>,
        house: Option<&House>,
    ) -> Option<Template> {
        let (name, at) = match (
            own,
            house.and_then(|h| h.config.template.as_ref()),
            house_file,
        ) {
            (Some(name), _, _) => (name, letter),
            (None, Some(name), Some(at)) => (name, at),
            _ => return templates::builtin("house").map(Template::Builtin),
        };
        let value = name.get_ref();
        if templates::is_path(value) {
            match assets::resolve(self.root, at.dir, value, &["typ"]) {
                Ok(path) => Some(Template::File(path)),
                Err(reason) => {
                    self.error(at, at.range(name), format!("template {reason}"), "give the path of a `.typ` file inside the house folder, relative to the file that names it");
                    None
                }
            }
        } else if let Some(builtin) = templates::builtin(value) {
            Some(Template::Builtin(builtin))
        } else {
            let hint = format!(
                "built-in templates are {}; a custom template is a path ending in `.typ`",
                templates::BUILTINS
                    .iter()
                    .map(|b| format!("`{}`", b.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            self.error(
                at,
                at.range(name),
                format!("unknown template `{value}`"),
                &hint,
            );
            None
        }
    }

    fn image(&mut self, at: &Located, written: &Spanned<String>) -> Option<String> {
        match assets::resolve(self.root, at.dir, written.get_ref(), IMAGE_EXTENSIONS) {
            Ok(path) => Some(path),
            Err(reason) => {
                self.error(
                    at,
                    at.range(written),
                    format!("image {reason}"),
                    "images are given relative to the file that names them and must lie inside the house folder",
                );
                None
            }
        }
    }

    /// The letterhead with its logo resolved to a project path and its accent checked.
    fn letterhead(&mut self, at: &Located, letterhead: &Letterhead) -> Letterhead {
        let accent = letterhead.accent.clone().filter(|accent| {
            let hex = accent.get_ref().strip_prefix('#').unwrap_or("");
            let valid = matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit());
            if !valid {
                self.error(
                    at,
                    at.range(accent),
                    format!(
                        "`letterhead.accent` is not a colour: `{}`",
                        accent.get_ref()
                    ),
                    "write a hexadecimal colour such as `#0b5394`",
                );
            }
            valid
        });
        let logo = letterhead.logo.as_ref().and_then(|logo| {
            self.image(at, logo)
                .map(|path| Spanned::new(logo.span(), path))
        });
        Letterhead {
            logo,
            accent,
            ..letterhead.clone()
        }
    }
}
