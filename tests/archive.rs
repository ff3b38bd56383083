//! Archival and accessible PDFs: tagging, PDF/A and PDF/UA identification, the letter's
//! sources embedded under PDF/A-3, `missive extract` and the byte-identical round trip,
//! and PDF/UA errors that name the letter key to fix. The PDFs are inspected with lopdf.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{missive, stderr};

use lopdf::{Dictionary, Document, Object};

/// A template with what PDF/UA needs from any template: title and authors, the language,
/// alternative text on the logo and the signatures (as the built-in house template does).
/// It imports a file of its own, which the archival PDF must carry too.
const UA_TEMPLATE: &str = r#"#import "parts.typ": signature-block
#let note-ref(n, first: false) = super(str(n))
#let letter(data, notes: (), body) = {
  set document(title: data.title, author: data.authors)
  set text(lang: data.lang.language, region: data.lang.region)
  if data.letterhead.logo != none {
    image(data.letterhead.logo, width: 3cm, alt: data.letterhead.logo_alt)
  }
  heading(level: 1, data.title)
  body
  for s in data.signatories { signature-block(s) }
  if notes.len() > 0 {
    heading(level: 2, data.labels.notes)
    enum(..notes)
  }
}
"#;

const PARTS_TEMPLATE: &str = r#"#let signature-block(s) = {
  if s.signature != none { image(s.signature, width: 4cm, alt: s.signature_alt) }
  par(s.name)
}
"#;

const LOGO_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20" viewBox="0 0 60 20"><rect width="60" height="20" fill="#0b5394"/></svg>
"##;
const SIGNATURE_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20" viewBox="0 0 80 20"><path d="M2 15 C 20 0, 40 20, 78 4" stroke="#000" fill="none"/></svg>
"##;
const CHART_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><rect x="2" y="20" width="10" height="18" fill="#444"/><rect x="16" y="8" width="10" height="30" fill="#444"/></svg>
"##;

/// A house folder with a custom template, a logo, a signature and a body image, and one
/// letter at `letters/2026/first.md`. `logo_alt` goes into the house's letterhead.
struct Archive {
    dir: tempfile::TempDir,
}

impl Archive {
    fn new(logo_alt: Option<&str>, lang: &str, extra_house: &str) -> Archive {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "tpl/letter.typ", UA_TEMPLATE);
        write(root, "tpl/parts.typ", PARTS_TEMPLATE);
        write(root, "img/logo.svg", LOGO_SVG);
        write(root, "img/chart.svg", CHART_SVG);
        write(root, "letters/2026/sig/ruiz.svg", SIGNATURE_SVG);
        let alt = logo_alt.map_or(String::new(), |alt| format!("logo_alt = \"{alt}\"\n"));
        let house = format!(
            "template = \"tpl/letter.typ\"\nlang = \"{lang}\"\n{extra_house}\n[letterhead]\norganization = \"Rights Watchers\"\nlogo = \"img/logo.svg\"\n{alt}address = [\"1 Example Street\", \"Geneva\"]\n"
        );
        write(root, "missive.toml", &house);
        write(root, "letters/2026/first.md", LETTER);
        Archive { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Renders the letter to `out.pdf` under the root with these extra arguments.
    fn render(&self, args: &[&str]) -> Output {
        let mut all = vec!["render", "letters/2026/first.md", "-o", "out.pdf"];
        all.extend_from_slice(args);
        missive(self.root(), &all)
    }

    fn pdf(&self) -> Vec<u8> {
        std::fs::read(self.root().join("out.pdf")).expect("out.pdf was written")
    }
}

const LETTER: &str = "+++
date = 2026-03-02
subject = \"Protección de periodistas detenidos\"
salutation = \"Señora Ministra:\"

[[to]]
name = \"Ministra de Ejemplo\"
address = [\"Ministerio de Justicia\", \"Ciudad Capital\"]

[[signatories]]
name = \"Ana Ruiz\"
title = \"Directora\"
signature = \"sig/ruiz.svg\"
+++

Le escribimos para pedir la liberación de los periodistas detenidos desde mayo.[^uno]

## Acceso a un abogado

![Detenciones por año, 2024 y 2025](../../img/chart.svg)

Sus abogados deben poder visitarlos.

[^uno]: Un informe sobre la detención, 2025.
";

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn assert_ok(output: &Output) {
    assert!(
        output.status.success(),
        "missive failed:\n{}",
        stderr(output)
    );
}

fn catalog(doc: &Document) -> &Dictionary {
    doc.catalog().expect("the PDF has a catalog")
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).expect("a reachable object").1
}

/// The XMP metadata packet of the PDF.
fn xmp(doc: &Document) -> String {
    let metadata = resolve(
        doc,
        catalog(doc).get(b"Metadata").expect("a /Metadata stream"),
    );
    let stream = metadata.as_stream().expect("/Metadata is a stream");
    String::from_utf8(stream.get_plain_content().unwrap()).expect("XMP is UTF-8")
}

/// Names and bytes of the PDF's embedded files (krilla writes a single-level name tree).
fn embedded(doc: &Document) -> Vec<(String, Vec<u8>)> {
    let Ok(names) = catalog(doc).get(b"Names") else {
        return Vec::new();
    };
    let names = resolve(doc, names).as_dict().unwrap();
    let Ok(tree) = names.get(b"EmbeddedFiles") else {
        return Vec::new();
    };
    let tree = resolve(doc, tree).as_dict().unwrap();
    let entries = tree.get(b"Names").unwrap().as_array().unwrap();
    entries
        .chunks(2)
        .map(|pair| {
            let name = String::from_utf8(pair[0].as_str().unwrap().to_vec()).unwrap();
            let spec = resolve(doc, &pair[1]).as_dict().unwrap();
            let ef = resolve(doc, spec.get(b"EF").unwrap()).as_dict().unwrap();
            let stream = resolve(doc, ef.get(b"F").unwrap()).as_stream().unwrap();
            (name, stream.get_plain_content().unwrap())
        })
        .collect()
}

fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("lopdf reads the PDF")
}

#[test]
fn every_pdf_is_tagged_with_structure_tree_language_and_title() {
    let archive = Archive::new(Some("Rights Watchers logo"), "es", "");
    assert_ok(&archive.render(&[]));
    let doc = load(&archive.pdf());
    let catalog = catalog(&doc);
    let mark_info = resolve(&doc, catalog.get(b"MarkInfo").expect("/MarkInfo"))
        .as_dict()
        .unwrap();
    assert!(mark_info.get(b"Marked").unwrap().as_bool().unwrap());
    let tree = resolve(
        &doc,
        catalog.get(b"StructTreeRoot").expect("/StructTreeRoot"),
    )
    .as_dict()
    .unwrap();
    assert_eq!(
        tree.get(b"Type").unwrap().as_name().unwrap(),
        b"StructTreeRoot"
    );
    assert!(tree.get(b"K").is_ok(), "the structure tree has no children");
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"es");
    let info = resolve(&doc, doc.trailer.get(b"Info").unwrap())
        .as_dict()
        .unwrap();
    let title = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
    assert_eq!(title, "Protección de periodistas detenidos");
    assert!(
        embedded(&doc).is_empty(),
        "a plain PDF carries no attachments"
    );
}

#[test]
fn pdf_a3b_with_ua1_is_identified_in_xmp_and_carries_every_source() {
    let archive = Archive::new(Some("Rights Watchers logo"), "es", "");
    assert_ok(&archive.render(&["--pdf-standard", "a-3b,ua-1"]));
    let doc = load(&archive.pdf());
    let xmp = xmp(&doc);
    assert!(xmp.contains("<pdfaid:part>3</pdfaid:part>"), "{xmp}");
    assert!(
        xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{xmp}"
    );
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    let viewer = resolve(&doc, catalog(&doc).get(b"ViewerPreferences").unwrap())
        .as_dict()
        .unwrap();
    assert!(
        viewer.get(b"DisplayDocTitle").unwrap().as_bool().unwrap(),
        "the title bar would show the file name"
    );
    let files = embedded(&doc);
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "img/chart.svg",
            "img/logo.svg",
            "letters/2026/first.md",
            "letters/2026/sig/ruiz.svg",
            "missive.toml",
            "tpl/letter.typ",
            "tpl/parts.typ"
        ]
    );
    for (name, data) in &files {
        let on_disk = std::fs::read(archive.root().join(name)).unwrap();
        assert_eq!(
            data, &on_disk,
            "{name} differs from the file it was read from"
        );
    }
    let af = catalog(&doc)
        .get(b"AF")
        .expect("PDF/A-3 associates the files with /AF")
        .as_array()
        .unwrap();
    assert_eq!(af.len(), files.len());
}

#[test]
fn pdf_a2b_is_identified_and_carries_no_attachment() {
    let archive = Archive::new(Some("Rights Watchers logo"), "en", "");
    assert_ok(&archive.render(&["--pdf-standard", "a-2b"]));
    let doc = load(&archive.pdf());
    let xmp = xmp(&doc);
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert!(!xmp.contains("pdfuaid"), "{xmp}");
    assert!(embedded(&doc).is_empty());
}

#[test]
fn house_pdf_standard_applies_and_the_command_line_overrides_it() {
    let archive = Archive::new(
        Some("Rights Watchers logo"),
        "en",
        "pdf_standard = \"a-2u, ua-1\"",
    );
    assert_ok(&archive.render(&[]));
    let xmp_house = xmp(&load(&archive.pdf()));
    assert!(
        xmp_house.contains("<pdfaid:part>2</pdfaid:part>"),
        "{xmp_house}"
    );
    assert!(
        xmp_house.contains("<pdfaid:conformance>U</pdfaid:conformance>"),
        "{xmp_house}"
    );
    assert!(
        xmp_house.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "{xmp_house}"
    );
    assert_ok(&archive.render(&["--pdf-standard", "a-3u"]));
    let xmp_cli = xmp(&load(&archive.pdf()));
    assert!(
        xmp_cli.contains("<pdfaid:part>3</pdfaid:part>"),
        "{xmp_cli}"
    );
    assert!(!xmp_cli.contains("pdfuaid"), "{xmp_cli}");
}

#[test]
fn extracted_sources_render_to_a_byte_identical_pdf() {
    let archive = Archive::new(Some("Rights Watchers logo"), "es", "");
    assert_ok(&archive.render(&["--pdf-standard", "a-3b,ua-1"]));
    let original = archive.pdf();

    // Only the PDF goes to another folder; everything is regenerated from it.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("archived.pdf"), &original).unwrap();
    let extracted = missive(
        elsewhere.path(),
        &["extract", "archived.pdf", "-o", "recovered"],
    );
    assert_ok(&extracted);
    let report = stderr(&extracted);
    assert!(
        report.contains("missive render recovered/letters/2026/first.md --pdf-standard a-3b,ua-1"),
        "{report}"
    );
    let source =
        std::fs::read_to_string(elsewhere.path().join("recovered/letters/2026/first.md")).unwrap();
    assert_eq!(source, LETTER);

    let rendered = missive(
        elsewhere.path(),
        &[
            "render",
            "recovered/letters/2026/first.md",
            "-o",
            "again.pdf",
            "--pdf-standard",
            "a-3b,ua-1",
        ],
    );
    assert_ok(&rendered);
    let again = std::fs::read(elsewhere.path().join("again.pdf")).unwrap();
    assert!(
        again == original,
        "the regenerated PDF differs from the archived one"
    );
}

#[test]
fn extract_refuses_a_pdf_without_sources() {
    let archive = Archive::new(Some("Rights Watchers logo"), "en", "");
    assert_ok(&archive.render(&["--pdf-standard", "a-2b"]));
    let output = missive(archive.root(), &["extract", "out.pdf"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("carries no embedded files"),
        "{}",
        stderr(&output)
    );
    assert!(!archive.root().join("out-source").exists());
}

#[test]
fn ua_render_with_a_logo_lacking_logo_alt_names_logo_alt() {
    let archive = Archive::new(None, "en", "");
    let output = archive.render(&["--pdf-standard", "ua-1"]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.contains("the letterhead logo `img/logo.svg` has no `logo_alt`, the alternative text PDF/UA-1 requires"),
        "{report}"
    );
    assert!(
        report.contains("missive.toml:6:8"),
        "the error does not point at the house's `logo`:\n{report}"
    );
    assert!(report.contains("add `logo_alt = "), "{report}");
    assert!(
        !archive.root().join("out.pdf").exists(),
        "a failed render left a PDF"
    );
    // Without PDF/UA the same letter renders.
    assert_ok(&archive.render(&[]));
}

#[test]
fn ua_render_with_an_undescribed_body_image_names_the_image() {
    let archive = Archive::new(Some("Rights Watchers logo"), "es", "");
    let letter = LETTER.replace("![Detenciones por año, 2024 y 2025]", "![]");
    write(archive.root(), "letters/2026/first.md", &letter);
    let output = archive.render(&["--pdf-standard", "ua-1"]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.contains("the image `img/chart.svg` in the body has no description"),
        "{report}"
    );
    assert!(report.contains("letters/2026/first.md:20:"), "{report}");
}

#[test]
fn ua_render_with_an_empty_signature_alt_names_the_key() {
    let archive = Archive::new(Some("Rights Watchers logo"), "es", "");
    let letter = LETTER.replace(
        "signature = \"sig/ruiz.svg\"",
        "signature = \"sig/ruiz.svg\"\nsignature_alt = \"\"",
    );
    write(archive.root(), "letters/2026/first.md", &letter);
    let report = stderr(&archive.render(&["--pdf-standard", "ua-1"]));
    assert!(
        report.contains("empty `signatories[1].signature_alt`"),
        "{report}"
    );
    assert!(report.contains("letters/2026/first.md:13:"), "{report}");
}

#[test]
fn bad_standards_are_reported_where_they_are_written() {
    let archive = Archive::new(
        Some("Rights Watchers logo"),
        "en",
        "pdf_standard = \"a-3b,a-9\"",
    );
    let output = archive.render(&[]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.contains("`pdf_standard`: unknown PDF standard `a-9`"),
        "{report}"
    );
    assert!(report.contains("missive.toml:3:16"), "{report}");

    let usage = missive(
        archive.root(),
        &[
            "render",
            "letters/2026/first.md",
            "--pdf-standard",
            "a-2b,a-3b",
        ],
    );
    assert_eq!(usage.status.code(), Some(2));
    assert!(
        stderr(&usage).contains("choose at most one PDF/A standard"),
        "{}",
        stderr(&usage)
    );
}

#[test]
fn the_built_in_template_renders_archival_and_accessible_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "missive.toml",
        "[letterhead]\norganization = \"Rights Watchers\"\n",
    );
    let letter = LETTER
        .replace("signature = \"sig/ruiz.svg\"\n", "")
        .replace(
            "![Detenciones por año, 2024 y 2025](../../img/chart.svg)\n",
            "",
        );
    write(dir.path(), "letters/second.md", &letter);
    let output = missive(
        dir.path(),
        &[
            "render",
            "letters/second.md",
            "-o",
            "second.pdf",
            "--pdf-standard",
            "a-3a,ua-1",
        ],
    );
    assert_ok(&output);
    let doc = load(&std::fs::read(dir.path().join("second.pdf")).unwrap());
    let xmp = xmp(&doc);
    assert!(
        xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
        "{xmp}"
    );
    let names: Vec<String> = embedded(&doc).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["letters/second.md", "missive.toml"]);
}

/// Paths in the PDF are relative to the root, never absolute.
#[test]
fn archival_pdfs_hold_no_absolute_path() {
    let archive = Archive::new(Some("Rights Watchers logo"), "en", "");
    assert_ok(&archive.render(&["--pdf-standard", "a-3b"]));
    let pdf = archive.pdf();
    let root: PathBuf = archive.root().canonicalize().unwrap();
    let needle = root.to_string_lossy().into_owned();
    assert!(
        !pdf.windows(needle.len()).any(|w| w == needle.as_bytes()),
        "the PDF names {needle}"
    );
}

#[test]
fn ua_render_of_a_template_without_title_names_subject() {
    let archive = Archive::new(Some("Rights Watchers logo"), "en", "");
    let bare = UA_TEMPLATE.replace("set document(title: data.title, author: data.authors)", "");
    write(archive.root(), "tpl/letter.typ", &bare);
    let output = archive.render(&["--pdf-standard", "ua-1"]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.contains("the PDF has no title, which PDF/UA-1 requires"),
        "{report}"
    );
    assert!(report.contains("give the letter a `subject`"), "{report}");
    assert!(
        report.contains("`set document(title: data.title)`"),
        "{report}"
    );
}

/// An 8×4 PNG, every pixel half-transparent blue (RGBA 0b5394 at alpha 0x80).
const TRANSLUCENT_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x04, 0x08, 0x06, 0x00, 0x00, 0x00, 0xb3, 0xcd, 0x7e,
    0xf0, 0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xe0, 0x0e, 0x9e, 0xd2,
    0x80, 0x0f, 0x33, 0xd0, 0x5e, 0x01, 0x00, 0xd3, 0xa9, 0x2e, 0x41, 0x65, 0x9b, 0x88, 0xfa, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn pdf_a1b_with_a_translucent_logo_names_the_logo() {
    let archive = Archive::new(Some("Rights Watchers logo"), "en", "");
    std::fs::write(archive.root().join("img/logo.png"), TRANSLUCENT_PNG).unwrap();
    let house = std::fs::read_to_string(archive.root().join("missive.toml")).unwrap();
    write(
        archive.root(),
        "missive.toml",
        &house.replace("img/logo.svg", "img/logo.png"),
    );
    let output = archive.render(&["--pdf-standard", "a-1b"]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.contains(
            "the letterhead logo `img/logo.png`: the image contains transparency (PDF/A-1b)"
        ),
        "{report}"
    );
    assert!(report.contains("missive.toml:6:8"), "{report}");
    // PDF/A-2 allows transparency.
    assert_ok(&archive.render(&["--pdf-standard", "a-2b"]));
}

#[test]
fn ua_render_of_the_built_in_template_names_a_missing_logo_alt() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in ["missive.toml", "logo.svg", "2026-03-02-spyware-exports.md"] {
        std::fs::copy(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples/house")
                .join(file),
            root.join(file),
        )
        .unwrap();
    }
    let house = std::fs::read_to_string(root.join("missive.toml")).unwrap();
    let without_alt: String = house
        .lines()
        .filter(|l| !l.starts_with("logo_alt"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(root.join("missive.toml"), without_alt).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_missive"))
        .args([
            "render",
            "2026-03-02-spyware-exports.md",
            "--pdf-standard",
            "a-3b,ua-1",
        ])
        .current_dir(root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        report.contains("has no `logo_alt`") && report.contains("missive.toml:8:8"),
        "{report}"
    );
    assert!(!root.join("2026-03-02-spyware-exports.pdf").exists());
}
