//! The kinds of line in a letter's head: the salutation, the subject and reference
//! lines, and a line that only says how the letter was sent.

use super::lines::{Line, fold, labelled};

/// Salutation openers that need a final `,` or `:` ("Mr. President:", "Madame la Ministre,").
const OPENERS: &[&str] = &[
    "your excellency",
    "excellency",
    "honorable",
    "hon.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "madam",
    "sir",
    "president",
    "secretary",
    "minister",
    "ambassador",
    "governor",
    "senator",
    "dear",
    "excelentisimo",
    "excelentisima",
    "estimado",
    "estimada",
    "estimados",
    "estimadas",
    "apreciado",
    "apreciada",
    "distinguido",
    "distinguida",
    "querido",
    "querida",
    "senor",
    "senora",
    "senores",
    "sr.",
    "sra.",
    "ministra",
    "ministro",
    "madame",
    "monsieur",
    "mesdames",
    "messieurs",
    "cher ",
    "chere ",
    "chers ",
    "cheres ",
    "excellence",
    "уважаемый",
    "уважаемая",
    "уважаемые",
    "дорогой",
    "дорогая",
    "дорогие",
    "господин",
    "госпожа",
    "معالي",
    "سعادة",
    "فخامة",
    "سيادة",
    "حضرة",
    "السيد",
    "السيدة",
    "عزيزي",
    "عزيزتي",
    "الأستاذ",
    "الدكتور",
    "尊敬的",
    "亲爱的",
];

/// Whether line `i` is the salutation.
pub fn is_salutation(lines: &[Line], i: usize) -> bool {
    let text = &lines[i].text;
    if text.is_empty() || text.chars().count() > 100 {
        return false;
    }
    let folded = fold(text);
    if folded.starts_with("dear ")
        || [
            "to whom it may concern",
            "a quien corresponda",
            "a quien pueda interesar",
        ]
        .iter()
        .any(|p| folded.starts_with(p))
    {
        return true;
    }
    // Other openers also begin address lines: ask for the final punctuation, few words,
    // and the line to end its block or be followed by running text.
    let opener = OPENERS.iter().any(|o| folded.starts_with(o));
    // Arabic writes its comma `،`; Russian salutations end with `!`; Chinese with `：`.
    let punctuated = text.ends_with([',', ':', '،', '!', '：', '，', '！']);
    let ends_block = lines
        .get(i + 1)
        .is_none_or(|next| next.is_blank() || next.len() > 60);
    opener && punctuated && ends_block && text.split_whitespace().count() <= 8
}

/// The subject after `Re:`, `Subject:`, `Asunto:`, `Objet :` …
pub fn subject(text: &str) -> Option<&str> {
    if reference(text).is_some() {
        return None;
    }
    labelled(
        text,
        &[
            "re",
            "subject",
            "subj",
            "asunto",
            "objet",
            "objeto",
            "regarding",
            "concerning",
            "ref",
            "ref.",
            "reference",
            "referencia",
        ],
    )
}

/// The sender's reference after `Our ref:`, `N/Réf. :`, or `Ref:` followed by a code.
pub fn reference(text: &str) -> Option<&str> {
    let explicit = [
        "our ref",
        "our ref.",
        "our reference",
        "reference no.",
        "ref. no.",
        "n/ref",
        "n/ref.",
        "notre ref",
        "notre reference",
        "nuestra ref",
        "nuestra ref.",
        "nuestra referencia",
    ];
    if let Some(value) = labelled(text, &explicit).filter(|v| !v.is_empty()) {
        return Some(value);
    }
    let code = |v: &&str| {
        v.chars().any(|c| c.is_ascii_digit())
            && v.chars().count() <= 40
            && v.split_whitespace().count() <= 4
    };
    labelled(text, &["ref", "ref.", "reference"]).filter(code)
}

/// Whether a line only says how the letter was sent ("Via email").
pub fn is_delivery(text: &str) -> bool {
    let folded = fold(text);
    [
        "via ",
        "by email",
        "by e-mail",
        "by fax",
        "by hand",
        "by post",
        "by registered",
        "sent via",
        "sent by",
        "por correo",
        "par courriel",
        "par e-mail",
        "par email",
        "par telecopie",
        "par fax",
        "par porteur",
        "par lettre recommandee",
        "por fax",
        "por correo electronico",
        "by facsimile",
        "by courier",
    ]
    .iter()
    .any(|p| folded.starts_with(p))
}
