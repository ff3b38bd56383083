//! Languages: parsing `lang` tags, writing dates the local way, and the template's own
//! words ("Page 2 of 3", "Notes", "cc", …) in each supported language.

mod web;

use chrono::{Datelike, Locale, NaiveDate};
use serde::Serialize;

/// A parsed BCP 47 language tag (language, optional script and region).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lang {
    /// ISO 639 language code, lower case (`en`).
    pub language: String,
    /// ISO 15924 script, title case (`Hans`), if given.
    pub script: Option<String>,
    /// ISO 3166 region, upper case (`GB`), if given.
    pub region: Option<String>,
}

/// Languages whose dates and labels missive knows.
pub const SUPPORTED: &[&str] = &["en", "es", "fr", "ar", "ru", "zh"];

impl Lang {
    /// Parses a tag such as `en`, `en-GB`, `zh-Hans-CN`; `None` if it is not one.
    pub fn parse(tag: &str) -> Option<Lang> {
        let mut parts = tag.split(['-', '_']);
        let language = parts.next()?;
        if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
        let mut lang = Lang {
            language: language.to_ascii_lowercase(),
            script: None,
            region: None,
        };
        for part in parts {
            let alpha = part.chars().all(|c| c.is_ascii_alphabetic());
            match part.len() {
                4 if alpha && lang.script.is_none() && lang.region.is_none() => {
                    let mut script = part.to_ascii_lowercase();
                    script[..1].make_ascii_uppercase();
                    lang.script = Some(script);
                }
                2 if alpha && lang.region.is_none() => {
                    lang.region = Some(part.to_ascii_uppercase())
                }
                3 if part.chars().all(|c| c.is_ascii_digit()) && lang.region.is_none() => {
                    lang.region = Some(part.to_string())
                }
                1..=8 if part.chars().all(|c| c.is_ascii_alphanumeric()) => {}
                _ => return None,
            }
        }
        Some(lang)
    }

    /// The tag in its normal form: `en`, `en-GB`, `zh-Hans-CN`.
    pub fn tag(&self) -> String {
        let mut tag = self.language.clone();
        for part in [&self.script, &self.region].into_iter().flatten() {
            tag.push('-');
            tag.push_str(part);
        }
        tag
    }

    /// Whether missive has dates and labels for this language.
    pub fn is_supported(&self) -> bool {
        SUPPORTED.contains(&self.language.as_str())
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        matches!(self.language.as_str(), "ar" | "fa" | "he" | "ur" | "yi")
    }

    /// The date written the way the language writes it in a letter.
    pub fn format_date(&self, date: NaiveDate) -> String {
        let day = date.day();
        match self.language.as_str() {
            "es" => format!(
                "{day} de {} de {}",
                date.format_localized("%B", Locale::es_ES),
                date.year()
            ),
            "fr" => {
                let day = if day == 1 {
                    "1er".to_string()
                } else {
                    day.to_string()
                };
                format!(
                    "{day} {} {}",
                    date.format_localized("%B", Locale::fr_FR),
                    date.year()
                )
            }
            "ru" => format!(
                "{day} {} {} г.",
                date.format_localized("%B", Locale::ru_RU),
                date.year()
            ),
            "zh" => format!("{}年{}月{}日", date.year(), date.month(), day),
            "ar" => format!(
                "{day} {} {}",
                date.format_localized("%B", Locale::ar_EG),
                date.year()
            ),
            _ => match self.region.as_deref() {
                Some("US") | None => date.format("%B %-d, %Y").to_string(),
                Some(_) => date.format("%-d %B %Y").to_string(),
            },
        }
    }

    /// The default alternative text of a signature image: "Signature of NAME".
    pub fn signature_alt(&self, name: &str) -> String {
        match self.language.as_str() {
            "es" => format!("Firma de {name}"),
            "fr" => format!("Signature de {name}"),
            "ru" => format!("Подпись: {name}"),
            "zh" => format!("{name}的签名"),
            "ar" => format!("توقيع {name}"),
            _ => format!("Signature of {name}"),
        }
    }

    /// The document title of a letter without a subject: "Letter to NAME" for its first
    /// addressee, else "Letter".
    pub fn untitled(&self, addressee: Option<&str>) -> String {
        let name = addressee.map(str::trim).filter(|n| !n.is_empty());
        match (self.language.as_str(), name) {
            ("es", Some(name)) => format!("Carta a {name}"),
            ("es", None) => "Carta".into(),
            ("fr", Some(name)) => format!("Lettre à {name}"),
            ("fr", None) => "Lettre".into(),
            ("ru", Some(name)) => format!("Письмо: {name}"),
            ("ru", None) => "Письмо".into(),
            ("zh", Some(name)) => format!("致{name}的信"),
            ("zh", None) => "信函".into(),
            ("ar", Some(name)) => format!("رسالة إلى {name}"),
            ("ar", None) => "رسالة".into(),
            (_, Some(name)) => format!("Letter to {name}"),
            (_, None) => "Letter".into(),
        }
    }

    /// The template's words in this language (English for languages missive lacks).
    pub fn labels(&self) -> Labels {
        let words = WORDS
            .iter()
            .find(|(language, _)| *language == self.language)
            .map_or(&ENGLISH, |(_, words)| words);
        let mut labels = Labels::default();
        for (label, word) in labels.each_mut().into_iter().zip(words) {
            *label = word.to_string();
        }
        labels
    }
}

impl Labels {
    /// Every label, for changes that apply to all of them.
    pub fn each_mut(&mut self) -> [&mut String; 10] {
        let Labels {
            page,
            notes,
            cc,
            enclosures,
            subject,
            reference,
            cosigners,
            postscript,
            place_date,
            draft,
        } = self;
        [
            page, notes, cc, enclosures, subject, reference, cosigners, postscript, place_date,
            draft,
        ]
    }
}

/// The words of [`Labels`], in the order of its fields ([`Labels::each_mut`]).
type Words = [&'static str; 10];

/// The template's words in English, and for languages missive lacks.
const ENGLISH: Words = [
    "Page {page} of {total}",
    "Notes",
    "cc: ",
    "Enclosures: ",
    "Re: ",
    "Our ref.: ",
    "Co-signed by",
    "P.S. ",
    "{place}, {date}",
    "DRAFT",
];

/// The template's words in the other supported languages.
const WORDS: &[(&str, Words)] = &[
    (
        "es",
        [
            "Página {page} de {total}",
            "Notas",
            "c.c.: ",
            "Anexos: ",
            "Asunto: ",
            "Ref.: ",
            "Organizaciones firmantes",
            "P. D.: ",
            "{place}, {date}",
            "BORRADOR",
        ],
    ),
    (
        "fr",
        [
            "Page {page} sur {total}",
            "Notes",
            "Copie à\u{a0}: ",
            "Pièces jointes\u{a0}: ",
            "Objet\u{a0}: ",
            "Réf.\u{a0}: ",
            "Organisations cosignataires",
            "P.-S.\u{a0}: ",
            "{place}, le {date}",
            "PROJET",
        ],
    ),
    (
        "ru",
        [
            "Страница {page} из {total}",
            "Примечания",
            "Копия: ",
            "Приложения: ",
            "Тема: ",
            "Исх. № ",
            "Организации, подписавшие письмо",
            "P.S. ",
            "{place}, {date}",
            "ПРОЕКТ",
        ],
    ),
    (
        "zh",
        [
            "第{page}页，共{total}页",
            "注释",
            "抄送：",
            "附件：",
            "事由：",
            "编号：",
            "联署机构",
            "附言：",
            "{place}，{date}",
            "草稿",
        ],
    ),
    (
        "ar",
        [
            "الصفحة {page} من {total}",
            "الهوامش",
            "نسخة إلى: ",
            "المرفقات: ",
            "الموضوع: ",
            "المرجع: ",
            "المنظمات الموقعة",
            "ملحوظة: ",
            "{place}، {date}",
            "مسودة",
        ],
    ),
];

/// The fixed words of a letter, handed to templates. Labels that precede a value end
/// with the separator the language uses ("Re: ", "事由："). A house may override any of
/// them (`[labels]` in `missive.toml`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Labels {
    /// Running page number, with `{page}` and `{total}` placeholders.
    pub page: String,
    /// Heading of the endnotes.
    pub notes: String,
    /// Before the copies list.
    pub cc: String,
    /// Before the enclosures list.
    pub enclosures: String,
    /// Before the subject line.
    pub subject: String,
    /// Before the sender's reference.
    pub reference: String,
    /// Heading of the co-signers list.
    pub cosigners: String,
    /// Before the postscript.
    pub postscript: String,
    /// Place and date, with `{place}` and `{date}` placeholders.
    pub place_date: String,
    /// The mark across every page of a draft, and the prefix of its title.
    pub draft: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    #[test]
    fn parses_tags() {
        let zh = Lang::parse("zh-hans-cn").unwrap();
        assert_eq!(
            (
                zh.language.as_str(),
                zh.script.as_deref(),
                zh.region.as_deref()
            ),
            ("zh", Some("Hans"), Some("CN"))
        );
        assert_eq!(Lang::parse("en_GB").unwrap().region.as_deref(), Some("GB"));
        assert_eq!(Lang::parse("zh-hans-cn").unwrap().tag(), "zh-Hans-CN");
        assert!(Lang::parse("english").is_none());
        assert!(Lang::parse("e").is_none());
        assert!(Lang::parse("en-").is_none());
    }

    #[test]
    fn every_supported_language_has_its_words() {
        for language in SUPPORTED.iter().filter(|l| **l != "en") {
            assert!(
                WORDS.iter().any(|(l, _)| l == language),
                "no words in {language}"
            );
        }
        for (language, _) in WORDS {
            assert!(SUPPORTED.contains(language), "{language} is not supported");
        }
        assert_eq!(
            Lang::parse("fr-CH").unwrap().labels().subject,
            "Objet\u{a0}: "
        );
        assert_eq!(Lang::parse("de").unwrap().labels().subject, "Re: ");
    }

    #[test]
    fn a_letter_without_subject_is_titled_in_its_language() {
        let f = |tag: &str, to| Lang::parse(tag).unwrap().untitled(to);
        assert_eq!(f("en", Some("Ms Ana Ruiz")), "Letter to Ms Ana Ruiz");
        assert_eq!(f("fr-CH", Some("Mme Ana Ruiz")), "Lettre à Mme Ana Ruiz");
        assert_eq!(f("es", Some("  ")), "Carta");
        assert_eq!(f("zh", None), "信函");
        assert_eq!(f("de", None), "Letter");
    }

    #[test]
    fn dates_are_written_the_local_way() {
        let f = |tag: &str| Lang::parse(tag).unwrap().format_date(date());
        assert_eq!(f("en"), "March 2, 2026");
        assert_eq!(f("en-GB"), "2 March 2026");
        assert_eq!(f("es"), "2 de marzo de 2026");
        assert_eq!(f("fr"), "2 mars 2026");
        assert_eq!(f("ru"), "2 марта 2026 г.");
        assert_eq!(f("zh"), "2026年3月2日");
        assert_eq!(f("ar"), "2 مارس 2026");
    }
}
