//! Time and memory budgets (issue 19): a batch of good letters and runaway ones, whose
//! peak memory is measured from the process tree; Ctrl-C during a runaway letter; the
//! command line's budgets over the house's. The runaway letters of the bad-input
//! catalogue (`tests/bad/runaway*/`) are run through `check` and `render` there.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{missive, stderr};
use serde_json::Value;

/// A letter of one or two pages, different for each `n`.
fn good_letter(n: usize) -> String {
    let paragraphs: Vec<String> = (0..1 + n % 9)
        .map(|p| {
            format!(
                "Paragraph {p} of letter {n}: we write to urge the release of the detained \
                 journalists and to ask for access to counsel, as the courts have ordered.[^{p}]"
            )
        })
        .collect();
    let notes: Vec<String> = (0..1 + n % 9)
        .map(|p| format!("[^{p}]: Report {n}.{p}, <https://example.org/{n}/{p}>."))
        .collect();
    format!(
        "+++\ndate = 2026-03-02\nsubject = \"Letter {n}\"\n\n[[to]]\nname = \"Hon. Minister {n}\"\n\
         address = [\"Ministry of Justice\"]\n\n[[signatories]]\nname = \"Lena Ortiz\"\n\
         title = \"Director\"\n+++\n\n{}\n\n{}\n",
        paragraphs.join("\n\n"),
        notes.join("\n")
    )
}

/// The raw Typst fences of the catalogue's runaway letters.
fn runaway(fence: &str) -> String {
    format!(
        "+++\ndate = 2026-03-02\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n\
         We write about the case.\n\n```{{=typst}}\n{fence}\n```\n"
    )
}

const EMPTY_LOOP: &str = "#for i in range(200000000) {}";
const NESTED_LOOPS: &str =
    "#let n = 0\n#for i in range(100000) { for j in range(100000) { n += 1 } }";
const CONTENT_LOOP: &str = "#for i in range(3000000) [x ]";

/// Resident memory of a process in bytes (0 once it is gone).
fn rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0, |kib| kib * 1024)
}

/// The children of a process (of all its threads).
fn children(pid: u32) -> Vec<u32> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    tasks
        .flatten()
        .flat_map(|task| {
            let list = std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
            list.split_whitespace()
                .filter_map(|p| p.parse().ok())
                .collect::<Vec<u32>>()
        })
        .collect()
}

/// Waits for `child`, sampling the resident memory of it and its children every 10 ms;
/// returns its exit status and the highest total seen.
fn wait_measuring(mut child: Child) -> (std::process::ExitStatus, u64) {
    let mut peak = 0;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status, peak);
        }
        let pid = child.id();
        let total = rss(pid) + children(pid).into_iter().map(rss).sum::<u64>();
        peak = peak.max(total);
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn batch(dir: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_missive"))
        .arg("batch")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn report(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn statuses(report: &Value) -> BTreeMap<String, String> {
    (report["letters"].as_array().unwrap().iter())
        .map(|l| {
            let status = l["status"].as_str().unwrap().to_string();
            (l["source"].as_str().unwrap().to_string(), status)
        })
        .collect()
}

const MIB: u64 = 1 << 20;

#[test]
fn fifty_good_letters_render_and_three_runaways_fail_within_their_budgets() {
    let dir = tempfile::tempdir().unwrap();
    let arch = dir.path().join("arch");
    std::fs::create_dir_all(&arch).unwrap();
    std::fs::write(
        arch.join("missive.toml"),
        "[limits]\ntimeout = \"3s\"\nmemory = \"500M\"\n",
    )
    .unwrap();
    let mut good = Vec::new();
    for n in 0..50 {
        let name = format!("letter-{n:02}.md");
        std::fs::write(arch.join(&name), good_letter(n)).unwrap();
        good.push(name);
    }
    // Spread through the run: handed out early, in the middle and at the end.
    for (name, fence) in [
        ("letter-05x.md", EMPTY_LOOP),
        ("letter-25x.md", NESTED_LOOPS),
        ("letter-45x.md", CONTENT_LOOP),
    ] {
        std::fs::write(arch.join(name), runaway(fence)).unwrap();
    }

    // The normal footprint: the good letters alone.
    let only_good = tempfile::tempdir().unwrap();
    std::fs::copy(
        arch.join("missive.toml"),
        only_good.path().join("missive.toml"),
    )
    .unwrap();
    for name in &good {
        std::fs::copy(arch.join(name), only_good.path().join(name)).unwrap();
    }
    let only = only_good.path().to_str().unwrap();
    let started = Instant::now();
    let (status, footprint) = wait_measuring(batch(dir.path(), &[only, "--out", "good", "-j2"]));
    let good_seconds = started.elapsed().as_secs_f64();
    assert!(status.success());

    let started = Instant::now();
    let run = batch(
        dir.path(),
        &["arch", "--out", "out", "-j2", "--report", "r.json"],
    );
    let (status, peak) = wait_measuring(run);
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(status.code(), Some(1));

    let report = report(&dir.path().join("r.json"));
    let statuses = statuses(&report);
    assert_eq!(statuses.values().filter(|s| *s == "rendered").count(), 50);
    let failed: Vec<&String> = (statuses.iter())
        .filter(|(_, s)| *s == "failed")
        .map(|(l, _)| l)
        .collect();
    assert_eq!(failed, ["letter-05x.md", "letter-25x.md", "letter-45x.md"]);
    for letter in report["letters"].as_array().unwrap() {
        if letter["status"] == "failed" {
            let error = letter["error"].as_str().unwrap();
            assert!(
                error.contains("exceeded its memory budget of 500 MiB")
                    || error.contains("exceeded its time budget of 3 s"),
                "{error}"
            );
            assert!(letter["time_ms"].as_f64().unwrap() < 4000.0, "{letter}");
            let pdf = dir
                .path()
                .join("out")
                .join(letter["output"].as_str().unwrap());
            assert!(!pdf.exists(), "a runaway letter wrote {}", pdf.display());
        }
    }
    // The three are stopped within their budgets, beside the others: at worst the run
    // takes the good letters' time plus the three budgets one after the other.
    let most = good_seconds + 3.0 * 3.0 + 2.0;
    assert!(
        seconds < most,
        "the batch took {seconds:.1} s, more than {most:.1} s"
    );

    // Byte for byte what `render` writes.
    let mut render = vec!["render".to_string()];
    render.extend(good.iter().map(|name| format!("arch/{name}")));
    render.extend(["-o".into(), "renders/".into()]);
    let args: Vec<&str> = render.iter().map(String::as_str).collect();
    let rendered = missive(dir.path(), &args);
    assert!(rendered.status.success(), "{}", stderr(&rendered));
    for name in &good {
        let pdf = Path::new(name).with_extension("pdf");
        let batch = std::fs::read(dir.path().join("out").join(&pdf)).unwrap();
        let render = std::fs::read(dir.path().join("renders").join(&pdf)).unwrap();
        assert!(batch == render, "{name}: batch and render differ");
    }

    // At most two letters run at once (-j2), each within 500 MiB, sampled every 10 ms.
    let bound = footprint + 2 * 500 * MIB;
    eprintln!(
        "peak memory of the process tree: {} MiB with the runaways, {} MiB without; bound {} MiB",
        peak / MIB,
        footprint / MIB,
        bound / MIB
    );
    assert!(
        peak < bound,
        "peak {} MiB over {} MiB",
        peak / MIB,
        bound / MIB
    );
}

#[test]
fn ctrl_c_during_a_runaway_letter_ends_the_batch_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let arch = dir.path().join("arch");
    std::fs::create_dir_all(&arch).unwrap();
    // No budget but the default 60 s: only Ctrl-C stops it.
    std::fs::write(arch.join("a-runaway.md"), runaway(NESTED_LOOPS)).unwrap();
    for n in 0..12 {
        std::fs::write(arch.join(format!("b-{n:02}.md")), good_letter(n)).unwrap();
    }
    let run = batch(
        dir.path(),
        &["arch", "--out", "out", "-j2", "--report", "r.json"],
    );
    // The runaway letter is the first handed out; the good ones are done by then.
    std::thread::sleep(Duration::from_secs(3));
    assert!(run.stderr.is_some());
    let workers = children(run.id());
    assert_eq!(workers.len(), 2, "two worker processes");
    let pid = run.id() as libc::pid_t;
    let interrupted = Instant::now();
    // SAFETY: sending a signal to the child we started, which has not been waited for.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let output = run.wait_with_output().unwrap();
    let took = interrupted.elapsed();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{err}");
    assert!(
        took < Duration::from_secs(1),
        "it took {took:?} after Ctrl-C"
    );
    assert!(err.contains("stopping:"), "{err}");

    let report = report(&dir.path().join("r.json"));
    assert_eq!(report["interrupted"], true);
    let statuses = statuses(&report);
    assert_eq!(statuses["a-runaway.md"], "cancelled");
    assert_eq!(statuses.values().filter(|s| *s == "rendered").count(), 12);

    // The manifest vouches for exactly the PDFs that were written, each whole.
    let out = dir.path().join("out");
    let manifest = report_of_manifest(&out);
    let records = manifest["letters"].as_object().unwrap();
    assert_eq!(records.len(), 12);
    assert!(!records.contains_key("a-runaway.md"));
    for (letter, record) in records {
        let pdf = out.join(Path::new(letter).with_extension("pdf"));
        let size = std::fs::metadata(&pdf).unwrap().len();
        let recorded = &record["outputs"]["pdf"]["files"][0];
        assert_eq!(
            recorded[0],
            pdf.strip_prefix(&out).unwrap().to_str().unwrap()
        );
        assert_eq!(Some(size), recorded[1].as_u64(), "{letter}");
    }
    assert!(!out.join("a-runaway.pdf").exists());
    // Its workers, the runaway one included, ended with it.
    for worker in workers {
        assert!(
            !Path::new(&format!("/proc/{worker}")).exists(),
            "worker {worker} is left"
        );
    }
}

fn report_of_manifest(out: &Path) -> Value {
    report(&out.join(".missive-manifest.json"))
}

#[test]
fn the_command_line_budget_wins_over_the_house_and_render_stops_promptly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("missive.toml"),
        "[limits]\ntimeout = \"0\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("loop.md"), runaway(NESTED_LOOPS)).unwrap();
    let started = Instant::now();
    let out = missive(dir.path(), &["render", "loop.md", "--timeout", "2s"]);
    let took = started.elapsed();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(took < Duration::from_secs(4), "render took {took:?}");
    assert!(
        err.contains("error[M0710]: loop.md exceeded its time budget of 2 s (stopped after 2.0 s")
            && err.contains("while Typst was running its raw Typst fence (line 8)")
            && err.contains("┌─ loop.md:8:1")
            && err.contains("failed: loop.md (nothing written)"),
        "{err}"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 2, "render left files behind: {left:?}");

    let bad = missive(dir.path(), &["check", "loop.md", "--memory", "2000"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("`2000` needs a unit: `M` (MiB) or `G` (GiB)"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn watch_reports_a_runaway_save_and_renders_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.md");
    std::fs::write(&path, good_letter(1)).unwrap();
    let log = dir.path().join("watch.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_missive"))
        .args(["watch", "w.md", "--timeout", "2s"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let logged = |count: usize, what: &str| {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            if text.matches(what).count() >= count {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    };
    let first = logged(1, "rendered w.md -> w.pdf");
    std::fs::write(&path, runaway(NESTED_LOOPS)).unwrap();
    let stopped = logged(1, "w.md exceeded its time budget of 2 s");
    std::fs::write(&path, good_letter(2)).unwrap();
    let again = logged(2, "rendered w.md -> w.pdf");
    let _ = child.kill();
    let _ = child.wait();
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(first && stopped && again, "{text}");
    assert!(text.contains("failed: w.md (nothing written)"), "{text}");
}
