//! Where the parts of a letter stand on its pages (issue 18), from the glyph positions
//! of the produced PDF: the side column, the signatures, the order of the last parts.

mod common;

use std::path::{Path, PathBuf};

use common::positions::{self, Line};
use common::*;

const SPYWARE: &str = "2026-03-02-spyware-exports.md";

/// The spyware example rendered in `dir`, with `extra` added to its front matter.
fn spyware_with(dir: &Path, extra: &str) -> PathBuf {
    copy_tree(&repo().join("examples/house"), dir);
    let source = std::fs::read_to_string(dir.join(SPYWARE)).unwrap();
    std::fs::write(dir.join(SPYWARE), source.replacen("\n+++\n", &format!("\n{extra}+++\n"), 1)).unwrap();
    let out = missive(dir, &["render", SPYWARE]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir.join(SPYWARE).with_extension("pdf")
}

/// Left and right edges of the body-size text of `page` (11 pt lines).
fn text_edges(lines: &[Line], page: u32) -> (f64, f64) {
    let body: Vec<&Line> = lines.iter().filter(|l| l.page == page && (l.size - 11.0).abs() < 0.05).collect();
    assert!(body.len() > 10, "page {page}: {} body lines", body.len());
    let left = body.iter().map(|l| l.x0()).fold(f64::INFINITY, f64::min);
    let right = body.iter().map(|l| l.x1()).fold(0.0, f64::max);
    (left, right)
}

#[test]
fn a_side_column_narrows_only_the_top_of_the_first_page() {
    let plain = tempfile::tempdir().unwrap();
    let side = tempfile::tempdir().unwrap();
    let plain = positions::lines(&spyware_with(plain.path(), ""));
    let column = "[letterhead]\nsidebar = [\"Board of Directors\", \"Amara Nwosu, Chair\", \"Lena Fischer, Treasurer\"]\n";
    let side = positions::lines(&spyware_with(side.path(), column));
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
    assert!(board.x1() < addressee.x0(), "the column runs into the addressees");
    assert!((board.baseline - date.baseline).abs() < 3.0, "column at {}, date at {}", board.baseline, date.baseline);
    assert!(side.iter().filter(|l| l.page > 1).all(|l| !l.text().contains("Board of Directors")));
}
