//! Drafts and the dispatch line: `draft = true` (or `render --draft`) marks every page
//! as an artifact and prefixes the title, `check --final` refuses a draft, and
//! `delivery` shows above the addressees.

mod common;

use std::path::Path;

use common::{assert_in_order, missive, pdf_text, pdf_title, stderr, write_letter};

/// A letter of two pages or more, with the extra front-matter `keys`.
fn letter(keys: &str) -> String {
    let paragraph = "The export of surveillance tools to governments that use them against \
                     journalists must stop. "
        .repeat(12);
    let body = vec![paragraph; 7].join("\n\n");
    format!(
        "+++\ndate = 2026-03-02\nsubject = \"Exports\"\n{keys}\n[[to]]\nname = \"Dr. Jane Okafor\"\n\
         address = [\"Ministry of Trade\"]\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n{body}\n"
    )
}

/// The PDF's title and, page by page, whether its content draws text of `size` points
/// inside a background artifact (the DRAFT mark).
fn title_and_marks(path: &Path, size: &str) -> (String, Vec<bool>) {
    let doc = lopdf::Document::load(path).expect("a valid PDF");
    let title = pdf_title(path);
    let marks = doc
        .get_pages()
        .values()
        .map(|&page| {
            let content =
                String::from_utf8_lossy(&doc.get_page_content(page).unwrap()).into_owned();
            content.split("/Artifact").any(|artifact| {
                let artifact = artifact.split("EMC").next().unwrap();
                artifact.contains("/Type/Background") && artifact.contains(&format!(" {size} Tf"))
            })
        })
        .collect();
    (title, marks)
}

#[test]
fn a_draft_is_marked_on_every_page_and_titled_so() {
    let dir = tempfile::tempdir().unwrap();
    write_letter(dir.path(), "draft.md", &letter("draft = true"));
    write_letter(dir.path(), "final.md", &letter(""));
    for args in [
        &["render", "draft.md"][..],
        &["render", "final.md", "--draft", "-o", "flag.pdf"],
    ] {
        let out = missive(dir.path(), args);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let out = missive(dir.path(), &["render", "final.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for pdf in ["draft.pdf", "flag.pdf"] {
        let (title, marks) = title_and_marks(&dir.path().join(pdf), "96");
        assert_eq!(title, "DRAFT – Exports", "{pdf}");
        assert!(
            marks.len() >= 2 && marks.iter().all(|&m| m),
            "{pdf}: {marks:?}"
        );
    }
    let (title, marks) = title_and_marks(&dir.path().join("final.pdf"), "96");
    assert_eq!(title, "Exports");
    assert!(
        marks.iter().all(|&m| !m),
        "a final letter is marked: {marks:?}"
    );
    assert!(!pdf_text(&dir.path().join("final.pdf")).contains("DRAFT"));
}

#[test]
fn the_draft_mark_is_in_the_letters_language() {
    let dir = tempfile::tempdir().unwrap();
    write_letter(dir.path(), "fr.md", &letter("draft = true\nlang = \"fr\""));
    let out = missive(dir.path(), &["render", "fr.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (title, _) = title_and_marks(&dir.path().join("fr.pdf"), "96");
    assert_eq!(title, "PROJET – Exports");
    assert!(pdf_text(&dir.path().join("fr.pdf")).contains("PROJET"));
}

#[test]
fn check_final_refuses_a_draft_at_its_key() {
    let dir = tempfile::tempdir().unwrap();
    write_letter(dir.path(), "draft.md", &letter("draft = true"));
    write_letter(dir.path(), "final.md", &letter("draft = false"));
    let out = missive(dir.path(), &["check", "--final", "draft.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("error[M0410]: the letter is a draft (`draft = true`)"),
        "{err}"
    );
    assert!(err.contains("draft.md:4:9"), "{err}");
    assert!(err.contains("help: remove `draft = true`"), "{err}");
    // Without --final a draft checks; a letter that is not a draft passes --final.
    let out = missive(dir.path(), &["check", "draft.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = missive(dir.path(), &["check", "--final", "final.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_dispatch_line_stands_above_the_addressees() {
    let dir = tempfile::tempdir().unwrap();
    write_letter(
        dir.path(),
        "sent.md",
        &letter("delivery = \"By e-mail and fax\""),
    );
    let out = missive(dir.path(), &["render", "sent.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&dir.path().join("sent.pdf"));
    assert_in_order(
        &text,
        &[
            "March 2, 2026",
            "By e-mail and fax",
            "Dr. Jane Okafor",
            "Re: Exports",
        ],
    );
}
