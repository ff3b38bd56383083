//! The end of a letter, before the endnotes: the closing ("Sincerely,", "Veuillez agréer
//! …"), the blocks of the people who sign (grouped by [`people`]), then copies,
//! enclosures and postscript.

use std::ops::Range;

use super::body;
use super::found::{Found, Span};
use super::lines::{self, Line, ends_sentence, fold, join_wrapped, labelled};
use super::people::{self, Signatory};

/// The sign-off of a letter.
#[derive(Debug, Default)]
pub struct SignOff {
    /// Index of the line where the body ends (the sign-off's first line or the end).
    pub start: usize,
    /// "Sincerely,".
    pub closing: Option<Found<String>>,
    /// Who signs.
    pub signatories: Vec<Found<Signatory>>,
    /// Copies.
    pub cc: Vec<Found<String>>,
    /// Enclosures.
    pub enclosures: Vec<Found<String>>,
    /// P.S.
    pub postscript: Option<Found<String>>,
    /// Lines after the closing that are neither signatures nor labelled.
    pub unplaced: Vec<Line>,
}

/// Reads the sign-off at the end of `lines[from..end]`. A closing line anchors it: what
/// follows is read forwards (people, then copies, enclosures, P.S.; anything else is not
/// placed). Without a closing, it is read backwards from the end while blocks look like
/// signatures.
pub fn recognise(lines: &[Line], from: usize, end: usize) -> SignOff {
    let mut blocks: Vec<Range<usize>> = lines::blocks(&lines[from..end])
        .into_iter()
        .map(|b| b.start + from..b.end + from)
        .collect();
    let mut out = SignOff {
        start: end,
        ..SignOff::default()
    };
    let anchor = blocks
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, b)| closing_in(lines, b).map(|c| (i, c)));
    let (people, tail) = match anchor {
        Some((i, closing)) => {
            let after = blocks.split_off(i + 1);
            let block = blocks.pop().unwrap_or(0..0);
            let mut rest = None;
            match closing {
                Closing::FirstLine => {
                    let first = &lines[block.start];
                    out.closing = Some(Found {
                        value: first.text.clone(),
                        span: Span::line(first),
                    });
                    rest = (block.len() > 1).then(|| block.start + 1..block.end);
                }
                Closing::LastLine => {
                    let last = &lines[block.end - 1];
                    out.closing = Some(Found {
                        value: last.text.clone(),
                        span: Span::line(last),
                    });
                    blocks.push(block.start..block.end - 1);
                }
                Closing::Formula => {
                    out.closing = Some(Found {
                        value: block_text(&lines[block.clone()]),
                        span: Span::of(&lines[block]),
                    });
                }
            }
            forwards(lines, rest.into_iter().chain(after), &mut out)
        }
        None => backwards(lines, &mut blocks, &mut out),
    };
    out.signatories = people::signatories(lines, &people);
    for range in tail {
        read_tail(lines, range, &mut out);
    }
    out.start = blocks.last().map_or(from, |b| b.end);
    out
}

/// Where a block holds the closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closing {
    /// "Sincerely," alone or above the signatures.
    FirstLine,
    /// "Sincerely," as the last line of the last paragraph.
    LastLine,
    /// A whole-sentence closing ("Veuillez agréer …").
    Formula,
}

fn closing_in(lines: &[Line], block: &Range<usize>) -> Option<Closing> {
    if is_closing(&lines[block.start].text) {
        Some(Closing::FirstLine)
    } else if is_closing(&lines[block.end - 1].text) {
        Some(Closing::LastLine)
    } else {
        is_closing_formula(&block_text(&lines[block.clone()])).then_some(Closing::Formula)
    }
}

/// Blocks after the closing: people, then labelled copies, enclosures, P.S.; the rest
/// is not placed. Returns the people's blocks and the labelled ranges.
fn forwards(
    lines: &[Line],
    after: impl Iterator<Item = Range<usize>>,
    out: &mut SignOff,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (mut people, mut tail) = (Vec::new(), Vec::new());
    let mut signing = true;
    for block in after {
        if let Some(at) = block
            .clone()
            .find(|&i| tail_label(&lines[i].text).is_some())
        {
            if at > block.start && signing {
                people.push(block.start..at);
            } else if at > block.start {
                out.unplaced.extend(lines[block.start..at].iter().cloned());
            }
            tail.push(at..block.end);
            signing = false;
        } else if signing && is_signature_block(&lines[block.clone()]) {
            people.push(block);
        } else if !signing && tail_label(&lines[block.start].text).is_some() {
            tail.push(block);
        } else {
            out.unplaced.extend(lines[block].iter().cloned());
            signing = false;
        }
    }
    (people, tail)
}

/// Without a closing: labelled copies, enclosures and P.S. at the end, then blocks that
/// look like signatures, then perhaps a short closing ("On behalf of all of us,").
/// Takes them from the end of `blocks`; returns the people's blocks and labelled ranges.
fn backwards(
    lines: &[Line],
    blocks: &mut Vec<Range<usize>>,
    out: &mut SignOff,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut tail = Vec::new();
    while let Some(block) = blocks.pop() {
        match block
            .clone()
            .find(|&i| tail_label(&lines[i].text).is_some())
        {
            Some(at) => {
                tail.push(at..block.end);
                if at > block.start {
                    blocks.push(block.start..at);
                    break;
                }
            }
            None => {
                blocks.push(block);
                break;
            }
        }
    }
    let mut people = Vec::new();
    while let Some(block) = blocks.pop() {
        if !is_signature_block(&lines[block.clone()]) {
            blocks.push(block);
            break;
        }
        people.push(block);
    }
    if !people.is_empty()
        && let Some(block) = blocks.pop()
    {
        if is_short_closing(&lines[block.clone()]) {
            out.closing = Some(Found {
                value: lines[block.start].text.clone(),
                span: Span::of(&lines[block]),
            });
        } else {
            blocks.push(block);
        }
    }
    people.reverse();
    tail.reverse();
    (people, tail)
}

/// Reads what follows the endnotes: copies, enclosures, P.S.; returns the other lines.
pub fn after_notes(lines: &[Line], range: Range<usize>, out: &mut SignOff) -> Vec<Line> {
    let mut unplaced = Vec::new();
    for block in lines::blocks(&lines[range.clone()]) {
        let block = block.start + range.start..block.end + range.start;
        if tail_label(&lines[block.start].text).is_some() {
            read_tail(lines, block, out);
        } else {
            unplaced.extend(lines[block].iter().cloned());
        }
    }
    unplaced
}

/// What a labelled line at the end of a letter holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tail {
    Cc,
    Enclosure,
    Postscript,
}

fn tail_label(text: &str) -> Option<(Tail, &str)> {
    const CC: &[&str] = &[
        "cc",
        "cc.",
        "c.c.",
        "c.c",
        "c/c",
        "copy to",
        "copies to",
        "copy",
        "copies",
        "con copia a",
        "con copia",
        "copia",
        "copias",
        "copie a",
        "copies a",
        "copie",
    ];
    const ENCLOSURE: &[&str] = &[
        "enclosures",
        "enclosure",
        "encl.",
        "encl",
        "enc.",
        "attachments",
        "attachment",
        "annexes",
        "annex",
        "anexos",
        "anexo",
        "pieces jointes",
        "piece jointe",
        "p.j.",
        "pj",
    ];
    const POSTSCRIPT: &[&str] = &["p.s.", "p.s", "ps", "p.-s.", "p.d.", "pd"];
    labelled(text, CC)
        .map(|v| (Tail::Cc, v))
        .or_else(|| labelled(text, ENCLOSURE).map(|v| (Tail::Enclosure, v)))
        .or_else(|| labelled(text, POSTSCRIPT).map(|v| (Tail::Postscript, v)))
}

/// Reads labelled lines and the lines under them (`cc:` then one copy per line).
fn read_tail(lines: &[Line], range: Range<usize>, out: &mut SignOff) {
    let mut kind = Tail::Cc;
    for line in lines[range].iter().filter(|l| !l.is_blank()) {
        let value = match tail_label(&line.text) {
            Some((label, value)) => {
                kind = label;
                value
            }
            None => line.text.as_str(),
        };
        let span = Span::line(line);
        match kind {
            Tail::Cc | Tail::Enclosure => {
                let list = if kind == Tail::Cc {
                    &mut out.cc
                } else {
                    &mut out.enclosures
                };
                for item in value.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                    list.push(Found {
                        value: item.to_string(),
                        span,
                    });
                }
            }
            Tail::Postscript => match &mut out.postscript {
                Some(ps) => {
                    join_wrapped(&mut ps.value, value);
                    ps.span.last = line.number;
                }
                None => {
                    out.postscript = Some(Found {
                        value: value.to_string(),
                        span,
                    })
                }
            },
        }
    }
}

/// Closings, folded, without their final comma, separated by `|`.
const CLOSINGS: &str = "
    sincerely | sincerely yours | yours sincerely | yours truly | very truly yours |
    truly yours | respectfully | respectfully yours | yours respectfully | best regards |
    kind regards | regards | warm regards | warmest regards | with best regards |
    with kind regards | best wishes | with best wishes | yours faithfully | faithfully |
    cordially | with respect | with appreciation | with thanks | thank you | many thanks |
    in solidarity | yours | atentamente | muy atentamente | cordialmente | saludos cordiales |
    un cordial saludo | reciba un cordial saludo | le saluda atentamente |
    les saluda atentamente | cordialement | bien cordialement | sinceres salutations |
    salutations distinguees | respectueusement | avec mes salutations distinguees |
    avec nos salutations distinguees
";

fn is_closing(text: &str) -> bool {
    let folded = fold(text);
    let core = folded.trim_end_matches([',', '.', '!']).trim();
    CLOSINGS.split('|').any(|closing| closing.trim() == core)
}

/// Whole-sentence closings of French and Spanish letters.
fn is_closing_formula(text: &str) -> bool {
    const FORMULAS: &[&str] = &[
        "veuillez agreer",
        "je vous prie d'agreer",
        "nous vous prions d'agreer",
        "je vous prie de croire",
        "nous vous prions de croire",
        "veuillez recevoir",
        "je vous prie de recevoir",
        "nous vous prions de recevoir",
        "le saluda atentamente",
        "les saluda atentamente",
        "reciba un cordial saludo",
        "sin otro particular",
        "aprovecho la ocasion",
        "aprovechamos la ocasion",
        "aprovecho la oportunidad",
        "aprovechamos la oportunidad",
    ];
    let folded = fold(text);
    text.chars().count() <= 400 && FORMULAS.iter().any(|f| folded.starts_with(f))
}

/// A one-line block of a few words ending with a comma, just before the signatures
/// ("On behalf of the undersigned,").
fn is_short_closing(block: &[Line]) -> bool {
    matches!(block, [line] if line.text.ends_with(',') && line.text.split_whitespace().count() <= 10)
}

fn block_text(block: &[Line]) -> String {
    let mut text = String::new();
    for line in block {
        join_wrapped(&mut text, &line.text);
    }
    text
}

/// Short lines that end no sentence, the first of them a name.
fn is_signature_block(block: &[Line]) -> bool {
    (1..=20).contains(&block.len())
        && people::is_name(&block[0].text)
        && block.iter().all(|l| {
            l.len() <= 80
                && !ends_sentence(&l.text)
                && !l.text.contains("://")
                && body::list_item(&l.text).is_none()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn people(signoff: &SignOff) -> Vec<(String, Option<String>, Option<String>)> {
        signoff
            .signatories
            .iter()
            .map(|s| {
                (
                    s.value.name.clone(),
                    s.value.title.clone(),
                    s.value.organization.clone(),
                )
            })
            .collect()
    }

    fn read(text: &str) -> (SignOff, Vec<Line>) {
        let lines = split(text);
        let signoff = recognise(&lines, 0, lines.len());
        (signoff, lines)
    }

    fn p(
        name: &str,
        title: Option<&str>,
        org: Option<&str>,
    ) -> (String, Option<String>, Option<String>) {
        (name.into(), title.map(Into::into), org.map(Into::into))
    }

    #[test]
    fn people_in_blocks_without_a_closing() {
        let (signoff, lines) = read(
            "Last paragraph of the body.\n\nAna María de la Cruz\nSenior Researcher, Americas\nCoastal Rights Initiative\n\nTomás Ortega\nAdvocacy Director\nCoastal Rights Initiative\n",
        );
        assert_eq!(
            people(&signoff),
            [
                p(
                    "Ana María de la Cruz",
                    Some("Senior Researcher, Americas"),
                    Some("Coastal Rights Initiative")
                ),
                p(
                    "Tomás Ortega",
                    Some("Advocacy Director"),
                    Some("Coastal Rights Initiative")
                ),
            ]
        );
        assert!(signoff.closing.is_none());
        assert_eq!(lines[signoff.start - 1].text, "Last paragraph of the body.");
    }

    #[test]
    fn three_people_without_blank_lines_after_a_closing() {
        let (signoff, _) = read(
            "Text.\n\nSincerely,\n\nLena Fischer\nExecutive Director\nNorthern Law Centre\nKwame Mensah\nLegal Adviser\nPriya Raman\nProgramme Officer, Asia\nPanel Watch\n",
        );
        assert_eq!(signoff.closing.as_ref().unwrap().value, "Sincerely,");
        assert_eq!(
            people(&signoff),
            [
                p(
                    "Lena Fischer",
                    Some("Executive Director"),
                    Some("Northern Law Centre")
                ),
                p("Kwame Mensah", Some("Legal Adviser"), None),
                p(
                    "Priya Raman",
                    Some("Programme Officer, Asia"),
                    Some("Panel Watch")
                ),
            ]
        );
    }

    #[test]
    fn closing_at_the_end_of_a_paragraph_and_name_with_title_on_one_line() {
        let (signoff, lines) =
            read("We thank you.\nYours sincerely,\n\nJane Okafor, Director of Research\n");
        assert_eq!(signoff.closing.as_ref().unwrap().value, "Yours sincerely,");
        assert_eq!(
            people(&signoff),
            [p("Jane Okafor", Some("Director of Research"), None)]
        );
        assert_eq!(signoff.start, 1);
        assert_eq!(lines[0].text, "We thank you.");
    }

    #[test]
    fn french_formula_and_tail_items() {
        let (signoff, _) = read(
            "Texte.\n\nVeuillez agréer, Madame la Ministre,\nl’expression de notre haute considération.\n\nClaire Dubois\nDirectrice\ncc : M. Paul Martin ; Mme Sophie Laurent\nP.J. : rapport annuel\n\nP.S. Une dernière\nremarque.\n",
        );
        assert_eq!(
            signoff.closing.as_ref().unwrap().value,
            "Veuillez agréer, Madame la Ministre, l’expression de notre haute considération."
        );
        assert_eq!(
            people(&signoff),
            [p("Claire Dubois", Some("Directrice"), None)]
        );
        let cc: Vec<&str> = signoff.cc.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(cc, ["M. Paul Martin", "Mme Sophie Laurent"]);
        assert_eq!(signoff.enclosures[0].value, "rapport annuel");
        assert_eq!(
            signoff.postscript.as_ref().unwrap().value,
            "Une dernière remarque."
        );
    }

    #[test]
    fn after_the_closing_unknown_blocks_are_not_placed() {
        let (signoff, _) = read(
            "Text.\n\nBest regards,\nAmina Yusuf\nCoordinator\n\nShare on social media\nRelated Stories\n\ncc: Board\n",
        );
        assert_eq!(
            people(&signoff),
            [p("Amina Yusuf", Some("Coordinator"), None)]
        );
        let unplaced: Vec<&str> = signoff.unplaced.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(unplaced, ["Share on social media", "Related Stories"]);
        assert_eq!(signoff.cc[0].value, "Board");
    }

    #[test]
    fn a_short_closing_before_signatures_without_a_known_closing() {
        let (signoff, _) = read("Text.\n\nOn behalf of the undersigned,\n\nAmina Yusuf\n");
        assert_eq!(
            signoff.closing.as_ref().unwrap().value,
            "On behalf of the undersigned,"
        );
        assert_eq!(signoff.signatories.len(), 1);
    }

    #[test]
    fn a_body_sentence_is_not_a_signature() {
        let (signoff, lines) = read("We hope to hear from you soon\n");
        assert!(signoff.signatories.is_empty());
        assert_eq!(signoff.start, lines.len() - 1);
    }
}
