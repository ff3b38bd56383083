//! Dates as letters write them on a line of their own: "June 4, 2021", "4 June 2021",
//! "JUNE 12, 2014", "Friday, June 4th, 2021", "2021-06-04", "4 de junio de 2021",
//! "le 1er février 2022", "15 апреля 2022 г.", "12 مايو 2022" (Arabic-Indic digits too),
//! "2022年6月8日", optionally after the place ("Geneva, 4 June 2021",
//! "Paris, le 4 juin 2021").

use chrono::NaiveDate;

use super::lines::{fold, listed};
use super::months::{MONTHS, WEEKDAYS};

/// A line that holds the letter's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    /// The date.
    pub date: NaiveDate,
    /// The place written before it, if any.
    pub place: Option<String>,
    /// The language of the month's name, when it is not English (`es`, `fr`).
    pub lang: Option<&'static str>,
}

/// Reads a whole line as a date (with an optional place or weekday before it).
pub fn recognise(line: &str) -> Option<DateLine> {
    let line = line.trim().trim_end_matches('.').trim();
    if line.is_empty() || line.chars().count() > 80 {
        return None;
    }
    if let Some((date, lang)) = parse(line) {
        return Some(DateLine {
            date,
            place: None,
            lang,
        });
    }
    let splits = line
        .match_indices([',', '،'])
        .map(|(i, s)| (i, i + s.len()));
    let french = line.match_indices(" le ").map(|(i, s)| (i, i + s.len()));
    for (before_end, after_start) in splits.chain(french) {
        let (before, after) = (line[..before_end].trim(), line[after_start..].trim());
        let Some((date, lang)) = parse(after) else {
            continue;
        };
        if is_weekday(&fold(before)) {
            return Some(DateLine {
                date,
                place: None,
                lang,
            });
        }
        return is_place(before).then(|| DateLine {
            date,
            place: Some(before.to_string()),
            lang,
        });
    }
    None
}

/// Parses a date alone (weekday and fillers such as "le", "de", "of" allowed).
fn parse(text: &str) -> Option<(NaiveDate, Option<&'static str>)> {
    if let Some(date) = iso(text) {
        return Some((date, None));
    }
    let text = western_digits(text);
    if let Some(date) = chinese(&text) {
        return Some((date, Some("zh")));
    }
    let mut folded = fold(&text);
    // Levantine month names of two words are one token.
    for two in ["كانون الثاني", "كانون الأول", "تشرين الأول", "تشرين الثاني"]
    {
        folded = folded.replace(two, &two.replace(' ', "_"));
    }
    let mut tokens: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == ',' || c == '،')
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| !t.is_empty())
        .collect();
    while let Some(first) = tokens.first() {
        if matches!(*first, "le" | "a" | "el" | "on" | "the") || is_weekday(first) {
            tokens.remove(0);
        } else {
            break;
        }
    }
    tokens.retain(|t| !matches!(*t, "de" | "del" | "of" | "г" | "года"));
    let [a, b, year] = tokens.as_slice() else {
        return None;
    };
    let year: i32 = year.parse().ok().filter(|_| year.len() == 4)?;
    let ((month, lang), day) = match (month(a), month(b)) {
        (Some(m), None) => (m, day(b)?),
        (None, Some(m)) => (m, day(a)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, lang))
}

/// `YYYY-MM-DD`.
fn iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    shape
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
}

/// A day of the month: `4`, `04`, `4th`, `1st`, `1er`, `1º`.
fn day(token: &str) -> Option<u32> {
    let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &token[digits.len()..];
    let known = matches!(
        suffix,
        "" | "st" | "nd" | "rd" | "th" | "er" | "o" | "º" | "°"
    );
    let day: u32 = digits.parse().ok()?;
    (known && digits.len() <= 2 && (1..=31).contains(&day)).then_some(day)
}

fn month(token: &str) -> Option<(u32, Option<&'static str>)> {
    // Arabic letters often give both names of a month: "أيار/مايو".
    token.split('/').find_map(|part| {
        MONTHS
            .iter()
            .find(|(name, _, _)| *name == part)
            .map(|(_, m, lang)| (*m, *lang))
    })
}

/// Arabic-Indic and Persian digits as ASCII digits.
fn western_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            c => c,
        })
        .collect()
}

/// `2022年6月8日`, as Chinese (and Japanese) letters write dates.
fn chinese(text: &str) -> Option<NaiveDate> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest
        .strip_suffix('日')
        .or_else(|| rest.strip_suffix('号'))?;
    let number = |s: &str| s.parse::<u32>().ok();
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, number(month)?, number(day)?)
}

fn is_weekday(folded: &str) -> bool {
    listed(WEEKDAYS, folded.trim_end_matches('.'))
}

/// A short place name before a date: a few words, starting with a capital, no digits.
fn is_place(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=6).contains(&words)
        && text.chars().count() <= 50
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
        && !text.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(line: &str) -> Option<(String, Option<String>, Option<&'static str>)> {
        recognise(line).map(|d| (d.date.to_string(), d.place, d.lang))
    }

    fn ymd(line: &str) -> String {
        recognise(line)
            .unwrap_or_else(|| panic!("no date in {line:?}"))
            .date
            .to_string()
    }

    #[test]
    fn english_forms() {
        for line in [
            "June 4, 2021",
            "4 June 2021",
            "JUNE 4, 2021",
            "Jun. 4, 2021",
            "June 4th, 2021",
            "the 4th of June 2021",
            "Friday, June 4, 2021",
            "2021-06-04",
            "June 4, 2021.",
        ] {
            assert_eq!(ymd(line), "2021-06-04", "{line}");
        }
    }

    #[test]
    fn spanish_and_french_months_set_the_language() {
        assert_eq!(
            date("4 de junio de 2021"),
            Some(("2021-06-04".into(), None, Some("es")))
        );
        assert_eq!(
            date("Miércoles 3 de marzo del 2021"),
            Some(("2021-03-03".into(), None, Some("es")))
        );
        assert_eq!(
            date("le 1er février 2022"),
            Some(("2022-02-01".into(), None, Some("fr")))
        );
        assert_eq!(
            date("17 AOÛT 2020"),
            Some(("2020-08-17".into(), None, Some("fr")))
        );
    }

    #[test]
    fn russian_arabic_and_chinese_dates() {
        assert_eq!(
            date("15 апреля 2022 г."),
            Some(("2022-04-15".into(), None, Some("ru")))
        );
        assert_eq!(
            date("12 مايو 2022"),
            Some(("2022-05-12".into(), None, Some("ar")))
        );
        assert_eq!(
            date("١٢ أيار/مايو ٢٠٢٢"),
            Some(("2022-05-12".into(), None, Some("ar")))
        );
        assert_eq!(
            date("3 كانون الثاني 2023"),
            Some(("2023-01-03".into(), None, Some("ar")))
        );
        assert_eq!(
            date("2022年6月8日"),
            Some(("2022-06-08".into(), None, Some("zh")))
        );
        assert_eq!(
            date("القاهرة، 12 مايو 2022"),
            Some(("2022-05-12".into(), Some("القاهرة".into()), Some("ar")))
        );
        assert_eq!(date("2022年13月8日"), None);
    }

    #[test]
    fn place_before_the_date() {
        assert_eq!(
            date("Geneva, 4 June 2021"),
            Some(("2021-06-04".into(), Some("Geneva".into()), None))
        );
        assert_eq!(
            date("Washington, DC, June 4, 2021"),
            Some(("2021-06-04".into(), Some("Washington, DC".into()), None))
        );
        assert_eq!(
            date("Ciudad de México, 4 de junio de 2021"),
            Some((
                "2021-06-04".into(),
                Some("Ciudad de México".into()),
                Some("es")
            ))
        );
        assert_eq!(
            date("Paris, le 4 juin 2021"),
            Some(("2021-06-04".into(), Some("Paris".into()), Some("fr")))
        );
        assert_eq!(
            date("Paris le 4 juin 2021"),
            Some(("2021-06-04".into(), Some("Paris".into()), Some("fr")))
        );
    }

    #[test]
    fn sentences_and_impossible_dates_are_not_dates() {
        for line in [
            "In April of this year, the court ruled",
            "June 2021",
            "February 30, 2021",
            "4 June 21",
            "We met on June 4, 2021",
            "Reuters, May 12, 2021, (accessed June 4, 2021)",
            "2021-13-01",
        ] {
            assert_eq!(recognise(line), None, "{line}");
        }
    }
}
