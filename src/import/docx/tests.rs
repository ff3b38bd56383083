//! The Word reader on small packages made here.

use std::io::Write;

use super::*;
use crate::import::document::Block;
use crate::import::document::Inline;

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// A package whose body is `body`, with extra parts and document relationships.
fn read_body(body: &str, parts: &[(&str, &str)], rels: &[(&str, &str)]) -> Document {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let document = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
    let rels: String = rels
        .iter()
        .enumerate()
        .map(|(i, (kind, target))| {
            format!("<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{target}\"/>")
        })
        .collect();
    let rels = format!(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>"
    );
    for (name, text) in [
        ("word/document.xml", document.as_str()),
        ("word/_rels/document.xml.rels", &rels),
    ]
    .into_iter()
    .chain(parts.iter().copied())
    {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    read(&zip.finish().unwrap().into_inner()).unwrap()
}

fn texts(document: &Document) -> Vec<String> {
    document
        .blocks
        .iter()
        .filter(|b| !matches!(b, Block::BlankLine))
        .map(Block::text)
        .collect()
}

#[test]
fn fields_show_their_result_and_hyperlinks_link() {
    let document = read_body(
        concat!(
            "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> HYPERLINK \"https://example.org/r\" \\o \"tip\"</w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>the report</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r><w:fldSimple w:instr=\" DATE \\@ &quot;d MMMM yyyy&quot; \"><w:r><w:t>4 June 2021</w:t></w:r></w:fldSimple></w:p>",
            "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>TOC \\o \"1-3\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r></w:p>",
            "<w:p><w:r><w:t>Contents entry 3</w:t></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>After.</w:t></w:r></w:p>",
        ),
        &[],
        &[],
    );
    assert_eq!(texts(&document), ["the report of 4 June 2021", "After."]);
    let Block::Paragraph(runs) = &document.blocks[0] else {
        panic!()
    };
    assert!(
        matches!(&runs[0], Inline::Link { url, .. } if url == "https://example.org/r"),
        "{runs:?}"
    );
    assert!(
        document
            .notices
            .iter()
            .any(|n| n.ends_with("last saved: DATE")),
        "{:?}",
        document.notices
    );
    assert!(
        document
            .dropped
            .iter()
            .any(|d| d.reason.contains("field TOC"))
    );
}

#[test]
fn custom_note_marks_deleted_paragraph_marks_and_symbols() {
    let footnotes = format!(
        "<w:footnotes {W}><w:footnote w:id=\"1\"><w:p><w:r><w:t>The note.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    );
    let document = read_body(
        concat!(
            "<w:p><w:pPr><w:rPr><w:del w:author=\"A\"/></w:rPr></w:pPr><w:r><w:t xml:space=\"preserve\">First half </w:t></w:r></w:p>",
            "<w:p><w:r><w:t>joined</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"1\"/><w:t>*</w:t></w:r>",
            "<w:r><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:sym w:font=\"Arial\" w:char=\"2192\"/></w:r></w:p>",
        ),
        &[("word/footnotes.xml", &footnotes)],
        &[("footnotes", "footnotes.xml")],
    );
    assert_eq!(texts(&document), ["First half joined[1]→"]);
    assert_eq!(document.notes.len(), 1);
    assert!(
        document
            .dropped
            .iter()
            .any(|d| d.reason.contains("symbol-font"))
    );
}

#[test]
fn headings_by_size_but_not_by_boldness_alone() {
    let document = read_body(
        concat!(
            "<w:p><w:r><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr><w:t>Background</w:t></w:r></w:p>",
            "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Ana Ruiz</w:t></w:r></w:p>",
            "<w:p><w:r><w:rPr><w:sz w:val=\"32\"/></w:rPr><w:t>Large but a sentence.</w:t></w:r></w:p>",
        ),
        &[],
        &[],
    );
    assert!(
        matches!(document.blocks[0], Block::Heading { level: 2, .. }),
        "{:?}",
        document.blocks
    );
    assert!(matches!(document.blocks[1], Block::Paragraph(_)));
    assert!(matches!(document.blocks[2], Block::Paragraph(_)));
}

#[test]
fn merged_table_cells_are_empty() {
    let document = read_body(
        concat!(
            "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>A again</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        ),
        &[],
        &[],
    );
    assert_eq!(texts(&document), ["A | B\n | C"]);
}
