//! The web edition (`--format html`): every example's page is self-contained, its in-page
//! links all lead somewhere, nothing typed becomes markup, its text agrees with the PDF
//! paragraph by paragraph; and, in a real browser (Debian's chromium, through
//! tests/web/check-pages.mjs), it loads from disk with the network refused, is not blank,
//! has no WCAG 2.1 AA violation (axe-core) and the Arabic page reads right to left; the
//! Nu Html Checker finds no error. A page is the same bytes each time, and a letter that
//! fails writes none.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_tree, missive, repo, stderr};
use missive::testing::web;
use scraper::{Html, Selector};

/// Every example letter, rendered as a web page (and a PDF) in a copy of examples/.
fn rendered_examples(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    copy_tree(&repo().join("examples"), dir);
    let mut letters = vec![dir.join("short.md")];
    for sub in ["house", "house/languages"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        found.sort();
        letters.extend(found);
    }
    letters
        .into_iter()
        .map(|letter| {
            let folder = letter.parent().unwrap();
            let name = letter.file_name().unwrap().to_str().unwrap();
            for format in ["html", "pdf"] {
                let out = missive(folder, &["render", "--format", format, name]);
                assert!(out.status.success(), "{name}: {}", stderr(&out));
            }
            (letter.with_extension("html"), letter.with_extension("pdf"))
        })
        .collect()
}

/// A subject and a file name that look like markup and addresses.
const HOSTILE_SUBJECT: &str = r#"<script>alert(1)</script> "quoted" & {{ x }}"#;
const HOSTILE_FILE: &str = "hostile \"x\" & #1?.md";

/// The house's example letters (in `pages`) and a hostile one (rendered here) listed in
/// `house/index.html`, built as `batch --format html` builds it: the index, and each
/// letter's link and title.
fn example_index(dir: &Path, pages: &[(PathBuf, PathBuf)]) -> (PathBuf, Vec<(String, String)>) {
    let house = dir.join("house");
    let hostile = house.join(HOSTILE_FILE);
    let subject = HOSTILE_SUBJECT.replace('"', "\\\"");
    let letter = format!(
        "+++\ndate = 2025-11-20\nsubject = \"{subject}\"\n[[to]]\nname = \"Ms <b>Ana</b> & co\"\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n\n{}",
        "A paragraph of the letter, long enough to fill a line or two of the page, as letters do.\n\n"
            .repeat(8)
    );
    std::fs::write(&hostile, letter).unwrap();
    let out = missive(&house, &["render", "--format", "html", HOSTILE_FILE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let index = house.join("index.html");
    let letters = (pages.iter())
        .map(|(page, _)| page.with_extension("md"))
        .filter(|letter| letter.starts_with(&house))
        .chain([hostile]);
    let (mut entries, mut titles, mut houses) = (Vec::new(), Vec::new(), Vec::new());
    for letter in letters {
        let prepared = missive::testing::prepare(&letter).unwrap();
        let link = web::link(&index, &letter.with_extension("html")).unwrap();
        titles.push((link.clone(), prepared.data.title.clone()));
        entries.push(web::IndexEntry::of(&prepared, link));
        houses.push(prepared);
    }
    let house = houses[0].letter.house.as_ref();
    assert!(web::write_index(&index, &entries, house).unwrap());
    // Written once: the same entries again leave the file alone.
    assert!(!web::write_index(&index, &entries, house).unwrap());
    (index, titles)
}

#[test]
fn the_archive_index_lists_the_letters_newest_first_and_links_to_their_pages() {
    let dir = tempfile::tempdir().unwrap();
    let pages = rendered_examples(dir.path());
    let (index, titles) = example_index(dir.path(), &pages);
    let text = std::fs::read_to_string(&index).unwrap();
    let html = Html::parse_document(&text);
    assert!(select(&html, "script").is_empty(), "{text}");
    assert!(!text.contains("<b>"), "{text}");
    let selector = Selector::parse("a.subject").unwrap();
    let links: Vec<(String, String)> = (html.select(&selector))
        .map(|a| {
            (
                a.value().attr("href").unwrap().to_string(),
                a.text().collect(),
            )
        })
        .collect();
    // Every letter once, each link to its page, its subject the link's text as typed.
    assert_eq!(links.len(), titles.len(), "{text}");
    for (href, shown) in &links {
        let path = percent_encoding::percent_decode_str(href.strip_prefix("./").unwrap());
        let link = path.decode_utf8().unwrap().to_string();
        assert!(
            index.parent().unwrap().join(&link).is_file(),
            "{href} leads nowhere"
        );
        let title = titles.iter().find(|(l, _)| *l == link).map(|(_, t)| t);
        assert_eq!(Some(shown), title, "{href}");
    }
    let hostile = links.iter().find(|(_, shown)| shown.contains("<script>"));
    assert!(
        hostile.is_some_and(|(_, s)| s.contains("&") && s.contains("{{ x }}")),
        "{links:?}"
    );
    // Newest first, by years (2026 before 2025, the hostile letter's).
    let dates = (html.select(&Selector::parse("li time").unwrap()))
        .map(|t| t.value().attr("datetime").unwrap().to_string())
        .collect::<Vec<_>>();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert_eq!(select(&html, "h2"), ["2026", "2025"]);
    // The letters in other languages than the house's are named in their own.
    let mut named = select(&html, ".language");
    named.sort();
    assert_eq!(named, ["español", "français", "русский", "العربية", "中文"]);
}

fn select(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn every_example_page_is_self_contained_linked_and_agrees_with_its_pdf() {
    let dir = tempfile::tempdir().unwrap();
    for (page, pdf) in rendered_examples(dir.path()) {
        let text = std::fs::read_to_string(&page).unwrap();
        let name = page.display();
        assert!(text.starts_with("<!DOCTYPE html>"), "{name}");
        let html = Html::parse_document(&text);
        let attrs = |css: &str, attr: &str| -> Vec<String> {
            let selector = Selector::parse(css).unwrap();
            (html.select(&selector))
                .filter_map(|e| e.value().attr(attr).map(str::to_string))
                .collect()
        };
        assert!(select(&html, "script").is_empty(), "{name} has a script");
        // No request to any other address: images are data: addresses, no stylesheet link.
        assert!(attrs("[src]", "src").iter().all(|s| s.starts_with("data:")));
        assert!(attrs("link[href]", "href").is_empty(), "{name}");
        assert!(
            !text.contains("url(") && !text.contains("@import"),
            "{name}"
        );
        // Every in-page link has its target, and every note its back link.
        let ids: BTreeSet<String> = attrs("[id]", "id").into_iter().collect();
        for href in attrs("a[href^='#']", "href") {
            assert!(ids.contains(&href[1..]), "{name}: {href} leads nowhere");
        }
        let notes = select(&html, "section[role=doc-endnotes] li").len();
        assert_eq!(attrs("a[role=doc-backlink]", "href").len(), notes, "{name}");
        assert_eq!(select(&html, "h1").len(), 1, "{name}");
        assert_eq!(attrs("time[datetime]", "datetime").len(), 1, "{name}");
        // The text of each paragraph of the body is the PDF's, in the PDF's order.
        let solid = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{2010}'))
                .collect()
        };
        // Arabic comes out of the PDF in its drawn (shaped, visual) order, which a text
        // comparison cannot match: its page is checked in the browser instead.
        if text.contains("dir=\"rtl\"") {
            continue;
        }
        let pdf_text = solid(&common::pdf_text(&pdf));
        let mut from = 0;
        for paragraph in select(&html, ".body > p, .body li") {
            let paragraph = solid(&paragraph);
            match pdf_text[from..].find(&paragraph) {
                Some(i) => from += i + paragraph.len(),
                None => panic!("{name}: the PDF lacks (or misplaces) the paragraph {paragraph:?}"),
            }
        }
    }
}

#[test]
fn the_arabic_page_is_right_to_left_and_a_fragment_is_only_the_article() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples"), dir.path());
    let folder = dir.path().join("house/languages");
    let out = missive(&folder, &["render", "--format", "html", "ar.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(folder.join("ar.html")).unwrap();
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
    let out = missive(
        &folder,
        &[
            "render",
            "--format",
            "html",
            "--html-fragment",
            "ar.md",
            "-o",
            "cms.html",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let fragment = std::fs::read_to_string(folder.join("cms.html")).unwrap();
    assert!(fragment.starts_with("<article class=\"missive-letter\" lang=\"ar\" dir=\"rtl\">"));
    assert!(fragment.trim_end().ends_with("</article>"));
    assert!(!fragment.contains("<style") && !fragment.contains("<html"));
}

#[test]
fn a_house_gives_its_own_ejected_template_and_its_errors_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples"), dir.path());
    let house = dir.path().join("house");
    let out = missive(&house, &["template", "eject", "templates"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let template = house.join("templates/web.html");
    let built_in = std::fs::read_to_string(&template).unwrap();
    let own = built_in.replace(
        "<div class=\"body\">",
        "<p class=\"house-mark\">{{ letter.title }} {{ \"<b>\" }}</p>\n<div class=\"body\">",
    );
    std::fs::write(&template, own).unwrap();
    let toml = house.join("missive.toml");
    let mut config = std::fs::read_to_string(&toml).unwrap();
    config.push_str("\n[web]\ntemplate = \"templates/web.html\"\n");
    std::fs::write(&toml, &config).unwrap();
    let letter = "2026-03-02-spyware-exports";
    let render = || {
        missive(
            &house,
            &["render", "--format", "html", &format!("{letter}.md")],
        )
    };
    let failure = || {
        let out = render();
        assert_eq!(out.status.code(), Some(1));
        stderr(&out)
    };
    let out = render();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(house.join(format!("{letter}.html"))).unwrap();
    // The house's words, autoescaped like every value.
    assert!(page.contains("<p class=\"house-mark\">Export controls on commercial spyware ahead of the Council’s review &lt;b&gt;</p>"), "{page}");

    std::fs::write(&template, "<p>\n{{ letter.title }}\n{% if x %}\n").unwrap();
    let err = failure();
    assert!(
        err.contains(
            "error[M0703]: templates/web.html:3: the web page template failed: syntax error"
        ),
        "{err}"
    );

    let line = config.lines().count();
    std::fs::write(&toml, config.replace("templates/web.html", "../web.html")).unwrap();
    let err = failure();
    assert!(
        err.contains("the web page template `../web.html` is not a file inside the house folder"),
        "{err}"
    );
    assert!(err.contains(&format!("missive.toml:{line}:12")), "{err}");
}

#[test]
fn signature_images_are_on_the_page_only_where_the_house_asks() {
    let dir = tempfile::tempdir().unwrap();
    let house = dir.path();
    std::fs::copy(
        repo().join("examples/house/logo.svg"),
        house.join("sig.svg"),
    )
    .unwrap();
    let toml = house.join("missive.toml");
    std::fs::write(
        &toml,
        "[letterhead]\norganization = \"Civic Rights Watchers\"\n",
    )
    .unwrap();
    let letter = "+++\ndate = 2026-03-02\n[[signatories]]\nname = \"Ana Ruiz\"\nsignature = \"sig.svg\"\n+++\nText.\n";
    std::fs::write(house.join("l.md"), letter).unwrap();
    let page = || {
        let out = missive(house, &["render", "--format", "html", "l.md"]);
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::read_to_string(house.join("l.html")).unwrap()
    };
    assert!(!page().contains("class=\"signature\""));
    let mut config = std::fs::read_to_string(&toml).unwrap();
    config.push_str("[web]\nsignatures = true\n");
    std::fs::write(&toml, config).unwrap();
    let page = Html::parse_document(&page());
    let selector = Selector::parse("img.signature").unwrap();
    let image = page.select(&selector).next().expect("the signature image");
    let src = image.value().attr("src").unwrap();
    assert!(src.starts_with("data:image/svg+xml;base64,"), "{src}");
    assert_eq!(image.value().attr("alt"), Some("Signature of Ana Ruiz"));
}

/// Text a writer might type, chosen to look like markup, template syntax or code.
const HOSTILE: [&str; 12] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp; &lt;",
    "<b>bold</b>",
    "\" onmouseover=\"x",
    "' autofocus '",
    "{{ letter }}",
    "{% for x in y %}",
    "</article><p>",
    "<!-- c -->",
    "javascript:alert(1)",
    "]]> <![CDATA[",
];

#[test]
fn any_typed_text_comes_out_as_text_never_as_an_element_or_attribute() {
    let dir = tempfile::tempdir().unwrap();
    // A small deterministic generator: the same cases every run.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for case in 0..6 {
        let mut pick = || HOSTILE[(next() % HOSTILE.len() as u64) as usize];
        let (subject, salutation, name, line, body) = (pick(), pick(), pick(), pick(), pick());
        let toml = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
        let letter = format!(
            "+++\ndate = 2026-03-02\nsubject = \"{}\"\nsalutation = \"{}\"\n[[to]]\nname = \"{}\"\naddress = [\"{}\"]\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n\n{}\n\nMore {} text.[^n]\n\n[^n]: A note: {}\n",
            toml(subject),
            toml(salutation),
            toml(name),
            toml(line),
            body,
            pick(),
            pick()
        );
        let file = format!("case{case}.md");
        std::fs::write(dir.path().join(&file), &letter).unwrap();
        let out = missive(dir.path(), &["render", "--format", "html", &file]);
        assert!(out.status.success(), "{letter}\n{}", stderr(&out));
        let page = std::fs::read_to_string(dir.path().join(format!("case{case}.html"))).unwrap();
        let html = Html::parse_document(&page);
        let mut elements = BTreeSet::new();
        let mut attributes = BTreeSet::new();
        for node in html.tree.nodes() {
            if let Some(element) = node.value().as_element() {
                elements.insert(element.name().to_string());
                attributes.extend(element.attrs().map(|(a, _)| a.to_string()));
            }
        }
        let allowed_elements = [
            "html", "head", "meta", "title", "style", "body", "main", "article", "header", "p",
            "address", "br", "time", "h1", "h2", "div", "span", "sup", "a", "section", "ol", "li",
            "em",
        ];
        let allowed_attributes = [
            "lang",
            "dir",
            "charset",
            "name",
            "content",
            "class",
            "datetime",
            "href",
            "id",
            "role",
            "aria-labelledby",
        ];
        for e in &elements {
            assert!(
                allowed_elements.contains(&e.as_str()),
                "<{e}> from {letter}"
            );
        }
        for a in &attributes {
            assert!(
                allowed_attributes.contains(&a.as_str()),
                "attribute {a} from {letter}"
            );
        }
        // And the text is all there, as typed (the punctuation of quotes set).
        let shown: String = html.root_element().text().collect();
        // Quotes and dashes have their punctuation set; every other character is as typed.
        let set = |s: &str| -> String {
            s.chars().filter(|c| !"\"'“”‘’-–—".contains(*c)).collect()
        };
        let shown_plain = set(&shown);
        for typed in [subject, name, line] {
            let plain = set(typed);
            assert!(
                shown_plain.contains(&plain),
                "{typed:?} not shown in {page}"
            );
        }
    }
}

/// The folder of the browser checks' npm packages, installed (by .ci/run) or not.
fn web_tools() -> Option<PathBuf> {
    let tools = repo().join("tests/web");
    let installed = tools.join("node_modules/playwright-core").is_dir()
        && tools.join("node_modules/axe-core").is_dir()
        && tools.join("node_modules/vnu-jar").is_dir();
    if !installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "tests/web/node_modules is missing, and CI is set: .ci/run must run `npm ci` there"
        );
        eprintln!("note: tests/web has no node_modules (npm ci --prefix tests/web); skipping");
        return None;
    }
    Some(tools)
}

#[test]
fn pages_pass_the_conformance_checker_and_the_browser_checks() {
    let chromium = common::tool_available("chromium", &["--version"]);
    let java = common::tool_available("java", &["-version"]);
    let node = common::tool_available("node", &["--version"]);
    let Some(tools) = web_tools() else { return };
    let dir = tempfile::tempdir().unwrap();
    let rendered = rendered_examples(dir.path());
    let (index, _) = example_index(dir.path(), &rendered);
    let hostile = dir
        .path()
        .join("house")
        .join(HOSTILE_FILE)
        .with_extension("html");
    let listed = 1
        + (rendered.iter())
            .filter(|(page, _)| page.starts_with(dir.path().join("house")))
            .count();
    let pages: Vec<String> = (rendered.iter().map(|(page, _)| page))
        .chain([&hostile, &index])
        .map(|page| page.display().to_string())
        .collect();
    if java {
        let vnu = tools.join("node_modules/vnu-jar/build/dist/vnu.jar");
        let out = Command::new("java")
            .args([
                "-jar",
                vnu.to_str().unwrap(),
                "--errors-only",
                "--format",
                "text",
            ])
            .args(&pages)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stderr).to_string()
            + &String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "the Nu Html Checker: {report}");
    }
    if !(chromium && node) {
        return;
    }
    let out = Command::new("node")
        .arg(tools.join("check-pages.mjs"))
        .arg(dir.path())
        .args(&pages)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines.lines().count(), pages.len(), "{lines}");
    for line in lines.lines() {
        let facts: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = facts["file"].as_str().unwrap();
        assert_eq!(
            facts["outside"],
            serde_json::json!([]),
            "{file} asked the network"
        );
        assert_eq!(
            facts["missing"],
            serde_json::json!([]),
            "{file}: links lead nowhere"
        );
        assert_eq!(
            facts["axe"],
            serde_json::json!([]),
            "{file}: axe-core violations"
        );
        // Not blank: more than 1% of the screenshot is ink, not background.
        let (inked, pixels) = (
            facts["inked"].as_f64().unwrap(),
            facts["pixels"].as_f64().unwrap(),
        );
        assert!(
            inked > pixels / 100.0,
            "{file}: the screenshot is blank ({inked} of {pixels})"
        );
        assert_eq!(
            facts["broken"],
            serde_json::json!([]),
            "{file}: links to no page"
        );
        assert_eq!(facts["scripts"], 0, "{file} holds a script");
        if file.ends_with("/index.html") {
            // Every house letter and the hostile one, each of which opened.
            let linked = facts["linked"].as_array().unwrap().len();
            assert_eq!(linked, listed, "{file}: {}", facts["linked"]);
        }
        let rtl = file.ends_with("/ar.html");
        let direction = if rtl { "rtl" } else { "ltr" };
        assert_eq!(facts["direction"], direction, "{file}");
    }
}

#[test]
fn a_page_is_the_same_bytes_each_time_and_a_bad_letter_writes_no_page() {
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let pages = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        (rendered_examples(dir).into_iter())
            .map(|(page, _)| {
                let name = page.strip_prefix(dir).unwrap().display().to_string();
                (name, std::fs::read(&page).unwrap())
            })
            .collect()
    };
    let (a, b) = (pages(first.path()), pages(second.path()));
    assert_eq!(a.len(), b.len());
    for ((name, a), (_, b)) in a.iter().zip(&b) {
        assert!(a == b, "{name}: two renders of the page differ");
    }

    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("tests/bad/cc-not-a-list.md"),
        dir.path().join("bad.md"),
    )
    .unwrap();
    let out = missive(dir.path(), &["render", "--format", "html", "bad.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("bad.md:3:6"), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("bad.md")]);
}
