//! House fonts: a `fonts/` folder beside `missive.toml` (or `fonts = "…"`) is used by
//! `render` and `batch` without `--font-path`, listed by `missive fonts`, and counts
//! among a letter's inputs (the batch manifest) and an archival PDF's sources.
//!
//! The house font is Tuffy (public domain, tests/fonts/LICENSE-Tuffy.txt): Latin only,
//! so that Chinese text falls back to the bundled fonts.

mod common;

use std::path::Path;

use common::{font_descriptors, missive, pdf_text, repo, stderr, write_letter};

/// A house whose template sets the text in Tuffy, its font in `fonts_dir` (`fonts_key`
/// names it in missive.toml, or nothing for the default `fonts/`).
fn house(dir: &Path, fonts_dir: &str, fonts_key: &str) {
    std::fs::create_dir_all(dir.join(fonts_dir)).unwrap();
    std::fs::copy(
        repo().join("tests/fonts/Tuffy.ttf"),
        dir.join(fonts_dir).join("Tuffy.ttf"),
    )
    .unwrap();
    std::fs::write(
        dir.join("missive.toml"),
        format!("template = \"brand.typ\"\n{fonts_key}"),
    )
    .unwrap();
    std::fs::write(
        dir.join("brand.typ"),
        "#import \"/missive/house.typ\": note-ref, letter-style, opening, closing\n\
         #let letter(data, notes: (), body) = {\n\
           show: letter-style.with(data)\n\
           set text(font: (\"Tuffy\", \"Libertinus Serif\"))\n\
           opening(data)\n  body\n  closing(data)\n}\n",
    )
    .unwrap();
    write_letter(
        dir,
        "letter.md",
        "+++\ndate = 2026-03-02\nsubject = \"Brand\"\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n\
         Set in the house font; 中文 falls back.\n",
    );
}

/// The names of the fonts embedded in a PDF.
fn embedded_fonts(pdf: &Path) -> Vec<String> {
    font_descriptors(pdf)
        .iter()
        .filter_map(|d| d.get(b"FontName").and_then(|n| n.as_name()).ok())
        .map(|name| String::from_utf8_lossy(name).into_owned())
        .collect()
}

#[test]
fn the_house_fonts_folder_is_used_without_font_path() {
    let dir = tempfile::tempdir().unwrap();
    house(dir.path(), "fonts", "");
    let out = missive(dir.path(), &["render", "letter.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = dir.path().join("letter.pdf");
    let fonts = embedded_fonts(&pdf);
    assert!(fonts.iter().any(|f| f.ends_with("+Tuffy")), "{fonts:?}");
    // Chinese, which Tuffy lacks, comes from a bundled font: no missing glyph.
    assert!(fonts.iter().any(|f| !f.contains("Tuffy")), "{fonts:?}");
    assert!(pdf_text(&pdf).contains("Set in the house font; 中文 falls back."));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    // Without the folder, Tuffy is unknown: the letter falls back, with Typst's warning.
    std::fs::remove_dir_all(dir.path().join("fonts")).unwrap();
    let out = missive(dir.path(), &["render", "letter.md", "-o", "without.pdf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Tuffy"), "{}", stderr(&out));
    assert!(
        !embedded_fonts(&dir.path().join("without.pdf"))
            .iter()
            .any(|f| f.contains("Tuffy"))
    );
}

#[test]
fn a_fonts_key_names_another_folder_and_missive_fonts_lists_the_house_fonts() {
    let dir = tempfile::tempdir().unwrap();
    house(dir.path(), "brand/type", "fonts = \"brand/type\"\n");
    let out = missive(dir.path(), &["render", "letter.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        embedded_fonts(&dir.path().join("letter.pdf"))
            .iter()
            .any(|f| f.ends_with("+Tuffy"))
    );
    let out = missive(dir.path(), &["fonts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = String::from_utf8_lossy(&out.stdout).into_owned();
    let tuffy = listed
        .lines()
        .find(|l| l.starts_with("Tuffy\t"))
        .unwrap_or_else(|| panic!("{listed}"));
    assert!(tuffy.ends_with("Tuffy.ttf (house)"), "{tuffy}");
    assert!(
        listed.contains("LibertinusSerif-Regular.otf (bundled)"),
        "{listed}"
    );
    // A folder that is not there is an error at the key.
    std::fs::write(dir.path().join("missive.toml"), "fonts = \"nowhere\"\n").unwrap();
    let out = missive(dir.path(), &["render", "letter.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("`fonts`: ") && err.contains("nowhere is not a folder"),
        "{err}"
    );
    assert!(err.contains("missive.toml:1:9"), "{err}");
}

#[test]
fn house_fonts_are_inputs_of_the_batch_and_sources_of_an_archival_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    house(&archive, "fonts", "");
    let batch = || missive(dir.path(), &["batch", "archive", "--out", "out"]);
    let out = batch();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = batch();
    assert!(
        stderr(&out).contains("1 letters: 0 rendered, 1 skipped")
            || stderr(&out).contains("1 letter: 0 rendered, 1 skipped"),
        "{}",
        stderr(&out)
    );
    // Another version of the font file: the letter is rendered again.
    let mut bytes = std::fs::read(archive.join("fonts/Tuffy.ttf")).unwrap();
    bytes.extend_from_slice(&[0; 4]);
    std::fs::write(archive.join("fonts/Tuffy.ttf"), bytes).unwrap();
    let out = batch();
    assert!(
        stderr(&out).contains("1 rendered, 0 skipped"),
        "{}",
        stderr(&out)
    );
    // A new font file in the folder: rendered again too (it may be the one chosen).
    std::fs::copy(
        repo().join("tests/fonts/Tuffy.ttf"),
        archive.join("fonts/Tuffy-Copy.ttf"),
    )
    .unwrap();
    let out = batch();
    assert!(
        stderr(&out).contains("1 rendered, 0 skipped"),
        "{}",
        stderr(&out)
    );
    let out = batch();
    assert!(
        stderr(&out).contains("0 rendered, 1 skipped"),
        "{}",
        stderr(&out)
    );

    let out = missive(
        &archive,
        &[
            "render",
            "letter.md",
            "--pdf-standard",
            "a-3b",
            "-o",
            "archival.pdf",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = missive(&archive, &["extract", "archival.pdf", "-o", "back"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let back =
        std::fs::read(archive.join("back/fonts/Tuffy.ttf")).expect("the font is among the sources");
    assert_eq!(
        back,
        std::fs::read(archive.join("fonts/Tuffy.ttf")).unwrap()
    );
}

/// The promise "same source, same bytes" for what this stop added to a letter's inputs:
/// a house font, a window envelope, a dispatch line and a draft mark, in an archival PDF
/// that carries its sources (the font among them). Two renders write the same bytes.
#[test]
fn a_posted_draft_in_house_fonts_renders_to_the_same_bytes_every_time() {
    let dir = tempfile::tempdir().unwrap();
    house(dir.path(), "fonts", "");
    write_letter(
        dir.path(),
        "letter.md",
        "+++\ndate = 2026-03-02\nsubject = \"Brand\"\ndraft = true\nwindow = \"din-b\"\n\
         return_address = \"Civic Rights Watchers · Rue 1 · Geneva\"\n\
         delivery = \"By e-mail and post\"\n[[to]]\nname = \"Ms. Ana Diop\"\n\
         address = [\"Rue du Lac 2\", \"1200 Geneva\"]\n\
         [[signatories]]\nname = \"Ana Ruiz\"\n+++\n\"Quoted\" -- and set in the house font.\n",
    );
    let render = |out: &str| {
        let run = missive(
            dir.path(),
            &["render", "letter.md", "--pdf-standard", "a-3b", "-o", out],
        );
        assert!(run.status.success(), "{}", stderr(&run));
        std::fs::read(dir.path().join(out)).unwrap()
    };
    let first = render("first.pdf");
    assert_eq!(first, render("second.pdf"), "two renders differ");
}
