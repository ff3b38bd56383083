//! Posted letters (`window`): for each window envelope, the first addressee's block (read
//! from the PDF's text positions) lies inside the window, nothing else enters it, and
//! the fold and punch marks stand where the standard puts them, within 0.5 mm.

mod common;

use std::path::Path;

use common::positions::{Matrix, apply, times};
use common::{BoxedWord as Word, boxed_words, missive, stderr, tool_available, write_letter};

const MM: f64 = 72.0 / 25.4;

/// The horizontal lines that start at the left edge of the first page (the marks): their
/// distance from the top and their length, in millimetres.
fn edge_marks(pdf: &Path) -> Vec<(f64, f64)> {
    let doc = lopdf::Document::load(pdf).unwrap();
    let page = *doc.get_pages().get(&1).unwrap();
    let media = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap();
    let page_height = f64::from(media[3].as_float().unwrap());
    let content = lopdf::content::Content::decode(&doc.get_page_content(page).unwrap()).unwrap();
    let mut stack: Vec<Matrix> = vec![[1.0, 0.0, 0.0, 1.0, 0.0, 0.0]];
    let mut start = (0.0, 0.0);
    let mut marks = Vec::new();
    let number = |o: &lopdf::Object| o.as_float().map(f64::from).unwrap();
    for op in content.operations {
        let ctm = *stack.last().unwrap();
        let point = |op: &lopdf::content::Operation| {
            apply(&ctm, number(&op.operands[0]), number(&op.operands[1]))
        };
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => {
                stack.pop();
            }
            "cm" => {
                let m: Vec<f64> = op.operands.iter().map(number).collect();
                let m: Matrix = [m[0], m[1], m[2], m[3], m[4], m[5]];
                *stack.last_mut().unwrap() = times(&m, &ctm);
            }
            "m" => start = point(&op),
            "l" => {
                let end = point(&op);
                if start.0.abs() < 0.01 && (start.1 - end.1).abs() < 0.01 && end.0 > start.0 {
                    marks.push(((page_height - start.1) / MM, (end.0 - start.0) / MM));
                }
            }
            _ => {}
        }
    }
    marks
}

/// A posted letter's words and marks: `window` and `paper` in the front matter.
fn posted(window: &str, paper: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("missive.toml"),
        format!(
            "paper = \"{paper}\"\nreturn_address = \"Civic Rights Watchers, 350 Fifth Avenue, New York\"\n\
             [letterhead]\norganization = \"Civic Rights Watchers\"\n\
             address = [\"350 Fifth Avenue, 34th Floor\", \"New York, NY 10118, USA\"]\n\
             contacts = [\"Tel +1 212 555 0140\", \"www.civicrights.example\"]\n"
        ),
    )
    .unwrap();
    let paragraph =
        "We write to ask that the Ministry stop the export of surveillance tools. ".repeat(10);
    let letter = format!(
        "+++\ndate = 2026-03-02\nplace = \"New York\"\nreference = \"CRW/2026/014\"\n\
         window = {window}\ndelivery = \"By registered mail\"\nsubject = \"Spyware exports\"\n\
         salutation = \"Dear Minister,\"\n\
         [[to]]\nname = \"Minister Maren Lindqvist\"\naddress = [\"Ministry of Trade\", \"Rue de la Loi 170\", \"1049 Brussels\", \"Belgium\"]\n\
         [[to]]\nname = \"Second Addressee\"\naddress = [\"Another Office\"]\n\
         [[signatories]]\nname = \"Ana Ruiz\"\n+++\n{}\n",
        vec![paragraph; 8].join("\n\n")
    );
    write_letter(dir.path(), "letter.md", &letter);
    let out = missive(dir.path(), &["render", "letter.md"]);
    assert!(out.status.success(), "{window}: {}", stderr(&out));
    let pdf = dir.path().join("letter.pdf");
    (dir, pdf)
}

/// Checks one window: (left, top, width, height) in mm, folds and punch mark in mm.
fn check_window(
    window: &str,
    paper: &str,
    rect: (f64, f64, f64, f64),
    folds: &[f64],
    punch: Option<f64>,
) {
    let (_dir, pdf) = posted(window, paper);
    let (left, top, width, height) = (rect.0 * MM, rect.1 * MM, rect.2 * MM, rect.3 * MM);
    let inside = |w: &Word| {
        w.x_min >= left && w.x_max <= left + width && w.y_min >= top && w.y_max <= top + height
    };
    let touches = |w: &Word| {
        w.x_max > left && w.x_min < left + width && w.y_max > top && w.y_min < top + height
    };
    let words = boxed_words(&pdf, true);
    let expected: Vec<&str> = "Civic Rights Watchers, 350 Fifth Avenue, New York By registered mail \
                               Minister Maren Lindqvist Ministry of Trade Rue de la Loi 170 1049 Brussels Belgium"
        .split(' ')
        .collect();
    let in_window: Vec<&Word> = words.iter().filter(|w| touches(w)).collect();
    let shown: Vec<&str> = in_window.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(shown, expected, "{window}: the words in the window");
    for word in &in_window {
        assert!(
            inside(word),
            "{window}: {word:?} crosses the window's edge {rect:?}"
        );
    }
    // The other addressee, the date and the subject are on the page, outside the window.
    for text in ["Second", "2026", "Spyware", "Civic"] {
        assert!(
            words.iter().any(|w| w.text.contains(text) && !touches(w)),
            "{window}: {text} is not outside the window"
        );
    }
    let marks = edge_marks(&pdf);
    let mut want: Vec<f64> = folds.to_vec();
    want.extend(punch);
    assert_eq!(marks.len(), want.len(), "{window}: marks {marks:?}");
    for (mark, at) in marks.iter().zip(&want) {
        assert!(
            (mark.0 - at).abs() <= 0.5,
            "{window}: a mark at {:.2} mm, not {at} mm",
            mark.0
        );
    }
    if let Some(punch) = punch {
        let longest = marks.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
        assert!(
            (longest.0 - punch).abs() <= 0.5,
            "{window}: the punch mark is the longest"
        );
    }
}

#[test]
fn din_5008_form_b() {
    if tool_available("pdftotext", &["-v"]) {
        check_window(
            "\"din-b\"",
            "a4",
            (20.0, 45.0, 85.0, 45.0),
            &[105.0, 210.0],
            Some(148.5),
        );
    }
}

#[test]
fn din_5008_form_a() {
    if tool_available("pdftotext", &["-v"]) {
        check_window(
            "\"din-a\"",
            "a4",
            (20.0, 27.0, 85.0, 45.0),
            &[87.0, 192.0],
            Some(148.5),
        );
    }
}

#[test]
fn us_number_10() {
    if tool_available("pdftotext", &["-v"]) {
        let inch = 25.4;
        check_window(
            "\"us-10\"",
            "us-letter",
            (0.875 * inch, 2.042 * inch, 3.5 * inch, 1.125 * inch),
            &[11.0 * inch / 3.0, 22.0 * inch / 3.0],
            None,
        );
    }
}

#[test]
fn a_window_of_ones_own() {
    if tool_available("pdftotext", &["-v"]) {
        let window = "{ left = \"25mm\", top = \"50mm\", width = \"90mm\", height = \"40mm\", folds = [\"100mm\"] }";
        check_window(
            window,
            "a4",
            (25.0, 50.0, 90.0, 40.0),
            &[100.0],
            Some(148.5),
        );
    }
}

#[test]
fn a_window_for_the_other_paper_is_an_error_at_its_value() {
    let dir = tempfile::tempdir().unwrap();
    write_letter(
        dir.path(),
        "letter.md",
        "+++\ndate = 2026-03-02\nwindow = \"us-10\"\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\nText.\n",
    );
    let out = missive(dir.path(), &["render", "letter.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "error[M0411]: window `us-10` is for US Letter paper, and this letter is on A4"
        ),
        "{err}"
    );
    assert!(err.contains("letter.md:3:10"), "{err}");
    assert!(err.contains("set `paper = \"us-letter\"`"), "{err}");
    assert!(!dir.path().join("letter.pdf").exists());
}
