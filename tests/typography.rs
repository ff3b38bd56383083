//! Typography in the produced PDF: quotation marks, apostrophes, dashes and ellipses by
//! language (`smart_punctuation`), French spacing, and long web addresses that break
//! inside the measure.

mod common;

use common::{boxed_words, missive, stderr, tool_available, write_letter};

/// Renders `letter` in a scratch folder (with `house` as its `missive.toml` if given) and
/// returns the PDF's text as extracted, white space kept as it is.
fn rendered(letter: &str, house: Option<&str>) -> String {
    let dir = tempfile::tempdir().unwrap();
    if let Some(house) = house {
        std::fs::write(dir.path().join("missive.toml"), house).unwrap();
    }
    write_letter(dir.path(), "letter.md", letter);
    let out = missive(dir.path(), &["render", "letter.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("letter.pdf")).unwrap();
    pdf_extract::extract_text_from_mem(&bytes).expect("the PDF's text can be extracted")
}

/// A letter in `lang` whose body is `body`.
fn letter(lang: &str, body: &str) -> String {
    format!(
        "+++\ndate = 2026-03-02\nlang = \"{lang}\"\nsubject = \"The \\\"export\\\" rules\"\n\
         [[signatories]]\nname = \"Ana Ruiz\"\n+++\n{body}\n"
    )
}

/// Asserts that `text` holds every one of `parts`.
fn assert_holds(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            text.contains(part),
            "{part:?} is not in the PDF's text:\n{text}"
        );
    }
}

#[test]
fn english_quotes_apostrophes_dashes_and_ellipses() {
    let text = rendered(
        &letter(
            "en",
            "\"No one shall be subjected to arbitrary interference,\" the government's note \
             says -- with 'care'... In 1990--2000 --- twice. Code: `\"as typed\" -- 'x'...`",
        ),
        None,
    );
    assert_holds(
        &text,
        &[
            "Re: The “export” rules",
            "“No one shall be subjected to arbitrary interference,” the government’s note",
            "says – with ‘care’…",
            "1990–2000 — twice.",
            // A code span keeps what was typed.
            "\"as typed\" -- 'x'...",
        ],
    );
}

#[test]
fn french_guillemets_and_spaces() {
    let text = rendered(
        &letter(
            "fr",
            "Il a dit \"non\"; vraiment? Oui ! Objet : la réponse. « Déjà »… Et l'accès?",
        ),
        None,
    );
    let nnbsp = '\u{202f}';
    let nbsp = '\u{a0}';
    assert_holds(
        &text,
        &[
            &format!("Objet{nbsp}: The «{nnbsp}export{nnbsp}» rules"),
            &format!("Il a dit «{nnbsp}non{nnbsp}»{nnbsp}; vraiment{nnbsp}?"),
            &format!("Oui{nnbsp}! Objet{nbsp}: la réponse."),
            &format!("«{nnbsp}Déjà{nnbsp}»…"),
            &format!("l’accès{nnbsp}?"),
        ],
    );
}

#[test]
fn russian_and_chinese_quotes() {
    let text = rendered(&letter("ru", "Он сказал \"да\" и 'нет'."), None);
    assert_holds(&text, &["Он сказал «да» и „нет“."]);
    // The marks come from the Latin font, the characters around them from the Chinese
    // one: the extracted text has spaces between the runs.
    let text = rendered(&letter("zh", "他说\"是\"。"), None);
    let solid: String = text.split_whitespace().collect();
    assert_holds(&solid, &["他说“是”。"]);
}

#[test]
fn smart_punctuation_off_keeps_what_was_typed() {
    let body = "\"Quoted\" -- it's so...";
    let off = letter("en", body).replacen("+++\n", "+++\nsmart_punctuation = false\n", 1);
    let text = rendered(&off, None);
    assert_holds(
        &text,
        &["Re: The \"export\" rules", "\"Quoted\" -- it's so..."],
    );
    // The house may turn it off; a letter may turn it back on.
    let house = "smart_punctuation = false\n";
    let text = rendered(&letter("en", body), Some(house));
    assert_holds(&text, &["\"Quoted\" -- it's so..."]);
    let on = letter("en", body).replacen("+++\n", "+++\nsmart_punctuation = true\n", 1);
    let text = rendered(&on, Some(house));
    assert_holds(&text, &["“Quoted” – it’s so…"]);
}

#[test]
fn escaped_characters_and_addresses_stay_as_typed() {
    let text = rendered(
        &letter(
            "en",
            "An escaped \\\"quote\\\" and \\-- dash; see https://example.org/a--b's/\"x\" \
             and <https://example.org/c--d>.",
        ),
        None,
    );
    assert_holds(
        &text,
        &[
            "An escaped \"quote\" and -- dash;",
            "https://example.org/a--b's/",
            "https://example.org/c--d",
        ],
    );
}

#[test]
fn long_web_addresses_break_inside_the_measure() {
    if !tool_available("pdftotext", &["-v"]) {
        return;
    }
    let path: String = (0..12).map(|i| format!("section-{i}_part/")).collect();
    let url = format!(
        "https://www.example.org/{path}report.html?id=1234567890&lang=en&x=abcdefghijklmnopqrstuvwxyz0123456789"
    );
    assert!(url.len() > 200, "{}", url.len());
    let body = format!("The report at {url} says so.[^1]\n\n[^1]: Published at <{url}>, 2026.");
    let dir = tempfile::tempdir().unwrap();
    write_letter(dir.path(), "letter.md", &letter("en", &body));
    let out = missive(dir.path(), &["render", "letter.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = dir.path().join("letter.pdf");
    // A4, margins of 2.5 cm: the measure ends 70.87 pt short of the right edge.
    let right = 595.28 - 70.87;
    let left = 70.87;
    let words = boxed_words(&pdf, false);
    for word in &words {
        let (text, x_min, x_max) = (&word.text, &word.x_min, &word.x_max);
        // Typst hangs a line's last punctuation a little into the margin (`overhang`), as
        // fine typesetting does; a letter or digit may not pass the measure.
        let hangs = text.ends_with(['-', '.', '/', '_', ',', '?', '&', '=']);
        let tolerance = if hangs { 3.0 } else { 0.5 };
        assert!(
            *x_min >= left - 0.5 && *x_max <= right + tolerance,
            "{text:?} runs out of the measure: {x_min:.1}–{x_max:.1} pt"
        );
    }
    // Both addresses are whole, as typed, each over several lines.
    let joined: String = words.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(joined.matches(&url).count(), 2, "{joined}");
    let lines_of_address = words.iter().filter(|w| w.text.contains("section-")).count();
    assert!(
        lines_of_address >= 4,
        "{lines_of_address} lines hold the addresses"
    );
}
