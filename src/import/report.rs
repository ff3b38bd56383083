//! What `missive import` tells the user about one file: the parts it recognised and
//! where (lines of a text, paragraphs of a Word file or page), the parts it did not find,
//! what it left out and why, what it noticed, and what it could not place.

use std::fmt;

use super::body::{Block, Marker};
use super::chrome::Dropped;
use super::found::Span;
use super::structure::Recognised;
use super::writer::Written;

/// The report on one imported file.
#[derive(Debug, Default)]
pub struct Report {
    /// Recognised parts: label, value, where.
    pub found: Parts,
    /// Parts not found.
    pub missing: Vec<&'static str>,
    /// Things to look at: notes and markers that do not match, a file named as another
    /// format.
    pub notices: Vec<String>,
    /// What the reader kept but the user should know (tracked insertions, fields, where a
    /// page's letter was found, scripts ignored).
    pub noted: Vec<String>,
    /// The encoding a text or page was read in, and why.
    pub encoding: Option<String>,
    /// What was left out: where (if known), an excerpt, why.
    pub dropped: Vec<(Option<String>, String, String)>,
    /// What fits no part: where, the text.
    pub unplaced: Vec<(String, String)>,
}

/// The recognised parts, in the order of a letter: label, value, where.
pub type Parts = Vec<(&'static str, String, Option<String>)>;

/// How the report names where a part was read ("line 3", "paragraphs 4-6").
pub type Locate<'a> = &'a dyn Fn(Span) -> String;

impl Report {
    /// Builds the report of a recognised text letter.
    pub fn new(letter: &Recognised, written: &Written, dropped: Vec<Dropped>) -> Report {
        let at = |span: Span| span.to_string();
        let mut found: Parts = Vec::new();
        let mut missing = Vec::new();
        head(letter, &at, &mut found, &mut missing);
        found.push(("body", body_summary(letter), body_span(letter).map(at)));
        for block in &letter.body {
            if let Block::Heading(text) = &block.value {
                found.push(("heading", text.clone(), Some(at(block.span))));
            }
        }
        signoff(letter, &at, &mut found, &mut missing);
        endnotes(letter, &mut found);
        Report {
            found,
            missing,
            notices: notices(written),
            noted: Vec::new(),
            encoding: None,
            dropped: dropped
                .into_iter()
                .map(|d| (Some(format!("line {}", d.line.number)), d.line.text, d.rule))
                .collect(),
            unplaced: letter
                .unplaced
                .iter()
                .map(|l| (format!("line {}", l.number), l.text.clone()))
                .collect(),
        }
    }
}

/// The date, place and language, the reference, addressees, subject and salutation.
pub fn head(letter: &Recognised, at: Locate, found: &mut Parts, missing: &mut Vec<&'static str>) {
    match &letter.date {
        Some(date) => {
            found.push(("date", date.value.date.to_string(), Some(at(date.span))));
            if let Some(place) = &date.value.place {
                found.push(("place", place.clone(), Some(at(date.span))));
            }
            if let Some(lang) = date.value.lang {
                found.push((
                    "lang",
                    format!("{lang} (from the month's name)"),
                    Some(at(date.span)),
                ));
            }
        }
        None => missing.push("date"),
    }
    if let Some(reference) = &letter.reference {
        found.push((
            "reference",
            reference.value.clone(),
            Some(at(reference.span)),
        ));
    }
    for to in &letter.to {
        let address = match to.value.address.len() {
            0 => String::new(),
            1 => " + 1 address line".to_string(),
            n => format!(" + {n} address lines"),
        };
        found.push((
            "to",
            format!("{}{address}", to.value.name),
            Some(at(to.span)),
        ));
    }
    if letter.to.is_empty() {
        missing.push("addressee");
    }
    if let Some(delivery) = &letter.delivery {
        found.push(("delivery", delivery.value.clone(), Some(at(delivery.span))));
    }
    if let Some(subject) = &letter.subject {
        found.push(("subject", subject.value.clone(), Some(at(subject.span))));
    }
    match &letter.salutation {
        Some(s) => found.push(("salutation", s.value.clone(), Some(at(s.span)))),
        None => missing.push("salutation"),
    }
}

/// The closing, signatories, copies, enclosures and postscript.
pub fn signoff(
    letter: &Recognised,
    at: Locate,
    found: &mut Parts,
    missing: &mut Vec<&'static str>,
) {
    let signoff = &letter.signoff;
    match &signoff.closing {
        Some(c) => found.push(("closing", c.value.clone(), Some(at(c.span)))),
        None => missing.push("closing"),
    }
    for s in &signoff.signatories {
        let parts: Vec<&str> = [
            Some(s.value.name.as_str()),
            s.value.title.as_deref(),
            s.value.organization.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        found.push(("signatory", parts.join(" | "), Some(at(s.span))));
    }
    if signoff.signatories.is_empty() {
        missing.push("signatories");
    }
    for cosigner in &signoff.cosigners {
        found.push(("cosigner", cosigner.value.clone(), Some(at(cosigner.span))));
    }
    for cc in &signoff.cc {
        found.push(("cc", cc.value.clone(), Some(at(cc.span))));
    }
    for enclosure in &signoff.enclosures {
        found.push((
            "enclosure",
            enclosure.value.clone(),
            Some(at(enclosure.span)),
        ));
    }
    if let Some(ps) = &signoff.postscript {
        found.push(("postscript", ps.value.clone(), Some(at(ps.span))));
    }
}

/// The endnotes, with their heading.
fn endnotes(letter: &Recognised, found: &mut Parts) {
    let heading = letter.notes_heading.as_ref();
    let (Some(first), Some(last)) = (letter.notes.first(), letter.notes.last()) else {
        return;
    };
    let links = letter
        .notes
        .iter()
        .filter(|n| n.text.contains("://"))
        .count();
    let under = heading.map_or(String::new(), |h| {
        format!(" under the heading \"{}\"", h.text)
    });
    found.push((
        "endnotes",
        format!(
            "{} ([{}] to [{}], {links} with links){under}",
            letter.notes.len(),
            first.number,
            last.number,
        ),
        Some(
            Span {
                first: heading.map_or(first.lines.0, |h| h.number),
                last: last.lines.1,
            }
            .to_string(),
        ),
    ));
}

/// Markers and notes that do not match.
fn notices(written: &Written) -> Vec<String> {
    let mut notices = Vec::new();
    if !written.markers_without_note.is_empty() {
        notices.push(format!(
            "markers without an endnote, kept as text: {}",
            numbers(&written.markers_without_note)
        ));
    }
    if !written.notes_without_text.is_empty() {
        notices.push(format!(
            "endnotes without text, left out (their markers are kept as text): {}",
            numbers(&written.notes_without_text)
        ));
    }
    if !written.notes_without_marker.is_empty() {
        notices.push(format!(
            "endnotes no marker points to (missive leaves them out when rendering): {}",
            numbers(&written.notes_without_marker)
        ));
    }
    notices
}

fn numbers(list: &[u32]) -> String {
    list.iter()
        .map(|n| format!("[{n}]"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn body_summary(letter: &Recognised) -> String {
    let count = |f: &dyn Fn(&Block) -> bool| letter.body.iter().filter(|b| f(&b.value)).count();
    let paragraphs = count(&|b| {
        matches!(
            b,
            Block::Paragraph(_)
                | Block::Item {
                    marker: Marker::Letter,
                    ..
                }
        )
    });
    let headings = count(&|b| matches!(b, Block::Heading(_)));
    let items = count(&|b| {
        matches!(
            b,
            Block::Item {
                marker: Marker::Number(_) | Marker::Bullet,
                ..
            }
        )
    });
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}",
        plural(paragraphs, "paragraph"),
        plural(headings, "heading"),
        plural(items, "list item")
    )
}

fn body_span(letter: &Recognised) -> Option<Span> {
    let first = letter.body.first()?.span.first;
    Some(Span {
        first,
        last: letter.body.last()?.span.last,
    })
}

/// At most `max` characters of `text`, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (label, value, at) in &self.found {
            let at = at.as_ref().map(|s| format!("  ({s})")).unwrap_or_default();
            writeln!(f, "  {label:<11} {}{at}", shorten(value, 80))?;
        }
        if let Some(encoding) = &self.encoding {
            writeln!(f, "  {:<11} {encoding}", "encoding")?;
        }
        if !self.missing.is_empty() {
            writeln!(f, "  {:<11} {}", "not found", self.missing.join(", "))?;
        }
        for noted in &self.noted {
            writeln!(f, "  {:<11} {noted}", "noted")?;
        }
        for notice in &self.notices {
            writeln!(f, "  {:<11} {notice}", "attention")?;
        }
        for (at, text, why) in &self.dropped {
            let at = at.as_ref().map(|a| format!("{a}: ")).unwrap_or_default();
            writeln!(f, "  {:<11} {at}{}  [{why}]", "dropped", shorten(text, 60))?;
        }
        if self.unplaced.is_empty() {
            writeln!(f, "  {:<11} none", "not placed")?;
        }
        for (at, text) in &self.unplaced {
            writeln!(f, "  {:<11} {at}: {}", "not placed", shorten(text, 72))?;
        }
        if !self.unplaced.is_empty() {
            writeln!(
                f,
                "  {:<11} (kept as comments at the top of the front matter)",
                ""
            )?;
        }
        Ok(())
    }
}
