//! `missive batch` over letters with `recipients` (issue 13) and several formats in one
//! pass (issue 14): one job per copy, named as `render` names it; a changed row renders
//! only its copy, a changed letter all of them, an added row one, a removed row's file is
//! pruned like a deleted letter's; bad lists and rows in an archive (the catalogue in
//! `tests/bad_archive/`); `--format pdf,html` byte-identical to `render`, and a later run
//! with more formats renders only what is missing.

mod common;

use std::path::Path;

use common::archive::Work;
use common::{copy_tree, missive, pdf_text, repo, stderr};
use serde::Deserialize;
use serde_json::Value;

/// A job in a report: `(source, row, name, output, status)`.
type Job = (String, Option<u64>, Option<String>, String, String);

/// Every job in a report.
fn jobs(report: &Value) -> Vec<Job> {
    let text = |v: &Value| v.as_str().map(String::from);
    (report["letters"].as_array().unwrap().iter())
        .map(|job| {
            (
                text(&job["source"]).unwrap(),
                job["row"].as_u64(),
                text(&job["name"]),
                text(&job["output"]).unwrap(),
                text(&job["status"]).unwrap(),
            )
        })
        .collect()
}

/// The names of the jobs of `report` with `status`: the source, and `#row` for a copy.
fn with_status(report: &Value, status: &str) -> Vec<String> {
    (jobs(report).into_iter())
        .filter(|job| job.4 == status)
        .map(|(source, row, ..)| match row {
            Some(row) => format!("{source}#{row}"),
            None => source,
        })
        .collect()
}

const LETTER: &str = "+++\ndate = 2026-03-02\nsubject = \"The associations bill\"\n\
    salutation = \"Dear Member,\"\nrecipients = \"members.csv\"\n\n[[signatories]]\n\
    name = \"Ana Ruiz\"\n+++\n\nAs a member of the {{committee}} committee, you will vote on it.\n";

const LIST: &str = "name;address;committee\r\n\
    \"Dr. Aïcha Benali\";\"Storting\r\nStreet 1\";justice\r\n\
    \"Ole Berg-Halvorsen\";\"Street 2\";finance\r\n\
    \"Zoë Čapek\";\"Street 3\";health\r\n";

/// PDF text with white space folded, for phrases that may break across lines.
fn folded(path: &Path) -> String {
    pdf_text(path)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_changed_row_renders_only_its_copy_and_a_changed_letter_all() {
    let work = Work::new();
    work.write("arch/2026/bill.md", LETTER);
    work.write("arch/2026/members.csv", LIST);
    work.write(
        "arch/plain.md",
        &LETTER
            .replace("recipients = \"members.csv\"\n", "")
            .replace("{{committee}}", "justice")
            .replace(
                "[[signatories]]",
                "[[to]]\nname = \"Hon. Minister\"\n\n[[signatories]]",
            ),
    );
    let copies = [
        "out/2026/bill/01-dr-aicha-benali.pdf",
        "out/2026/bill/02-ole-berg-halvorsen.pdf",
        "out/2026/bill/03-zoe-capek.pdf",
    ];
    let (output, report) = work.batch(&["-j", "2"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        jobs(&report),
        [
            ("2026/bill.md", Some(1), "01-dr-aicha-benali"),
            ("2026/bill.md", Some(2), "02-ole-berg-halvorsen"),
            ("2026/bill.md", Some(3), "03-zoe-capek"),
        ]
        .iter()
        .map(|(source, row, name)| (
            source.to_string(),
            *row,
            Some(name.to_string()),
            format!("2026/bill/{name}.pdf"),
            "rendered".to_string()
        ))
        .chain([(
            "plain.md".to_string(),
            None,
            None,
            "plain.pdf".to_string(),
            "rendered".to_string()
        )])
        .collect::<Vec<_>>()
    );
    assert_eq!(report["summary"]["copies"], 3);
    for (copy, (name, committee)) in copies.iter().zip([
        ("Dr. Aïcha Benali", "justice"),
        ("Ole Berg-Halvorsen", "finance"),
        ("Zoë Čapek", "health"),
    ]) {
        let text = folded(&work.path(copy));
        assert!(text.contains(name), "{copy}: {text}");
        assert!(
            text.contains(&format!("member of the {committee} committee")),
            "{copy}: {text}"
        );
        let others = ["Benali", "Berg-Halvorsen", "Čapek"];
        assert_eq!(
            others.iter().filter(|other| text.contains(*other)).count(),
            1,
            "{copy} names someone else: {text}"
        );
    }
    // Each copy is the bytes `render` writes for it.
    let rendered = missive(
        work.dir.path(),
        &["render", "arch/2026/bill.md", "-o", "single"],
    );
    assert!(rendered.status.success(), "{}", stderr(&rendered));
    for copy in copies {
        let name = Path::new(copy).file_name().unwrap().to_str().unwrap();
        assert!(
            std::fs::read(work.path(copy)).unwrap()
                == std::fs::read(work.path(&format!("single/{name}"))).unwrap(),
            "{copy}: batch and render bytes differ"
        );
    }

    // Row 2 changes: only its copy is rendered again, the others are not even rewritten.
    let before: Vec<_> = copies.iter().map(|c| work.stamp(c)).collect();
    let manifest = work.manifest();
    let list = LIST.replace("\"Street 2\";finance", "\"Street 22\";finance");
    work.write("arch/2026/members.csv", &list);
    let (_, report) = work.batch(&["-j", "2"]);
    assert_eq!(with_status(&report, "rendered"), ["2026/bill.md#2"]);
    assert_eq!(with_status(&report, "skipped").len(), 3);
    assert_eq!(work.stamp(copies[0]), before[0]);
    assert_ne!(work.stamp(copies[1]), before[1]);
    assert_eq!(work.stamp(copies[2]), before[2]);
    assert!(folded(&work.path(copies[1])).contains("Street 22"));
    let after = work.manifest();
    let id = |name: &str| format!("2026/bill.md#{name}");
    assert_eq!(
        after[&id("01-dr-aicha-benali")],
        manifest[&id("01-dr-aicha-benali")]
    );
    assert_ne!(
        after[&id("02-ole-berg-halvorsen")]["key"],
        manifest[&id("02-ole-berg-halvorsen")]["key"]
    );

    // The letter changes: every copy, and only the copies.
    work.write(
        "arch/2026/bill.md",
        &LETTER.replace("vote on it", "vote on it soon"),
    );
    let (_, report) = work.batch(&[]);
    assert_eq!(with_status(&report, "rendered").len(), 3);
    assert_eq!(with_status(&report, "skipped"), ["plain.md"]);

    // A row is added: one copy. A row is removed: its file is an orphan, which --prune
    // removes, as a deleted letter's PDF.
    let four = format!("{list}\"José Núñez\";\"Street 4\";defence\r\n");
    work.write("arch/2026/members.csv", &four);
    let (_, report) = work.batch(&[]);
    assert_eq!(with_status(&report, "rendered"), ["2026/bill.md#4"]);
    assert!(work.path("out/2026/bill/04-jose-nunez.pdf").is_file());
    let without_zoe = four.replace("\"Zoë Čapek\";\"Street 3\";health\r\n", "");
    work.write("arch/2026/members.csv", &without_zoe);
    let (output, report) = work.batch(&[]);
    assert!(
        stderr(&output).contains("orphan: out/2026/bill/03-zoe-capek.pdf"),
        "{}",
        stderr(&output)
    );
    assert!(work.path(copies[2]).is_file(), "kept without --prune");
    // Row 3 is now José, named 03-jose-nunez: a new copy; 04-jose-nunez is an orphan.
    assert_eq!(with_status(&report, "rendered"), ["2026/bill.md#3"]);
    let (_, report) = work.batch(&["--prune"]);
    assert!(!work.path(copies[2]).exists());
    assert!(!work.path("out/2026/bill/04-jose-nunez.pdf").exists());
    assert_eq!(report["summary"]["pruned"], 2);
    assert_eq!(with_status(&report, "skipped").len(), 4);
    assert!(!work.manifest().contains_key(&id("03-zoe-capek")));
}

#[test]
fn several_formats_in_one_pass_are_the_bytes_of_render_and_only_missing_ones_are_added() {
    let work = Work::new();
    copy_tree(&repo().join("examples/house"), &work.path("arch"));
    let (output, report) = work.batch(&["--format", "pdf,html", "-j", "2"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let letters = report["letters"].as_array().unwrap();
    assert!(letters.len() >= 3, "{letters:?}");
    for letter in letters {
        let source = letter["source"].as_str().unwrap();
        let stem = source.strip_suffix(".md").unwrap();
        let (pdf, html) = (format!("{stem}.pdf"), format!("{stem}.html"));
        assert_eq!(letter["outputs"], serde_json::json!([pdf, html]));
        for (format, file) in [("pdf", &pdf), ("html", &html)] {
            let single = work.path(&format!("single/{stem}.{format}"));
            let args = [
                "render",
                &format!("arch/{source}"),
                "--format",
                format,
                "-o",
                single.to_str().unwrap(),
            ];
            let rendered = missive(work.dir.path(), &args);
            assert!(rendered.status.success(), "{}", stderr(&rendered));
            assert!(
                std::fs::read(&single).unwrap()
                    == std::fs::read(work.path(&format!("out/{file}"))).unwrap(),
                "{file}: batch --format pdf,html and render --format {format} differ"
            );
        }
    }

    // Another output folder: PDF only, then PDF and HTML renders only the pages.
    let first = "2026-03-02-spyware-exports";
    let (_, report) = work.batch_to("out2", &["--format", "pdf"]);
    let pdf_only = report["summary"]["rendered"].as_u64().unwrap();
    assert_eq!(pdf_only as usize, letters.len());
    assert!(!work.path(&format!("out2/{first}.html")).exists());
    let pdf_stamp = work.stamp(&format!("out2/{first}.pdf"));
    let (output, report) = work.batch_to("out2", &["--format", "pdf,html"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(report["summary"]["rendered"], pdf_only);
    assert_eq!(work.stamp(&format!("out2/{first}.pdf")), pdf_stamp);
    assert!(
        std::fs::read(work.path(&format!("out2/{first}.html"))).unwrap()
            == std::fs::read(work.path(&format!("out/{first}.html"))).unwrap()
    );
    let said = stderr(&output);
    assert!(
        said.contains(&format!("-> out2/{first}.html (")),
        "only the page is written: {said}"
    );
    // Then nothing is left to do, whichever of the two is asked for.
    for formats in ["pdf,html", "html", "pdf"] {
        let (_, report) = work.batch_to("out2", &["--format", formats]);
        assert_eq!(report["summary"]["rendered"], 0, "{formats}");
    }
}

/// One job of the archive catalogue.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    source: String,
    row: Option<u64>,
    status: String,
    output: Option<String>,
    #[serde(default)]
    pdf: Vec<String>,
    code: Option<String>,
    at: Option<String>,
    help: Option<String>,
}

#[derive(Deserialize)]
struct Catalogue {
    job: Vec<Expected>,
}

#[test]
fn bad_lists_and_rows_in_an_archive_fail_only_their_jobs() {
    let work = Work::new();
    copy_tree(&repo().join("tests/bad_archive"), &work.path("arch"));
    std::fs::remove_file(work.path("arch/expectations.toml")).unwrap();
    let text = std::fs::read_to_string(repo().join("tests/bad_archive/expectations.toml")).unwrap();
    let catalogue: Catalogue = toml::from_str(&text).unwrap();
    let (output, report) = work.batch(&["-j", "2"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let said = stderr(&output);
    let reported = report["letters"].as_array().unwrap();
    assert_eq!(reported.len(), catalogue.job.len(), "{reported:#?}");
    for (expected, job) in catalogue.job.iter().zip(reported) {
        let what = format!("{} row {:?}", expected.source, expected.row);
        assert_eq!(job["source"], expected.source.as_str(), "{what}");
        assert_eq!(job["row"].as_u64(), expected.row, "{what}");
        assert_eq!(job["status"], expected.status.as_str(), "{what}: {job}");
        if let Some(output) = &expected.output {
            assert_eq!(job["output"], output.as_str(), "{what}");
            let text = folded(&work.path(&format!("out/{output}")));
            let mut from = 0;
            for part in &expected.pdf {
                let found = text[from..].find(part.as_str());
                assert!(found.is_some(), "{what}: {part:?} not in order in {text}");
                from += found.unwrap() + part.len();
            }
        }
        if let Some(code) = &expected.code {
            let error = job["error"].as_str().unwrap_or_default();
            let at = expected.at.as_deref().unwrap();
            assert!(
                error.starts_with(&format!("arch/{at}: error[{code}]")),
                "{what}: {error}"
            );
            assert!(said.contains(&format!("┌─ arch/{at}")), "{what}: {said}");
            let help = expected.help.as_deref().unwrap_or_default();
            assert!(error.contains(help), "{what}: {error}");
        }
    }
    // Nothing of a failed job is written; no temporary file is left.
    assert!(!work.path("out/members/letter/02-.pdf").exists());
    assert!(!work.path("out/no-list").exists() && !work.path("out/unknown-field").exists());
    let mut stack = vec![work.path("out")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(!name.ends_with(".tmp"), "left behind: {}", path.display());
            if path.is_dir() {
                stack.push(path);
            }
        }
    }
    // A list that stops being readable keeps its copies' outputs: they are not orphans.
    std::fs::remove_file(work.path("arch/taken/list.tsv")).unwrap();
    let (output, report) = work.batch(&["--prune"]);
    assert_eq!(report["summary"]["pruned"], 0, "{}", stderr(&output));
    assert!(work.path("out/taken/letter/berg.pdf").is_file());
}

#[test]
fn render_with_workers_writes_the_bytes_of_one_process_and_fails_only_a_bad_row() {
    let work = Work::new();
    work.write("letters/bill.md", LETTER);
    // Row 3 has no name: only its copy fails.
    let list = format!("{LIST}\"\";\"Street 9\";defence\r\n\"José Núñez\";\"Street 4\";home\r\n")
        .replace("\"Zoë Čapek\";\"Street 3\";health\r\n", "");
    work.write("letters/members.csv", &list);
    let run = |out: &str, extra: &[&str]| {
        let mut args = vec![
            "render",
            "letters/bill.md",
            "--format",
            "pdf,html",
            "-o",
            out,
        ];
        args.extend_from_slice(extra);
        missive(work.dir.path(), &args)
    };
    let one = run("one", &["--combined", "all.pdf"]);
    let two = run("two", &["-j", "2", "--combined", "all-2.pdf"]);
    for output in [&one, &two] {
        assert_eq!(output.status.code(), Some(1), "{}", stderr(output));
        assert!(
            stderr(output).contains("row 3 has no `name`"),
            "{}",
            stderr(output)
        );
    }
    let names = |dir: &str| {
        let mut names: Vec<String> = std::fs::read_dir(work.path(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        names("two"),
        [
            "01-dr-aicha-benali.html",
            "01-dr-aicha-benali.pdf",
            "02-ole-berg-halvorsen.html",
            "02-ole-berg-halvorsen.pdf",
            "04-jose-nunez.html",
            "04-jose-nunez.pdf"
        ]
    );
    assert_eq!(names("one"), names("two"));
    for name in names("one") {
        assert!(
            std::fs::read(work.path(&format!("one/{name}"))).unwrap()
                == std::fs::read(work.path(&format!("two/{name}"))).unwrap(),
            "{name}: -j 2 and one process differ"
        );
    }
    // A print file holds every copy or none.
    assert!(!work.path("all.pdf").exists() && !work.path("all-2.pdf").exists());
}

#[test]
fn the_archive_index_lists_every_page_and_is_written_only_when_it_changes() {
    let work = Work::new();
    work.write("arch/2026/bill.md", LETTER);
    work.write("arch/2026/members.csv", LIST);
    let plain = |subject: &str| {
        LETTER
            .replace("recipients = \"members.csv\"\n", "")
            .replace("The associations bill", subject)
            .replace("{{committee}}", "justice")
            .replace(
                "[[signatories]]",
                "[[to]]\nname = \"Hon. Minister\"\n\n[[signatories]]",
            )
    };
    work.write("arch/minister.md", &plain("Detention of reporters"));
    // PDF only: no index.
    let (output, _) = work.batch(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!work.path("out/index.html").exists());
    let (output, _) = work.batch(&["--format", "pdf,html"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("index: out/index.html written"));
    let index = std::fs::read_to_string(work.path("out/index.html")).unwrap();
    // One entry per letter: the copies' letter links to its first copy, names none of
    // its recipients, and says how many copies went out.
    assert_eq!(index.matches("class=\"subject\"").count(), 2, "{index}");
    assert!(index.contains("href=\"./minister.html\""), "{index}");
    assert!(
        index.contains("href=\"./2026/bill/01-dr-aicha-benali.html\""),
        "{index}"
    );
    assert!(
        // (A no-break space follows a title: "Hon.\u{a0}Minister".)
        index.contains("Detention of reporters") && index.contains("Hon.\u{a0}Minister"),
        "{index}"
    );
    assert!(!index.contains("Benali"), "{index}");
    assert!(index.contains('3'), "{index}");
    // Nothing changed: not rewritten. A subject changes: rewritten with it.
    let stamp = work.stamp("out/index.html");
    let (output, _) = work.batch(&["--format", "pdf,html"]);
    assert!(stderr(&output).contains("index: out/index.html up to date"));
    assert_eq!(work.stamp("out/index.html"), stamp);
    work.write("arch/minister.md", &plain("Release of reporters"));
    let (_, report) = work.batch(&["--format", "html"]);
    assert_eq!(with_status(&report, "rendered"), ["minister.md"]);
    let index = std::fs::read_to_string(work.path("out/index.html")).unwrap();
    assert!(index.contains("Release of reporters") && !index.contains("Detention"));
    // A letter whose page is `index.html`: its page is written, the archive index refused.
    work.write("arch/index.md", &plain("An index letter"));
    let (output, _) = work.batch(&["--format", "html"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("it is the page of index.md"),
        "{}",
        stderr(&output)
    );
    let page = std::fs::read_to_string(work.path("out/index.html")).unwrap();
    assert!(page.contains("An index letter") && !page.contains("class=\"subject\""));
}
