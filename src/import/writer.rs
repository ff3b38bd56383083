//! Writing the letter source: TOML front matter, serialised by the `toml` crate so that
//! every value is quoted and escaped correctly, then a Markdown body in which the
//! imported text is escaped to read literally, with footnotes for the endnotes.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::Datelike;
use serde::Serialize;
use toml::value::{Date, Datetime};

use super::body::{Block, Marker};
use super::escape::inline;
use super::failure::Failure;
use super::structure::Recognised;

/// The front matter as written by `missive import` (the keys of the letter format).
#[derive(Serialize)]
struct FrontMatter<'a> {
    date: Option<Datetime>,
    place: Option<&'a str>,
    lang: Option<&'a str>,
    reference: Option<&'a str>,
    subject: Option<&'a str>,
    salutation: Option<&'a str>,
    closing: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cc: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    enclosures: Vec<&'a str>,
    postscript: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    to: Vec<To<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    signatories: Vec<Signatory<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cosigners: Vec<Cosigner<'a>>,
    delivery: Option<&'a str>,
    letterhead: Option<Letterhead<'a>>,
}

/// The letterhead that a Word file's page header and footer carry.
#[derive(Serialize, Default)]
pub struct Letterhead<'a> {
    /// The organisation's name.
    pub organization: Option<&'a str>,
    /// The logo, written beside the letter.
    pub logo: Option<&'a str>,
    /// The logo's description.
    pub logo_alt: Option<&'a str>,
    /// Address lines.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub address: Vec<&'a str>,
    /// Telephone, e-mail and web lines.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<&'a str>,
}

/// What a Word file or page adds to the front matter besides the recognised parts.
#[derive(Default)]
pub struct Extras<'a> {
    /// The letter's language, from the document when no month name told it.
    pub lang: Option<&'a str>,
    /// The letterhead of its page header and footer.
    pub letterhead: Option<Letterhead<'a>>,
}

#[derive(Serialize)]
struct To<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    address: Vec<&'a str>,
}

#[derive(Serialize)]
struct Signatory<'a> {
    name: &'a str,
    title: Option<&'a str>,
    organization: Option<&'a str>,
}

#[derive(Serialize)]
struct Cosigner<'a> {
    name: &'a str,
}

/// A written letter source, and what the writer noticed about the notes.
#[derive(Debug)]
pub struct Written {
    /// The letter source.
    pub source: String,
    /// Markers `[n]` in the text with no endnote `n` (kept as text).
    pub markers_without_note: Vec<u32>,
    /// Endnotes whose number no marker in the text carries.
    pub notes_without_marker: Vec<u32>,
    /// Endnotes with a number but no text: not written, their markers kept as text.
    pub notes_without_text: Vec<u32>,
}

/// A letter source: the lines that could not be placed as comments, the front matter,
/// the body.
pub fn compose(
    unplaced: &[(String, String)],
    letter: &Recognised,
    extras: &Extras,
    body: &str,
) -> Result<String, Failure> {
    let mut source = String::from("+++\n");
    if !unplaced.is_empty() {
        source.push_str("# What `missive import` could not place (not part of the letter):\n");
        for (at, text) in unplaced {
            for (i, line) in text.lines().enumerate() {
                let at = if i == 0 { at.as_str() } else { "" };
                let _ = writeln!(source, "#   {at}: {line}");
            }
        }
    }
    source.push_str(&front_matter(letter, extras)?);
    source.push_str("+++\n");
    source.push_str(body.trim_start_matches('\n'));
    source.push('\n');
    Ok(source)
}

/// Writes the letter source of a text letter.
pub fn write(letter: &Recognised) -> Result<Written, Failure> {
    let (notes, empty): (Vec<_>, Vec<_>) = letter.notes.iter().partition(|n| !n.text.is_empty());
    let defined: BTreeSet<u32> = notes.iter().map(|n| n.number).collect();
    let mut markers = BTreeSet::new();
    let mut body = String::new();
    let mut previous: Option<Marker> = None;
    for block in &letter.body {
        let item = match &block.value {
            Block::Item {
                marker: marker @ (Marker::Number(_) | Marker::Bullet),
                ..
            } => Some(*marker),
            _ => None,
        };
        let same_list = matches!(
            (previous, item),
            (Some(Marker::Number(_)), Some(Marker::Number(_)))
                | (Some(Marker::Bullet), Some(Marker::Bullet))
        );
        body.push_str(if same_list { "\n" } else { "\n\n" });
        previous = item;
        let text = match &block.value {
            Block::Paragraph(text) | Block::Heading(text) | Block::Item { text, .. } => {
                inline(text, &defined, &mut markers)
            }
        };
        match &block.value {
            Block::Heading(_) => body.push_str("## "),
            Block::Item {
                marker: Marker::Number(n),
                ..
            } => {
                let _ = write!(body, "{n}. ");
            }
            Block::Item {
                marker: Marker::Bullet,
                ..
            } => body.push_str("- "),
            _ => {}
        }
        body.push_str(&text);
    }
    for note in notes {
        let text = inline(&note.text, &BTreeSet::new(), &mut BTreeSet::new());
        let _ = write!(body, "\n\n[^{}]: {text}", note.number);
    }
    let unplaced: Vec<(String, String)> = letter
        .unplaced
        .iter()
        .map(|l| (format!("line {}", l.number), l.text.clone()))
        .collect();
    Ok(Written {
        source: compose(&unplaced, letter, &Extras::default(), &body)?,
        markers_without_note: markers
            .difference(&defined)
            .filter(|n| !empty.iter().any(|e| e.number == **n))
            .copied()
            .collect(),
        notes_without_marker: defined.difference(&markers).copied().collect(),
        notes_without_text: empty.iter().map(|n| n.number).collect(),
    })
}

fn front_matter(letter: &Recognised, extras: &Extras) -> Result<String, Failure> {
    let date = letter.date.as_ref().map(|d| &d.value);
    let signoff = &letter.signoff;
    let front = FrontMatter {
        date: date.map(|d| Datetime {
            date: Some(Date {
                year: d.date.year() as u16,
                month: d.date.month() as u8,
                day: d.date.day() as u8,
            }),
            time: None,
            offset: None,
        }),
        place: date.and_then(|d| d.place.as_deref()),
        lang: date.and_then(|d| d.lang).or(extras.lang),
        reference: letter.reference.as_ref().map(|r| r.value.as_str()),
        subject: letter.subject.as_ref().map(|s| s.value.as_str()),
        salutation: letter.salutation.as_ref().map(|s| s.value.as_str()),
        closing: signoff.closing.as_ref().map(|c| c.value.as_str()),
        cc: signoff.cc.iter().map(|c| c.value.as_str()).collect(),
        enclosures: signoff
            .enclosures
            .iter()
            .map(|e| e.value.as_str())
            .collect(),
        postscript: signoff.postscript.as_ref().map(|p| p.value.as_str()),
        to: letter
            .to
            .iter()
            .map(|t| To {
                name: &t.value.name,
                address: t.value.address.iter().map(String::as_str).collect(),
            })
            .collect(),
        signatories: signoff
            .signatories
            .iter()
            .map(|s| Signatory {
                name: &s.value.name,
                title: s.value.title.as_deref(),
                organization: s.value.organization.as_deref(),
            })
            .collect(),
        cosigners: signoff
            .cosigners
            .iter()
            .map(|c| Cosigner { name: &c.value })
            .collect(),
        delivery: letter.delivery.as_ref().map(|d| d.value.as_str()),
        letterhead: extras.letterhead.as_ref().map(|l| Letterhead {
            organization: l.organization,
            logo: l.logo,
            logo_alt: l.logo_alt,
            address: l.address.clone(),
            contacts: l.contacts.clone(),
        }),
    };
    toml::to_string(&front).map_err(|err| Failure::FrontMatter(err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::keys::{Key, Shape};

    #[test]
    fn front_matter_is_read_back_by_the_letter_parser() {
        use crate::diagnostic::SourceText;
        use crate::import::{lines, structure};
        use crate::letter::front_matter::FrontMatter;
        use crate::letter::toml_input::Fragment;

        let text = "June 4, 2021\n\nThe \"Chair\" of C:\\Legal\n'Quoted' House\n\nRe: Tabs\tand \"quotes\" \\ here\n\nDear Chair \"Lu\",\n\nText.\n\nSincerely,\n\nAna \"Nan\" Ruiz\nDirector\n";
        let letter = structure::recognise(&lines::split(text));
        let written = write(&letter).unwrap();
        let file = SourceText::new("l.md", written.source.clone());
        let end = written.source[4..].find("+++\n").unwrap() + 4;
        let front: FrontMatter = Fragment {
            file: &file,
            range: 4..end,
            what: "front matter",
        }
        .parse()
        .unwrap_or_else(|e| panic!("{}: {}", written.source, e[0]));
        assert_eq!(front.to[0].name, "The \"Chair\" of C:\\Legal");
        assert_eq!(front.to[0].address, ["'Quoted' House"]);
        assert_eq!(
            front.subject.as_deref(),
            Some("Tabs and \"quotes\" \\ here")
        );
        assert_eq!(front.salutation.as_deref(), Some("Dear Chair \"Lu\","));
        assert_eq!(front.signatories[0].name, "Ana \"Nan\" Ruiz");
        assert_eq!(front.date.unwrap().into_inner().to_string(), "2021-06-04");
    }

    /// The front-matter keys `missive import` never writes, and why: what a letter cannot
    /// tell (signature images, the template, the paper, a letterhead's colour and side
    /// column, which the house gives) and what it does not recognise yet (a co-signer's
    /// detail line). A
    /// Word file's page header gives the letterhead's name, logo, address and contacts.
    const NOT_IMPORTED: &[&str] = &[
        "signatories.signature",
        "signatories.signature_alt",
        "cosigners.detail",
        "template",
        "paper",
        "letterhead.accent",
        "letterhead.sidebar",
        "smart_punctuation",
        "recipients",
        "draft",
        "window",
        "return_address",
    ];

    /// The dotted paths of every key of `keys`.
    fn known(keys: &[Key], prefix: &str, out: &mut Vec<String>) {
        for Key(name, shape) in keys {
            let path = format!("{prefix}{name}");
            if let Shape::Table(inner) | Shape::Tables(inner) = shape {
                known(inner, &format!("{path}."), out);
            }
            out.push(path);
        }
    }

    /// The dotted paths of every key of a written table (arrays of tables looked into).
    fn written(table: &toml::Table, prefix: &str, out: &mut Vec<String>) {
        for (name, value) in table {
            let path = format!("{prefix}{name}");
            let tables = match value {
                toml::Value::Array(items) => items.iter().filter_map(|i| i.as_table()).collect(),
                toml::Value::Table(inner) => vec![inner],
                _ => Vec::new(),
            };
            for inner in tables {
                written(inner, &format!("{path}."), out);
            }
            out.push(path);
        }
    }

    #[test]
    fn every_front_matter_key_is_written_or_left_out_on_purpose() {
        use crate::letter::front_matter::FrontMatter as Read;
        use crate::letter::keys::Table;

        let date = Datetime {
            date: Some(Date {
                year: 2021,
                month: 6,
                day: 4,
            }),
            time: None,
            offset: None,
        };
        let full = FrontMatter {
            date: Some(date),
            place: Some("Geneva"),
            lang: Some("fr"),
            reference: Some("R/1"),
            subject: Some("S"),
            salutation: Some("Dear all,"),
            closing: Some("Yours,"),
            cc: vec!["C"],
            enclosures: vec!["E"],
            postscript: Some("P"),
            to: vec![To {
                name: "N",
                address: vec!["A"],
            }],
            signatories: vec![Signatory {
                name: "N",
                title: Some("T"),
                organization: Some("O"),
            }],
            cosigners: vec![Cosigner { name: "C" }],
            delivery: Some("By fax"),
            letterhead: Some(Letterhead {
                organization: Some("O"),
                logo: Some("l.png"),
                logo_alt: Some("L"),
                address: vec!["A"],
                contacts: vec!["C"],
            }),
        };
        let table: toml::Table = toml::from_str(&toml::to_string(&full).unwrap()).unwrap();
        let mut out = Vec::new();
        written(&table, "", &mut out);
        let mut keys = Vec::new();
        known(Read::KEYS, "", &mut keys);
        for path in &out {
            assert!(
                keys.contains(path),
                "import writes `{path}`, which letters do not have"
            );
        }
        let left_out = |path: &String| {
            NOT_IMPORTED
                .iter()
                .any(|n| path == n || path.starts_with(&format!("{n}.")))
        };
        for path in &keys {
            assert!(
                out.contains(path) != left_out(path),
                "`{path}` must be written by import or listed in NOT_IMPORTED (not both)"
            );
        }
    }
}
