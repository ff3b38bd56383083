//! What `missive import` tells the user about one text: the parts it recognised and where,
//! the parts it did not find, the chrome it dropped and the lines it could not place.

use std::fmt;

use super::body::{Block, Marker};
use super::chrome::Dropped;
use super::found::Span;
use super::lines::Line;
use super::structure::Recognised;
use super::writer::Written;

/// The report on one imported text.
#[derive(Debug)]
pub struct Report {
    /// Recognised parts: label, value, lines.
    found: Parts,
    /// Parts not found.
    missing: Vec<&'static str>,
    /// Things to look at (markers and notes that do not match).
    notices: Vec<String>,
    /// Chrome dropped.
    dropped: Vec<Dropped>,
    /// Lines not placed.
    unplaced: Vec<Line>,
}

/// The recognised parts, in the order of a letter, and the parts not found.
type Parts = Vec<(&'static str, String, Option<Span>)>;

impl Report {
    /// Builds the report of a recognised letter.
    pub fn new(letter: &Recognised, written: &Written, dropped: Vec<Dropped>) -> Report {
        let mut found: Parts = Vec::new();
        let mut missing = Vec::new();
        head(letter, &mut found, &mut missing);
        found.push(("body", body_summary(letter), body_span(letter)));
        for block in &letter.body {
            if let Block::Heading(text) = &block.value {
                found.push(("heading", text.clone(), Some(block.span)));
            }
        }
        signoff(letter, &mut found, &mut missing);
        endnotes(letter, &mut found);
        Report {
            found,
            missing,
            notices: notices(written),
            dropped,
            unplaced: letter.unplaced.clone(),
        }
    }
}

/// The date, place and language, the reference, addressees, subject and salutation.
fn head(letter: &Recognised, found: &mut Parts, missing: &mut Vec<&'static str>) {
    match &letter.date {
        Some(date) => {
            found.push(("date", date.value.date.to_string(), Some(date.span)));
            if let Some(place) = &date.value.place {
                found.push(("place", place.clone(), Some(date.span)));
            }
            if let Some(lang) = date.value.lang {
                found.push((
                    "lang",
                    format!("{lang} (from the month's name)"),
                    Some(date.span),
                ));
            }
        }
        None => missing.push("date"),
    }
    if let Some(reference) = &letter.reference {
        found.push(("reference", reference.value.clone(), Some(reference.span)));
    }
    for to in &letter.to {
        let address = match to.value.address.len() {
            0 => String::new(),
            1 => " + 1 address line".to_string(),
            n => format!(" + {n} address lines"),
        };
        found.push(("to", format!("{}{address}", to.value.name), Some(to.span)));
    }
    if letter.to.is_empty() {
        missing.push("addressee");
    }
    if let Some(subject) = &letter.subject {
        found.push(("subject", subject.value.clone(), Some(subject.span)));
    }
    match &letter.salutation {
        Some(s) => found.push(("salutation", s.value.clone(), Some(s.span))),
        None => missing.push("salutation"),
    }
}

/// The closing, signatories, copies, enclosures and postscript.
fn signoff(letter: &Recognised, found: &mut Parts, missing: &mut Vec<&'static str>) {
    let signoff = &letter.signoff;
    match &signoff.closing {
        Some(c) => found.push(("closing", c.value.clone(), Some(c.span))),
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
        found.push(("signatory", parts.join(" | "), Some(s.span)));
    }
    if signoff.signatories.is_empty() {
        missing.push("signatories");
    }
    for cc in &signoff.cc {
        found.push(("cc", cc.value.clone(), Some(cc.span)));
    }
    for enclosure in &signoff.enclosures {
        found.push(("enclosure", enclosure.value.clone(), Some(enclosure.span)));
    }
    if let Some(ps) = &signoff.postscript {
        found.push(("postscript", ps.value.clone(), Some(ps.span)));
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
        Some(Span {
            first: heading.map_or(first.lines.0, |h| h.number),
            last: last.lines.1,
        }),
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
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (label, value, span) in &self.found {
            let at = span.map(|s| format!("  ({s})")).unwrap_or_default();
            writeln!(f, "  {label:<11} {}{at}", shorten(value, 80))?;
        }
        if !self.missing.is_empty() {
            writeln!(f, "  {:<11} {}", "not found", self.missing.join(", "))?;
        }
        for notice in &self.notices {
            writeln!(f, "  {:<11} {notice}", "attention")?;
        }
        for dropped in &self.dropped {
            let line = &dropped.line;
            writeln!(
                f,
                "  {:<11} line {}: {}  [{}]",
                "dropped",
                line.number,
                shorten(&line.text, 60),
                dropped.rule
            )?;
        }
        if self.unplaced.is_empty() {
            writeln!(f, "  {:<11} none", "not placed")?;
        }
        for line in &self.unplaced {
            writeln!(
                f,
                "  {:<11} line {}: {}",
                "not placed",
                line.number,
                shorten(&line.text, 72)
            )?;
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
