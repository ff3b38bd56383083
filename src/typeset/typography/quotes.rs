//! Quotation marks by language, and the quoter that decides, at each straight quote a
//! writer typed, whether it opens or closes a quotation, is an apostrophe or a prime.
//!
//! The marks follow Typst's own language data (`smartquote` in typst-library), so that a
//! letter's quotes are those Typst would set, plus the conventions Typst 0.15 lacks:
//! Traditional Chinese corner brackets 「」『』. The decision is Typst's, with one
//! character of lookahead more (Typst has none): `'90s` and `rock'n'roll` get
//! apostrophes, `1990's` an apostrophe rather than a prime.

use crate::i18n::Lang;

/// The quotation marks of a language: outer (double) and inner (single) quotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSet {
    /// Opening and closing mark of a quotation.
    pub double: (char, char),
    /// Opening and closing mark of a quotation inside a quotation.
    pub single: (char, char),
}

/// The apostrophe, in every language.
pub const APOSTROPHE: char = '’';

impl QuoteSet {
    /// English, and every language without marks of its own.
    pub const ENGLISH: QuoteSet = QuoteSet {
        double: ('“', '”'),
        single: ('‘', '’'),
    };

    /// The marks of a language: Typst's data (`SmartQuotes::get` in typst-library 0.15,
    /// not the alternative sets), with Traditional Chinese added; French spacing is
    /// [`super::french`]'s.
    pub fn of(lang: &Lang) -> QuoteSet {
        let region = lang.region.as_deref();
        let set = |double, single| QuoteSet { double, single };
        let low_high = set(('„', '“'), ('‚', '‘'));
        let guillemets = set(('«', '»'), ('“', '”'));
        match lang.language.as_str() {
            "de" if matches!(region, Some("CH" | "LI")) => set(('«', '»'), ('‹', '›')),
            "fr" if region == Some("CH") => set(('«', '»'), ('‹', '›')),
            "cs" | "de" | "et" | "is" | "lt" | "lv" | "sk" | "sl" => low_high,
            "fr" | "gl" | "it" | "la" | "uk" => guillemets,
            "es" if matches!(region, None | Some("ES")) => guillemets,
            "fi" | "sv" | "bs" => set(('”', '”'), ('’', '’')),
            "hu" | "pl" | "ro" => set(('„', '”'), ('’', '’')),
            "no" | "nb" | "nn" => set(('«', '»'), ('’', '’')),
            "ru" => set(('«', '»'), ('„', '“')),
            "el" => set(('«', '»'), ('‘', '’')),
            "he" => set(('”', '”'), ('’', '’')),
            "hr" => set(('„', '”'), ('‘', '’')),
            "bg" => set(('„', '“'), ('’', '’')),
            "ar" => set(('«', '»'), ('’', '‘')),
            "zh" if is_traditional_chinese(lang) => set(('「', '」'), ('『', '』')),
            _ if lang.is_rtl() => set(('”', '“'), ('’', '‘')),
            _ => QuoteSet::ENGLISH,
        }
    }

    /// The opening or closing mark of a double or single quotation.
    fn mark(&self, double: bool, open: bool) -> char {
        let (opening, closing) = if double { self.double } else { self.single };
        if open { opening } else { closing }
    }
}

/// Chinese written in traditional characters: `zh-Hant`, or Taiwan, Hong Kong, Macau.
fn is_traditional_chinese(lang: &Lang) -> bool {
    lang.script.as_deref() == Some("Hant")
        || (lang.script.is_none() && matches!(lang.region.as_deref(), Some("TW" | "HK" | "MO")))
}

/// Deepest nesting of quotations the quoter follows (as Typst's).
const MAX_DEPTH: usize = 32;

/// Which quotations are open, innermost last: `true` for a double one.
#[derive(Debug, Clone, Default)]
pub struct Quoter {
    open: Vec<bool>,
}

impl Quoter {
    /// Forgets every open quotation (at the start of a paragraph or other block).
    pub fn reset(&mut self) {
        self.open.clear();
    }

    /// The mark for a straight quote (`double` for `"`) between `before` and `after`
    /// (`None` at the edge of the text).
    pub fn quote(
        &mut self,
        marks: &QuoteSet,
        before: Option<char>,
        after: Option<char>,
        double: bool,
    ) -> char {
        let innermost = self.open.last().copied();
        let before = before.unwrap_or(' ');
        let after_letter = after.is_some_and(char::is_alphabetic);
        if !double {
            // Inside a word (l'ami, O'Brien, 1990's), or before a year ('90s).
            let in_word = (before.is_alphanumeric() || before == OBJECT) && after_letter;
            let elided_year = opens_after(before) && after.is_some_and(|c| c.is_ascii_digit());
            if in_word || elided_year {
                return APOSTROPHE;
            }
        }
        // After a number, unless that closes a quotation: feet and inches, minutes.
        if before.is_numeric() && innermost != Some(double) {
            return if double { '″' } else { '′' };
        }
        // After a letter, a single quote that closes nothing is an apostrophe (dogs').
        if !double && innermost != Some(false) && (before.is_alphabetic() || before == OBJECT) {
            return APOSTROPHE;
        }
        if !opens_after(before)
            && let Some(depth) = self.open.iter().rposition(|&kind| kind == double)
        {
            self.open.truncate(depth);
            return marks.mark(double, false);
        }
        if self.open.len() < MAX_DEPTH {
            self.open.push(double);
        }
        marks.mark(double, true)
    }
}

/// What a piece of inline markup (a code span, an image, a note marker) counts as, for
/// the character before a quote: like a letter.
pub const OBJECT: char = '\u{FFFC}';

/// Whether a quote after `c` opens a quotation rather than closing one: after white
/// space, an opening bracket or dash, or another opening mark.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '['
                | '{'
                | '«'
                | '‹'
                | '“'
                | '‘'
                | '„'
                | '‚'
                | '「'
                | '『'
                | '—'
                | '–'
                | '/'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks for each straight quote of `text`, in order, in English.
    fn marks(text: &str) -> String {
        let english = QuoteSet::of(&Lang::parse("en").unwrap());
        let mut quoter = Quoter::default();
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            if c == '"' || c == '\'' {
                let before = i.checked_sub(1).map(|j| chars[j]);
                out.push(quoter.quote(&english, before, chars.get(i + 1).copied(), c == '"'));
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn quotations_open_and_close() {
        assert_eq!(marks("\"No one shall be\" held"), "“No one shall be” held");
        assert_eq!(marks("\"She said 'no'.\""), "“She said ‘no’.”");
        assert_eq!(marks("(\"a\") [\"b\"]"), "(“a”) [“b”]");
    }

    #[test]
    fn apostrophes_and_primes() {
        assert_eq!(marks("the government's plan"), "the government’s plan");
        assert_eq!(marks("the dogs' bowls"), "the dogs’ bowls");
        assert_eq!(marks("in the '90s and 1990's"), "in the ’90s and 1990’s");
        assert_eq!(marks("O'Brien and l'ami"), "O’Brien and l’ami");
        assert_eq!(marks("5'10\" tall"), "5′10″ tall");
        assert_eq!(marks("\"born in 1990\""), "“born in 1990”");
    }

    #[test]
    fn each_language_has_its_marks() {
        let of = |tag: &str| QuoteSet::of(&Lang::parse(tag).unwrap());
        assert_eq!(of("fr").double, ('«', '»'));
        assert_eq!(of("fr-CH").single, ('‹', '›'));
        assert_eq!(of("es").double, ('«', '»'));
        assert_eq!(of("es-MX").double, ('“', '”'));
        assert_eq!(of("ru").single, ('„', '“'));
        assert_eq!(of("zh").double, ('“', '”'));
        assert_eq!(of("zh-TW").double, ('「', '」'));
        assert_eq!(of("zh-Hant").single, ('『', '』'));
        assert_eq!(of("ar").double, ('«', '»'));
        assert_eq!(of("en-GB"), QuoteSet::ENGLISH);
        assert_eq!(of("de").double, ('„', '“'));
        assert_eq!(of("de-CH").single, ('‹', '›'));
        assert_eq!(of("pl").double, ('„', '”'));
        assert_eq!(of("he").double, ('”', '”'));
    }
}
