//! The parts of a letter in its lines: place and date, addressees, reference, subject,
//! salutation, body, sign-off and endnotes — and the lines that fit none of them.
//!
//! The salutation and the date anchor the head: addressees are the blocks between them.
//! The list of endnotes is found after the salutation; the sign-off is read backwards from
//! it ([`signoff`]); what lies between is the body ([`body`]).

use super::body::{self, Block};
use super::date::{self, DateLine};
use super::found::{Found, Span};
use super::head::{is_delivery, is_salutation, reference, subject};
use super::lines::{self, Line, join_wrapped};
use super::notes::{self, Note};
use super::signoff::{self, SignOff};
use super::site;

/// One addressee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    /// First line of the block: name and honorific.
    pub name: String,
    /// The other lines.
    pub address: Vec<String>,
}

/// Everything recognised in a letter.
#[derive(Debug, Default)]
pub struct Recognised {
    /// Date, place and language of the date.
    pub date: Option<Found<DateLine>>,
    /// Addressees, in order.
    pub to: Vec<Found<Addressee>>,
    /// How the letter was sent ("Via facsimile: …"), its lines joined with "; ".
    pub delivery: Option<Found<String>>,
    /// The sender's reference.
    pub reference: Option<Found<String>>,
    /// Subject line.
    pub subject: Option<Found<String>>,
    /// "Dear …,".
    pub salutation: Option<Found<String>>,
    /// Paragraphs, headings and list items.
    pub body: Vec<Found<Block>>,
    /// Closing, signatories, cc, enclosures, P.S.
    pub signoff: SignOff,
    /// Endnotes, in order.
    pub notes: Vec<Note>,
    /// The heading over the endnotes, if any (not kept: the template titles the notes).
    pub notes_heading: Option<Line>,
    /// Lines that fit no part, by line number.
    pub unplaced: Vec<Line>,
}

/// Index of the first line that surely belongs to the letter: its date, salutation or
/// subject line. Chrome is only looked for before it and after the letter.
pub fn letter_start(lines: &[Line]) -> Option<usize> {
    (0..lines.len()).find(|&i| {
        let text = &lines[i].text;
        !text.is_empty()
            && !site::is_byline(text)
            && (date::recognise(text).is_some()
                || is_salutation(lines, i)
                || subject(text).is_some())
    })
}

/// Recognises the parts of a letter whose chrome has been blanked out.
pub fn recognise(lines: &[Line]) -> Recognised {
    let mut letter = Recognised::default();
    let non_blank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let within = |count: usize| non_blank.get(count).copied().unwrap_or(lines.len());
    let salutation = (0..within(60)).find(|&i| is_salutation(lines, i));
    let date = (0..salutation.unwrap_or(within(25)))
        .find_map(|i| date::recognise(&lines[i].text).map(|date| (i, date)));
    let head_start = date.as_ref().map_or(0, |(i, _)| i + 1);
    if let Some((i, value)) = date.clone() {
        letter.date = Some(Found {
            value,
            span: Span::line(&lines[i]),
        });
    }

    let body_start = match salutation {
        Some(s) => {
            letter.salutation = Some(Found {
                value: lines[s].text.clone(),
                span: Span::line(&lines[s]),
            });
            head(lines, head_start, s, &mut letter);
            subject_after_salutation(lines, s + 1, &mut letter)
        }
        None if date.is_some() => {
            let end = lines::blocks(&lines[head_start..])
                .into_iter()
                .map(|b| b.start + head_start..b.end + head_start)
                .find(|b| !is_head_block(&lines[b.clone()]))
                .map_or(lines.len(), |b| b.start);
            head(lines, head_start, end, &mut letter);
            end
        }
        None => 0,
    };
    if let Some((d, _)) = date {
        before_date(lines, d, &mut letter);
    }

    let section = notes::find(lines, body_start);
    let letter_end = section.as_ref().map_or(lines.len(), |s| s.start);
    letter.signoff = signoff::recognise(lines, body_start, letter_end);
    letter.unplaced.append(&mut letter.signoff.unplaced);
    letter.body = body::recognise(&lines[body_start..letter.signoff.start]);
    signoff::formula_in_last_paragraph(&mut letter.body, &mut letter.signoff);
    if let Some(section) = section {
        notes::restore_lost_markers(
            letter.body.iter_mut().map(|b| b.value.text_mut()),
            &section.notes,
        );
        letter.notes = section.notes;
        letter.notes_heading = section.heading;
        let rest = signoff::after_notes(lines, section.end..lines.len(), &mut letter.signoff);
        letter.unplaced.extend(rest);
    }
    letter.unplaced.sort_by_key(|l| l.number);
    letter
}

/// Whether a block can stand in the head of a letter without a salutation: short lines
/// that do not end sentences (an address), or a subject or reference line.
fn is_head_block(block: &[Line]) -> bool {
    let address = block.len() <= 10
        && block
            .iter()
            .all(|l| l.len() <= 80 && !lines::ends_sentence(&l.text));
    address || subject(&block[0].text).is_some() || reference(&block[0].text).is_some()
}

/// Reads `lines[from..to]`: addressee blocks, reference and subject lines.
fn head(lines: &[Line], from: usize, to: usize, letter: &mut Recognised) {
    for block in lines::blocks(&lines[from..to]) {
        let block = &lines[block.start + from..block.end + from];
        let mut address: Vec<&Line> = Vec::new();
        let mut k = 0;
        while k < block.len() {
            let line = &block[k];
            if let Some(value) = reference(&line.text).filter(|_| letter.reference.is_none()) {
                letter.reference = Some(Found {
                    value: value.to_string(),
                    span: Span::line(line),
                });
            } else if let Some(value) = subject(&line.text).filter(|_| letter.subject.is_none()) {
                // A subject runs to the end of its block (it may be wrapped).
                let mut text = value.to_string();
                for more in &block[k + 1..] {
                    join_wrapped(&mut text, &more.text);
                }
                letter.subject = Some(Found {
                    value: text,
                    span: Span::of(&block[k..]),
                });
                break;
            } else {
                address.push(line);
            }
            k += 1;
        }
        match address.as_slice() {
            [] => {}
            lines if lines.iter().all(|l| is_delivery(&l.text)) => delivery(lines, letter),
            [name, rest @ ..] => letter.to.push(Found {
                value: Addressee {
                    name: name.text.clone(),
                    address: rest.iter().map(|l| l.text.clone()).collect(),
                },
                span: Span {
                    first: name.number,
                    last: rest.last().unwrap_or(name).number,
                },
            }),
        }
    }
}

/// A subject block right after the salutation; returns where the body starts.
fn subject_after_salutation(lines: &[Line], from: usize, letter: &mut Recognised) -> usize {
    let Some(first) = (from..lines.len()).find(|&i| !lines[i].is_blank()) else {
        return from;
    };
    let Some(value) = subject(&lines[first].text).filter(|_| letter.subject.is_none()) else {
        return from;
    };
    let end = (first..lines.len())
        .find(|&i| lines[i].is_blank())
        .unwrap_or(lines.len());
    let mut text = value.to_string();
    for more in &lines[first + 1..end] {
        join_wrapped(&mut text, &more.text);
    }
    letter.subject = Some(Found {
        value: text,
        span: Span::of(&lines[first..end]),
    });
    end
}

/// Lines before the date: a letterhead or a page title, not placed — except that when no
/// addressee stands between date and salutation, the block just before the date is the
/// addressee (the French order: addressee, then "Paris, le …").
fn before_date(lines: &[Line], date: usize, letter: &mut Recognised) {
    let mut blocks = lines::blocks(&lines[..date]);
    if letter.to.is_empty()
        && let Some(last) = blocks.pop()
    {
        head(lines, last.start, last.end, letter);
    }
    for block in blocks {
        let block: Vec<&Line> = lines[block].iter().collect();
        if block.iter().all(|l| is_delivery(&l.text)) {
            delivery(&block, letter);
        } else {
            letter.unplaced.extend(block.into_iter().cloned());
        }
    }
}

/// Lines that say how the letter was sent ("Via facsimile: …", "Par courriel : …"):
/// the letter's `delivery`, joined with "; ".
fn delivery(block: &[&Line], letter: &mut Recognised) {
    for line in block {
        match &mut letter.delivery {
            Some(found) => {
                found.value.push_str("; ");
                found.value.push_str(&line.text);
                found.span.last = line.number;
            }
            None => {
                letter.delivery = Some(Found {
                    value: line.text.clone(),
                    span: Span::line(line),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn names(letter: &Recognised) -> Vec<(&str, usize)> {
        letter
            .to
            .iter()
            .map(|t| (t.value.name.as_str(), t.value.address.len()))
            .collect()
    }

    #[test]
    fn head_with_two_addressees_reference_and_subject() {
        let letter = recognise(&split(
            "Letterhead Org\n\nGeneva, 3 March 2023\n\nOur ref: LG/2023/14\n\nH.E. Ana Ruiz\nMinister of Justice\nMadrid\n\nDr. Omar Haddad\nRapporteur\n\nRe: Detention of\nlawyers\n\nDear Minister,\n\nWe write.\n",
        ));
        assert_eq!(
            letter.date.as_ref().unwrap().value.place.as_deref(),
            Some("Geneva")
        );
        assert_eq!(letter.reference.as_ref().unwrap().value, "LG/2023/14");
        assert_eq!(
            names(&letter),
            [("H.E. Ana Ruiz", 2), ("Dr. Omar Haddad", 1)]
        );
        assert_eq!(
            letter.subject.as_ref().unwrap().value,
            "Detention of lawyers"
        );
        assert_eq!(
            letter.subject.as_ref().unwrap().span,
            Span {
                first: 14,
                last: 15
            }
        );
        assert_eq!(letter.salutation.as_ref().unwrap().value, "Dear Minister,");
        assert_eq!(letter.unplaced.len(), 1);
        assert_eq!(letter.unplaced[0].text, "Letterhead Org");
    }

    #[test]
    fn addressee_before_the_date_and_subject_after_the_salutation() {
        let letter = recognise(&split(
            "Madame la Ministre\nMinistère de la Justice\n\nParis, le 4 juin 2021\n\nMadame la Ministre,\n\nObjet : détention\n\nNous écrivons.\n",
        ));
        assert_eq!(names(&letter), [("Madame la Ministre", 1)]);
        assert_eq!(
            letter.salutation.as_ref().unwrap().value,
            "Madame la Ministre,"
        );
        assert_eq!(letter.subject.as_ref().unwrap().value, "détention");
        assert!(letter.unplaced.is_empty());
    }

    #[test]
    fn without_salutation_the_body_starts_after_the_address_blocks() {
        let letter = recognise(&split(
            "June 4, 2021\n\nMs. Jane Roe\nCity Hall\n\nVia email\n\nWe are writing about the plan.\nIt matters.\n\nAna Ruiz\nDirector\n",
        ));
        assert_eq!(names(&letter), [("Ms. Jane Roe", 1)]);
        assert!(letter.unplaced.is_empty());
        assert_eq!(letter.delivery.as_ref().unwrap().value, "Via email");
        assert_eq!(letter.body.len(), 1);
        assert_eq!(letter.signoff.signatories.len(), 1);
    }

    #[test]
    fn addressee_lines_ending_in_commas_are_not_the_salutation() {
        let lines =
            split("Mr. John Smith,\nMinister of Justice,\nNairobi\n\nDear Minister,\n\nText.\n");
        assert!(!is_salutation(&lines, 0));
        assert!(is_salutation(&lines, 4));
    }

    #[test]
    fn arabic_russian_and_chinese_letters() {
        for (text, date, salutation, closing, name) in [
            (
                "12 مايو 2022\n\nمعالي وزير العدل\nالقاهرة\n\nمعالي الوزير،\n\nنكتب إليكم بشأن الصحفيين المحتجزين منذ عامين دون محاكمة.\n\nوتفضلوا بقبول فائق الاحترام،\n\nليلى حسن\nالمديرة التنفيذية\nالمرصد العربي لحرية الصحافة\n",
                "2022-05-12",
                "معالي الوزير،",
                "وتفضلوا بقبول فائق الاحترام،",
                "ليلى حسن",
            ),
            (
                "15 апреля 2022 г.\n\nГенеральному прокурору\n\nУважаемый господин Генеральный прокурор!\n\nМы обращаемся к вам в связи с задержанием участников мирной акции.\n\nС уважением,\n\nАнна Иванова\nПредседатель\n",
                "2022-04-15",
                "Уважаемый господин Генеральный прокурор!",
                "С уважением,",
                "Анна Иванова",
            ),
            (
                "2022年6月8日\n\n劳动部部长\n\n尊敬的部长：\n\n我们写信表达对建筑工人欠薪问题的关切，据我们统计，去年有超过两千名工人未能领取工资。\n\n此致敬礼\n\n王明\n主任\n劳工权益中心\n",
                "2022-06-08",
                "尊敬的部长：",
                "此致敬礼",
                "王明",
            ),
        ] {
            let letter = recognise(&split(text));
            assert_eq!(letter.date.as_ref().unwrap().value.date.to_string(), date);
            assert_eq!(letter.salutation.as_ref().unwrap().value, salutation);
            assert_eq!(letter.signoff.closing.as_ref().unwrap().value, closing);
            let signatory = &letter.signoff.signatories[0].value;
            assert_eq!(signatory.name, name, "{text}");
            assert!(signatory.title.is_some(), "{signatory:?}");
            assert_eq!(letter.to.len(), 1, "{text}");
        }
    }
}
