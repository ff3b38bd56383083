//! The words that end a letter: closings ("Sincerely,", "Veuillez agréer …") and the
//! labels of copies, enclosures and postscripts, in the languages import reads.

use super::lines::{Line, fold, labelled};

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
    avec nos salutations distinguees | с уважением | с глубоким уважением |
    искренне ваш | искренне ваша | с наилучшими пожеланиями | مع خالص التحية |
    مع فائق الاحترام | مع التحية | مع أطيب التحيات | وتفضلوا بقبول فائق الاحترام |
    وتفضلوا بقبول فائق الاحترام والتقدير | وتفضلوا بقبول وافر الاحترام | 此致敬礼 | 此致 |
    敬礼 | 顺颂商祺 | 顺祝商祺 | 谨致问候
";

/// Whether a line is a closing ("Sincerely,").
pub fn is_closing(text: &str) -> bool {
    let folded = fold(text);
    let core = folded
        .trim_end_matches([',', '.', '!', '،', '，', '。', '！'])
        .trim();
    CLOSINGS.split('|').any(|closing| closing.trim() == core)
}

/// Whole-sentence closings of French and Spanish letters.
pub fn is_closing_formula(text: &str) -> bool {
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

/// Whether a line introduces the signatories of a coalition letter ("Signed by:",
/// "Also signed by:", "Organizaciones firmantes:", "Signataires :").
pub fn is_signatories_label(text: &str) -> bool {
    const LABELS: &str = "
        signatories | signatory organizations | signatory organisations | signed | signed by |
        also signed by | co-signed by | cosigned by | endorsed by | endorsing organizations |
        endorsing organisations | the undersigned | undersigned organizations |
        undersigned organisations | list of signatories | organizaciones firmantes |
        firmantes | firman | suscriben | organisations signataires | signataires |
        les organisations signataires | liste des signataires | unterzeichnende |
        unterzeichnende organisationen | unterzeichner | المنظمات الموقعة | الموقعون
    ";
    let folded = fold(text);
    let core = folded.trim_end_matches([':', '.', ',']).trim();
    text.chars().count() <= 60 && LABELS.split('|').any(|label| label.trim() == core)
}

/// Where a closing formula begins when it is the last sentence of a paragraph
/// ("… avant l'été. Nous vous prions d'agréer, Madame la Ministre, l'expression de notre
/// haute considération."): the byte index of its first letter, after a sentence's end.
pub fn trailing_formula(text: &str) -> Option<usize> {
    text.match_indices(['.', '!', '?'])
        .map(|(i, _)| i + 1)
        .filter(|&i| text[i..].starts_with(' '))
        .map(|i| i + 1)
        .find(|&i| is_closing_formula(&text[i..]) && text.trim_end().ends_with('.'))
}

/// A one-line block of a few words ending with a comma, just before the signatures
/// ("On behalf of the undersigned,").
pub fn is_short_closing(block: &[Line]) -> bool {
    matches!(block, [line] if line.text.ends_with(',') && line.text.split_whitespace().count() <= 10)
}

/// What a labelled line at the end of a letter holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tail {
    /// Copies (`cc:`).
    Cc,
    /// Enclosures.
    Enclosure,
    /// A postscript (`P.S.`).
    Postscript,
}

/// The label a line at the end of a letter starts with, and the text after it.
pub fn tail_label(text: &str) -> Option<(Tail, &str)> {
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
