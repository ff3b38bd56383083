//! What a new user met on a first run (issue 18): an empty subject, an unnamed logo, no
//! house, paths from the house root, a README beside the letters, page file names.

mod common;

use std::path::Path;

use common::*;

/// The PDF's document title (its Info dictionary).
fn pdf_title(path: &Path) -> String {
    let doc = lopdf::Document::load(path).expect("a PDF");
    let info = doc.trailer.get(b"Info").and_then(|i| doc.dereference(i)).unwrap().1;
    lopdf::decode_text_string(info.as_dict().unwrap().get(b"Title").unwrap()).unwrap()
}

/// A letter with `keys` in its front matter, to Ms Ana Ruiz.
fn letter_with(keys: &str) -> String {
    format!(
        "+++\ndate = 2026-03-02\n{keys}\n[[to]]\nname = \"Ms Ana Ruiz\"\naddress = [\"Calle 1\"]\n\n\
         [[signatories]]\nname = \"Teodora Vasić\"\n+++\n\nThe text of the letter.\n"
    )
}

#[test]
fn an_empty_subject_is_no_subject() {
    let dir = tempfile::tempdir().unwrap();
    write_letter(dir.path(), "a.md", &letter_with("subject = \"\""));
    write_letter(dir.path(), "b.md", &letter_with("subject = \"  \"\nlang = \"fr\""));
    for (name, title) in [("a", "Letter to Ms Ana Ruiz"), ("b", "Lettre à Ms Ana Ruiz")] {
        let out = missive(dir.path(), &["render", &format!("{name}.md"), "--pdf-standard", "ua-1"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let pdf = dir.path().join(format!("{name}.pdf"));
        assert_eq!(pdf_title(&pdf), title);
        let text = pdf_text(&pdf);
        assert!(!text.contains("Re:") && !text.contains("Objet"), "{text}");
    }
}
