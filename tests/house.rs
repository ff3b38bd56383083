//! The house (missive.toml discovery and precedence), paper sizes, templates (built-in,
//! ejected, coalition), languages, `new`, `fonts`, `--format` and `watch`.

mod common;

use common::*;
use std::path::Path;
use std::time::{Duration, Instant};

const HOUSE: &str = r##"lang = "fr"
paper = "us-letter"
closing = "Cordialement,"

[letterhead]
organization = "Maison des Droits"
address = ["12 rue de la Paix", "75002 Paris"]
accent = "#7a1f1f"
"##;

fn letter(extra: &str) -> String {
    format!(
        "+++\ndate = 2026-03-02\n{extra}\n[[to]]\nname = \"Destinataire\"\naddress = [\"Ministère\"]\n\
         [[signatories]]\nname = \"Claire Moreau\"\n+++\nCorps de la lettre.\n"
    )
}

#[test]
fn the_nearest_house_applies_and_the_letter_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("missive.toml"), HOUSE).unwrap();
    let deep = dir.path().join("2026/mars");
    std::fs::create_dir_all(&deep).unwrap();
    write_letter(
        &deep,
        "a.md",
        &letter("closing = \"Bien à vous,\"\n[letterhead]\norganization = \"Bureau de Genève\""),
    );
    write_letter(&deep, "b.md", &letter(""));
    let out = missive(&deep, &["render", "a.md", "b.md"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let a = pdf_text(&deep.join("a.pdf"));
    // The letter's own closing and organisation; the house's address and language.
    assert_in_order(
        &a,
        &[
            "Bureau de Genève",
            "12 rue de la Paix",
            "2 mars 2026",
            "Bien à vous,",
        ],
    );
    assert!(
        !a.contains("Maison des Droits") && !a.contains("Cordialement"),
        "{a}"
    );
    let b = pdf_text(&deep.join("b.pdf"));
    assert_in_order(
        &b,
        &[
            "Maison des Droits",
            "12 rue de la Paix",
            "2 mars 2026",
            "Cordialement,",
        ],
    );

    // A nearer house file wins over the outer one.
    std::fs::write(
        deep.join("missive.toml"),
        "lang = \"es\"\n[letterhead]\norganization = \"Oficina\"\n",
    )
    .unwrap();
    let out = missive(&deep, &["render", "b.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let b = pdf_text(&deep.join("b.pdf"));
    assert_in_order(&b, &["Oficina", "2 de marzo de 2026"]);
    assert!(!b.contains("Maison des Droits"));
}

/// Width and height of the first page, in points.
fn page_size(pdf: &Path) -> (f32, f32) {
    let doc = lopdf::Document::load(pdf).unwrap();
    let page = doc.get_pages()[&1];
    let dict = doc.get_dictionary(page).unwrap();
    let media = dict.get(b"MediaBox").unwrap().as_array().unwrap();
    let n = |i: usize| media[i].as_float().unwrap();
    (n(2) - n(0), n(3) - n(1))
}

#[test]
fn paper_sizes_follow_the_house_and_the_letter() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("missive.toml"), HOUSE).unwrap();
    write_letter(dir.path(), "letter.md", &letter(""));
    write_letter(dir.path(), "a4.md", &letter("paper = \"a4\""));
    let out = missive(dir.path(), &["render", "letter.md", "a4.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (w, h) = page_size(&dir.path().join("letter.pdf"));
    assert!(
        (w - 612.0).abs() < 0.5 && (h - 792.0).abs() < 0.5,
        "us-letter: {w}x{h}"
    );
    let (w, h) = page_size(&dir.path().join("a4.pdf"));
    assert!(
        (w - 595.3).abs() < 0.5 && (h - 841.9).abs() < 0.5,
        "a4: {w}x{h}"
    );
}

#[test]
fn an_ejected_template_renders_exactly_as_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    let out = missive(dir.path(), &["template", "eject", "templates"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let name = "2026-04-14-joint-letter-election-reporters.md";
    let source = std::fs::read_to_string(dir.path().join(name)).unwrap();
    let custom = source.replace(
        "template = \"coalition\"",
        "template = \"templates/coalition.typ\"",
    );
    assert_ne!(source, custom);
    std::fs::write(dir.path().join("custom.md"), custom).unwrap();
    let out = missive(dir.path(), &["render", name, "custom.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let builtin = std::fs::read(dir.path().join(name).with_extension("pdf")).unwrap();
    let ejected = std::fs::read(dir.path().join("custom.pdf")).unwrap();
    assert!(builtin == ejected, "ejected template gives different bytes");

    // Once edited, the edit shows.
    let path = dir.path().join("templates/house.typ");
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("data.labels.cosigners", "\"Signed by\"");
    std::fs::write(&path, edited).unwrap();
    let out = missive(dir.path(), &["render", "custom.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(pdf_text(&dir.path().join("custom.pdf")).contains("Signed by (36)"));
    // Ejecting again never overwrites without --force: a failed file operation, worded
    // as in every command.
    let again = missive(dir.path(), &["template", "eject", "templates"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("templates/house.typ already exists")
            && stderr(&again).contains("help: pass --force to overwrite it"),
        "{}",
        stderr(&again)
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("\"Signed by\"")
    );
}

#[test]
fn templates_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    write_letter(dir.path(), "a.md", &letter("template = \"fancy\""));
    let out = missive(dir.path(), &["check", "a.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown template `fancy`"),
        "{}",
        stderr(&out)
    );
    write_letter(
        dir.path(),
        "b.md",
        &letter("template = \"../elsewhere.typ\""),
    );
    let out = missive(dir.path(), &["check", "b.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("outside the letter's root folder"),
        "{}",
        stderr(&out)
    );
}

fn coalition(n: usize) -> String {
    let mut text = String::from(
        "+++\ndate = 2026-04-14\ntemplate = \"coalition\"\nsubject = \"Joint letter\"\n\
         [[signatories]]\nname = \"Lead Signer\"\ntitle = \"Director\"\n",
    );
    for i in 1..=n {
        text.push_str(&format!(
            "[[cosigners]]\nname = \"Organisation number {i:03}\"\ndetail = \"Country {i:03}\"\n"
        ));
    }
    text.push_str("+++\nWe, the undersigned, write together.\n");
    text
}

#[test]
fn coalition_letters_list_every_cosigner_in_bounded_pages() {
    let dir = tempfile::tempdir().unwrap();
    for (n, max_pages) in [(10, 1), (150, 3), (300, 5), (600, 8)] {
        let name = format!("c{n}.md");
        write_letter(dir.path(), &name, &coalition(n));
        let out = missive(dir.path(), &["render", &name]);
        assert!(out.status.success(), "{}", stderr(&out));
        let pdf = dir.path().join(format!("c{n}.pdf"));
        let text = pdf_text(&pdf);
        let names: Vec<String> = (1..=n)
            .map(|i| format!("Organisation number {i:03}"))
            .collect();
        let parts: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_in_order(&text, &parts);
        assert!(text.contains(&format!("Co-signed by ({n})")));
        let pages = page_count(&pdf);
        assert!(pages <= max_pages, "{n} cosigners on {pages} pages");
    }
}

#[test]
fn each_language_has_its_date_and_words_and_every_glyph() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    let cases: [(&str, &[&str]); 5] = [
        (
            "es",
            &[
                "Ciudad de México, 2 de marzo de 2026",
                "Asunto: Protección",
                "Atentamente,",
                "Notas",
            ],
        ),
        (
            "fr",
            &[
                "Genève, le 1er mars 2026",
                "Objet : Accès",
                "Copie à : Commission",
                "Notes",
            ],
        ),
        (
            "ru",
            &[
                "Берлин, 2 марта 2026 г.",
                "Тема: Освобождение",
                "С уважением,",
                "Примечания",
            ],
        ),
        (
            "zh",
            &["香港，2026年3月2日", "事由：关于", "此致敬礼", "注释"],
        ),
        // pdf-extract gives Arabic in visual order: each Arabic word reversed.
        (
            "ar",
            &["توريب", "سرام", "عوضوملا", "Samuel Okonjo-Hart", "شماوهلا"],
        ),
    ];
    for (lang, parts) in cases {
        let file = format!("languages/{lang}.md");
        let out = missive(dir.path(), &["render", &file]);
        assert!(out.status.success(), "{lang}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("no available font"),
            "{lang}: {}",
            stderr(&out)
        );
        let text = pdf_text(&dir.path().join(format!("languages/{lang}.pdf"))).replace(' ', "");
        let squeezed: Vec<String> = parts.iter().map(|p| p.replace(' ', "")).collect();
        let parts: Vec<&str> = squeezed.iter().map(String::as_str).collect();
        assert_in_order(&text, &parts);
    }
}

#[test]
fn a_new_letter_renders_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let out = missive(dir.path(), &["new", "drafts/letter.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let source = std::fs::read_to_string(dir.path().join("drafts/letter.md")).unwrap();
    for key in [
        "date",
        "place",
        "lang",
        "reference",
        "subject",
        "salutation",
        "closing",
        "[[to]]",
        "[[signatories]]",
        "[[cosigners]]",
        "cc",
        "enclosures",
        "postscript",
        "template",
        "paper",
        "[letterhead]",
    ] {
        assert!(source.contains(key), "`{key}` missing from the scaffold");
    }
    let out = missive(dir.path(), &["render", "drafts/letter.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).lines().all(|l| !l.starts_with("warning")),
        "{}",
        stderr(&out)
    );
    assert_in_order(
        &pdf_text(&dir.path().join("drafts/letter.pdf")),
        &["Name of the addressee", "Your name", "Notes"],
    );
    let again = missive(dir.path(), &["new", "drafts/letter.md"]);
    assert_eq!(again.status.code(), Some(1), "never overwrites");
    assert!(
        stderr(&again).contains("drafts/letter.md already exists")
            && stderr(&again).contains("help: pass --force to overwrite it"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn fonts_lists_the_bundled_faces() {
    let dir = tempfile::tempdir().unwrap();
    let out = missive(dir.path(), &["fonts"]);
    assert!(out.status.success());
    let list = String::from_utf8_lossy(&out.stdout);
    for family in [
        "Libertinus Serif",
        "Linux Biolinum O",
        "Noto Naskh Arabic",
        "WenQuanYi Micro Hei",
        "DejaVu Sans Mono",
    ] {
        assert!(
            list.lines()
                .any(|l| l.starts_with(family) && l.contains("bundled")),
            "{family}:\n{list}"
        );
    }
    // Faces as a person reads them, with their file.
    for line in [
        "Libertinus Serif\tRegular\tLibertinusSerif-Regular.otf (bundled)",
        "Libertinus Serif\tBold Italic\tLibertinusSerif-BoldItalic.otf (bundled)",
        "Libertinus Serif\tSemibold\tLibertinusSerif-Semibold.otf (bundled)",
    ] {
        assert!(list.lines().any(|l| l == line), "`{line}` missing:\n{list}");
    }
    assert!(!list.contains("FontWeight"), "{list}");
}

#[test]
fn png_and_svg_previews_have_one_file_per_page() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    let name = "2026-03-02-spyware-exports";
    for format in ["png", "svg"] {
        let out = missive(
            dir.path(),
            &[
                "render",
                &format!("{name}.md"),
                "--format",
                format,
                "-o",
                "preview/",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        for page in 1..=3 {
            let file = dir.path().join(format!("preview/{name}-{page}.{format}"));
            let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let magic: &[u8] = if format == "png" { b"\x89PNG" } else { b"<svg" };
            assert!(bytes.starts_with(magic), "{}", file.display());
        }
    }
}

#[test]
fn watch_renders_again_after_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_letter(dir.path(), "w.md", &letter("subject = \"First version\""));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_missive"))
        .args(["watch", "w.md"])
        .current_dir(dir.path())
        .stderr(std::fs::File::create(dir.path().join("watch.log")).unwrap())
        .spawn()
        .unwrap();
    let pdf = dir.path().join("w.pdf");
    let wait_for = |want: &str| {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            if pdf.exists() && pdf_text_if_complete(&pdf).is_some_and(|t| t.contains(want)) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    };
    let first = wait_for("First version");
    // An invalid save is reported and watching goes on; the old PDF stays.
    std::fs::write(&path, "+++\ndate = \n+++\n").unwrap();
    std::thread::sleep(Duration::from_millis(800));
    let kept = pdf_text_if_complete(&pdf).is_some_and(|t| t.contains("First version"));
    std::fs::write(&path, letter("subject = \"Second version\"")).unwrap();
    let second = wait_for("Second version");
    let _ = child.kill();
    let _ = child.wait();
    assert!(first, "the first render did not appear");
    assert!(kept, "a failed render replaced the PDF");
    let log = std::fs::read_to_string(dir.path().join("watch.log")).unwrap_or_default();
    assert!(second, "the saved change was not rendered:\n{log}");
}

fn pdf_text_if_complete(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    pdf_extract::extract_text_from_mem(&bytes).ok()
}

#[test]
fn the_sidebar_is_on_the_first_page_only() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    let name = "2026-03-02-spyware-exports.md";
    let source = std::fs::read_to_string(dir.path().join(name)).unwrap();
    let sidebar =
        "\n[letterhead]\nsidebar = [\"Board of Directors\", \"Amara Nwosu, Chair\"]\n+++\n";
    std::fs::write(
        dir.path().join(name),
        source.replacen("\n+++\n", sidebar, 1),
    )
    .unwrap();
    let out = missive(dir.path(), &["render", name]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join(name).with_extension("pdf")).unwrap();
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
    assert!(pages[0].contains("Board of Directors") && pages[0].contains("Amara Nwosu, Chair"));
    assert!(pages[1..].iter().all(|p| !p.contains("Board of Directors")));
}

#[test]
fn the_house_labels_replace_the_templates_words() {
    let dir = tempfile::tempdir().unwrap();
    let house = format!(
        "{HOUSE}\n[labels]\nsubject = \"Concerne : \"\nnotes = \"Références\"\n\
         page = \"p. {{page}}/{{total}}\"\n"
    );
    std::fs::write(dir.path().join("missive.toml"), house).unwrap();
    let long: String = (1..=60)
        .map(|n| format!("Paragraphe {n}, assez long pour remplir la page.[^n{n}]\n\n"))
        .collect();
    let notes: String = (1..=60).map(|n| format!("[^n{n}]: Note {n}.\n")).collect();
    let text = letter("subject = \"Visite\"").replace("Corps de la lettre.\n", &(long + &notes));
    write_letter(dir.path(), "a.md", &text);
    let out = missive(dir.path(), &["render", "a.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = pdf_text(&dir.path().join("a.pdf"));
    // The house's words where it gives them, the French ones elsewhere.
    assert_in_order(&pdf, &["Concerne : Visite", "Références", "1. Note 1."]);
    assert!(pdf.contains("p. 2/"), "{pdf}");
    assert!(
        !pdf.contains("Objet") && !pdf.contains("Page 2 sur"),
        "{pdf}"
    );
    assert!(pdf.contains("Cordialement,"), "{pdf}");

    // A mistyped label is an unknown key at its line, with the nearest one.
    std::fs::write(
        dir.path().join("missive.toml"),
        format!("{HOUSE}\n[labels]\nsubjet = \"Concerne : \"\n"),
    )
    .unwrap();
    let out = missive(dir.path(), &["check", "a.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("unknown key `labels.subjet` in the house file")
            && err.contains("missive.toml:11:1")
            && err.contains("did you mean `labels.subject`?"),
        "{err}"
    );
}
