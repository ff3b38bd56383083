//! `missive batch`: mirrored output, incremental skips, re-renders on change, isolated
//! failures, byte-identical output to `missive render`, shards, the JSON report.

mod common;

use std::collections::BTreeSet;

use common::archive::Work;
use common::{missive, page_count, pdf_text, stderr};
use serde_json::Value;

/// A small letter whose subject and body text are `words`.
fn letter(words: &str) -> String {
    format!(
        "+++\ndate = 2026-03-02\nsubject = \"{words}\"\nsalutation = \"Dear Minister,\"\n\n\
         [[to]]\nname = \"Hon. Minister\"\naddress = [\"Ministry of Justice\"]\n\n\
         [[signatories]]\nname = \"Lena Ortiz\"\ntitle = \"Director\"\n+++\n\n\
         We write about {words}.[^1]\n\n[^1]: A source on {words}.\n"
    )
}

/// Source paths of the report's letters with the given status.
fn with_status(report: &Value, status: &str) -> BTreeSet<String> {
    report["letters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["status"] == status)
        .map(|l| l["source"].as_str().unwrap().to_string())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn mirrors_the_archive_tree_and_skips_hidden_and_output_folders() {
    let work = Work::new();
    work.write("arch/top.md", &letter("water rights"));
    work.write("arch/2021/june/minister.md", &letter("press freedom"));
    work.write("arch/.drafts/draft.md", &letter("unfinished"));
    work.write("arch/notes.txt", "not a letter");
    let output = missive(work.dir.path(), &["batch", "arch", "--out", "arch/pdf"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // Inside the archive, the output folder is not searched for letters on the next run.
    work.write("arch/pdf/stray.md", &letter("stray"));
    let output = missive(work.dir.path(), &["batch", "arch", "--out", "arch/pdf"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("2 letters: 0 rendered, 2 skipped"),
        "{}",
        stderr(&output)
    );

    assert!(pdf_text(&work.path("arch/pdf/top.pdf")).contains("We write about water rights."));
    let nested = pdf_text(&work.path("arch/pdf/2021/june/minister.pdf"));
    assert!(nested.contains("We write about press freedom."), "{nested}");
    assert!(!work.path("arch/pdf/.drafts").exists());
    assert!(!work.path("arch/pdf/pdf").exists());
    assert_eq!(page_count(&work.path("arch/pdf/top.pdf")), 1);
}

#[test]
fn skips_unchanged_letters_without_rewriting_them_and_prunes_orphans() {
    let work = Work::new();
    work.write("arch/a.md", &letter("detained journalists"));
    work.write("arch/b.md", &letter("access to counsel"));
    let (first, report) = work.batch(&[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(with_status(&report, "rendered"), set(&["a.md", "b.md"]));
    let before = (work.stamp("out/a.pdf"), work.stamp("out/b.pdf"));

    let (second, report) = work.batch(&[]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(with_status(&report, "skipped"), set(&["a.md", "b.md"]));
    assert_eq!(
        report["letters"][0]["pages"], 1,
        "skipped letters keep their page count"
    );
    assert_eq!((work.stamp("out/a.pdf"), work.stamp("out/b.pdf")), before);

    let (forced, report) = work.batch(&["--force"]);
    assert!(forced.status.success());
    assert_eq!(with_status(&report, "rendered"), set(&["a.md", "b.md"]));
    assert_ne!(work.stamp("out/a.pdf"), before.0);

    // A PDF whose source is gone is reported, and removed only with --prune.
    std::fs::remove_file(work.path("arch/b.md")).unwrap();
    let (kept, report) = work.batch(&[]);
    assert!(kept.status.success());
    assert_eq!(
        report["orphans"],
        serde_json::json!([{ "output": "b.pdf", "pruned": false }])
    );
    assert!(work.path("out/b.pdf").exists());
    let (pruned, report) = work.batch(&["--prune"]);
    assert!(pruned.status.success());
    assert_eq!(
        report["orphans"],
        serde_json::json!([{ "output": "b.pdf", "pruned": true }])
    );
    assert!(!work.path("out/b.pdf").exists());
    assert!(work.path("out/a.pdf").exists());
}

#[test]
fn renders_again_exactly_the_letters_a_source_house_or_template_change_affects() {
    let work = Work::new();
    // House `a` uses its own template (which builds on the built-in one); house `b` does not.
    work.write(
        "arch/a/missive.toml",
        "template = \"tpl/letter.typ\"\n[letterhead]\norganization = \"Org A\"\n",
    );
    work.write(
        "arch/a/tpl/letter.typ",
        "// version 1\n#import \"/missive/house.typ\": *\n",
    );
    work.write(
        "arch/b/missive.toml",
        "[letterhead]\norganization = \"Org B\"\n",
    );
    for rel in ["a/one.md", "a/two.md", "b/one.md", "b/two.md"] {
        work.write(&format!("arch/{rel}"), &letter(&format!("letter {rel}")));
    }
    let (first, _) = work.batch(&[]);
    assert!(first.status.success(), "{}", stderr(&first));

    work.write("arch/b/two.md", &letter("an edited letter"));
    let (_, report) = work.batch(&[]);
    assert_eq!(with_status(&report, "rendered"), set(&["b/two.md"]));
    assert!(pdf_text(&work.path("out/b/two.pdf")).contains("We write about an edited letter."));

    work.write(
        "arch/b/missive.toml",
        "[letterhead]\norganization = \"Org B, renamed\"\n",
    );
    let (_, report) = work.batch(&[]);
    assert_eq!(
        with_status(&report, "rendered"),
        set(&["b/one.md", "b/two.md"])
    );
    assert_eq!(
        with_status(&report, "skipped"),
        set(&["a/one.md", "a/two.md"])
    );

    let untouched = work.stamp("out/b/one.pdf");
    work.write(
        "arch/a/tpl/letter.typ",
        "// version 2\n#import \"/missive/house.typ\": *\n",
    );
    let (_, report) = work.batch(&[]);
    assert_eq!(
        with_status(&report, "rendered"),
        set(&["a/one.md", "a/two.md"])
    );
    assert_eq!(
        with_status(&report, "skipped"),
        set(&["b/one.md", "b/two.md"])
    );
    assert_eq!(work.stamp("out/b/one.pdf"), untouched);
}

#[test]
fn a_failing_letter_is_reported_with_its_position_and_the_rest_render() {
    let work = Work::new();
    work.write("arch/good.md", &letter("fair trials"));
    // A failure keeps the old PDF: bad-typst.md renders once while it is still good.
    work.write("arch/bad-typst.md", &letter("y"));
    assert!(work.batch(&[]).0.status.success());
    let old = std::fs::read(work.path("out/bad-typst.pdf")).unwrap();
    let typst_error = letter("y").replace(
        "We write",
        "```{=typst}\n#this-is-not-defined\n```\n\nWe write",
    );
    work.write("arch/bad-typst.md", &typst_error);
    work.write(
        "arch/bad-date.md",
        &letter("x").replace("date = 2026-03-02", "date = \"yesterday\""),
    );

    let (output, report) = work.batch(&[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("arch/bad-date.md:2:8"), "{err}");
    assert!(err.contains("arch/bad-typst.md:"), "{err}");
    assert_eq!(
        with_status(&report, "failed"),
        set(&["bad-date.md", "bad-typst.md"])
    );
    assert_eq!(with_status(&report, "skipped"), set(&["good.md"]));
    let letters = report["letters"].as_array().unwrap();
    let bad_date = letters
        .iter()
        .find(|l| l["source"] == "bad-date.md")
        .unwrap();
    assert!(
        bad_date["error"]
            .as_str()
            .unwrap()
            .starts_with("arch/bad-date.md:2:8: error[M0207]: "),
        "{bad_date}"
    );
    let bad_typst = letters
        .iter()
        .find(|l| l["source"] == "bad-typst.md")
        .unwrap();
    assert!(
        bad_typst["error"]
            .as_str()
            .unwrap()
            .contains("this-is-not-defined"),
        "{bad_typst}"
    );
    assert!(!work.path("out/bad-date.pdf").exists());
    assert_eq!(std::fs::read(work.path("out/bad-typst.pdf")).unwrap(), old);
    assert!(work.path("out/good.pdf").exists());

    // Put back as it was, its old PDF is up to date again; edited, it renders.
    work.write("arch/bad-typst.md", &letter("y"));
    let (output, report) = work.batch(&[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        with_status(&report, "skipped"),
        set(&["bad-typst.md", "good.md"])
    );
    work.write("arch/bad-typst.md", &letter("z"));
    let (_, report) = work.batch(&[]);
    assert_eq!(with_status(&report, "rendered"), set(&["bad-typst.md"]));
}

#[test]
fn batch_writes_the_same_bytes_as_render() {
    let work = Work::new();
    work.write(
        "arch/missive.toml",
        "[letterhead]\norganization = \"Org\"\naddress = [\"1 Road\"]\n",
    );
    let long = format!(
        "{}\n\n## A heading\n\n{}",
        "Many words here. ".repeat(200),
        "More words. ".repeat(200)
    );
    work.write(
        "arch/2025/long.md",
        &letter("a long letter").replace("We write about a long letter.", &long),
    );
    work.write("arch/short.md", &letter("a short letter"));
    // Plain PDFs, then archival ones (PDF/A-3b, sources embedded): a change of standard
    // renders every letter again.
    for standard in [None, Some("a-3b")] {
        let mut options = vec!["-j", "2"];
        options.extend(standard.map(|s| ["--pdf-standard", s]).iter().flatten());
        let (output, report) = work.batch(&options);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(with_status(&report, "rendered").len(), 2, "{standard:?}");
        for rel in ["2025/long", "short"] {
            let single = work.path(&format!("{}.pdf", rel.replace('/', "-")));
            let source = format!("arch/{rel}.md");
            let mut args = vec!["render", &source, "-o", single.to_str().unwrap()];
            args.extend(standard.map(|s| ["--pdf-standard", s]).iter().flatten());
            let rendered = missive(work.dir.path(), &args);
            assert!(rendered.status.success(), "{}", stderr(&rendered));
            let batch = std::fs::read(work.path(&format!("out/{rel}.pdf"))).unwrap();
            assert!(
                std::fs::read(&single).unwrap() == batch,
                "{rel} ({standard:?}): batch and render bytes differ"
            );
        }
    }
    assert!(page_count(&work.path("out/2025/long.pdf")) > 1);
}

#[test]
fn shards_partition_the_archive_exactly() {
    let work = Work::new();
    let all: Vec<String> = (0..12)
        .map(|n| format!("{}/letter-{n}.md", 2020 + n % 3))
        .collect();
    for rel in &all {
        work.write(&format!("arch/{rel}"), &letter(rel));
    }
    let mut seen = BTreeSet::new();
    for index in 1..=3 {
        let shard = format!("{index}/3");
        let (output, report) = work.batch(&["--shard", &shard]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(report["shard"], shard.as_str());
        let mine = with_status(&report, "rendered");
        assert_eq!(
            mine.len(),
            report["letters"].as_array().unwrap().len(),
            "a shard lists only its letters"
        );
        assert!(seen.is_disjoint(&mine), "shard {shard} overlaps: {mine:?}");
        seen.extend(mine);
    }
    assert_eq!(seen, all.iter().cloned().collect::<BTreeSet<_>>());
    // Same split on a second pass; an unsharded run then finds every PDF up to date.
    let (_, again) = work.batch(&["--shard", "2/3"]);
    assert_eq!(with_status(&again, "rendered").len(), 0);
    let (output, whole) = work.batch(&[]);
    assert!(output.status.success());
    assert_eq!(with_status(&whole, "skipped").len(), all.len());

    let bad = missive(
        work.dir.path(),
        &["batch", "arch", "--out", "out", "--shard", "4/3"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("1 ≤ I ≤ N"), "{}", stderr(&bad));
}

#[test]
fn the_report_has_the_documented_shape() {
    let work = Work::new();
    work.write("arch/ok.md", &letter("freedom of assembly"));
    work.write(
        "arch/broken.md",
        "+++\ndate = 2026-01-01\n+++\nNo signatories.\n",
    );
    let (output, report) = work.batch(&["-j", "1"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(report["missive"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["archive"], "arch");
    assert_eq!(report["out"], "out");
    assert_eq!(report["shard"], Value::Null);
    assert_eq!(report["jobs"], 1);
    assert_eq!(report["interrupted"], false);
    assert!(report["seconds"].as_f64().unwrap() > 0.0);
    assert_eq!(
        report["summary"],
        serde_json::json!({ "letters": 2, "copies": 0, "rendered": 1, "skipped": 0, "failed": 1,
                            "cancelled": 0, "orphans": 0, "pruned": 0 })
    );
    let letters = report["letters"].as_array().unwrap();
    let keys = |l: &Value| {
        l.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<BTreeSet<_>>()
    };
    let expected = set(&[
        "source", "row", "name", "output", "outputs", "status", "time_ms", "pages", "error",
        "warnings",
    ]);
    assert!(letters.iter().all(|l| keys(l) == expected), "{letters:?}");
    let (broken, ok) = (&letters[0], &letters[1]);
    assert_eq!(
        (broken["source"].as_str(), broken["output"].as_str()),
        (Some("broken.md"), Some("broken.pdf"))
    );
    assert_eq!(broken["status"], "failed");
    assert_eq!(broken["pages"], Value::Null);
    assert_eq!(broken["outputs"], serde_json::json!(["broken.pdf"]));
    assert_eq!(
        (&broken["row"], &broken["name"]),
        (&Value::Null, &Value::Null)
    );
    assert!(
        broken["error"].as_str().unwrap().contains("no signatories"),
        "{broken}"
    );
    assert_eq!(ok["status"], "rendered");
    assert_eq!(ok["pages"], 1);
    assert_eq!(ok["error"], Value::Null);
    assert!(ok["time_ms"].as_f64().unwrap() > 0.0);
    assert_eq!(report["orphans"], serde_json::json!([]));
}
