//! The template contract: docs/templates.md against what templates really receive
//! (`letter.json`) and against the built-in templates' style tokens and parts; the
//! tokens as the only lengths of the layout; a template built from the house's parts.

mod common;

use common::*;
use std::collections::BTreeSet;

/// A letter that sets every key a template receives, so that every field of the data
/// has a value and every array an element.
const FULL_LETTER: &str = r##"+++
date = 2026-03-02
place = "Geneva"
lang = "en-GB"
reference = "OBLA/2026/77"
subject = "Detention of asylum seekers"
salutation = "Dear Minister,"
closing = "Yours sincerely,"
cc = ["Permanent Mission"]
enclosures = ["Report"]
postscript = "Our report is attached."
delivery = "By e-mail"
draft = true
window = "din-b"
return_address = "OBLA, 12 Rue du Rhône, Geneva"

[letterhead]
organization = "Open Borders Legal Aid"
logo = "logo.svg"
logo_alt = "OBLA logo"
address = ["12 Rue du Rhône", "1204 Geneva"]
contacts = ["info@obla.example"]
accent = "#7a1f1f"
sidebar = ["Board of Directors", "Amara Nwosu, Chair"]

[[to]]
name = "Minister One"
address = ["Ministry of the Interior"]

[[signatories]]
name = "Ana Ruiz"
title = "Director"
organization = "OBLA"
signature = "logo.svg"
signature_alt = "Signature of Ana Ruiz"

[[cosigners]]
name = "Friends of Law"
detail = "Kenya"
+++
We write to you.[^a]

[^a]: A note.
"##;

/// The text of a repository file.
fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap()
}

/// The part of `text` from the line `from` up to the next line starting with `until`.
fn section<'a>(text: &'a str, from: &str, until: &str) -> &'a str {
    let start = text.find(from).unwrap_or_else(|| panic!("no `{from}`"));
    let rest = &text[start + from.len()..];
    &rest[..rest.find(until).unwrap_or(rest.len())]
}

/// The names in backticks in the first cell of each row of the Markdown tables in `text`.
fn first_cell_names(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in text.lines().filter(|l| l.starts_with("| `")) {
        let cell = line.split('|').nth(1).unwrap();
        names.extend(cell.split('`').skip(1).step_by(2).map(str::to_string));
    }
    names
}

/// Every path of a JSON value (`lang.tag`, `to[].name`), and which of them are leaves.
fn json_paths(
    value: &serde_json::Value,
    path: &str,
    all: &mut BTreeSet<String>,
    leaves: &mut BTreeSet<String>,
) {
    assert!(
        !value.is_null() && value.as_array().is_none_or(|a| !a.is_empty()),
        "`{path}` is empty: the letter must set it, or what it holds goes unchecked"
    );
    let child = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                json_paths(value, &child(key), all, leaves);
            }
        }
        serde_json::Value::Array(items) if items.iter().any(|i| i.is_object()) => {
            for item in items {
                json_paths(item, &format!("{path}[]"), all, leaves);
            }
        }
        _ => {
            leaves.insert(path.to_string());
        }
    }
    if !path.is_empty() && !path.ends_with("[]") {
        all.insert(path.to_string());
    }
}

#[test]
fn the_documented_data_is_exactly_what_templates_receive() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("examples/house/logo.svg"),
        dir.path().join("logo.svg"),
    )
    .unwrap();
    write_letter(dir.path(), "full.md", FULL_LETTER);
    let out = missive(
        dir.path(),
        &["render", "full.md", "--emit-typst", "project"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("project/letter.json")).unwrap())
            .unwrap();
    let (mut all, mut leaves) = (BTreeSet::new(), BTreeSet::new());
    json_paths(&data, "", &mut all, &mut leaves);

    let docs = read("docs/templates.md");
    let documented = first_cell_names(section(&docs, "## The data", "## Accessibility"));
    let undocumented: Vec<_> = leaves.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "fields templates receive that docs/templates.md does not list: {undocumented:?}"
    );
    let unknown: Vec<_> = documented.difference(&all).collect();
    assert!(
        unknown.is_empty(),
        "fields docs/templates.md lists that templates do not receive: {unknown:?}"
    );
}

/// The dictionaries of the token block of a template (between `// ---- Style tokens`
/// and the next `// ----` line), as (name, keys).
fn token_groups(template: &str) -> Vec<(String, Vec<String>)> {
    let block = section(template, "// ---- Style tokens", "// ----");
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for line in block.lines() {
        if let Some(rest) = line.strip_prefix("#let ") {
            let name = rest.split([' ', '=']).next().unwrap().to_string();
            groups.push((name, Vec::new()));
        } else if let Some(key) = line.strip_prefix("  ").and_then(|l| l.split_once(':')) {
            let key = key.0;
            if !key.starts_with('/') && key.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                groups.last_mut().unwrap().1.push(key.to_string());
            }
        }
    }
    groups
}

/// The lengths written as numbers (`12pt`, `0.6em`, `2cm`) in `code`, comments aside.
fn length_literals(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in code.lines() {
        let code = line.split("//").next().unwrap();
        let bytes = code.as_bytes();
        for (i, _) in code.match_indices(|c: char| c.is_ascii_digit()) {
            if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.') {
                continue;
            }
            let number = code[i..]
                .find(|c: char| !c.is_ascii_digit() && c != '.')
                .map_or(&code[i..], |end| &code[i..i + end]);
            let unit = &code[i + number.len()..];
            if ["pt", "em", "cm", "mm", "in"]
                .iter()
                .any(|u| unit.starts_with(u) && !unit[2..].starts_with(char::is_alphanumeric))
            {
                found.push(format!("{number}{}: {}", &unit[..2], line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_style_tokens_and_parts_are_documented_and_the_only_lengths() {
    let docs = read("docs/templates.md");
    let house = read("templates/house.typ");
    let tokens = section(&docs, "### Style tokens", "### Parts");
    let groups = token_groups(&house);
    assert!(groups.len() >= 6, "{groups:?}");
    for (group, keys) in &groups {
        // The rows that list the group's tokens: its own, and any that start with its name.
        let rows: Vec<&str> = tokens
            .lines()
            .filter(|l| l.starts_with(&format!("| `{group}` ")))
            .collect();
        let row = rows.join("\n");
        assert!(
            !rows.is_empty(),
            "docs/templates.md has no row for the tokens `{group}`"
        );
        for key in keys {
            assert!(
                row.contains(&format!("`{key}`")),
                "docs/templates.md does not list the token `{group}.{key}`"
            );
        }
    }

    let parts = section(&docs, "### Parts", "### A template");
    let layout = &house[house.find("// ---- Parts").unwrap()..];
    for line in layout.lines() {
        let Some((name, _)) = line.strip_prefix("#let ").and_then(|l| l.split_once('(')) else {
            continue;
        };
        assert!(
            name == "letter" || parts.contains(&format!("| `{name}(")),
            "docs/templates.md does not describe the part `{name}`"
        );
    }
    let house_letter = section(parts, "```typst\n", "```");
    assert!(
        house.contains(house_letter),
        "the house letter in docs/templates.md is not the one in house.typ:\n{house_letter}"
    );

    // Below the tokens, no length of its own: a designer restyles in the tokens alone.
    for template in ["templates/house.typ", "templates/coalition.typ"] {
        let text = read(template);
        let tokens = section(&text, "// ---- Style tokens", "// ----");
        let below = &text[text.find(tokens).unwrap() + tokens.len()..];
        let literals = length_literals(below);
        assert!(
            literals.is_empty(),
            "{template} has lengths outside its style tokens: {literals:?}"
        );
    }
}

#[test]
fn a_template_built_from_the_house_parts_as_documented_renders() {
    let docs = read("docs/templates.md");
    let example = section(
        section(&docs, "### A template of your own", "## The entry points"),
        "```typst\n",
        "```",
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/ours.typ"), example).unwrap();
    std::fs::write(
        dir.path().join("missive.toml"),
        "template = \"templates/ours.typ\"\n",
    )
    .unwrap();
    write_letter(
        dir.path(),
        "a.md",
        "+++\ndate = 2026-03-02\npostscript = \"A postscript.\"\n\
         [[signatories]]\nname = \"Ana Ruiz\"\n\
         [[cosigners]]\nname = \"Friends of Law\"\n\
         [[cosigners]]\nname = \"Second Org\"\n+++\nThe body.[^a]\n\n[^a]: The note.\n",
    );
    let out = missive(dir.path(), &["render", "a.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The example's order: co-signers straight after the signatures, then the P.S.
    assert_in_order(
        &pdf_text(&dir.path().join("a.pdf")),
        &[
            "The body.",
            "Ana Ruiz",
            "Co-signed by (2)",
            "Friends of Law",
            "Second Org",
            "P.S. A postscript.",
            "Notes",
            "The note.",
        ],
    );
}
