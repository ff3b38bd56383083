//! The characters of running text as a typographer sets them, by language: straight
//! quotes become the language's quotation marks and apostrophes, `--` and `---` dashes,
//! `...` an ellipsis (`smart`); French gets its no-break spaces before `; : ! ?` and
//! inside « » (`french`); a short title and the name after it, and the parts of a date,
//! are joined by no-break spaces (`nobreak`); web addresses are left as typed (`urls`:
//! Typst breaks a line inside one only after its punctuation, or anywhere in a part too
//! long for a line, when it finds `://` or `www.` in the text, so the address must
//! reach it as one piece of text).
//!
//! This is the one place where text is changed: the Markdown conversion and the
//! template's data both call it, so that every output of a letter shows the same
//! characters. It changes only characters, never what they are (text stays text): the
//! writers of the conversion still write every piece as a string literal.

mod chars;
mod french;
mod nobreak;
mod quotes;
mod smart;
pub mod urls;

use crate::i18n::Lang;
use chars::Ch;
use quotes::Quoter;
pub use quotes::{OBJECT, QuoteSet};

/// How a letter's text is set: its language's marks, and whether to change its
/// punctuation at all (`smart_punctuation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Quotes, apostrophes, dashes, ellipses (and French spacing) on.
    pub smart: bool,
    /// French spacing.
    pub french: bool,
    /// The language's quotation marks.
    pub quotes: QuoteSet,
}

impl Style {
    /// The style of a letter in `lang` (English marks without one), with
    /// `smart_punctuation` on or off.
    pub fn new(lang: Option<&Lang>, smart: bool) -> Style {
        Style {
            smart,
            french: smart && lang.is_some_and(|lang| lang.language == "fr"),
            quotes: lang.map_or(QuoteSet::ENGLISH, QuoteSet::of),
        }
    }
}

/// Sets the text of a document piece by piece, in reading order, remembering what
/// quotations are open and the character before the next piece.
#[derive(Debug, Clone)]
pub struct Typographer {
    style: Style,
    quoter: Quoter,
    before: Option<char>,
}

impl Typographer {
    /// A typographer at the start of a document.
    pub fn new(style: Style) -> Self {
        Self {
            style,
            quoter: Quoter::default(),
            before: None,
        }
    }

    /// The style it sets text in.
    pub fn style(&self) -> Style {
        self.style
    }

    /// A new block (paragraph, heading, item, cell, note) begins: no quotation is open.
    pub fn block(&mut self) {
        self.quoter.reset();
        self.before = None;
    }

    /// Something that is not text (a code span, an image, a note marker) stands next.
    pub fn object(&mut self) {
        self.before = Some(OBJECT);
    }

    /// A line break stands next.
    pub fn line_break(&mut self) {
        self.before = Some('\n');
    }

    /// A web address stands next (the text of an automatic link), as typed.
    pub fn address(&mut self, address: &str) {
        if let Some(last) = address.chars().next_back() {
            self.before = Some(last);
        }
    }

    /// Sets a run of text; `literal` holds the byte offsets of the characters the writer
    /// escaped, sorted. Web addresses in it stay as typed.
    pub fn run(&mut self, text: &str, literal: &[usize]) -> String {
        let mut pieces = String::with_capacity(text.len());
        let mut prose = Vec::new();
        let mut at = 0;
        for (i, _) in text.char_indices() {
            if i < at {
                continue;
            }
            let address = urls::may_start_at(text, i)
                .then(|| urls::address_at(&text[i..]))
                .flatten();
            match address {
                Some(len) => {
                    self.prose(&mut prose, &mut pieces);
                    let address = &text[i..i + len];
                    self.address(address);
                    pieces.push_str(address);
                    at = i + len;
                }
                None => {
                    let c = text[i..].chars().next().unwrap_or_default();
                    let literal = literal.binary_search(&i).is_ok();
                    prose.push(Ch { c, literal });
                }
            }
        }
        self.prose(&mut prose, &mut pieces);
        pieces
    }

    /// Sets the prose gathered in `chars` and adds it to `out`.
    fn prose(&mut self, chars: &mut Vec<Ch>, out: &mut String) {
        if chars.is_empty() {
            return;
        }
        let mut set = std::mem::take(chars);
        if self.style.smart {
            set = smart::punctuate(&set, &self.style.quotes, &mut self.quoter, self.before);
        }
        if self.style.french {
            set = french::space(&set, self.before);
        }
        nobreak::join(&mut set);
        self.before = set.last().map(|ch| ch.c).or(self.before);
        out.extend(set.into_iter().map(|ch| ch.c));
    }
}

/// A short text set on its own (a subject, an address line): web addresses as typed.
pub fn plain(style: Style, text: &str) -> String {
    Typographer::new(style).run(text, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(tag: &str) -> Style {
        Style::new(Lang::parse(tag).as_ref(), true)
    }

    #[test]
    fn sets_punctuation_by_language() {
        let text =
            "\"No one shall be held,\" the government's note says -- twice... 1990--2000 --- yes.";
        assert_eq!(
            plain(style("en"), text),
            "“No one shall be held,” the government’s note says – twice… 1990–2000 — yes."
        );
        assert_eq!(
            plain(style("fr"), "Il a dit \"non\"; vraiment?"),
            "Il a dit «\u{202f}non\u{202f}»\u{202f}; vraiment\u{202f}?"
        );
        assert_eq!(plain(style("ru"), "\"Да\""), "«Да»");
        assert_eq!(plain(style("zh"), "\"是\""), "“是”");
    }

    #[test]
    fn off_keeps_what_was_typed_but_joins_dates() {
        let off = Style::new(Lang::parse("fr").as_ref(), false);
        assert_eq!(
            plain(off, "\"non\" -- 2 mars 2026 ?"),
            "\"non\" -- 2\u{a0}mars\u{a0}2026 ?"
        );
    }

    #[test]
    fn addresses_stay_as_typed() {
        let mut typographer = Typographer::new(style("en"));
        let set = typographer.run("see https://x.org/a--b's \"x\"", &[]);
        assert_eq!(set, "see https://x.org/a--b's “x”");
    }

    #[test]
    fn escaped_characters_stay_as_typed() {
        let mut typographer = Typographer::new(style("en"));
        // `\"12\"` with both quotes escaped, then `--` with its first hyphen escaped.
        let text = "\"12\" a --";
        assert_eq!(typographer.run(text, &[0, 3, 7]), "\"12\" a --");
    }

    #[test]
    fn quotations_continue_across_runs_of_one_block() {
        let mut typographer = Typographer::new(style("en"));
        assert_eq!(typographer.run("He said \"", &[]), "He said “");
        assert_eq!(typographer.run("no", &[]), "no");
        assert_eq!(typographer.run("\".", &[]), "”.");
        typographer.block();
        assert_eq!(typographer.run("\"", &[]), "“");
    }
}
