//! Output into pipes and closed streams: a reader that goes away (`missive fonts | head
//! -1`) or a stream closed before the command starts (`missive check … 2>&-`) is no
//! error. The command does its work and exits with its own status, never a panic.

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use common::*;

/// `missive ARGS` in `cwd` with standard output and error piped.
fn spawn(cwd: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_missive"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the missive binary runs")
}

/// Asserts that a command neither panicked nor died of a signal.
fn assert_no_panic(output: &Output, expected: i32) {
    let err = stderr(output);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(output.status.code(), Some(expected), "{err}");
}

/// A folder with a letter that renders and one that fails.
fn letters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let good = "+++\ndate = 2026-03-02\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\nText.\n";
    std::fs::write(dir.path().join("good.md"), good).unwrap();
    std::fs::write(dir.path().join("bad.md"), "+++\ndate = 3\n+++\nText.\n").unwrap();
    dir
}

#[test]
fn fonts_into_a_pipe_closed_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn(dir.path(), &["fonts"]);
    // The reader goes away before missive has loaded its fonts and printed a line.
    drop(child.stdout.take());
    assert_no_panic(&child.wait_with_output().unwrap(), 0);
}

#[test]
fn fonts_into_head_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn(dir.path(), &["fonts"]);
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("Libertinus Serif\t"), "{first}");
    assert_no_panic(&child.wait_with_output().unwrap(), 0);
}

#[test]
fn check_with_standard_error_closed() {
    let dir = letters();
    for (letter, status) in [("good.md", 0), ("bad.md", 1)] {
        let output = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" check \"$1\" 2>&-")
            .arg(env!("CARGO_BIN_EXE_missive"))
            .arg(letter)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_no_panic(&output, status);
    }
}

#[test]
fn diagnostics_into_a_pipe_closed_at_once() {
    let dir = letters();
    let mut child = spawn(dir.path(), &["render", "bad.md", "good.md"]);
    drop(child.stderr.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    // The good letter was rendered all the same.
    assert!(dir.path().join("good.pdf").is_file());
}

#[test]
fn import_into_a_pipe_closed_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo().join("tests/import/web_one_signatory.txt")).unwrap();
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    std::fs::write(dir.path().join("b.txt"), &text).unwrap();
    let mut child = spawn(dir.path(), &["import", "a.txt", "b.txt"]);
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_no_panic(&output, 0);
    // Its work is done though nobody reads its report.
    for letter in ["a.md", "b.md"] {
        assert!(dir.path().join(letter).is_file(), "{letter} not written");
    }
}
