//! `missive render`: the examples typeset completely, in reading order, reproducibly; user
//! text stays text; failures name file and line and leave no file behind.

mod common;

use common::*;
use std::path::Path;

const LONG: &str = "2026-03-02-spyware-exports";

/// Copies `examples/house` to a scratch folder and renders the long example there.
fn render_long(dir: &Path) -> std::path::PathBuf {
    copy_tree(&repo().join("examples/house"), dir);
    let out = missive(dir, &["render", &format!("{LONG}.md")]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir.join(format!("{LONG}.pdf"))
}

#[test]
fn long_example_has_every_part_in_reading_order() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render_long(dir.path());
    let text = pdf_text(&pdf);
    assert_in_order(
        &text,
        &[
            "Civic Rights Watchers",
            "350 Fifth Avenue, 34th Floor",
            "New York, March 2, 2026",
            "Our ref.: CRW/EU/2026/014",
            "Executive Vice-President Maren Lindqvist",
            "Directorate-General for Trade and Economic Security",
            "European Commission",
            "Rue de la Loi 170",
            "1049 Brussels, Belgium",
            "Re: Export controls on commercial spyware",
            "Dear Executive Vice-President Lindqvist,",
            "We write ahead of the Council",
            "What the Commission can do now",
            "We recognise that licensing decisions",
            "We would welcome the opportunity",
            "Sincerely,",
            "Teodora Vasić",
            "Director, Technology and Rights Division",
            "Samuel Okonjo-Hart",
            "Executive Director",
            "cc: Members of the Working Party on Dual-Use Goods; Office of the European Ombudsman",
            "Notes",
            "1. Regulation (EU) 2021/821 of the European Parliament",
        ],
    );
    assert_eq!(page_count(&pdf), 3);
    assert!(
        text.contains("Page 2 of 3") && text.contains("Page 3 of 3"),
        "{text}"
    );
    assert!(
        !text.contains("Page 1 of 3"),
        "the first page has no running header"
    );
}

#[test]
fn endnotes_are_numbered_in_order_after_the_signatures() {
    let dir = tempfile::tempdir().unwrap();
    let text = pdf_text(&render_long(dir.path()));
    let notes = &text[text.rfind("Notes").unwrap()..];
    let numbers: Vec<String> = (1..=23).map(|n| format!("{n}. ")).collect();
    let parts: Vec<&str> = numbers.iter().map(String::as_str).collect();
    assert_in_order(notes, &parts);
    assert!(
        !notes.split(' ').any(|word| word == "24."),
        "23 notes, no more"
    );
    assert_in_order(
        notes,
        &[
            "3. Regulation (EU) 2021/821, art. 5(1).",
            "23. Requests may be sent",
        ],
    );
    // The signatures come before the notes.
    assert!(text.find("Samuel Okonjo-Hart").unwrap() < text.rfind("Notes").unwrap());
}

#[test]
fn markers_and_notes_link_to_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render_long(dir.path());
    let links = internal_links(&pdf);
    // 23 first markers to notes, 23 notes back to their markers, plus repeated markers.
    assert!(links.len() >= 46, "internal links: {links:?}");
    for (_, target, alt) in &links {
        assert_eq!(alt, &format!("page {target}"), "{links:?}");
    }
    // The notes are on pages 2 and 3: markers on page 1 lead forward to them, the notes
    // on page 2 lead back to page 1, those on page 3 back to page 2.
    for (from, to) in [(1, 2), (1, 3), (2, 1), (3, 2)] {
        assert!(links.iter().any(|l| (l.0, l.1) == (from, to)), "{links:?}");
    }
}

#[test]
fn every_font_is_embedded() {
    let dir = tempfile::tempdir().unwrap();
    let descriptors = font_descriptors(&render_long(dir.path()));
    assert!(descriptors.len() >= 3, "serif, sans, bold at least");
    for d in descriptors {
        assert!(
            d.has(b"FontFile") || d.has(b"FontFile2") || d.has(b"FontFile3"),
            "font not embedded: {d:?}"
        );
    }
}

#[test]
fn same_source_gives_identical_bytes_in_any_folder() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let first = std::fs::read(render_long(a.path())).unwrap();
    // A different folder, and a different working directory naming the letter by path.
    let nested = b.path().join("archive/2026");
    copy_tree(&repo().join("examples/house"), &nested);
    let out = missive(
        b.path(),
        &[
            "render",
            &format!("archive/2026/{LONG}.md"),
            "-o",
            "copy.pdf",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let second = std::fs::read(b.path().join("copy.pdf")).unwrap();
    assert!(first == second, "PDF bytes differ between folders");
}

#[test]
fn user_text_is_never_typst_code() {
    let dir = tempfile::tempdir().unwrap();
    let letter = "+++\ndate = 2026-03-02\nsubject = \"#read(\\\"/etc/passwd\\\") $x$\"\n\
        [[signatories]]\nname = \"@x <x> \\\\ #sys\"\n+++\n\
        Try #read(\"/etc/passwd\") and #include \"/etc/hosts\" and $x^2$ and @x and <x> and a \\ and\n\
        a ~ and // this and /* that */ and `#eval(\"1\")` and #image(\"/etc/passwd\").\n";
    write_letter(dir.path(), "x.md", letter);
    let out = missive(dir.path(), &["render", "x.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&dir.path().join("x.pdf"));
    assert_in_order(
        &text,
        &[
            "Re: #read(“/etc/passwd”) $x$",
            "Try #read(“/etc/passwd”) and #include “/etc/hosts” and $x^2$ and @x and <x> and a \\ and",
            // The code span keeps its straight quotes.
            "a ~ and // this and /* that */ and #eval(\"1\") and #image(“/etc/passwd”).",
            "@x <x> \\ #sys",
        ],
    );
    assert!(!text.contains("root:"), "a file was read");
}

#[test]
fn a_malformed_letter_exits_1_names_file_and_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write_letter(
        dir.path(),
        "bad.md",
        "+++\ndate = 2026-03-02\nsubject = \"unclosed\n+++\nBody\n",
    );
    std::fs::write(dir.path().join("bad.pdf"), b"OLD").unwrap();
    let out = missive(dir.path(), &["render", "bad.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("bad.md:3:"), "{err}");
    assert!(err.contains("invalid TOML in the front matter"), "{err}");
    assert_eq!(
        std::fs::read(dir.path().join("bad.pdf")).unwrap(),
        b"OLD",
        "old output untouched"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".missive-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn an_undefined_endnote_is_an_error_naming_the_label_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "+++\ndate = 2026-03-02\n[[signatories]]\nname = \"A\"\n+++\nFirst.[^one]\n\nSecond.[^two]\n\n[^one]: Defined.\n";
    write_letter(dir.path(), "notes.md", text);
    let out = missive(dir.path(), &["render", "notes.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("footnote `[^two]` is referenced but not defined"),
        "{err}"
    );
    assert!(err.contains("notes.md:8:8"), "{err}");
    assert!(!dir.path().join("notes.pdf").exists());
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(missive(dir.path(), &["render"]).status.code(), Some(2));
    assert_eq!(missive(dir.path(), &["frobnicate"]).status.code(), Some(2));
    let several = missive(dir.path(), &["render", "a.md", "b.md", "-o", "one.pdf"]);
    assert_eq!(several.status.code(), Some(2));
    assert!(stderr(&several).contains("-o must name a folder"));
}

#[test]
fn short_example_renders_on_one_page() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("examples/short.md"),
        dir.path().join("short.md"),
    )
    .unwrap();
    let out = missive(dir.path(), &["render", "short.md", "-o", "out/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = dir.path().join("out/short.pdf");
    assert_eq!(page_count(&pdf), 1);
    assert_in_order(
        &pdf_text(&pdf),
        &[
            "Civic Rights Watchers",
            "Geneva, March 2, 2026",
            "Hon. Adaeze Okafor",
            "Dear Minister Okafor,",
            "Ana Ruiz",
            "Notes",
            "1. Civic Rights Watchers",
        ],
    );
}

#[test]
fn emitted_typst_project_is_complete() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    let out = missive(
        dir.path(),
        &["render", &format!("{LONG}.md"), "--emit-typst", "project"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let project = dir.path().join("project");
    for file in [
        "main.typ",
        "letter.json",
        "missive/house.typ",
        "logo.svg",
        "fonts/LibertinusSerif-Regular.otf",
        "fonts/LinBiolinum_RB.otf",
    ] {
        assert!(
            project.join(file).is_file(),
            "{file} missing from the emitted project"
        );
    }
    assert!(
        !project.join("fonts/wqy-microhei.ttc").exists(),
        "only the fonts the letter uses"
    );

    // With the stock Typst CLI of the same version, the project gives the same document.
    if !tool_available("typst", &["--version"]) {
        return;
    }
    let typst = std::process::Command::new("typst")
        .arg("--version")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&typst.stdout).contains("0.15."),
        "typst 0.15 expected"
    );
    let status = std::process::Command::new("typst")
        .args([
            "compile",
            "--root",
            "project",
            "--font-path",
            "project/fonts",
            "--ignore-system-fonts",
        ])
        .args(["project/main.typ", "stock.pdf"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let ours = dir.path().join(format!("{LONG}.pdf"));
    let stock = dir.path().join("stock.pdf");
    assert_eq!(page_count(&ours), page_count(&stock));
    assert_eq!(pdf_text(&ours), pdf_text(&stock));
    // missive resolves the links to labels after layout (src/typeset/links.rs), Typst here by
    // itself: the same links, leading to the same pages, with the same alternative text.
    assert_eq!(internal_links(&ours), internal_links(&stock));
}
