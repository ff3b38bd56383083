//! Fuzzes the Word reader's XML: the input is split at NUL bytes into
//! `word/document.xml`, `word/styles.xml`, `word/numbering.xml`, `word/footnotes.xml`
//! and `word/endnotes.xml`, packed uncompressed into a Word package with their
//! relationships, and read. (Mutating a whole .docx mostly breaks its compression; this
//! reaches the runs, fields, lists and notes.)

#![no_main]

mod common;

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use missive::testing::import::docx;
use zip::write::SimpleFileOptions;

const PARTS: [(&str, &str); 5] = [
    ("word/document.xml", ""),
    ("word/styles.xml", "styles"),
    ("word/numbering.xml", "numbering"),
    ("word/footnotes.xml", "footnotes"),
    ("word/endnotes.xml", "endnotes"),
];

fuzz_target!(|data: &[u8]| {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut rels = String::from(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (i, ((name, kind), bytes)) in PARTS.iter().zip(data.split(|b| *b == 0)).enumerate() {
        zip.start_file(*name, stored).unwrap();
        zip.write_all(bytes).unwrap();
        if !kind.is_empty() {
            rels.push_str(&format!(
                "<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{}\"/>",
                name.trim_start_matches("word/")
            ));
        }
    }
    rels.push_str("</Relationships>");
    zip.start_file("word/_rels/document.xml.rels", stored)
        .unwrap();
    zip.write_all(rels.as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    match docx::read(&bytes) {
        Ok(document) => common::model::check(&document),
        Err(refusal) => assert!(!refusal.reason.is_empty()),
    }
});
