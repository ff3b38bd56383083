//! The catalogue of bad and awkward input (`tests/bad/`, expectations in
//! `tests/bad/expectations.toml`): every case through `missive check` and `missive
//! render`, each in its own copy of the folder, two at a time. Both commands must agree,
//! never panic, name the file, line and column of each problem with a hint, and leave
//! nothing behind when they fail.
//! (Files `missive import` must refuse have their own catalogue: `tests/import/hostile/`,
//! run by `tests/import_bad.rs`.)

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::*;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    /// Links to create in each copy (path in the copy → target).
    symlinks: BTreeMap<String, String>,
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    file: String,
    status: i32,
    error: Option<String>,
    warning: Option<String>,
    code: Option<String>,
    at: Option<String>,
    help: Option<String>,
    #[serde(default)]
    pdf: Vec<String>,
    #[serde(default)]
    pdf_ignoring_spaces: Vec<String>,
    #[serde(default)]
    not_in_pdf: Vec<String>,
    #[serde(default)]
    fill: BTreeMap<String, Fill>,
    /// Each command must end within this many seconds (a runaway letter's budget).
    seconds: Option<f64>,
    /// The letter's time budget for this case's commands (`--timeout`), for a letter that is
    /// meant to succeed but is large enough to pass the default minute in a debug build on a
    /// loaded machine.
    timeout: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fill {
    text: String,
    times: usize,
}

fn catalogue_dir() -> PathBuf {
    repo().join("tests/bad")
}

/// Every file under `dir`, as paths relative to it (links included, not followed).
fn listing(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            } else {
                out.insert(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out
}

/// A fresh copy of the catalogue for one case, with its links and its file filled in.
fn prepare(catalogue: &Catalogue, case: &Case) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&catalogue_dir(), dir.path());
    std::fs::remove_file(dir.path().join("expectations.toml")).unwrap();
    for (link, target) in &catalogue.symlinks {
        std::os::unix::fs::symlink(target, dir.path().join(link)).unwrap();
    }
    if !case.fill.is_empty() {
        let path = dir.path().join(&case.file);
        let mut text = std::fs::read_to_string(&path).unwrap();
        for (marker, fill) in &case.fill {
            let expanded: String = (1..=fill.times)
                .map(|n| fill.text.replace("{n}", &n.to_string()))
                .collect();
            assert!(text.contains(marker.as_str()), "{}: no {marker}", case.file);
            text = text.replace(marker.as_str(), &expanded);
        }
        std::fs::write(&path, text).unwrap();
    }
    dir
}

/// The reports in a command's stderr: each starts at an `error:` or `warning:` line.
fn reports(stderr: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in stderr.lines() {
        let starts = line.starts_with("error") || line.starts_with("warning");
        let ends = ["ok: ", "failed: ", "rendered "]
            .iter()
            .any(|p| line.starts_with(p));
        if starts {
            out.push(String::new());
        }
        if ends {
            continue;
        }
        if let Some(report) = out.last_mut() {
            report.push_str(line);
            report.push('\n');
        }
    }
    out
}

/// Checks one command's outcome against the case; returns what is wrong.
fn judge(case: &Case, command: &str, (output, took): &(Output, Duration)) -> Vec<String> {
    let mut wrong = Vec::new();
    if let Some(seconds) = case.seconds
        && took.as_secs_f64() > seconds
    {
        wrong.push(format!(
            "`{command}` took {:.1} s, more than {seconds} s",
            took.as_secs_f64()
        ));
    }
    let err = stderr(output);
    let status = output.status.code();
    if status != Some(case.status) {
        wrong.push(format!(
            "`{command}` exited with {status:?}, expected {}",
            case.status
        ));
    }
    if err.contains("panicked") || err.contains("overflowed its stack") {
        wrong.push(format!("`{command}` panicked"));
    }
    let wanted = match (&case.error, &case.warning) {
        (Some(message), _) => Some(("error", message)),
        (None, Some(message)) => Some(("warning", message)),
        (None, None) => None,
    };
    if let Some((severity, message)) = wanted {
        let code = case.code.as_deref().unwrap_or("(no `code` in the case)");
        let kind = format!("{severity}[{code}]: ");
        let found = reports(&err).into_iter().any(|report| {
            let first = report.lines().next().unwrap_or("");
            first.starts_with(&kind)
                && first.contains(message.as_str())
                && case
                    .at
                    .as_ref()
                    .is_none_or(|at| report.lines().any(|l| l.trim() == format!("┌─ {at}")))
                && case.help.as_ref().is_none_or(|help| {
                    report
                        .lines()
                        .any(|l| l.trim().starts_with("= help: ") && l.contains(help.as_str()))
                })
        });
        if !found {
            wrong.push(format!(
                "`{command}` did not report {kind}{message} at {:?} with help {:?}",
                case.at, case.help
            ));
        }
    } else if case.status == 0 && reports(&err).iter().any(|r| r.starts_with("warning")) {
        wrong.push(format!("`{command}` gave an unexpected warning"));
    }
    if !wrong.is_empty() {
        wrong.push(format!("stderr of `{command}`:\n{err}"));
    }
    wrong
}

/// The codes `docs/diagnostics.md` explains (its `### M0203: title` headings).
fn documented_codes() -> BTreeSet<String> {
    let page = std::fs::read_to_string(repo().join("docs/diagnostics.md")).unwrap();
    page.lines()
        .filter_map(|line| line.strip_prefix("### "))
        .filter_map(|heading| heading.split_once(':'))
        .map(|(code, _)| code.to_string())
        .collect()
}

/// Checks `check --message-format json` against the human `check`: every line a JSON
/// object with a format version; its diagnostics in the same places, in the same order,
/// each with a documented code; the letter's status and the run's success as the exit
/// status says. Returns what is wrong.
fn judge_json(human: &std::process::Output, json: &std::process::Output) -> Vec<String> {
    let mut wrong = Vec::new();
    let text = String::from_utf8_lossy(&json.stdout);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|line| match serde_json::from_str(line) {
            Ok(value) => Some(value),
            Err(err) => {
                wrong.push(format!("a JSON line does not parse ({err}): {line}"));
                None
            }
        })
        .collect();
    let documented = documented_codes();
    let mut places = Vec::new();
    for line in &lines {
        if line["format_version"] != 1 {
            wrong.push(format!("a line without format_version 1: {line}"));
        }
        if line["reason"] != "diagnostic" {
            continue;
        }
        let code = line["code"].as_str().unwrap_or("");
        if !documented.contains(code) {
            wrong.push(format!(
                "code {code:?} is not explained in docs/diagnostics.md: {line}"
            ));
        }
        if !line["hints"].is_array() || !line["rendered"].is_string() {
            wrong.push(format!("a diagnostic without hints or rendered: {line}"));
        }
        if let Some(file) = line["file"].as_str() {
            places.push(match (line["line"].as_u64(), line["column"].as_u64()) {
                (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
                _ => file.to_string(),
            });
        }
    }
    let human_places: Vec<String> = stderr(human)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("┌─ "))
        .map(str::to_string)
        .collect();
    if places != human_places {
        wrong.push(format!(
            "JSON places {places:?} differ from the human report's {human_places:?}"
        ));
    }
    let success = json.status.code() == Some(0);
    let finished: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["reason"] == "letter-finished")
        .collect();
    let status = if success { "checked" } else { "failed" };
    if finished.len() != 1 || finished[0]["status"] != status {
        wrong.push(format!(
            "expected one letter-finished line, {status}: {finished:?}"
        ));
    }
    match lines.last() {
        Some(last) if last["reason"] == "run-finished" && last["success"] == success => {}
        last => wrong.push(format!(
            "the last line is not run-finished, success {success}: {last:?}"
        )),
    }
    if json.status.code() != human.status.code() {
        wrong.push("`check --message-format json` exits otherwise than `check`".into());
    }
    if !wrong.is_empty() {
        wrong.push(format!("stdout of `check --message-format json`:\n{text}"));
    }
    wrong
}

/// Runs one case; returns what is wrong with it.
fn run(catalogue: &Catalogue, case: &Case) -> Vec<String> {
    let dir = prepare(catalogue, case);
    let before = listing(dir.path());
    let mut wrong = Vec::new();

    let budget: Vec<&str> = match &case.timeout {
        Some(timeout) => vec!["--timeout", timeout],
        None => Vec::new(),
    };
    let args = |command: &'static str, extra: &[&'static str]| {
        let mut args = vec![command];
        args.extend(&budget);
        args.extend(extra);
        args.push(case.file.as_str());
        args
    };
    let timed = |command: &'static str| {
        let started = Instant::now();
        let output = missive(dir.path(), &args(command, &[]));
        (output, started.elapsed())
    };
    let check = timed("check");
    wrong.extend(judge(case, "check", &check));
    if listing(dir.path()) != before {
        wrong.push("`check` wrote files".into());
    }
    let json = missive(dir.path(), &args("check", &["--message-format", "json"]));
    wrong.extend(judge_json(&check.0, &json));

    let render = timed("render");
    wrong.extend(judge(case, "render", &render));
    let pdf = PathBuf::from(&case.file).with_extension("pdf");
    let after = listing(dir.path());
    if case.status == 0 {
        let mut expected = before.clone();
        expected.insert(pdf.clone());
        if after != expected {
            let extra: Vec<_> = after.symmetric_difference(&expected).collect();
            wrong.push(format!(
                "`render` wrote other files than the PDF: {extra:?}"
            ));
        }
        if dir.path().join(&pdf).is_file() {
            let text = pdf_text(&dir.path().join(&pdf));
            let solid: String = text.split_whitespace().collect();
            for (text, parts) in [(&text, &case.pdf), (&solid, &case.pdf_ignoring_spaces)] {
                let mut from = 0;
                for part in parts {
                    match text[from..].find(part.as_str()) {
                        Some(i) => from += i + part.len(),
                        None => wrong.push(format!(
                            "the PDF lacks (or misplaces) {part:?}; its text begins: {:?}",
                            text.chars().take(400).collect::<String>()
                        )),
                    }
                }
            }
            for absent in &case.not_in_pdf {
                if text.contains(absent.as_str()) {
                    wrong.push(format!("the PDF contains {absent:?}"));
                }
            }
        }
    } else if after != before {
        let extra: Vec<_> = after.difference(&before).collect();
        wrong.push(format!("the failed `render` left files behind: {extra:?}"));
    }
    wrong
}

#[test]
fn every_catalogued_input_gets_its_outcome() {
    let text = std::fs::read_to_string(catalogue_dir().join("expectations.toml")).unwrap();
    let catalogue: Catalogue = toml::from_str(&text).unwrap();
    assert!(catalogue.case.len() >= 30, "at least 30 cases");

    // Every letter in the folder is a case, and every case's file exists.
    let listed: BTreeSet<PathBuf> = catalogue
        .case
        .iter()
        .map(|c| PathBuf::from(&c.file))
        .collect();
    let letters: BTreeSet<PathBuf> = listing(&catalogue_dir())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    assert_eq!(listed, letters, "cases and files in tests/bad differ");

    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                while let Some(case) = catalogue.case.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let wrong = run(&catalogue, case);
                    if !wrong.is_empty() {
                        let mut failures = failures.lock().unwrap();
                        failures.push(format!("{}:\n  {}", case.file, wrong.join("\n  ")));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        catalogue.case.len(),
        failures.join("\n\n")
    );
}
