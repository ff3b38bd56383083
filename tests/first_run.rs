//! What a new user met on a first run (issue 18): an empty subject, an unnamed logo, no
//! house, paths from the house root, a README beside the letters, page file names.

mod common;

use common::*;

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
    write_letter(
        dir.path(),
        "b.md",
        &letter_with("subject = \"  \"\nlang = \"fr\""),
    );
    for (name, title) in [
        ("a", "Letter to Ms Ana Ruiz"),
        ("b", "Lettre à Ms Ana Ruiz"),
    ] {
        let out = missive(
            dir.path(),
            &["render", &format!("{name}.md"), "--pdf-standard", "ua-1"],
        );
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let pdf = dir.path().join(format!("{name}.pdf"));
        assert_eq!(pdf_title(&pdf), title);
        let text = pdf_text(&pdf);
        assert!(!text.contains("Re:") && !text.contains("Objet"), "{text}");
    }
}

#[test]
fn a_logo_without_alternative_text_is_warned_about_once() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    let out = missive(dir.path(), &["render", "2026-03-02-spyware-exports.md"]);
    assert!(
        out.status.success() && !stderr(&out).contains("logo_alt"),
        "{}",
        stderr(&out)
    );
    let house = std::fs::read_to_string(dir.path().join("missive.toml")).unwrap();
    let without: String = house
        .lines()
        .filter(|l| !l.starts_with("logo_alt"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path().join("missive.toml"), without).unwrap();
    let out = missive(dir.path(), &["render", "2026-03-02-spyware-exports.md"]);
    let warning = "warning[M0409]: the letterhead logo `logo.svg` has no `logo_alt`: a screen reader meets an unnamed image";
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out).matches(warning).count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("missive.toml:8:8"),
        "{}",
        stderr(&out)
    );
    // A batch of the house's letters says it once, not once a letter.
    let out = missive(dir.path(), &["batch", ".", "--out", "out"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out).matches(warning).count(), 1, "{}", stderr(&out));
}

#[test]
fn a_path_starting_with_a_slash_is_read_from_the_house_folder() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    std::fs::create_dir_all(dir.path().join("signatures")).unwrap();
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><path d="M10 80 C 60 10, 200 90, 290 20" stroke="#123" stroke-width="4" fill="none"/></svg>"##;
    std::fs::write(dir.path().join("signatures/said.svg"), svg).unwrap();
    let deep = dir.path().join("2026/eu/drafts");
    std::fs::create_dir_all(&deep).unwrap();
    let keys = "subject = \"A visit\"\n[[signatories]]\nname = \"Said\"\nsignature = \"/signatures/said.svg\"\n";
    write_letter(
        &deep,
        "a.md",
        &format!("+++\ndate = 2026-03-02\n{keys}+++\n\nText. ![Map](/logo.svg)\n"),
    );
    let out = missive(dir.path(), &["render", "2026/eu/drafts/a.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // A real absolute path is explained, not taken from the disk.
    let keys = "subject = \"A visit\"\n[[signatories]]\nname = \"Said\"\nsignature = \"/etc/passwd.svg\"\n";
    let absolute = dir.path().join("etc-passwd.svg");
    std::fs::write(&absolute, svg).unwrap();
    let real = format!(
        "+++\ndate = 2026-03-02\n{}+++\n\nText.\n",
        keys.replace("/etc/passwd.svg", absolute.to_str().unwrap())
    );
    write_letter(&deep, "b.md", &real);
    let out = missive(dir.path(), &["render", "2026/eu/drafts/b.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not from the disk's root: a path starting with `/` starts at the folder of missive.toml"),
        "{}",
        stderr(&out)
    );
    assert!(!deep.join("b.pdf").exists());
}

#[test]
fn template_eject_suggests_the_path_a_letter_can_use() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    let out = missive(dir.path(), &["template", "eject", "templates/own"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out) + &String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("`template = \"/templates/own/house.typ\"` in missive.toml"),
        "{said}"
    );
    // The path suggested works, from a letter three folders down.
    std::fs::write(
        dir.path().join("missive.toml"),
        std::fs::read_to_string(dir.path().join("missive.toml"))
            .unwrap()
            .replacen(
                "lang = ",
                "template = \"/templates/own/house.typ\"\nlang = ",
                1,
            ),
    )
    .unwrap();
    let deep = dir.path().join("a/b/c");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::copy(
        dir.path().join("2026-03-02-spyware-exports.md"),
        deep.join("l.md"),
    )
    .unwrap();
    let out = missive(dir.path(), &["render", "a/b/c/l.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn batch_skips_markdown_that_is_not_a_letter() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    std::fs::write(
        dir.path().join("README.md"),
        "# Our letters\n\nOne file a letter.\n",
    )
    .unwrap();
    let out = missive(dir.path(), &["batch", ".", "--out", "out"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "skipped: README.md is not a letter (it does not start with `+++` front matter)"
        ),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("7 letters: 7 rendered, 0 skipped, 0 failed"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("out/README.pdf").exists());
    // A file that opens front matter and is broken is a letter that fails.
    std::fs::write(
        dir.path().join("broken.md"),
        "+++\ndate = 2026-13-02\n+++\nText.\n",
    )
    .unwrap();
    let out = missive(dir.path(), &["batch", ".", "--out", "out"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 failed"), "{}", stderr(&out));
}

#[test]
fn batch_re_renders_for_what_the_house_file_says_not_its_comments() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    let batch = |extra: &[&str]| {
        let mut args = vec!["batch", ".", "--out", "out"];
        args.extend(extra);
        let out = missive(dir.path(), &args);
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out)
    };
    let house = dir.path().join("missive.toml");
    let edit = |from: &str, to: &str| {
        let text = std::fs::read_to_string(&house).unwrap();
        std::fs::write(&house, text.replacen(from, to, 1)).unwrap();
    };
    assert!(batch(&[]).contains("7 rendered, 0 skipped"));
    edit("lang = ", "# A comment.\n\nlang = ");
    std::fs::write(
        &house,
        std::fs::read_to_string(&house).unwrap() + "\n[import]\ndrop_lines = [\"Share this\"]\n",
    )
    .unwrap();
    assert!(
        batch(&[]).contains("0 rendered, 7 skipped"),
        "a comment and [import] re-rendered"
    );
    edit("closing = \"Sincerely,\"", "closing = \"Yours sincerely,\"");
    assert!(
        batch(&[]).contains("7 rendered, 0 skipped"),
        "a new closing was not rendered"
    );
    // An archival PDF carries the file itself: there a comment is a change.
    let archival = tempfile::tempdir().unwrap();
    let out = archival.path().to_str().unwrap();
    let a3 = ["--pdf-standard", "a-3b"];
    let run = |extra: &[&str]| {
        let mut args = vec!["batch", ".", "--out", out];
        args.extend(extra);
        stderr(&missive(dir.path(), &args))
    };
    assert!(run(&a3).contains("7 rendered"));
    edit("# A comment.", "# Another comment.");
    assert!(
        run(&a3).contains("7 rendered, 0 skipped"),
        "the attached house file is stale"
    );
}

#[test]
fn a_one_page_letter_has_its_page_number_in_the_png_name_too() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples"), dir.path());
    let help =
        String::from_utf8_lossy(&missive(dir.path(), &["render", "--help"]).stdout).into_owned();
    assert!(help.contains("`NAME-1.png`"), "{help}");
    let out = missive(dir.path(), &["render", "short.md", "--format", "png"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        page_count(&{
            let pdf = missive(dir.path(), &["render", "short.md"]);
            assert!(pdf.status.success());
            dir.path().join("short.pdf")
        }),
        1
    );
    assert!(dir.path().join("short-1.png").is_file(), "{}", stderr(&out));
    assert!(!dir.path().join("short.png").exists());
    assert!(stderr(&out).contains("short-1.png"), "{}", stderr(&out));
}

#[test]
fn render_says_which_house_it_used_or_that_there_was_none() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples"), dir.path());
    let out = missive(dir.path(), &["render", "short.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("note: no missive.toml in . or any folder above it, so no house"),
        "{}",
        stderr(&out)
    );
    let out = missive(
        dir.path(),
        &["render", "house/languages/fr.md", "house/languages/es.md"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).matches("house: house/missive.toml\n").count(),
        1,
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("no house"), "{}", stderr(&out));
}
