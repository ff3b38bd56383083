//! Spaces a line must not break at: between a short title and the name after it
//! (Dr. Okafor, H.E. Ms. Diop, Mme Ndiaye, S.E. M. Ba, г-н Иванов), and between the
//! parts of a date (March 2, 2026; 2 March 2026; 1er mars 2026; 2 de marzo de 2026;
//! 2 марта 2026 г.). Such a space becomes a no-break space.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::{Locale, NaiveDate};

use super::chars::{Ch, NO_BREAK_SPACE};

/// Titles written before a name, as they are spelt.
const TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Dr", "Dra.", "Prof.", "Pr", "Pr.", "H.E.", "S.E.",
    "S.Exc.", "Hon.", "Rev.", "Sen.", "Rep.", "Amb.", "Gen.", "Sr.", "Sra.", "Srta.", "D.", "Dña.",
    "Excmo.", "Excma.", "M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Me", "St.", "г-н", "г-жа",
];

/// Replaces the spaces after titles and inside dates in `chars` by no-break spaces.
pub(super) fn join(chars: &mut [Ch]) {
    let words = words(chars);
    for k in 0..words.len().saturating_sub(1) {
        let (_, end) = words[k];
        let (start, _) = words[k + 1];
        let single_space = start == end + 1 && chars[end].c == ' ' && !chars[end].literal;
        if single_space && joins(chars, &words, k) {
            chars[end].c = NO_BREAK_SPACE;
        }
    }
}

/// The words of `chars`: ranges of characters between white space.
fn words(chars: &[Ch]) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, ch) in chars.iter().enumerate() {
        match (ch.c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, chars.len()));
    }
    words
}

/// Whether the space between word `k` and word `k + 1` must not break.
fn joins(chars: &[Ch], words: &[(usize, usize)], k: usize) -> bool {
    let word = |k: usize| -> Option<String> {
        let &(start, end) = words.get(k)?;
        Some(chars[start..end].iter().map(|ch| ch.c).collect())
    };
    let (Some(a), Some(b)) = (word(k), word(k + 1)) else {
        return false;
    };
    let before = k.checked_sub(1).and_then(word);
    let after = word(k + 2);
    let is = |w: &Option<String>, test: fn(&str) -> bool| w.as_deref().is_some_and(test);
    let title = a.trim_start_matches(['(', '[', '«', '“', '‘', '„', '"']);
    (TITLES.contains(&title) && b.chars().next().is_some_and(char::is_uppercase))
        || (is_day(&a) && is_month(&b))
        || (is_month(&a) && (is_day(&b) || is_year(&b)))
        || (is_day(&a) && is_year(&b) && is(&before, is_month))
        || (is_day(&a) && b == "de" && is(&after, is_month))
        || (a == "de" && is_month(&b) && is(&before, is_day))
        || (is_month(&a) && b == "de" && is(&after, is_year))
        || (a == "de" && is_year(&b) && is(&before, is_month))
        || (is_year(&a) && b.starts_with("г.") && is(&before, is_month))
}

/// A word without the punctuation after it.
fn bare(word: &str) -> &str {
    word.trim_end_matches([',', ';', ':', '.', ')', '»', '”'])
}

/// The names of the months in every supported language, in lower case and as dates
/// write them (genitive in Russian: "марта"), with the English abbreviations: for
/// recognising dates in running text.
fn month_names() -> &'static HashSet<String> {
    static NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
        let locales = [
            Locale::en_US,
            Locale::es_ES,
            Locale::fr_FR,
            Locale::ru_RU,
            Locale::ar_EG,
        ];
        let mut names: Vec<String> = locales
            .iter()
            .flat_map(|&locale| {
                (1..=12).filter_map(move |month| {
                    let date = NaiveDate::from_ymd_opt(2000, month, 1)?;
                    Some(
                        date.format_localized("%B", locale)
                            .to_string()
                            .to_lowercase(),
                    )
                })
            })
            .collect();
        names.extend(
            [
                "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
            ]
            .map(String::from),
        );
        names.into_iter().collect()
    });
    &NAMES
}

/// A day of the month: `2`, `2,`, `1er`, `2nd`, `3º`.
fn is_day(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let suffix = &word[digits..];
    let day: u32 = word[..digits].parse().unwrap_or(0);
    (1..=31).contains(&day) && ["", "er", "st", "nd", "rd", "th", "º", "°"].contains(&suffix)
}

/// A year: four digits.
fn is_year(word: &str) -> bool {
    let word = bare(word);
    word.len() == 4 && word.chars().all(|c| c.is_ascii_digit())
}

/// The name of a month, in any supported language.
fn is_month(word: &str) -> bool {
    // Most words are not: leave them before any allocation (a 5 MB body has a million).
    if !word.chars().next().is_some_and(char::is_alphabetic) || word.len() > 24 {
        return false;
    }
    let lower = word.trim_end_matches([',', ';', ':', ')']).to_lowercase();
    let names = month_names();
    names.contains(&lower)
        || lower
            .strip_suffix('.')
            .is_some_and(|bare| names.contains(bare))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> String {
        let mut chars: Vec<Ch> = text.chars().map(|c| Ch { c, literal: false }).collect();
        join(&mut chars);
        chars
            .into_iter()
            .map(|ch| ch.c)
            .collect::<String>()
            .replace(NO_BREAK_SPACE, "~")
    }

    #[test]
    fn titles_stay_with_names() {
        assert_eq!(
            joined("to Dr. Okafor and H.E. Ms. Diop"),
            "to Dr.~Okafor and H.E.~Ms.~Diop"
        );
        assert_eq!(
            joined("Mme Ndiaye et S.E. M. Ba (Dr. X)"),
            "Mme~Ndiaye et S.E.~M.~Ba (Dr.~X)"
        );
        assert_eq!(joined("г-н Иванов"), "г-н~Иванов");
        assert_eq!(joined("Dr. and more"), "Dr. and more");
    }

    #[test]
    fn dates_stay_on_one_line() {
        assert_eq!(joined("on March 2, 2026 we"), "on March~2,~2026 we");
        assert_eq!(joined("le 1er mars 2026."), "le 1er~mars~2026.");
        assert_eq!(joined("el 2 de marzo de 2026"), "el 2~de~marzo~de~2026");
        assert_eq!(joined("2 марта 2026 г."), "2~марта~2026~г.");
        assert_eq!(joined("in May 2025, 12 pages"), "in May~2025, 12 pages");
        assert_eq!(joined("2 مارس 2026"), "2~مارس~2026");
        assert_eq!(joined("2 apples in 2026"), "2 apples in 2026");
    }
}
