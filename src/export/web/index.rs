//! The archive's `index.html`: one self-contained, accessible page listing a folder's
//! letter pages by date, newest first, grouped by year, in the house's language and
//! style, from the built-in `index.html` template or the house's (`[web]
//! index_template`). `missive batch --format html` keeps it with the pages; it is
//! rewritten only when its bytes change.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use chrono::{Datelike as _, NaiveDate};
use minijinja::{Value, context};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::{Deserialize, Serialize};

use super::{INDEX, fonts, house_image, template};
use crate::diagnostic::Diagnostics;
use crate::export::output::write_output;
use crate::i18n::Lang;
use crate::letter::house::House;
use crate::typeset::Prepared;

/// One letter of the index. A letter sent as personal copies is one entry (made with
/// [`IndexEntry::copies`]), not one per copy: the index lists what the organisation
/// wrote, and naming one recipient of many would say the letter went to them alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// The letter's title: its subject, else "Letter to …" in its language.
    pub subject: String,
    /// Its addressees' names (the index shows the first).
    pub addressees: Vec<String>,
    /// Its date.
    pub date: NaiveDate,
    /// Its language tag (`fr-CH`).
    pub lang: String,
    /// Its writing direction, `ltr` or `rtl`.
    pub dir: String,
    /// Its page, relative to the index's folder, with `/` between folders
    /// (`2026/letter.html`): see [`link`].
    pub link: String,
    /// How many personal copies it was sent as (0 for a letter without recipients).
    pub copies: usize,
}

impl IndexEntry {
    /// The entry of a letter whose page is at `link` (see [`link`]).
    pub fn of(prepared: &Prepared, link: String) -> IndexEntry {
        let data = &prepared.data;
        IndexEntry {
            subject: data.title.clone(),
            addressees: data.to.iter().map(|to| to.name.clone()).collect(),
            date: prepared.letter.date,
            lang: data.lang.tag.clone(),
            dir: data.lang.dir.to_string(),
            link,
            copies: 0,
        }
    }

    /// The one entry of a letter sent as `count` personal copies, made from its first
    /// copy, linking to that copy's page. Not to the copies' folder: a folder is a page
    /// only where a web server lists it, and an archive opened from disk or served as
    /// static files has no page there.
    pub fn copies(first: &Prepared, link: String, count: usize) -> IndexEntry {
        IndexEntry {
            addressees: Vec::new(),
            copies: count,
            ..IndexEntry::of(first, link)
        }
    }
}

/// The link from the index `index` to the page `page`: its path relative to the index's
/// folder, `/` between folders; `None` if the page is not below that folder.
pub fn link(index: &Path, page: &Path) -> Option<String> {
    let folder = index.parent().unwrap_or(Path::new(""));
    let relative = page.strip_prefix(folder).ok()?;
    let parts: Option<Vec<&str>> = (relative.components())
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    parts.filter(|p| !p.is_empty()).map(|p| p.join("/"))
}

/// Writes the index of `entries` to `path` (with the style and language of `house`),
/// only if its bytes differ from the file there (a temporary file, then a rename);
/// whether it wrote.
pub fn write_index(
    path: &Path,
    entries: &[IndexEntry],
    house: Option<&House>,
) -> Result<bool, Diagnostics> {
    let bytes = page(entries, house)?;
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    write_output(path, &bytes)?;
    Ok(true)
}

/// The index page of `entries`, in the language and style of `house`.
pub fn page(entries: &[IndexEntry], house: Option<&House>) -> Result<Vec<u8>, Diagnostics> {
    let lang = house_lang(house);
    let labels = lang.web_labels();
    let letterhead = house.map(|h| &h.config.letterhead);
    let organization = letterhead.and_then(|l| l.organization.clone());
    let title = match &organization {
        Some(name) => format!("{} — {name}", labels.letters),
        None => labels.letters.to_string(),
    };
    let logo = house.and_then(house_image);
    let data = context! {
        index => context! {
            lang => lang.tag(),
            dir => if lang.is_rtl() { "rtl" } else { "ltr" },
            title => title,
            organization => organization,
            accent => letterhead.and_then(|l| l.accent.as_ref()).map(|a| a.get_ref().clone()),
            logo => logo,
            logo_alt => letterhead.and_then(|l| l.logo_alt.clone()),
            count => entries.len(),
            years => years(entries, &lang),
        },
        labels => Value::from_serialize(&labels),
        fonts => fonts::stacks(),
    };
    let written = house.and_then(|h| h.config.web.index_template.as_ref());
    let source = template::source(&INDEX, house, written)?;
    template::render(&INDEX, source, data)
}

/// The index's language: the house's, else English.
fn house_lang(house: Option<&House>) -> Lang {
    (house.and_then(|h| h.config.lang.as_ref()))
        .and_then(|tag| Lang::parse(tag.get_ref()))
        .unwrap_or_else(|| Lang::parse("en").expect("`en` is a language tag"))
}

/// The entries by year, newest year first, and in each year newest first (letters of
/// one day by subject, then link, so that the order never depends on the caller's).
fn years(entries: &[IndexEntry], lang: &Lang) -> Vec<Value> {
    let mut sorted: Vec<&IndexEntry> = entries.iter().collect();
    sorted.sort_by(|a, b| {
        (b.date.cmp(&a.date))
            .then_with(|| a.subject.cmp(&b.subject))
            .then_with(|| a.link.cmp(&b.link))
    });
    let mut years: BTreeMap<i32, Vec<Value>> = BTreeMap::new();
    for entry in sorted {
        let item = item(entry, lang);
        years.entry(entry.date.year()).or_default().push(item);
    }
    (years.into_iter().rev())
        .map(|(year, letters)| context! { year => year, letters => letters })
        .collect()
}

/// One entry as the template receives it: its date in the index's language; its
/// language (`lang`, `dir`) where it differs from the index's, named (`language`) where
/// the language itself does; the addressee's label around the name, so that the name
/// can be marked in the letter's language.
fn item(entry: &IndexEntry, index_lang: &Lang) -> Value {
    let own = Lang::parse(&entry.lang);
    let other_tag = own.as_ref().is_some_and(|l| l.tag() != index_lang.tag());
    let other_language = own.as_ref().filter(|l| l.language != index_lang.language);
    let labels = index_lang.web_labels();
    let (before, after) = labels.to.split_once("{name}").unwrap_or((labels.to, ""));
    context! {
        subject => entry.subject,
        href => Value::from_safe_string(href(&entry.link)),
        date => context! { iso => entry.date.format("%Y-%m-%d").to_string(), text => index_lang.format_date(entry.date) },
        lang => other_tag.then(|| entry.lang.clone()),
        dir => other_tag.then(|| entry.dir.clone()),
        language => other_language.map(Lang::own_name),
        to => entry.addressees.first().map(|name| context! { before => before, name => name, after => after }),
        copies => (entry.copies > 0).then(|| labels.copies.replace("{count}", &entry.copies.to_string())),
    }
}

/// The characters of a path segment that an `href` must not hold as they are: those
/// that would end or change the address (`#`, `?`, `%`, `/` inside a name), spaces
/// and the ones HTML or URL parsers treat specially.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'&')
    .add(b'%')
    .add(b'?')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'\'');

/// A page's link as an `href`: each folder's and file's name percent-encoded, after
/// `./`, so that a file named like an address (`javascript:x.html`) stays a file. It
/// holds no character HTML gives a meaning (`&`, `<`, `"`, `'` are encoded), so the
/// template writes it as it is.
fn href(link: &str) -> String {
    let parts: Vec<String> = (link.split('/'))
        .map(|part| utf8_percent_encode(part, SEGMENT).to_string())
        .collect();
    format!("./{}", parts.join("/"))
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
