//! What a mail program or a PDF adds to a letter's text, found before the letter's parts
//! are looked for: a mailing list's message header and footer, and the page furniture of
//! text extracted from a PDF (page numbers, running headers repeated at page breaks).
//! Those lines are blanked, so that a paragraph split by a page break reads as two
//! blocks that the body joins back ([`super::body`]).

use std::collections::HashMap;

use super::chrome::Dropped;
use super::lines::{Line, ends_sentence, fold};

/// Header names of an e-mail message as mail programs print them.
const MAIL_HEADERS: &[&str] = &[
    "from",
    "sent",
    "date",
    "to",
    "cc",
    "subject",
    "reply-to",
    "list-id",
    "message-id",
    "de",
    "envoye",
    "a",
    "objet",
    "enviado",
    "para",
    "asunto",
    "von",
    "gesendet",
    "an",
    "betreff",
];

/// Lines that open a quoted or forwarded message.
const MAIL_SEPARATORS: &[&str] = &[
    "-----original message-----",
    "---------- forwarded message ---------",
    "-------- forwarded message --------",
    "begin forwarded message:",
    "-------- message d'origine --------",
    "-----mensaje original-----",
];

/// Blanks the mail and PDF furniture of `lines`; returns the lines and what was dropped.
pub fn strip(lines: &[Line]) -> (Vec<Line>, Vec<Dropped>) {
    let mut out = lines.to_vec();
    let mut dropped = Vec::new();
    let mut drop = |out: &mut Vec<Line>, i: usize, rule: &str| {
        if !out[i].is_blank() {
            let line = out[i].clone();
            out[i].text.clear();
            dropped.push(Dropped {
                line,
                rule: format!("built-in {rule}"),
            });
        }
    };
    for i in mail_header(lines) {
        drop(&mut out, i, "mail header");
    }
    for i in mail_footer(lines) {
        drop(&mut out, i, "mailing-list footer");
    }
    for i in page_numbers(lines) {
        drop(&mut out, i, "page number");
    }
    for i in running_headers(lines) {
        drop(&mut out, i, "running header at a page break");
    }
    dropped.sort_by_key(|d| d.line.number);
    (out, dropped)
}

/// The header name of a `Name: value` line, folded, if it is one of [`MAIL_HEADERS`].
fn mail_header_name(text: &str) -> Option<String> {
    let (name, _) = text.split_once(':')?;
    let name = fold(name.trim());
    MAIL_HEADERS.contains(&name.as_str()).then_some(name)
}

/// The first block of header lines (with a `From:` line and at least one more header),
/// after a forwarded message's separator if there is one, and the separator lines of
/// quoted messages.
fn mail_header(lines: &[Line]) -> Vec<usize> {
    let mut out = Vec::new();
    let separator = |l: &Line| MAIL_SEPARATORS.contains(&fold(&l.text).as_str());
    let first = lines.iter().position(|l| !l.is_blank() && !separator(l));
    if let Some(first) = first {
        let end = (first..lines.len())
            .find(|&i| mail_header_name(&lines[i].text).is_none())
            .unwrap_or(lines.len());
        let names: Vec<String> = (first..end)
            .filter_map(|i| mail_header_name(&lines[i].text))
            .collect();
        let from = names.iter().any(|n| n == "from" || n == "de" || n == "von");
        if from && names.len() >= 2 && end < lines.len() && lines[end].is_blank() {
            out.extend(first..end);
        }
    }
    out.extend(
        (0..lines.len()).filter(|&i| MAIL_SEPARATORS.contains(&fold(&lines[i].text).as_str())),
    );
    out
}

/// A rule of underscores or dashes followed, to the end of the text, by a list's own
/// lines (its name, address, `listinfo` link, how to unsubscribe).
fn mail_footer(lines: &[Line]) -> Vec<usize> {
    let rule = |t: &str| t.chars().count() >= 10 && t.chars().all(|c| c == '_' || c == '-');
    let Some(at) = (0..lines.len()).rev().find(|&i| rule(&lines[i].text)) else {
        return Vec::new();
    };
    let list_line = |t: &str| {
        let t = fold(t);
        [
            "mailing list",
            "listinfo",
            "unsubscribe",
            "desabonner",
            "darse de baja",
            "list-",
        ]
        .iter()
        .any(|w| t.contains(w))
    };
    if lines[at + 1..].iter().any(|l| list_line(&l.text)) {
        (at..lines.len()).collect()
    } else {
        Vec::new()
    }
}

/// Whether a line is only a page number: `2`, `- 2 -`, `Page 2`, `Page 2 of 3`,
/// `Page 2 sur 3`, `Página 2 de 3`, `Seite 2 von 3`, `2/3`.
pub fn is_page_number(text: &str) -> bool {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '/' || c == '-' || c == '–')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| (1..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [n] => number(n),
        [n, m] if number(n) && number(m) => folded.contains('/'),
        [page, n] => ["page", "pagina", "seite", "p."].contains(page) && number(n),
        [page, n, of, m] => {
            ["page", "pagina", "seite"].contains(page)
                && number(n)
                && ["of", "sur", "de", "von"].contains(of)
                && number(m)
        }
        _ => false,
    }
}

/// Page-number lines that stand apart: far indented (set at the page's edge), or between
/// blank lines; a page number with its word or dashes (`Page 2`, `- 2 -`) needs a blank
/// line on one side only. A bare number inside a list or a table is not one.
fn page_numbers(lines: &[Line]) -> Vec<usize> {
    let blank = |i: Option<usize>| i.and_then(|i| lines.get(i)).is_none_or(Line::is_blank);
    (0..lines.len())
        .filter(|&i| is_page_number(&lines[i].text))
        .filter(|&i| {
            let (before, after) = (blank(i.checked_sub(1)), blank(Some(i + 1)));
            let bare = lines[i].text.chars().all(|c| c.is_ascii_digit());
            lines[i].indent >= 20 || (before && after) || (!bare && (before || after))
        })
        .collect()
}

/// The nearest lines with text above and below each page number that are the same
/// beside two page numbers at least: the running header or footer of a PDF (a short
/// line that ends no sentence: the letter's own text that happens to recur is kept).
fn running_headers(lines: &[Line]) -> Vec<usize> {
    let numbers = page_numbers(lines);
    let beside = |i: usize| -> Vec<usize> {
        let above = (0..i).rev().find(|&j| !lines[j].is_blank());
        let below = (i + 1..lines.len()).find(|&j| !lines[j].is_blank());
        [above, below]
            .into_iter()
            .flatten()
            .filter(|&j| !is_page_number(&lines[j].text))
            .filter(|&j| lines[j].len() <= 120 && !ends_sentence(&lines[j].text))
            .collect()
    };
    let mut candidates: Vec<usize> = numbers.iter().flat_map(|&i| beside(i)).collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for &c in &candidates {
        *count.entry(lines[c].text.as_str()).or_default() += 1;
    }
    candidates
        .into_iter()
        .filter(|&j| count[lines[j].text.as_str()] >= 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn kept(text: &str) -> Vec<String> {
        let (lines, _) = strip(&split(text));
        lines
            .into_iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn page_numbers_of_every_style() {
        for line in [
            "2",
            "- 2 -",
            "Page 2",
            "Page 2 of 3",
            "Page 2 sur 3",
            "Página 1 de 4",
            "2/3",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["2021", "1. First", "Page two", "2 June", "Article 2"] {
            assert!(!is_page_number(line), "{line}");
        }
    }

    #[test]
    fn page_furniture_is_dropped_and_lines_between_kept() {
        let text = "We ask that the\n                    - 1 -\nOrg – Letter, 2021\n\nministry act.\n\nYours,\n\n2\n\nOrg – Letter, 2021\n";
        assert_eq!(kept(text), ["We ask that the", "ministry act.", "Yours,"]);
        // A lone number between paragraphs is a page number; in a list it is not.
        assert_eq!(kept("Items:\n3\n4\n"), ["Items:", "3", "4"]);
        assert_eq!(kept("Text.\n\n3\n\nMore.\n"), ["Text.", "More."]);
    }

    #[test]
    fn mail_header_and_list_footer() {
        let text = "From: List <l@x.org>\nSent: Monday\nTo: members@x.org\nSubject: [l] Letter\n\n-----Original Message-----\n\nDear all,\n\nText.\n\n__________\nl mailing list\nhttps://x.org/mailman/listinfo/l\n";
        assert_eq!(kept(text), ["Dear all,", "Text."]);
        // A letter's own "To:" line without a From: stays.
        assert_eq!(
            kept("To: Member States\n\nText.\n"),
            ["To: Member States", "Text."]
        );
    }
}
