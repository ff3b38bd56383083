//! Endnotes of a plain-text letter: the list of notes after the letter (`[1] text`, or
//! `1. text` under a "Notes" heading) and, in running text, the markers `[1]` that point
//! at them and the links (`https://…`) that must stay links.

use super::lines::{Line, fold, join_wrapped};

/// One endnote as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Its number in the text.
    pub number: u32,
    /// Its text, wrapped lines joined.
    pub text: String,
    /// First and last line numbers it was read from.
    pub lines: (usize, usize),
}

/// The list of endnotes.
#[derive(Debug, Clone)]
pub struct NotesSection {
    /// Index of its first line (the heading, if any) in the lines searched.
    pub start: usize,
    /// Index after its last line.
    pub end: usize,
    /// A "Notes" heading above the list, if there is one.
    pub heading: Option<Line>,
    /// The notes, in order.
    pub notes: Vec<Note>,
}

/// How the notes are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `[1] text`, `[1]: text`.
    Bracketed,
    /// `1. text`, `1) text`, `1 text` (only under a "Notes" heading).
    Numbered,
}

/// The number and text of a line starting a note in the given style.
fn note_start(style: Style, text: &str) -> Option<(u32, &str)> {
    let (number, rest) = match style {
        Style::Bracketed => {
            let (number, len) = marker_at(text)?;
            let rest = &text[len..];
            (number, rest.strip_prefix([':', '.']).unwrap_or(rest))
        }
        Style::Numbered => {
            let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let rest = &text[digits..];
            let rest = rest.strip_prefix(['.', ')']).unwrap_or(rest);
            if digits == 0 || digits > 4 || rest.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            (text[..digits].parse().ok()?, rest)
        }
    };
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| (number, rest.trim()))
}

/// Whether a line is a heading over the list of notes.
fn is_notes_heading(text: &str) -> bool {
    let folded = fold(text);
    matches!(
        folded.trim_end_matches(':').trim(),
        "notes"
            | "endnotes"
            | "footnotes"
            | "references"
            | "sources"
            | "notas"
            | "notas finales"
            | "referencias"
            | "fuentes"
            | "notes de fin"
            | "renvois"
    )
}

/// Finds the list of notes in `lines[from..]`: a block starting with note 1 (`[1] …`), or
/// a "Notes" heading followed by note 1 in either style.
pub fn find(lines: &[Line], from: usize) -> Option<NotesSection> {
    for i in from..lines.len() {
        let begins_block = i == 0 || lines[i - 1].is_blank();
        if lines[i].is_blank() || !begins_block {
            continue;
        }
        if note_start(Style::Bracketed, &lines[i].text).is_some_and(|(n, _)| n == 1) {
            return Some(collect(lines, i, i, None, Style::Bracketed));
        }
        if is_notes_heading(&lines[i].text)
            && let Some(first) = (i + 1..lines.len()).find(|&j| !lines[j].is_blank())
        {
            for style in [Style::Bracketed, Style::Numbered] {
                if note_start(style, &lines[first].text).is_some_and(|(n, _)| n == 1) {
                    return Some(collect(lines, i, first, Some(lines[i].clone()), style));
                }
            }
        }
    }
    None
}

/// Whether `number` may follow note `last`: any higher number in brackets (a scrape may
/// have lost one), exactly the next one when bare numbers could be ordinary text.
fn follows(style: Style, last: u32, number: u32) -> bool {
    match style {
        Style::Bracketed => number > last,
        Style::Numbered => number == last + 1,
    }
}

fn collect(
    lines: &[Line],
    start: usize,
    first: usize,
    heading: Option<Line>,
    style: Style,
) -> NotesSection {
    let mut notes: Vec<Note> = Vec::new();
    let mut end = first;
    for i in first..lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            continue;
        }
        let last = notes.last().map_or(0, |n| n.number);
        match note_start(style, &line.text).filter(|(n, _)| follows(style, last, *n)) {
            Some((number, text)) => notes.push(Note {
                number,
                text: text.to_string(),
                lines: (line.number, line.number),
            }),
            None => {
                // Wrapped lines of a note, or a block before the next note (often its link).
                let wrapped = !lines[i - 1].is_blank();
                let before_next = lines[i + 1..].iter().any(|l| {
                    note_start(style, &l.text).is_some_and(|(n, _)| follows(style, last, n))
                });
                if !(wrapped || before_next || is_link_only(&line.text)) {
                    break;
                }
                let note = notes.last_mut().expect("collect starts at a note");
                join_wrapped(&mut note.text, &line.text);
                note.lines.1 = line.number;
            }
        }
        end = i + 1;
    }
    NotesSection {
        start,
        end,
        heading,
        notes,
    }
}

/// Markers whose superscript was lost on the way to text (`abuses.3`, `Castile,1 in`),
/// made `[n]` markers again in `texts` (the body's, in reading order): a number right
/// after a word's final punctuation, or after a word of three lowercase letters or more,
/// when it is the next note of `notes` in order of reference (1, then 2 …), so that
/// figures, years and article numbers are left alone. Nothing is done when the text
/// already marks its notes in brackets.
pub fn restore_lost_markers<'a>(texts: impl IntoIterator<Item = &'a mut String>, notes: &[Note]) {
    let defined = |n: u32| {
        notes
            .iter()
            .any(|note| note.number == n && !note.text.is_empty())
    };
    let mut texts: Vec<&mut String> = texts.into_iter().collect();
    let bracketed = texts
        .iter()
        .any(|t| pieces(t).iter().any(|p| matches!(p, Piece::Marker(_))));
    if bracketed || !defined(1) {
        return;
    }
    let mut next = 1;
    for text in &mut texts {
        let mut out = String::with_capacity(text.len() + 8);
        let mut rest: &str = text;
        while let Some((at, len)) = lost_marker(rest, next).filter(|_| defined(next)) {
            out.push_str(&rest[..at]);
            out.push_str(&format!("[{next}]"));
            rest = &rest[at + len..];
            next += 1;
        }
        out.push_str(rest);
        **text = out;
    }
}

/// The first place in `text` where note `number` follows a word as a lost superscript:
/// its byte index and length.
fn lost_marker(text: &str, number: u32) -> Option<(usize, usize)> {
    let digits = number.to_string();
    text.match_indices(&digits)
        .map(|(i, _)| i)
        .find(|&i| {
            let before: Vec<char> = text[..i].chars().rev().take(4).collect();
            let after = text[i + digits.len()..].chars().next();
            let ends = after.is_none_or(|c| c.is_whitespace() || ".,;:)".contains(c));
            let punctuated = before.first().is_some_and(|c| ".,;:!?)\"”’»".contains(*c))
                && before
                    .get(1)
                    .is_some_and(|c| c.is_alphabetic() || "\"”’)".contains(*c));
            let worded = before.len() >= 3 && before[..3].iter().all(|c| c.is_lowercase());
            ends && (punctuated || worded)
        })
        .map(|i| (i, digits.len()))
}

/// A piece of running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Plain text.
    Text(&'a str),
    /// A note marker `[n]`.
    Marker(u32),
    /// A web address.
    Link(&'a str),
}

/// Splits running text into plain text, note markers and links.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let (mut plain, mut i) = (0, 0);
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let found = match bytes[i] {
            b'[' => marker_at(&text[i..]).map(|(n, len)| (Piece::Marker(n), len)),
            b'h' if link_may_start(text, i) => {
                link_at(&text[i..]).map(|len| (Piece::Link(&text[i..i + len]), len))
            }
            _ => None,
        };
        match found {
            Some((piece, len)) => {
                if plain < i {
                    out.push(Piece::Text(&text[plain..i]));
                }
                out.push(piece);
                i += len;
                plain = i;
            }
            None => i += 1,
        }
    }
    if plain < text.len() {
        out.push(Piece::Text(&text[plain..]));
    }
    out
}

/// `[n]` at the start of `text`: the number and the marker's length.
fn marker_at(text: &str) -> Option<(u32, usize)> {
    let inner = text.strip_prefix('[')?;
    let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=4).contains(&digits) || !inner[digits..].starts_with(']') {
        return None;
    }
    let number: u32 = inner[..digits].parse().ok()?;
    (number > 0).then_some((number, digits + 2))
}

fn link_may_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "(<\"“‘'[".contains(c))
}

/// Length of the web address at the start of `text`, without trailing punctuation.
fn link_at(text: &str) -> Option<usize> {
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| text.starts_with(s))?;
    let mut link = text
        .find(|c: char| c.is_whitespace() || "<>\"“”‘’".contains(c))
        .map_or(text, |end| &text[..end]);
    while let Some(last) = link.chars().next_back() {
        let unbalanced = last == ')' && link.matches('(').count() < link.matches(')').count();
        if ".,;:!?'".contains(last) || unbalanced || last == ']' {
            link = &link[..link.len() - last.len_utf8()];
        } else {
            break;
        }
    }
    (link.len() > scheme.len() + 1).then_some(link.len())
}

/// Whether a line is nothing but a web address (and the punctuation after it).
fn is_link_only(text: &str) -> bool {
    match pieces(text).as_slice() {
        [Piece::Link(_)] => true,
        [Piece::Link(_), Piece::Text(rest)] => rest.chars().all(|c| c.is_ascii_punctuation()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    #[test]
    fn bracketed_notes_with_wrapped_lines_and_links_on_their_own() {
        let lines = split(
            "Body.[1]\n\n[1] First, “Title,”\nwrapped, 2021.\n\n[2] Second,\n\nhttps://example.org/a_(b)\n\n[3]: Third.\n\nhttps://example.org/c.\n\nFooter line\n",
        );
        let section = find(&lines, 0).unwrap();
        assert_eq!((section.start, section.end), (2, 12));
        let texts: Vec<&str> = section.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "First, “Title,” wrapped, 2021.",
                "Second, https://example.org/a_(b)",
                "Third. https://example.org/c."
            ]
        );
        assert_eq!(section.notes[1].lines, (6, 8));
    }

    #[test]
    fn numbered_notes_need_a_heading_and_consecutive_numbers() {
        let lines = split(
            "1. A list item\n\nEndnotes\n\n1. One.\n2) Two.\n2020 was wrapped here\n3 Three.\n\nNot a note\n",
        );
        let section = find(&lines, 0).unwrap();
        assert_eq!(section.start, 2);
        assert_eq!(section.heading.as_ref().unwrap().text, "Endnotes");
        let texts: Vec<&str> = section.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["One.", "Two. 2020 was wrapped here", "Three."]);
        assert_eq!(section.end, 8);
    }

    #[test]
    fn no_section_without_note_one_at_a_block_start() {
        assert!(find(&split("Text [1] here.\n\n[2] Two.\n"), 0).is_none());
        assert!(find(&split("Text\n[1] wrapped marker.\n"), 0).is_none());
    }

    #[test]
    fn lost_superscripts_become_markers_in_order() {
        let notes: Vec<Note> = (1..=3)
            .map(|number| Note {
                number,
                text: "A source.".into(),
                lines: (1, 1),
            })
            .collect();
        let mut texts = vec![
            "In 2021 police beat 12 protesters.1 Castile,2 in the square".to_string(),
            "Article 3 of the law; abuses3 continued.".to_string(),
        ];
        restore_lost_markers(texts.iter_mut(), &notes);
        assert_eq!(
            texts,
            [
                "In 2021 police beat 12 protesters.[1] Castile,[2] in the square",
                "Article 3 of the law; abuses[3] continued."
            ]
        );
        let mut bracketed = vec!["Text.[1] More.2".to_string()];
        restore_lost_markers(bracketed.iter_mut(), &notes);
        assert_eq!(bracketed, ["Text.[1] More.2"]);
    }

    #[test]
    fn pieces_find_markers_and_links() {
        assert_eq!(
            pieces("a[1] b [22], see (https://x.org/p?q=1). [x] [0] [12345]"),
            vec![
                Piece::Text("a"),
                Piece::Marker(1),
                Piece::Text(" b "),
                Piece::Marker(22),
                Piece::Text(", see ("),
                Piece::Link("https://x.org/p?q=1"),
                Piece::Text("). [x] [0] [12345]"),
            ]
        );
        assert_eq!(
            pieces("xhttps://x.org"),
            vec![Piece::Text("xhttps://x.org")]
        );
    }
}
