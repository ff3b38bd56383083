//! Where the parts of a letter stand on its pages (issue 18), from the glyph positions
//! of the produced PDF: the side column, the signatures, the order of the last parts.

mod common;

use std::path::{Path, PathBuf};

use common::positions::{self, Line};
use common::*;

const SPYWARE: &str = "2026-03-02-spyware-exports.md";

/// The spyware example rendered in `dir`, with `keys` at the top of its front matter and
/// `tables` at its end.
fn spyware_with(dir: &Path, keys: &str, tables: &str) -> PathBuf {
    copy_tree(&repo().join("examples/house"), dir);
    let source = std::fs::read_to_string(dir.join(SPYWARE)).unwrap();
    let source = source.replacen("+++\n", &format!("+++\n{keys}"), 1);
    std::fs::write(
        dir.join(SPYWARE),
        source.replacen("\n+++\n", &format!("\n{tables}+++\n"), 1),
    )
    .unwrap();
    let out = missive(dir, &["render", SPYWARE]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir.join(SPYWARE).with_extension("pdf")
}

/// Left and right edges of the body-size text of `page` (11 pt lines).
fn text_edges(lines: &[Line], page: u32) -> (f64, f64) {
    let body: Vec<&Line> = lines
        .iter()
        .filter(|l| l.page == page && (l.size - 11.0).abs() < 0.05)
        .collect();
    assert!(body.len() > 10, "page {page}: {} body lines", body.len());
    let left = body.iter().map(|l| l.x0()).fold(f64::INFINITY, f64::min);
    let right = body.iter().map(|l| l.x1()).fold(0.0, f64::max);
    (left, right)
}

#[test]
fn a_side_column_narrows_only_the_top_of_the_first_page() {
    let plain = tempfile::tempdir().unwrap();
    let side = tempfile::tempdir().unwrap();
    let plain = positions::lines(&spyware_with(plain.path(), "", ""));
    let column = "[letterhead]\nsidebar = [\"Board of Directors\", \"Amara Nwosu, Chair\", \"Lena Fischer, Treasurer\"]\n";
    let side = positions::lines(&spyware_with(side.path(), "", column));
    for page in [1, 2] {
        let (a, b) = (text_edges(&plain, page), text_edges(&side, page));
        assert!(
            (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() < 0.5,
            "page {page}: the text spans {b:?} with a side column, {a:?} without"
        );
    }
    // The column stands beside the addressees, lined up with the date, on page 1 only.
    let board = positions::line_with(&side, 1, "Board of Directors");
    let addressee = positions::line_with(&side, 1, "Executive Vice-President");
    let date = positions::line_with(&side, 1, "New York, March 2, 2026");
    assert!(
        board.x1() < addressee.x0(),
        "the column runs into the addressees"
    );
    assert!(
        (board.baseline - date.baseline).abs() < 3.0,
        "column at {}, date at {}",
        board.baseline,
        date.baseline
    );
    assert!(
        side.iter()
            .filter(|l| l.page > 1)
            .all(|l| !l.text().contains("Board of Directors"))
    );
}

/// A wide and a tall signature, as SVG files in `dir`.
fn signature_images(dir: &Path) {
    let svg = |w, h, d| {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><path d="{d}" stroke="#123" stroke-width="4" fill="none"/></svg>"##
        )
    };
    std::fs::write(
        dir.join("wide.svg"),
        svg(400, 100, "M10 80 C 60 10, 120 10, 150 60 S 250 90, 390 20"),
    )
    .unwrap();
    std::fs::write(
        dir.join("tall.svg"),
        svg(100, 200, "M10 190 C 60 10, 80 10, 90 100"),
    )
    .unwrap();
}

/// Signatories for the front matter: (name, title, signature image).
fn signatories(people: &[(&str, &str, Option<&str>)]) -> String {
    people
        .iter()
        .map(|(name, title, image)| {
            let image = image.map_or(String::new(), |i| {
                format!("signature = \"{i}\"\nsignature_alt = \"Signature of {name}\"\n")
            });
            format!("[[signatories]]\nname = \"{name}\"\ntitle = \"{title}\"\n{image}\n")
        })
        .collect()
}

/// The spyware example with `people` as its signatories, rendered in `dir`: its lines.
fn signed_by(dir: &Path, people: &[(&str, &str, Option<&str>)]) -> Vec<Line> {
    copy_tree(&repo().join("examples/house"), dir);
    signature_images(dir);
    let source = std::fs::read_to_string(dir.join(SPYWARE)).unwrap();
    let start = source.find("[[signatories]]").unwrap();
    let end = source[1..].find("\n+++\n").unwrap() + 1;
    let source = format!(
        "{}{}{}",
        &source[..start],
        signatories(people),
        &source[end + 1..]
    );
    std::fs::write(dir.join(SPYWARE), source).unwrap();
    let out = missive(dir, &["render", SPYWARE]);
    assert!(out.status.success(), "{}", stderr(&out));
    positions::lines(&dir.join(SPYWARE).with_extension("pdf"))
}

/// The baseline of word `text` on the page where the closing is, and that of the closing.
fn baseline_of(lines: &[Line], text: &str) -> (f64, f64) {
    let closing = lines
        .iter()
        .find(|l| l.text() == "Sincerely,")
        .expect("the closing");
    let line = lines
        .iter()
        .find(|l| l.page == closing.page && l.words.iter().any(|w| w.text == text))
        .unwrap_or_else(|| panic!("no `{text}` beside the closing"));
    (
        line.words.iter().find(|w| w.text == text).unwrap().baseline,
        closing.baseline,
    )
}

#[test]
fn the_names_of_a_row_share_baselines_whatever_the_signatures() {
    let people = |a, b| {
        [
            ("Teodora Vasić", "Chair", a),
            ("Samuel Okonjo-Hart", "Treasurer", None),
            ("Ana Tall", "Counsel", b),
        ]
    };
    let signed = tempfile::tempdir().unwrap();
    let signed = signed_by(signed.path(), &people(Some("wide.svg"), Some("tall.svg")));
    let unsigned = tempfile::tempdir().unwrap();
    let unsigned = signed_by(unsigned.path(), &people(None, None));
    for lines in [&signed, &unsigned] {
        for row in [
            ["Teodora", "Samuel", "Ana"],
            ["Chair", "Treasurer", "Counsel"],
        ] {
            let y: Vec<f64> = row.iter().map(|w| baseline_of(lines, w).0).collect();
            assert!(
                y.iter().all(|b| (b - y[0]).abs() < 0.1),
                "{row:?} stand at {y:?}"
            );
        }
    }
    // The same room to sign under the closing, with an image or without.
    let (name, closing) = baseline_of(&signed, "Teodora");
    let (bare, bare_closing) = baseline_of(&unsigned, "Teodora");
    assert!(
        ((closing - name) - (bare_closing - bare)).abs() < 0.1,
        "{} below the closing signed, {} unsigned",
        closing - name,
        bare_closing - bare
    );
    assert!(closing - name > 40.0, "{} pt to sign in", closing - name);
}

#[test]
fn four_signatories_are_two_rows_of_two() {
    let dir = tempfile::tempdir().unwrap();
    let names = ["Anna", "Bruno", "Chloé", "Dara"];
    let people: Vec<_> = names.iter().map(|n| (*n, "Officer", None)).collect();
    let lines = signed_by(dir.path(), &people);
    let y: Vec<f64> = names.iter().map(|n| baseline_of(&lines, n).0).collect();
    assert!(
        (y[0] - y[1]).abs() < 0.1 && (y[2] - y[3]).abs() < 0.1 && y[1] - y[2] > 20.0,
        "{y:?}"
    );
}

#[test]
fn the_postscript_comes_after_the_enclosures_and_copies() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = spyware_with(
        dir.path(),
        "enclosures = [\"Briefing paper\"]\npostscript = \"We enclose our briefing paper.\"\n",
        "",
    );
    let lines = positions::lines(&pdf);
    let order: Vec<usize> = [
        "Enclosures: Briefing paper",
        "cc: Members",
        "P.S. We enclose",
    ]
    .iter()
    .map(|t| {
        lines
            .iter()
            .position(|l| l.text().contains(t))
            .unwrap_or_else(|| panic!("no `{t}`"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn a_line_without_letters_reads_left_to_right_in_an_arabic_letter() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    let name = "languages/ar.md";
    let source = std::fs::read_to_string(dir.path().join(name)).unwrap();
    let head = "\n[letterhead]\ncontacts = [\"+41 22 555 01 01\"]\nsidebar = [\"+41 22 555 01 02\"]\n+++\n";
    std::fs::write(dir.path().join(name), source.replacen("\n+++\n", head, 1)).unwrap();
    let out = missive(dir.path(), &["render", name]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = positions::lines(&dir.path().join(name).with_extension("pdf"));
    for number in ["+41 22 555 01 01", "+41 22 555 01 02"] {
        let line = positions::line_with(&lines, 1, &number[11..]);
        assert_eq!(line.text(), number, "read left to right");
    }
}

#[test]
fn a_long_addressee_name_keeps_clear_of_the_page_number() {
    let dir = tempfile::tempdir().unwrap();
    let name = "The Honourable Special Rapporteur on the Situation of Human Rights Defenders and Journalists in the Countries of the Region and Beyond";
    let body: String = (1..=40)
        .map(|n| format!("Paragraph {n} of a letter long enough to need a second page.\n\n"))
        .collect();
    let text = format!(
        "+++\ndate = 2026-03-02\nsubject = \"A visit\"\n\n[[to]]\nname = \"{name}\"\n\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n\n{body}"
    );
    write_letter(dir.path(), "a.md", &text);
    let out = missive(dir.path(), &["render", "a.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = positions::lines(&dir.path().join("a.pdf"));
    let header = positions::line_with(&lines, 2, "Page 2 of 2");
    let number = header.words.iter().find(|w| w.text == "Page").unwrap();
    // The header's lines: its own and those above it (the name wraps onto two).
    let name_end = lines
        .iter()
        .filter(|l| l.page == 2 && l.baseline >= header.baseline - 0.5)
        .flat_map(|l| l.words.iter().filter(|w| w.x0 < number.x0))
        .map(|w| w.x1)
        .fold(0.0, f64::max);
    let gap = number.x0 - name_end;
    assert!(
        gap > 8.5,
        "{gap} pt between the addressee and the page number"
    );
}
