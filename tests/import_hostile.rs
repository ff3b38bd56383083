//! Hostile and broken input for the Word and web-page readers: each is refused with a
//! reason that says what the file is and why (files in `tests/import/hostile/`, made by
//! `tests/import/make/hostile.py`; inputs too large to keep are made here). Nothing in a
//! file is ever run or expanded.

use std::path::Path;

use missive::testing::import::{docx, html};

fn hostile(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import/hostile")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads a file as Word and returns the refusal's reason.
fn word_refusal(name: &str) -> String {
    match docx::read(&hostile(name)) {
        Ok(document) => panic!("{name} was read: {document:?}"),
        Err(refusal) => {
            assert!(!refusal.hint.is_empty(), "{name}: no hint in {refusal:?}");
            refusal.reason
        }
    }
}

#[test]
fn damaged_and_truncated_packages() {
    for name in ["truncated.docx", "damaged.docx"] {
        let reason = word_refusal(name);
        assert!(
            reason.starts_with("is a damaged or truncated Word file")
                || reason.starts_with("is damaged: its part word/document.xml cannot be unpacked"),
            "{name}: {reason}"
        );
    }
}

#[test]
fn files_that_are_not_word_documents_say_what_they_are() {
    for (name, says) in [
        ("pdf-named-docx.docx", "is not a Word document: it is a PDF"),
        ("empty.docx", "is not a Word document: the file is empty"),
        ("spreadsheet-named-docx.docx", "it is an Excel workbook"),
        ("odt-named-docx.docx", "it is an OpenDocument file"),
        (
            "word97-named-docx.docx",
            "is an old binary Word document (Word 97–2003 .doc)",
        ),
    ] {
        let reason = word_refusal(name);
        assert!(reason.contains(says), "{name}: {reason}");
    }
}

#[test]
fn an_encrypted_file_is_refused() {
    let reason = word_refusal("encrypted.docx");
    assert!(
        reason.starts_with("is encrypted (protected with a password)"),
        "{reason}"
    );
}

#[test]
fn decompression_bombs_are_refused_by_size_and_by_ratio() {
    for name in ["bomb-100mib.docx", "bomb-ratio.docx"] {
        let reason = word_refusal(name);
        assert!(
            reason.starts_with("is refused as a decompression bomb: its part word/document.xml"),
            "{name}: {reason}"
        );
        assert!(reason.contains("at most 64 MiB per part"), "{reason}");
    }
}

#[test]
fn entity_declarations_are_refused_never_expanded() {
    for name in ["entities.docx", "external-entity.docx"] {
        let reason = word_refusal(name);
        assert!(
            reason.contains("contains a DOCTYPE declaration"),
            "{name}: {reason}"
        );
        assert!(
            !reason.contains("lol") && !reason.contains("root:"),
            "{reason}"
        );
    }
}

#[test]
fn deep_nesting_in_word_is_refused() {
    let reason = word_refusal("deep.docx");
    assert!(reason.contains("nests elements"), "{reason}");
}

#[test]
fn too_many_zip_entries_are_refused() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..20_001 {
        zip.start_file(format!("x/{i}"), zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"").unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let reason = docx::read(&bytes).unwrap_err().reason;
    assert!(reason.contains("lists 20001 entries"), "{reason}");
}

#[test]
fn a_50_megabyte_page_is_refused_before_parsing() {
    let mut page = b"<!doctype html><p>".to_vec();
    page.resize(50 * 1000 * 1000, b'a');
    let refusal = html::read(&page, None).unwrap_err();
    assert!(
        refusal
            .reason
            .starts_with("is refused: it is 47 MiB, and missive reads web pages of at most 32 MiB"),
        "{}",
        refusal.reason
    );
}

#[test]
fn deeply_nested_html_is_refused() {
    let depth = 100_000;
    let page = format!(
        "<!doctype html><body>{}deep{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let refusal = html::read(page.as_bytes(), None).unwrap_err();
    assert!(
        refusal.reason.contains("nest more than 512 deep"),
        "{}",
        refusal.reason
    );
}

#[test]
fn nesting_within_the_limit_is_read() {
    let page = format!(
        "<!doctype html><body>{}<p>Dear Minister, we write about the detention.</p>{}",
        "<div>".repeat(400),
        "</div>".repeat(400)
    );
    let document = html::read(page.as_bytes(), None).unwrap();
    assert_eq!(document.blocks.len(), 1, "{:?}", document.blocks);
}

#[test]
fn scripts_never_write_text() {
    let page = b"<!doctype html><body><main><p>Dear Minister,</p><script>document.write('<p>Injected</p>')</script><p>We write.</p></main>";
    let document = html::read(page, None).unwrap();
    let text = format!("{:?}", document.blocks);
    assert!(
        !text.contains("Injected") && text.contains("We write."),
        "{text}"
    );
    assert!(
        document
            .notices
            .iter()
            .any(|n| n.contains("1 script(s) ignored"))
    );
}

#[test]
fn a_frameset_names_its_frames() {
    let page = b"<html><frameset cols=\"20%,80%\"><frame src=\"menu.htm\"><frame src=\"letter.htm\"></frameset></html>";
    let refusal = html::read(page, None).unwrap_err();
    assert_eq!(
        refusal.reason,
        "is a frameset: its text is in the pages of its frames (menu.htm, letter.htm)"
    );
}

/// Found by fuzzing: a note whose list item is only its number became an empty note.
#[test]
fn notes_without_text_are_not_notes() {
    for page in [
        "<p>Claim.<sup>1</sup> Other.<sup>2</sup></p><h3>Notes</h3><p>1.</p><p>2. A source.</p>",
        "<p>Claim.<a href=\"#n1\">[1]</a></p><p id=\"n1\"><a href=\"#x\">[1]</a></p>",
    ] {
        let document = html::read(page.as_bytes(), None).unwrap();
        for note in &document.notes {
            assert!(!note.blocks.is_empty(), "{page}: {document:?}");
        }
        assert!(document.notes.len() <= 1, "{page}: {:?}", document.notes);
    }
}
