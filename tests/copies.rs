//! Personal copies from a list of recipients (issue 13): each copy's PDF carries its own
//! addressee, salutation and fields and nobody else's; file names; `--combined`; `.xlsx`
//! lists; byte-identical re-renders; errors at their places; values stay text.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use common::{missive, page_count, pdf_text, stderr};

const NAMES: [&str; 6] = [
    "Aïcha Benali",
    "Ole Berg-Halvorsen",
    "Zoë Čapek",
    "José Núñez",
    "Ingrid Øvergaard",
    "Łukasz Wróbel",
];

/// A long enough body for two pages, with a field in the body and in a note.
fn letter(recipients: &str) -> String {
    let paragraph = "We write about the draft law on foreign funding of associations, which would require every organisation receiving support from abroad to register and report quarterly. ".repeat(4);
    let body: Vec<String> = (0..9).map(|_| paragraph.clone()).collect();
    format!(
        "+++\ndate = 2026-03-02\nsubject = \"The associations bill\"\nsalutation = \"Dear Member,\"\nrecipients = \"{recipients}\"\n\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n\nAs a member of the {{{{committee}}}} committee, you will vote on it.[^n] A literal {{{{{{{{ stays.\n\n{}\n\n[^n]: Sent to {{{{name}}}}.\n",
        body.join("\n\n")
    )
}

/// A one-paragraph letter to the rows of `list`.
fn short_letter(list: &str, body: &str) -> String {
    format!(
        "+++\ndate = 2026-03-02\nrecipients = \"{list}\"\n\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n\n{body}\n"
    )
}

/// A folder with the letter and a `;`-separated, BOM-prefixed, CRLF list of `rows`.
fn folder_with_list(rows: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("\u{feff}name;address;committee;salutation\r\n");
    for i in 0..rows {
        let name = format!("Dr. {} {i}", NAMES[i % NAMES.len()]);
        let salutation = if i % 2 == 0 {
            format!("Dear Dr. {},", NAMES[i % NAMES.len()])
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "\"{name}\";\"Storting\r\nStreet {i}\r\n00{i:02} Oslo\";committee-{i};{salutation}\r\n"
        ));
    }
    std::fs::write(dir.path().join("members.csv"), csv).unwrap();
    let path = dir.path().join("letter.md");
    std::fs::write(&path, letter("members.csv")).unwrap();
    (dir, path)
}

#[test]
fn every_copy_carries_its_own_row_and_nobody_elses() {
    let (dir, _) = folder_with_list(30);
    let out = missive(
        dir.path(),
        &["render", "letter.md", "--combined", "all.pdf"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut files: Vec<String> = std::fs::read_dir(dir.path().join("letter"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 30);
    assert_eq!(files[0], "01-dr-aicha-benali-0.pdf");
    assert_eq!(files[2], "03-dr-zoe-capek-2.pdf");
    for (i, file) in files.iter().enumerate() {
        let text = pdf_text(&dir.path().join("letter").join(file));
        let name = format!("Dr. {} {i}", NAMES[i % NAMES.len()]);
        common::assert_in_order(
            &text,
            &[
                &name,
                "Storting",
                &format!("Street {i}"),
                &format!("00{i:02} Oslo"),
            ],
        );
        assert!(
            text.contains(&format!("member of the committee-{i} committee")),
            "{text}"
        );
        assert!(text.contains(&format!("Sent to {name}")), "{text}");
        // The running header of page 2 names the copy's own addressee.
        assert!(text.contains(&format!("{name} · March 2, 2026")), "{text}");
        assert!(text.contains("A literal {{ stays"), "{text}");
        let salutation = if i % 2 == 0 {
            format!("Dear Dr. {},", NAMES[i % NAMES.len()])
        } else {
            "Dear Member,".into()
        };
        assert!(text.contains(&salutation), "{file}: {text}");
        for j in (0..30).filter(|j| *j != i) {
            assert!(
                !text.contains(&format!("Street {j} ")),
                "{file} names row {j}'s street"
            );
            assert!(
                !text.contains(&format!("committee-{j} ")),
                "{file} names row {j}'s committee"
            );
        }
    }
    let pages = page_count(&dir.path().join("letter").join(&files[0]));
    assert_eq!(pages, 2, "the test letter is meant to take two pages");
    assert_eq!(page_count(&dir.path().join("all.pdf")), 30 * pages);
    let combined = pdf_text(&dir.path().join("all.pdf"));
    assert_eq!(
        combined.matches(&format!("Page 2 of {pages}")).count(),
        30,
        "each copy restarts its page numbers"
    );
}

#[test]
fn duplex_starts_each_copy_on_an_odd_page_and_only_chooses_rows() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.csv"),
        "name,committee\nA. One,x\nB. Two,y\nC. Three,z\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("short.md"),
        short_letter("m.csv", "On {{committee}}."),
    )
    .unwrap();
    let out = missive(
        dir.path(),
        &[
            "render",
            "short.md",
            "--only",
            "1,3",
            "--combined",
            "print.pdf",
            "--duplex",
            "-o",
            "out",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("out/01-a-one.pdf").is_file());
    assert!(!dir.path().join("out/02-b-two.pdf").exists());
    assert!(dir.path().join("out/03-c-three.pdf").is_file());
    assert_eq!(
        page_count(&dir.path().join("print.pdf")),
        4,
        "one page each, each followed by a blank back"
    );
}

#[test]
fn a_rerender_is_byte_identical() {
    let (dir, _) = folder_with_list(3);
    let first = dir.path().join("first");
    let second = dir.path().join("second");
    for out in [&first, &second] {
        let combined = out.with_extension("pdf");
        let run = missive(
            dir.path(),
            &[
                "render",
                "letter.md",
                "-o",
                out.to_str().unwrap(),
                "--combined",
                combined.to_str().unwrap(),
            ],
        );
        assert!(run.status.success(), "{}", stderr(&run));
    }
    assert_eq!(
        std::fs::read(first.with_extension("pdf")).unwrap(),
        std::fs::read(second.with_extension("pdf")).unwrap(),
        "the combined file"
    );
    for file in std::fs::read_dir(&first).unwrap() {
        let name = file.unwrap().file_name();
        assert_eq!(
            std::fs::read(first.join(&name)).unwrap(),
            std::fs::read(second.join(&name)).unwrap(),
            "{name:?}"
        );
    }
}

#[test]
fn values_are_text_never_code_or_fields() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.csv"),
        "name,note\n\"#read(\"\"/etc/passwd\"\")\",\"{{name}} *bold* <b>x</b> $x$\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("l.md"),
        short_letter("m.csv", "Note: {{note}}."),
    )
    .unwrap();
    let out = missive(dir.path(), &["render", "l.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = std::fs::read_dir(dir.path().join("l"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = pdf_text(&file);
    assert!(
        text.contains("#read(\"/etc/passwd\")") || text.contains("#read(“/etc/passwd”)"),
        "{text}"
    );
    assert!(text.contains("{{name}} *bold* <b>x</b> $x$"), "{text}");
    assert!(!text.contains("root:"), "{text}");
}

#[test]
fn a_broken_list_gets_each_error_at_its_place_and_leaves_the_good_copies() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.csv"),
        "name;committee\nA. One;x\n;y\nC. Three;z\n",
    )
    .unwrap();
    let source = &short_letter("m.csv", "On {{committee}}.");
    std::fs::write(dir.path().join("l.md"), source).unwrap();
    let out = missive(dir.path(), &["render", "l.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error[M0414]: row 2 has no `name`") && err.contains("m.csv:3:1"),
        "{err}"
    );
    assert!(dir.path().join("l/01-a-one.pdf").is_file());
    assert!(dir.path().join("l/03-c-three.pdf").is_file());

    std::fs::write(
        dir.path().join("l.md"),
        source.replace("{{committee}}", "{{comittee}}"),
    )
    .unwrap();
    let err = stderr(&missive(dir.path(), &["check", "l.md"]));
    assert!(
        err.contains("error[M0413]: `{{comittee}}` names no column of m.csv"),
        "{err}"
    );
    assert!(
        err.contains("l.md:9:4") && err.contains("did you mean `{{committee}}`?"),
        "{err}"
    );

    std::fs::write(dir.path().join("m.csv"), "nmae;committee\nA;x\n").unwrap();
    std::fs::write(dir.path().join("l.md"), source).unwrap();
    let err = stderr(&missive(dir.path(), &["check", "l.md"]));
    assert!(
        err.contains("error[M0412]: m.csv has no `name` column") && err.contains("m.csv:1:1"),
        "{err}"
    );
    assert!(err.contains("rename the column `nmae` to `name`"), "{err}");

    std::fs::remove_file(dir.path().join("m.csv")).unwrap();
    let err = stderr(&missive(dir.path(), &["check", "l.md"]));
    assert!(err.contains("recipients: `m.csv` does not exist"), "{err}");
}

/// A minimal `.xlsx` workbook (inline strings) with one sheet called `sheet`.
fn workbook(path: &Path, sheet: &str, rows: &[&[&str]]) {
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let reference = format!("{}{}", (b'A' + c as u8) as char, r + 1);
            match cell.strip_prefix('!') {
                Some(error) => data.push_str(&format!("<c r=\"{reference}\" t=\"e\"><v>{error}</v></c>")),
                None => data.push_str(&format!("<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{cell}</t></is></c>")),
            }
        }
        data.push_str("</row>");
    }
    let parts = [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".to_string()),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".to_string()),
        ("xl/workbook.xml", format!("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"{sheet}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
        ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_string()),
        ("xl/worksheets/sheet1.xml", format!("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData></worksheet>")),
    ];
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_workbook_list_gives_the_same_copies_and_names_bad_cells() {
    let dir = tempfile::tempdir().unwrap();
    workbook(
        &dir.path().join("m.xlsx"),
        "Members A",
        &[
            &["name", "address_1", "address_2", "committee"],
            &["Dr. Aïcha Benali", "Storting", "0026 Oslo", "justice"],
            &["B. Two", "Street", "City", "!#REF!"],
        ],
    );
    std::fs::write(
        dir.path().join("l.md"),
        short_letter("m.xlsx#Members A", "On {{committee}}."),
    )
    .unwrap();
    let out = missive(dir.path(), &["render", "l.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error[M0415]") && err.contains("m.xlsx#Members A!D3"),
        "{err}"
    );
    let text = pdf_text(&dir.path().join("l/01-dr-aicha-benali.pdf"));
    common::assert_in_order(
        &text,
        &["Dr. Aïcha Benali", "Storting", "0026 Oslo", "On justice."],
    );
    assert!(!dir.path().join("l/02-b-two.pdf").exists());
}

#[test]
fn html_copies_carry_their_own_fields_as_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.csv"),
        "name,committee\nA. One,<script>x</script>\nB. Two,justice\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("l.md"),
        short_letter("m.csv", "On {{committee}}."),
    )
    .unwrap();
    let out = missive(dir.path(), &["render", "l.md", "--format", "html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let one = std::fs::read_to_string(dir.path().join("l/01-a-one.html")).unwrap();
    let two = std::fs::read_to_string(dir.path().join("l/02-b-two.html")).unwrap();
    assert!(one.contains("A. One") && !one.contains("B. Two"), "{one}");
    assert!(one.contains("On &lt;script&gt;x&lt;/script&gt;."), "{one}");
    assert!(
        two.contains("On justice.") && !two.contains("A. One"),
        "{two}"
    );
}

#[test]
fn a_copy_rendered_alone_is_the_same_bytes_as_in_the_whole_run() {
    // Copies share Typst's memoized layout (the copy before leaves its paragraphs in the
    // cache); what one copy is must not depend on which copies came before it.
    let (dir, _) = folder_with_list(4);
    let all = missive(dir.path(), &["render", "letter.md", "-o", "all"]);
    assert!(all.status.success(), "{}", stderr(&all));
    let alone = missive(
        dir.path(),
        &["render", "letter.md", "--only", "3", "-o", "alone"],
    );
    assert!(alone.status.success(), "{}", stderr(&alone));
    let names: Vec<_> = std::fs::read_dir(dir.path().join("alone"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let name = &names[0];
    assert!(name.to_string_lossy().starts_with("03-"), "{name:?}");
    assert_eq!(
        std::fs::read(dir.path().join("alone").join(name)).unwrap(),
        std::fs::read(dir.path().join("all").join(name)).unwrap(),
        "{name:?} alone and after copies 1 and 2"
    );
}

#[test]
fn fields_are_checked_where_copies_fill_them() {
    // A `{{…}}` in a code block, a TOML comment or a path is no field: it is shown as
    // typed, so it is not checked either; one in the text or a front-matter text is.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("m.csv"), "name,committee\nA. One,x\n").unwrap();
    let letter = "+++\ndate = 2026-03-02\n# {{not a field}} in a comment\nsubject = \"On {{committee}}\"\nrecipients = \"m.csv\"\n\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n\nOn {{committee}}.\n\n```text\n{{template_syntax}}\n```\n";
    std::fs::write(dir.path().join("l.md"), letter).unwrap();
    let out = missive(dir.path(), &["render", "l.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&dir.path().join("l/01-a-one.pdf"));
    assert!(
        text.contains("On x.") && text.contains("{{template_syntax}}"),
        "{text}"
    );

    let broken = letter
        .replace(
            "subject = \"On {{committee}}\"",
            "subject = \"On {{comittee}}\"",
        )
        .replace("On {{committee}}.", "On {{nope}} and `{{code}}`.");
    std::fs::write(dir.path().join("l.md"), broken).unwrap();
    let err = stderr(&missive(dir.path(), &["check", "l.md"]));
    assert!(
        err.contains("`{{comittee}}` names no column") && err.contains("l.md:4:15"),
        "{err}"
    );
    assert!(
        err.contains("`{{nope}}` names no column") && err.contains("l.md:11:4"),
        "{err}"
    );
    // Inline code is filled (docs/copies.md), so its fields are checked too.
    assert!(err.contains("`{{code}}` names no column"), "{err}");
    assert!(
        !err.contains("not a field") && !err.contains("template_syntax"),
        "{err}"
    );
}
