//! The web edition's own words: the archive index's and the endnotes' back link, in
//! each supported language, and the languages' own names for themselves.

use serde::Serialize;

use super::Lang;

/// The words of a web page that are not a letter's (a house's `[labels]` does not cover
/// them). Those with `{…}` placeholders are filled by the template.
#[derive(Debug, Clone, Serialize)]
pub struct WebLabels {
    /// The archive index's title and heading.
    pub letters: &'static str,
    /// An index entry's addressee, with a `{name}` placeholder.
    pub to: &'static str,
    /// An index entry of a letter sent as personal copies, with a `{count}` placeholder.
    pub copies: &'static str,
    /// The index of an archive without letters.
    pub no_letters: &'static str,
    /// The accessible name of an endnote's link back to its marker ("↩").
    pub back: &'static str,
}

/// The words in English, and for languages missive lacks.
const ENGLISH: WebLabels = WebLabels {
    letters: "Letters",
    to: "To {name}",
    copies: "Personal copies: {count}",
    no_letters: "No letters yet.",
    back: "Back to the text",
};

/// The words in the other supported languages.
const WORDS: &[(&str, WebLabels)] = &[
    (
        "es",
        WebLabels {
            letters: "Cartas",
            to: "Para {name}",
            copies: "Copias personales: {count}",
            no_letters: "Todavía no hay cartas.",
            back: "Volver al texto",
        },
    ),
    (
        "fr",
        WebLabels {
            letters: "Lettres",
            to: "À {name}",
            copies: "Copies personnelles\u{a0}: {count}",
            no_letters: "Aucune lettre pour l’instant.",
            back: "Retour au texte",
        },
    ),
    (
        "ru",
        WebLabels {
            letters: "Письма",
            to: "Кому: {name}",
            copies: "Личные копии: {count}",
            no_letters: "Писем пока нет.",
            back: "Вернуться к тексту",
        },
    ),
    (
        "zh",
        WebLabels {
            letters: "信函",
            to: "致{name}",
            copies: "个人副本：{count}份",
            no_letters: "暂无信函。",
            back: "返回正文",
        },
    ),
    (
        "ar",
        WebLabels {
            letters: "الرسائل",
            to: "إلى {name}",
            copies: "نسخ شخصية: {count}",
            no_letters: "لا توجد رسائل بعد.",
            back: "العودة إلى النص",
        },
    ),
];

/// Each supported language's name for itself, as a reader of it looks for it.
const NAMES: &[(&str, &str)] = &[
    ("en", "English"),
    ("es", "español"),
    ("fr", "français"),
    ("ru", "русский"),
    ("zh", "中文"),
    ("ar", "العربية"),
];

impl Lang {
    /// The web edition's words in this language (English for languages missive lacks).
    pub fn web_labels(&self) -> WebLabels {
        (WORDS.iter())
            .find(|(language, _)| *language == self.language)
            .map_or(ENGLISH, |(_, words)| words.clone())
    }

    /// The language's name for itself ("français"), or its tag for a language missive
    /// lacks.
    pub fn own_name(&self) -> String {
        (NAMES.iter())
            .find(|(language, _)| *language == self.language)
            .map_or_else(|| self.tag(), |(_, name)| name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::super::SUPPORTED;
    use super::*;

    #[test]
    fn every_supported_language_has_its_web_words_and_name() {
        for language in SUPPORTED {
            let lang = Lang::parse(language).unwrap();
            let words = lang.web_labels();
            let english = *language == "en";
            assert_eq!(words.back == ENGLISH.back, english, "{language}");
            assert!(words.to.contains("{name}"), "{language}");
            assert!(words.copies.contains("{count}"), "{language}");
            assert_ne!(lang.own_name(), lang.tag(), "{language} has no name");
        }
        assert_eq!(
            Lang::parse("fr-CA").unwrap().web_labels().back,
            "Retour au texte"
        );
        assert_eq!(Lang::parse("de").unwrap().web_labels().letters, "Letters");
        assert_eq!(Lang::parse("de-AT").unwrap().own_name(), "de-AT");
    }
}
