//! The archive index's unit tests: order, grouping, language, links, escaping, and
//! writing only when the bytes change.

use super::*;
use crate::letter::house;

fn entry(subject: &str, date: (i32, u32, u32), lang: &str, link: &str) -> IndexEntry {
    IndexEntry {
        subject: subject.to_string(),
        addressees: vec!["Ms Ana Ruiz".into(), "Mr B".into()],
        date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
        lang: lang.to_string(),
        dir: if lang == "ar" { "rtl" } else { "ltr" }.to_string(),
        link: link.to_string(),
        copies: 0,
    }
}

fn html(entries: &[IndexEntry], house: Option<&House>) -> String {
    String::from_utf8(page(entries, house).unwrap()).unwrap()
}

/// A house folder with `toml` as its missive.toml, and the house read from it.
fn house_with(toml: &str) -> (tempfile::TempDir, House) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("missive.toml"), toml).unwrap();
    let house = house::find(dir.path()).unwrap().unwrap();
    (dir, house)
}

#[test]
fn newest_first_grouped_by_year() {
    let page = html(
        &[
            entry("Old", (2025, 12, 30), "en", "a.html"),
            entry("Newest", (2026, 4, 14), "en", "b.html"),
            entry("March", (2026, 3, 2), "en", "c.html"),
        ],
        None,
    );
    let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("{s} not in {page}"));
    assert!(at("<h2 id=\"year-2026\">2026</h2>") < at("<h2 id=\"year-2025\">2025</h2>"));
    assert!(at(">Newest</a>") < at(">March</a>"));
    assert!(at(">March</a>") < at("<h2 id=\"year-2025\">"));
    assert!(at("<h2 id=\"year-2025\">") < at(">Old</a>"));
    assert!(page.contains("<time datetime=\"2026-04-14\">April 14, 2026</time>"));
    // The first addressee only.
    assert!(page.contains("<span class=\"meta\">To <span>Ms Ana Ruiz</span></span>"));
    assert!(!page.contains("Mr B"));
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(page.contains("<title>Letters</title>"));
}

#[test]
fn the_order_does_not_depend_on_the_callers() {
    let mut entries = vec![
        entry("B", (2026, 3, 2), "en", "b.html"),
        entry("A", (2026, 3, 2), "en", "z.html"),
        entry("A", (2026, 3, 2), "en", "y.html"),
    ];
    let first = html(&entries, None);
    entries.reverse();
    assert_eq!(first, html(&entries, None));
    assert!(first.find("./y.html").unwrap() < first.find("./z.html").unwrap());
    assert!(first.find("./z.html").unwrap() < first.find("./b.html").unwrap());
}

#[test]
fn in_the_houses_language_with_each_letters_own_marked() {
    let (_dir, house) = house_with(
        "lang = \"fr\"\n[letterhead]\norganization = \"Veille civique\"\naccent = \"#7a1f3d\"\n",
    );
    let page = html(
        &[
            entry("Objet", (2026, 3, 1), "fr", "fr.html"),
            entry("رسالة", (2026, 3, 2), "ar", "ar.html"),
            entry("Canada", (2026, 3, 3), "fr-CA", "ca.html"),
        ],
        Some(&house),
    );
    assert!(page.contains("<html lang=\"fr\" dir=\"ltr\">"), "{page}");
    assert!(page.contains("<title>Lettres — Veille civique</title>"));
    assert!(page.contains("<h1>Lettres</h1>"));
    assert!(page.contains("--accent: #7a1f3d;"));
    assert!(page.contains("<time datetime=\"2026-03-01\">1er mars 2026</time>"));
    // A letter in the house's language is not marked; one in another is, and named.
    assert!(page.contains("<a class=\"subject\" href=\"./fr.html\">Objet</a>"));
    assert!(page.contains(
        "<a class=\"subject\" href=\"./ar.html\" lang=\"ar\" dir=\"rtl\" hreflang=\"ar\">رسالة</a><span class=\"language\" lang=\"ar\" dir=\"rtl\">العربية</span>"
    ));
    assert!(page.contains(
        "<span class=\"meta\">À <span lang=\"ar\" dir=\"rtl\">Ms Ana Ruiz</span></span>"
    ));
    // The same language in another region: marked, not named.
    assert!(page.contains("lang=\"fr-CA\" dir=\"ltr\" hreflang=\"fr-CA\">Canada</a>\n"));
}

#[test]
fn a_letter_with_copies_is_one_entry_saying_how_many() {
    let mut copies = entry("Appeal", (2026, 5, 1), "en", "appeal/01-ana-ruiz.html");
    copies.copies = 12;
    copies.addressees.clear();
    let page = html(&[copies], None);
    assert!(page.contains("href=\"./appeal/01-ana-ruiz.html\""));
    assert!(page.contains("<span class=\"meta\">Personal copies: 12</span>"));
    assert!(!page.contains("To "));
}

#[test]
fn typed_text_and_file_names_stay_text() {
    let hostile = "<script>alert(1)</script> \"q\" & {{ x }}";
    let mut letter = entry(hostile, (2026, 3, 2), "en", "javascript:alert(1) #?%.html");
    letter.addressees = vec!["<b>Ana</b>".into()];
    let page = html(&[letter], None);
    assert!(
        !page.contains("<script>") && !page.contains("<b>"),
        "{page}"
    );
    assert!(
        page.contains(
            ">&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &quot;q&quot; &amp; {{ x }}</a>"
        ),
        "{page}"
    );
    assert!(page.contains("&lt;b&gt;Ana&lt;&#x2f;b&gt;"), "{page}");
    assert!(
        page.contains("href=\"./javascript:alert(1)%20%23%3F%25.html\""),
        "{page}"
    );
}

#[test]
fn an_empty_archive_says_so() {
    let page = html(&[], None);
    assert!(page.contains("<p class=\"empty\">No letters yet.</p>"));
    assert!(!page.contains("<section"));
}

#[test]
fn links_are_relative_to_the_index_folder() {
    let index = Path::new("/out/index.html");
    assert_eq!(
        link(index, Path::new("/out/2026/a b.html")).as_deref(),
        Some("2026/a b.html")
    );
    assert_eq!(link(index, Path::new("/elsewhere/a.html")), None);
    assert_eq!(link(index, Path::new("/out/../x.html")), None);
    assert_eq!(
        link(Path::new("index.html"), Path::new("a.html")).as_deref(),
        Some("a.html")
    );
    assert_eq!(
        link(Path::new("./index.html"), Path::new("./a.html")).as_deref(),
        Some("a.html")
    );
}

#[test]
fn written_only_when_the_bytes_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site/index.html");
    let entries = [entry("One", (2026, 3, 2), "en", "one.html")];
    assert!(write_index(&path, &entries, None).unwrap());
    let written = std::fs::metadata(&path).unwrap().modified().unwrap();
    assert!(!write_index(&path, &entries, None).unwrap());
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        written
    );
    let more = [
        entries[0].clone(),
        entry("Two", (2026, 3, 3), "en", "two.html"),
    ];
    assert!(write_index(&path, &more, None).unwrap());
    assert!(std::fs::read_to_string(&path).unwrap().contains(">Two</a>"));
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn a_houses_own_template_and_its_errors_at_file_and_line() {
    let (dir, house) = house_with("[web]\nindex_template = \"own.html\"\n");
    std::fs::write(
        dir.path().join("own.html"),
        "{{ labels.letters }}: {{ index.count }}",
    )
    .unwrap();
    assert_eq!(
        html(&[entry("A", (2026, 1, 1), "en", "a.html")], Some(&house)),
        "Letters: 1"
    );
    std::fs::write(dir.path().join("own.html"), "<p>\n{% for x in %}\n").unwrap();
    let err = page(&[], Some(&house)).unwrap_err();
    let message = &err[0].message;
    assert!(
        message.contains("own.html:2: the index page template failed: syntax error"),
        "{message}"
    );
    let (_dir, house) = house_with("[web]\nindex_template = \"../outside.html\"\n");
    let err = page(&[], Some(&house)).unwrap_err();
    assert!(
        err[0].message.contains(
            "the index page template `../outside.html` is not a file inside the house folder"
        ),
        "{}",
        err[0].message
    );
}
