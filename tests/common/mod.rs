//! Helpers shared by the integration tests: running the binary, scratch folders,
//! reading PDFs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod archive;
pub mod positions;
pub mod recognition;

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `missive` with `args` in `cwd`.
pub fn missive(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_missive"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("the missive binary runs")
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Copies a folder tree (files only) into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else if entry.path().extension().is_none_or(|e| e != "pdf") {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The text of a PDF, with runs of white space folded to one space.
pub fn pdf_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("the PDF's text can be extracted");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that `parts` occur in `text` in this order.
pub fn assert_in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        match text[from..].find(part) {
            Some(i) => from += i + part.len(),
            None => panic!("`{part}` missing (or out of order) after byte {from} in:\n{text}"),
        }
    }
}

/// Number of pages of a PDF.
pub fn page_count(path: &Path) -> usize {
    lopdf::Document::load(path)
        .expect("a valid PDF")
        .get_pages()
        .len()
}

/// The links of a PDF that lead into it, page by page: (page of the link, page it leads to,
/// its alternative text).
pub fn internal_links(path: &Path) -> Vec<(u32, u32, String)> {
    let doc = lopdf::Document::load(path).expect("a valid PDF");
    let pages = doc.get_pages();
    let page_number = |id| pages.iter().find(|(_, p)| **p == id).map(|(n, _)| *n);
    let mut links = Vec::new();
    for (&number, &page) in &pages {
        let Ok(annots) = doc.get_dictionary(page).and_then(|p| p.get(b"Annots")) else {
            continue;
        };
        let annots = doc.dereference(annots).unwrap().1.as_array().unwrap();
        for annot in annots {
            let annot = doc.dereference(annot).unwrap().1.as_dict().unwrap();
            let Ok(dest) = annot.get(b"Dest") else {
                continue;
            };
            let dest = doc.dereference(dest).unwrap().1.as_array().unwrap();
            let target = page_number(dest[0].as_reference().unwrap()).expect("a page");
            let alt = annot.get(b"Contents").and_then(|c| c.as_str()).unwrap();
            links.push((number, target, String::from_utf8_lossy(alt).into_owned()));
        }
    }
    links
}

/// Writes a letter file into `dir` and returns its path.
pub fn write_letter(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Whether an outside tool (`pdftotext`, `typst`, …) can be run here: `true` when
/// `TOOL ARGS…` starts. Without it, a test skips its check with a note, except under CI
/// (`CI` set), where `.ci/run` installs every tool the tests use and a missing one is a
/// failure, never a silent pass.
pub fn tool_available(tool: &str, args: &[&str]) -> bool {
    if Command::new(tool).args(args).output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "`{tool}` is not installed, and CI is set: .ci/run must install it"
    );
    eprintln!("note: `{tool}` is not installed; skipping the checks that need it");
    false
}

/// The real scraped letter `shared/seed/000_8d5c41fdd48b4511.txt` in a folder above the
/// repository (or the file `MISSIVE_SEED` names), when it is at hand; it is not part of
/// the repository.
pub fn seed_letter() -> Option<PathBuf> {
    let seed = match std::env::var_os("MISSIVE_SEED") {
        Some(seed) => PathBuf::from(seed),
        None => {
            let name = Path::new("shared/seed/000_8d5c41fdd48b4511.txt");
            let root = repo();
            let found = root.ancestors().map(|a| a.join(name)).find(|p| p.is_file());
            found.unwrap_or_else(|| root.join("..").join(name))
        }
    };
    if seed.is_file() {
        return Some(seed);
    }
    eprintln!(
        "note: {} is absent; skipping the seed letter",
        seed.display()
    );
    None
}

/// The PDF's document title (its Info dictionary).
pub fn pdf_title(path: &Path) -> String {
    let doc = lopdf::Document::load(path).expect("a PDF");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| doc.dereference(i))
        .unwrap()
        .1;
    lopdf::decode_text_string(info.as_dict().unwrap().get(b"Title").unwrap()).unwrap()
}

/// A word of a PDF and its box as `pdftotext -bbox` gives it: points from the top left
/// corner of its page, from the font's ascent to its descent.
#[derive(Debug)]
pub struct BoxedWord {
    /// Its text.
    pub text: String,
    /// Left edge.
    pub x_min: f64,
    /// Top edge.
    pub y_min: f64,
    /// Right edge.
    pub x_max: f64,
    /// Bottom edge.
    pub y_max: f64,
}

/// The words of the PDF at `path` with their boxes (`pdftotext -bbox`, so check
/// `tool_available("pdftotext", …)` first), of every page or only the first.
pub fn boxed_words(path: &Path, first_page_only: bool) -> Vec<BoxedWord> {
    let mut command = Command::new("pdftotext");
    command.arg("-bbox");
    if first_page_only {
        command.args(["-f", "1", "-l", "1"]);
    }
    let out = command.arg(path).arg("-").output().unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    let number = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[start..].split('"').next().unwrap().parse().unwrap()
    };
    html.lines()
        .filter(|line| line.trim_start().starts_with("<word "))
        .map(|line| BoxedWord {
            text: line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()]
                .replace("&amp;", "&"),
            x_min: number(line, "xMin"),
            y_min: number(line, "yMin"),
            x_max: number(line, "xMax"),
            y_max: number(line, "yMax"),
        })
        .collect()
}

/// The font descriptors of the PDF at `path`: one for each font it embeds (or names).
pub fn font_descriptors(path: &Path) -> Vec<lopdf::Dictionary> {
    let doc = lopdf::Document::load(path).expect("a valid PDF");
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Type")
                .and_then(|t| t.as_name())
                .is_ok_and(|n| n == b"FontDescriptor")
        })
        .cloned()
        .collect()
}
