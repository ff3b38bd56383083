//! The catalogue of files `missive import` refuses (`tests/import/hostile/`, expectations
//! in `tests/import/hostile/expectations.toml`), run through the command as a user runs
//! it: each refused with an error naming the file and a hint, exit status 1, nothing
//! written. Hostile inputs too large to keep are made here.

mod common;

use std::path::Path;

use common::*;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    file: String,
    error: String,
    help: Option<String>,
}

/// Imports `file` into a fresh folder and checks the refusal: status 1, the error
/// naming the file, the help, and no output folder at all.
fn refused(file: &Path, error: &str, help: Option<&str>) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("missive.toml"), "").unwrap();
    let out = dir.path().join("out");
    let output = missive(
        dir.path(),
        &[
            "import",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let shown = stderr(&output);
    let name = file.file_name().unwrap().to_string_lossy();
    let mut problems = Vec::new();
    if output.status.code() != Some(1) {
        problems.push(format!("status {:?}", output.status.code()));
    }
    let named = shown
        .lines()
        .any(|l| l.starts_with("error: ") && l.contains(&*name) && l.contains(error));
    if !named {
        problems.push(format!("no error naming the file with {error:?}"));
    }
    if let Some(help) = help
        && !shown
            .lines()
            .any(|l| l.contains("help:") && l.contains(help))
    {
        problems.push(format!("no help with {help:?}"));
    }
    if !shown.contains("failed: ") || !shown.contains("(nothing written)") {
        problems.push("no \"failed: … (nothing written)\" line".into());
    }
    if out.exists() {
        problems.push("the output folder was created".into());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: {}\n{shown}", problems.join("; ")))
    }
}

#[test]
fn the_catalogue_of_hostile_files_is_refused() {
    let dir = repo().join("tests/import/hostile");
    let catalogue: Catalogue =
        toml::from_str(&std::fs::read_to_string(dir.join("expectations.toml")).unwrap()).unwrap();
    let listed: Vec<&str> = catalogue.case.iter().map(|c| c.file.as_str()).collect();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name == "expectations.toml" || listed.contains(&name.as_str()),
            "{name} has no case"
        );
    }
    let failures: Vec<String> = catalogue
        .case
        .iter()
        .filter_map(|c| refused(&dir.join(&c.file), &c.error, c.help.as_deref()).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn inputs_too_large_to_keep_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut huge = b"<!doctype html><p>".to_vec();
    huge.resize(50 * 1000 * 1000, b'a');
    let deep = format!(
        "<!doctype html><body>{}x{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let mut script = String::from("<!doctype html><body><main><p>Dear Minister,</p>");
    script.push_str("<script>document.write('<p>Written by a script</p>')</script></main>");
    let cases: [(&str, &[u8], &str, Option<&str>); 3] = [
        (
            "huge.html",
            &huge,
            "is refused: it is 47 MiB, and missive reads web pages of at most 32 MiB",
            Some("HTML only"),
        ),
        (
            "deep.html",
            deep.as_bytes(),
            "is refused: its elements nest more than 512 deep",
            Some("hostile"),
        ),
        (
            "frames.htm",
            b"<html><frameset><frame src=\"body.htm\"></frameset></html>",
            "is a frameset: its text is in the pages of its frames (body.htm)",
            Some("import the frame"),
        ),
    ];
    let mut failures = Vec::new();
    for (name, bytes, error, help) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        if let Err(failure) = refused(&file, error, help) {
            failures.push(failure);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // Text that a script would write is never read: the page is imported without it.
    let page = dir.path().join("script.html");
    std::fs::write(&page, script).unwrap();
    let output = missive(dir.path(), &["import", "script.html"]);
    let source = std::fs::read_to_string(dir.path().join("script.md")).unwrap();
    assert!(!source.contains("Written by a script"), "{source}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 script(s) ignored"));
}

#[test]
fn a_macro_enabled_file_is_read_as_text_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("missive.toml"), "").unwrap();
    let docm = repo().join("tests/import/word/word-macro-rapporteur-en.docm");
    let output = missive(dir.path(), &["import", docm.to_str().unwrap(), "-o", "."]);
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{shown}{}", stderr(&output));
    assert!(
        shown.contains("noted       the file is macro-enabled (.docm): only its text was read; its macros were neither read nor run"),
        "{shown}"
    );
    let source = std::fs::read_to_string(dir.path().join("word-macro-rapporteur-en.md")).unwrap();
    assert!(!source.contains("AutoOpen"), "{source}");
}
