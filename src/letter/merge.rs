//! Merging a letter's front matter with its house, checking each value where it is
//! written: the letter's own key, else the house's, each problem at its line and column
//! in the file that sets it.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use toml::Spanned;

use super::assets::{self, IMAGE_EXTENSIONS};
use super::front_matter::{Letterhead, Paper, Signatory};
use super::house::{House, HouseConfig};
use super::source::LetterSource;
use super::window::{self, Window};
use crate::diagnostic::{Cause, Diagnostic, Diagnostics, SourceText, codes};
use crate::i18n::{Lang, SUPPORTED};

/// The template a letter asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Template {
    /// A built-in template, by name.
    Builtin(&'static str),
    /// A template file under the letter's root, as a project path.
    File(String),
}

/// The built-in template of a letter that names none, nor does its house.
const DEFAULT_TEMPLATE: &str = "house";

/// Whether a `template` value is a path rather than a built-in name.
fn is_template_path(value: &str) -> bool {
    value.ends_with(".typ") || value.contains('/')
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

/// Checks values while merging, collecting the problems.
pub(super) struct Checker<'a> {
    /// What was found, in the order it was found.
    pub problems: Diagnostics,
    source: &'a LetterSource,
    root: &'a Path,
    letter: Located<'a>,
    house: Option<(&'a House, Located<'a>)>,
}

impl<'a> Checker<'a> {
    /// A checker for the letter `source` in `dir`, under `root`, of `house`.
    pub fn new(
        source: &'a LetterSource,
        dir: &'a Path,
        root: &'a Path,
        house: Option<&'a House>,
    ) -> Self {
        Checker {
            problems: Vec::new(),
            source,
            root,
            letter: Located {
                file: &source.file,
                offset: source.front.start,
                dir,
            },
            house: house.map(|h| {
                let located = Located {
                    file: &h.file,
                    offset: 0,
                    dir: &h.dir,
                };
                (h, located)
            }),
        }
    }

    /// The letter's date, which only the letter gives.
    pub fn date(&mut self, date: Option<&Spanned<toml::value::Datetime>>) -> Option<NaiveDate> {
        let at = &self.letter;
        let Some(date) = date else {
            self.problems.push(
                Diagnostic::error(codes::NO_DATE, "the letter has no `date`")
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
            let range = at.range(date);
            self.problems.push(
                Diagnostic::error(
                    codes::DATE_WITH_TIME,
                    format!("`date` must be a calendar date, not `{value}`"),
                )
                .at(at.file, range)
                .hint("write only the day, e.g. `date = 2026-03-02`"),
            );
        }
        parsed
    }

    /// The letter's own value of a key, else its house's, with the file that gives it.
    fn own_or_house<'v>(
        &'v self,
        own: Option<&'v Spanned<String>>,
        house: fn(&HouseConfig) -> Option<&Spanned<String>>,
    ) -> Option<(&'v Spanned<String>, &'v Located<'a>)> {
        match own {
            Some(value) => Some((value, &self.letter)),
            None => {
                let (h, at) = self.house.as_ref()?;
                house(&h.config).map(|value| (value, at))
            }
        }
    }

    /// The letter's language: its own `lang`, else the house's, else English.
    pub fn lang(&mut self, own: Option<&Spanned<String>>) -> Option<Lang> {
        let Some((tag, at)) = self.own_or_house(own, |house| house.lang.as_ref()) else {
            return Lang::parse("en");
        };
        let Some(lang) = Lang::parse(tag.get_ref()) else {
            let problem = Diagnostic::error(
                codes::BAD_LANG,
                format!("`lang` is not a language tag: `{}`", tag.get_ref()),
            )
            .at(at.file, at.range(tag))
            .hint("use a BCP 47 tag such as `en`, `en-GB`, `es`, `fr`, `ar`, `ru` or `zh`");
            self.problems.push(problem);
            return None;
        };
        if !lang.is_supported() {
            let problem = Diagnostic::warning(
                codes::UNSUPPORTED_LANG,
                format!(
                    "missive has no dates and labels in `{}`; they are written in English",
                    lang.language
                ),
            )
            .at(at.file, at.range(tag))
            .hint(format!("supported languages: {}", SUPPORTED.join(", ")));
            self.problems.push(problem);
        }
        Some(lang)
    }

    /// The window envelope: the letter's `window`, else the house's, checked against the
    /// paper where it is written.
    pub fn window(&mut self, own: Option<&Spanned<toml::Value>>, paper: Paper) -> Option<Window> {
        let (value, at) = match own {
            Some(value) => (value, &self.letter),
            None => {
                let (house, at) = self.house.as_ref()?;
                (house.config.window.as_ref()?, at)
            }
        };
        match window::parse(value.get_ref(), paper) {
            Ok(window) => Some(window),
            Err((message, hint)) => {
                let problem = Diagnostic::error(codes::BAD_WINDOW, message)
                    .at(at.file, at.range(value))
                    .hint(hint);
                self.problems.push(problem);
                None
            }
        }
    }

    /// The template: the letter's `template`, else the house's, else the default one.
    pub fn template(
        &mut self,
        own: Option<&Spanned<String>>,
        builtins: &[&'static str],
    ) -> Option<Template> {
        let Some((name, at)) = self.own_or_house(own, |house| house.template.as_ref()) else {
            return Some(Template::Builtin(DEFAULT_TEMPLATE));
        };
        let value = name.get_ref();
        if is_template_path(value) {
            return match assets::resolve(self.root, at.dir, value, &["typ"]) {
                Ok(path) => Some(Template::File(path)),
                Err(cause) => {
                    let problem = cause
                        .error("template ")
                        .at(at.file, at.range(name))
                        .hint("give the path of a `.typ` file inside the house folder, relative to the file that names it");
                    self.problems.push(problem);
                    None
                }
            };
        }
        if let Some(builtin) = builtins.iter().find(|b| **b == value) {
            return Some(Template::Builtin(builtin));
        }
        let names: Vec<String> = builtins.iter().map(|b| format!("`{b}`")).collect();
        let problem = Diagnostic::error(
            codes::UNKNOWN_TEMPLATE,
            format!("unknown template `{value}`"),
        )
        .at(at.file, at.range(name))
        .hint(format!(
            "built-in templates are {}; a custom template is a path ending in `.typ`",
            names.join(", ")
        ));
        self.problems.push(problem);
        None
    }

    /// The letterhead: the letter's keys over the house's, each file's logo resolved and
    /// accent checked where it is written.
    pub fn letterhead(&mut self, own: &Letterhead) -> Letterhead {
        let checked = self.checked_letterhead(Which::Letter, own);
        let merged = match self.house {
            Some((house, _)) => {
                checked.over(self.checked_letterhead(Which::House, &house.config.letterhead))
            }
            None => checked,
        };
        self.unnamed_logo(own, &merged);
        merged
    }

    /// A warning, at the `logo` that sets it, when the letterhead's logo has no
    /// alternative text: every PDF is tagged, and a screen reader would meet an unnamed
    /// image (PDF/UA refuses it, in `export::pdf_errors`).
    fn unnamed_logo(&mut self, own: &Letterhead, merged: &Letterhead) {
        let Some(logo) = &merged.logo else {
            return;
        };
        if merged
            .logo_alt
            .as_deref()
            .is_some_and(|alt| !alt.trim().is_empty())
        {
            return;
        }
        let (which, written) = match (&own.logo, &self.house) {
            (Some(written), _) => (Which::Letter, written),
            (None, Some((house, _))) => match &house.config.letterhead.logo {
                Some(written) => (Which::House, written),
                None => return,
            },
            (None, None) => return,
        };
        let at = self.located(which);
        let (file, range) = (at.file.clone(), at.range(logo));
        self.problems.push(
            Diagnostic::warning(codes::LOGO_WITHOUT_ALT, format!(
                "the letterhead logo `{}` has no `logo_alt`: a screen reader meets an unnamed image",
                written.get_ref()
            ))
            .at(&file, range)
            .hint("add `logo_alt = \"…\"` beside `logo`: a short description such as the organisation's name followed by \"logo\""),
        );
    }

    fn checked_letterhead(&mut self, which: Which, letterhead: &Letterhead) -> Letterhead {
        let accent = letterhead.accent.clone().filter(|accent| {
            let hex = accent.get_ref().strip_prefix('#').unwrap_or("");
            let valid = matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit());
            if !valid {
                let message = format!(
                    "`letterhead.accent` is not a colour: `{}`",
                    accent.get_ref()
                );
                self.problem(
                    which,
                    accent,
                    Cause::new(codes::BAD_ACCENT, message),
                    "write a hexadecimal colour such as `#0b5394`",
                );
            }
            valid
        });
        let logo = letterhead.logo.as_ref().and_then(|logo| {
            self.image(which, logo)
                .map(|path| Spanned::new(logo.span(), path))
        });
        Letterhead {
            logo,
            accent,
            ..letterhead.clone()
        }
    }

    /// Checks the signatories; returns the project path of each one's signature.
    pub fn signatories(&mut self, signatories: &[Signatory]) -> Vec<Option<String>> {
        let source = self.source;
        let start = source.front.start;
        if signatories.is_empty() {
            self.problems.push(
                Diagnostic::error(codes::NO_SIGNATORIES, "the letter has no signatories")
                    .at(&source.file, start..start)
                    .hint("add at least one `[[signatories]]` table with `name` (and usually `title`)"),
            );
        }
        let mut signatures = Vec::new();
        for (i, s) in signatories.iter().enumerate() {
            if s.name.trim().is_empty() {
                let header = source
                    .table_header("signatories", i)
                    .unwrap_or(start..start);
                self.problems.push(
                    Diagnostic::error(
                        codes::SIGNATORY_WITHOUT_NAME,
                        format!("`signatories[{}]` has no name", i + 1),
                    )
                    .at(&source.file, header)
                    .hint("give each `[[signatories]]` table a `name = \"…\"`"),
                );
            }
            let signature = s
                .signature
                .as_ref()
                .and_then(|p| self.image(Which::Letter, p));
            signatures.push(signature);
        }
        signatures
    }

    fn image(&mut self, which: Which, written: &Spanned<String>) -> Option<String> {
        let dir = self.located(which).dir;
        match assets::resolve(self.root, dir, written.get_ref(), IMAGE_EXTENSIONS) {
            Ok(path) => Some(path),
            Err(cause) => {
                self.problem(
                    which,
                    written,
                    Cause::new(cause.code, format!("image {cause}")),
                    "images are given relative to the file that names them, or from the house folder with a leading `/` (`/signatures/ruiz.png`), and must lie inside it",
                );
                None
            }
        }
    }

    fn located(&self, which: Which) -> &Located<'a> {
        match (which, &self.house) {
            (Which::House, Some((_, at))) => at,
            _ => &self.letter,
        }
    }

    fn problem<T>(&mut self, which: Which, value: &Spanned<T>, cause: Cause, hint: &str) {
        let at = self.located(which);
        let (file, range) = (at.file.clone(), at.range(value));
        self.problems
            .push(cause.error("").at(&file, range).hint(hint));
    }
}

/// Which file a value comes from.
#[derive(Clone, Copy)]
enum Which {
    Letter,
    House,
}
