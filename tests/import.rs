//! `missive import` on plain-text letters in scraped form (`tests/import/*.txt`, written for
//! these tests) and on the real scraped letter in `../shared/seed/` when it is present.
//! Each test runs the binary, reads the letter source it wrote, checks it with
//! `missive check`, and renders it where the text must come out literally and in order.

mod common;

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_missive");
const SEED: &str = "000_8d5c41fdd48b4511.txt";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import")
        .join(name)
}

/// A folder with an empty `missive.toml`, so that no house file above it takes part.
fn house() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    fs::write(dir.path().join("missive.toml"), "").expect("house file");
    dir
}

fn missive<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(BIN).args(args).output().expect("run missive")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A letter source written by `missive import`, split and parsed.
struct Imported {
    path: PathBuf,
    report: String,
    source: String,
    front: toml::Table,
    body: String,
}

impl Imported {
    fn str(&self, key: &str) -> &str {
        self.front
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("no `{key}` in\n{}", self.source))
    }

    fn strings(&self, value: &toml::Value) -> Vec<String> {
        value
            .as_array()
            .expect("array")
            .iter()
            .map(|v| v.as_str().expect("string").to_string())
            .collect()
    }

    fn list(&self, key: &str) -> Vec<String> {
        self.front
            .get(key)
            .map(|v| self.strings(v))
            .unwrap_or_default()
    }

    fn tables(&self, key: &str) -> Vec<toml::Table> {
        let array = self.front.get(key).and_then(|v| v.as_array());
        array
            .map(|a| {
                a.iter()
                    .map(|t| t.as_table().expect("table").clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Signatories as (name, title, organization).
    fn signatories(&self) -> Vec<(String, String, String)> {
        let field =
            |t: &toml::Table, k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
        self.tables("signatories")
            .iter()
            .map(|t| {
                (
                    field(t, "name"),
                    field(t, "title"),
                    field(t, "organization"),
                )
            })
            .collect()
    }

    fn date(&self) -> String {
        self.front
            .get("date")
            .expect("date")
            .as_datetime()
            .expect("a TOML date")
            .to_string()
    }

    fn headings(&self) -> Vec<&str> {
        self.body
            .lines()
            .filter_map(|l| l.strip_prefix("## "))
            .collect()
    }

    fn footnote_definitions(&self) -> usize {
        self.body.lines().filter(|l| l.starts_with("[^")).count()
    }
}

/// Imports `text` into `dir` (exit status 0 expected) and reads what was written.
/// Asserts that the import report says `part`, showing the report otherwise.
fn assert_reported(letter: &Imported, part: &str) {
    assert!(
        letter.report.contains(part),
        "`{part}` not in the report:\n{}",
        letter.report
    );
}

fn import(text: &Path, dir: &Path) -> Imported {
    let output = missive(&[
        OsStr::new("import"),
        text.as_os_str(),
        OsStr::new("-o"),
        dir.as_os_str(),
    ]);
    let report = text_of(&output);
    assert!(output.status.success(), "import failed:\n{report}");
    let name = Path::new(text.file_name().expect("file name")).with_extension("md");
    read(&dir.join(name), report)
}

fn text_of(output: &Output) -> String {
    format!("{}{}", text(&output.stdout), text(&output.stderr))
}

fn read(path: &Path, report: String) -> Imported {
    let source =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}\n{report}", path.display()));
    let rest = source.strip_prefix("+++\n").expect("front matter first");
    let end = rest.find("\n+++\n").expect("closing +++");
    let front: toml::Table =
        toml::from_str(&rest[..end]).unwrap_or_else(|e| panic!("front matter: {e}\n{source}"));
    let body = rest[end + 5..].to_string();
    Imported {
        path: path.to_path_buf(),
        report,
        source,
        front,
        body,
    }
}

/// `missive check` must be clean.
fn assert_checks(letter: &Imported) {
    let output = missive(&[OsStr::new("check"), letter.path.as_os_str()]);
    assert!(
        output.status.success(),
        "check failed:\n{}\n{}",
        text_of(&output),
        letter.source
    );
}

/// The letter rendered and extracted with `pdftotext`, or None (with a note) without it.
fn rendered_text(letter: &Imported) -> Option<String> {
    if !common::tool_available("pdftotext", &["-v"]) {
        return None;
    }
    let pdf = letter.path.with_extension("pdf");
    let output = missive(&[
        OsStr::new("render"),
        letter.path.as_os_str(),
        OsStr::new("-o"),
        pdf.as_os_str(),
    ]);
    assert!(
        output.status.success(),
        "render failed:\n{}",
        text_of(&output)
    );
    let extracted = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(
        extracted.status.success(),
        "pdftotext failed: {}",
        text(&extracted.stderr)
    );
    Some(text(&extracted.stdout))
}

/// Letters and digits only, lower case: text as compared across line breaks and hyphens.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Asserts that each snippet occurs in `haystack`, each after the one before.
fn assert_in_order(haystack: &str, snippets: &[String]) {
    let haystack = squash(haystack);
    let mut from = 0;
    for snippet in snippets {
        let needle = squash(snippet);
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("not found in order: {snippet:?} (searched after position {from})"),
        }
    }
}

#[test]
fn web_page_with_one_signatory_headings_list_and_cc() {
    let dir = house();
    let letter = import(&fixture("web_one_signatory.txt"), dir.path());
    assert_eq!(letter.date(), "2024-03-12");
    assert_eq!(
        letter.str("subject"),
        "Conditions at the Harbour Detention Centre and access to independent monitors"
    );
    assert_eq!(letter.str("salutation"), "Dear Minister Halvorsen,");
    assert_eq!(letter.str("closing"), "Yours sincerely,");
    let to = letter.tables("to");
    assert_eq!(to.len(), 1);
    assert_eq!(to[0]["name"].as_str(), Some("Minister Erik Halvorsen"));
    assert_eq!(
        letter.strings(&to[0]["address"]),
        [
            "Ministry of Justice and Public Security",
            "Postboks 8005 Dep",
            "0030 Oslo"
        ]
    );
    assert_eq!(
        letter.signatories(),
        [(
            "Ingrid Solberg".into(),
            "Director".into(),
            "Northern Prison Monitoring Network".into()
        )]
    );
    assert_eq!(
        letter.list("cc"),
        [
            "Office of the Parliamentary Ombudsman",
            "Director of the Norwegian Correctional Service"
        ]
    );
    assert_eq!(
        letter.headings(),
        ["Findings of our visit", "Our recommendations"]
    );
    assert_eq!(letter.footnote_definitions(), 0);
    // Hard-wrapped lines joined into one paragraph; the numbered list kept as a list.
    assert!(letter.body.contains("Cells built for two now hold four people, and the yard is open for less than an hour a day."));
    assert!(letter.body.contains("\n3. allow the monitoring network unannounced visits, as the law on places of detention already permits.\n"));
    // Chrome before and after the letter is dropped and reported; the page title is kept aside.
    for chrome in [
        "Skip to content",
        "Menu",
        "Share this",
        "Related content",
        "Annual report 2023",
        "©",
    ] {
        assert!(!letter.body.contains(chrome), "{chrome:?} left in the body");
        assert!(
            letter.report.contains(&format!(": {chrome}")),
            "{chrome:?} not reported:\n{}",
            letter.report
        );
    }
    // The page's headline is the site's, not the letter's: dropped, and said so.
    assert_reported(
        &letter,
        "dropped     line 6: Open Letter on the Harbour Detention Centre  [built-in headline of the page]",
    );
    assert!(!letter.source.contains("Open Letter on the Harbour"));
    assert_checks(&letter);

    // Markdown's own characters in the letter come out literally (the quotes as
    // quotation marks: smart punctuation is on).
    let Some(pdf) = rendered_text(&letter) else {
        return;
    };
    for literal in ["4* “adequate”", "[sic]", "block_C"] {
        assert!(
            pdf.contains(literal),
            "{literal:?} not rendered literally:\n{pdf}"
        );
    }
    let order: Vec<String> = [
        "We are writing on behalf of",
        "Findings of our visit",
        "Detainees told us",
        "Our recommendations",
        "fill the vacant nurse post",
        "We would welcome a meeting",
    ]
    .map(String::from)
    .to_vec();
    assert_in_order(&pdf, &order);
}

#[test]
fn coalition_letter_with_three_signatories_and_many_endnotes() {
    let dir = house();
    let letter = import(&fixture("coalition_three_signatories.txt"), dir.path());
    assert_eq!(letter.date(), "2022-11-18");
    let names: Vec<String> = letter
        .tables("to")
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        names,
        ["Commissioner Astrid Lindqvist", "Ms. Folasade Adeyemi"]
    );
    assert_eq!(letter.str("closing"), "Sincerely,");
    assert_eq!(
        letter.signatories(),
        [
            (
                "Lena Fischer".into(),
                "Executive Director".into(),
                "Open Networks Alliance".into()
            ),
            (
                "Kwame Mensah".into(),
                "Legal Adviser".into(),
                "Digital Rights Coalition West Africa".into()
            ),
            (
                "Priya Raman".into(),
                "Programme Officer, Asia".into(),
                "Election Access Watch".into()
            ),
        ]
    );
    assert_eq!(
        letter.headings(),
        [
            "What we ask of the Commission",
            "What we ask of the Special Rapporteur"
        ]
    );
    assert_eq!(
        letter.body.lines().filter(|l| l.starts_with("- ")).count(),
        3
    );
    assert_eq!(letter.footnote_definitions(), 14);
    for n in 1..=14 {
        assert!(
            letter.body.contains(&format!("[^{n}]:")),
            "note {n} not defined"
        );
        assert_eq!(
            letter.body.matches(&format!("[^{n}]")).count(),
            2,
            "note {n}: one reference, one definition"
        );
    }
    // Links stay links, also when the scrape put them on a line of their own.
    assert!(letter.body.contains("[^3]: “Observers describe blackout on count night,” Example Daily, 12 June 2022, <https://news.example.com/2022/06/12/blackout>\n"));
    assert!(
        letter
            .body
            .contains("<https://example.org/cases/2022-05-04?lang=en&view=full>.")
    );
    assert_reported(&letter, "endnotes    14 ([1] to [14], 4 with links)");
    for chrome in [
        "Home",
        "Skip to main content",
        "tax-deductible",
        "Donate now",
    ] {
        assert!(
            !letter.source.contains(chrome),
            "{chrome:?} left in the source"
        );
    }
    assert_reported(&letter, "not placed  none");
    assert_checks(&letter);

    let Some(pdf) = rendered_text(&letter) else {
        return;
    };
    assert!(
        pdf.contains("quotes marked with * were translated"),
        "{pdf}"
    );
    assert!(pdf.contains("text in [square brackets] is ours"), "{pdf}");
}

#[test]
fn spanish_date_numbered_notes_and_a_house_rule_for_chrome() {
    let dir = house();
    let letter = import(&fixture("spanish_date.txt"), dir.path());
    assert_eq!(letter.date(), "2020-09-09");
    assert_eq!(letter.str("place"), "Ciudad de Guatemala");
    assert_eq!(letter.str("lang"), "es");
    assert_eq!(
        letter.str("subject"),
        "Inspecciones laborales en fincas de café"
    );
    assert_eq!(letter.str("salutation"), "Estimada Ministra Castillo:");
    assert_eq!(letter.str("closing"), "Atentamente,");
    assert_eq!(
        letter.signatories(),
        [
            (
                "Rosa Elena Pérez".into(),
                "Coordinadora de Investigación".into(),
                "Centro de Estudios Laborales".into()
            ),
            (
                "Daniel Ajú".into(),
                "Director Ejecutivo".into(),
                "Centro de Estudios Laborales".into()
            ),
        ]
    );
    // "1. …" under a "Notas" heading are endnotes, the heading itself is not kept.
    assert_eq!(letter.footnote_definitions(), 3);
    assert!(letter.body.contains("[^2]: Ministerio de Trabajo, estadísticas de inspección, <https://example.gob/estadisticas/2020>.\n"));
    assert!(!letter.body.contains("Notas"));
    // "Inicio" is no built-in rule: not placed, reported, kept as a comment.
    assert_reported(&letter, "not placed  line 2: Inicio");
    assert!(letter.source.contains("#   line 2: Inicio\n"));
    assert_checks(&letter);

    // The house adds a rule: the line is now dropped as chrome.
    let ruled = house();
    fs::write(
        ruled.path().join("missive.toml"),
        "[import]\ndrop_lines = [\"inicio\"]\n",
    )
    .unwrap();
    let letter = import(&fixture("spanish_date.txt"), ruled.path());
    assert_reported(
        &letter,
        "dropped     line 2: Inicio  [missive.toml drop_lines \"inicio\"]",
    );
    assert_reported(&letter, "not placed  none");
    assert!(!letter.source.contains("Inicio"));
    assert_checks(&letter);
}

#[test]
fn french_date_addressee_before_it_and_a_closing_formula() {
    let dir = house();
    let letter = import(&fixture("french_date.txt"), dir.path());
    assert_eq!(letter.date(), "2022-02-01");
    assert_eq!(letter.str("place"), "Paris");
    assert_eq!(letter.str("lang"), "fr");
    let to = letter.tables("to");
    assert_eq!(to[0]["name"].as_str(), Some("Madame Hélène Marchal"));
    assert_eq!(
        letter.strings(&to[0]["address"]),
        ["Ministre de l’Intérieur", "Place Beauvau", "75008 Paris"]
    );
    assert_eq!(
        letter.str("subject"),
        "Contrôles d’identité discriminatoires"
    );
    assert_eq!(letter.str("salutation"), "Madame la Ministre,");
    assert_eq!(
        letter.str("closing"),
        "Veuillez agréer, Madame la Ministre, l’expression de notre haute considération."
    );
    assert_eq!(
        letter.signatories(),
        [(
            "Claire Dubois".into(),
            "Présidente".into(),
            "Collectif Justice et Quartiers".into()
        )]
    );
    assert_eq!(letter.list("cc"), ["Défenseure des droits"]);
    assert_eq!(letter.footnote_definitions(), 0);
    assert_eq!(
        letter.body.trim().split("\n\n").count(),
        2,
        "{}",
        letter.body
    );
    assert_reported(&letter, "dropped     line 1: Aller au contenu");
    assert_reported(
        &letter,
        "not placed  line 4: Collectif Justice et Quartiers",
    );
    assert_checks(&letter);
}

#[test]
fn a_folder_is_imported_mirrored_and_existing_sources_are_kept() {
    let archive = tempfile::tempdir().unwrap();
    fs::create_dir_all(archive.path().join("2022/fr")).unwrap();
    fs::copy(
        fixture("web_one_signatory.txt"),
        archive.path().join("oslo.txt"),
    )
    .unwrap();
    fs::copy(
        fixture("french_date.txt"),
        archive.path().join("2022/fr/paris.txt"),
    )
    .unwrap();
    fs::write(archive.path().join("2022/notes.md"), "not a text to import").unwrap();
    let out = house();

    let args = |extra: &[&str]| {
        let mut args = vec![
            OsStr::new("import"),
            archive.path().as_os_str(),
            OsStr::new("-o"),
            out.path().as_os_str(),
        ];
        args.extend(extra.iter().map(OsStr::new));
        missive(&args)
    };
    let first = args(&[]);
    assert!(first.status.success(), "{}", text_of(&first));
    // Not a terminal: no progress bar is drawn, only the reports.
    let progress = String::from_utf8_lossy(&first.stderr);
    assert!(!progress.contains(['\r', '\u{1b}']), "{progress:?}");
    let written = [
        out.path().join("oslo.md"),
        out.path().join("2022/fr/paris.md"),
    ];
    for path in &written {
        let letter = read(path, text_of(&first));
        assert_checks(&letter);
    }
    assert!(!out.path().join("2022/notes.md").exists());

    let again = args(&[]);
    assert_eq!(again.status.code(), Some(1));
    let refused = text_of(&again);
    assert!(
        refused.contains("oslo.md already exists") && refused.contains("help: pass --force"),
        "{refused}"
    );
    let forced = args(&["--force"]);
    assert!(forced.status.success(), "{}", text_of(&forced));
}

#[test]
fn a_mistyped_import_rule_is_reported_with_its_line() {
    let dir = house();
    fs::write(
        dir.path().join("missive.toml"),
        "lang = \"en\"\n[import]\ndrop_line = [\"Menu\"]\n",
    )
    .unwrap();
    let text = fixture("french_date.txt");
    let output = missive(&[
        OsStr::new("import"),
        text.as_os_str(),
        OsStr::new("-o"),
        dir.path().as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report = text_of(&output);
    assert!(
        report.contains("unknown key `import.drop_line` in the house file"),
        "{report}"
    );
    assert!(report.contains("missive.toml:3:1"), "{report}");
    assert!(
        report.contains("did you mean `import.drop_lines`?"),
        "{report}"
    );
    assert!(!dir.path().join("french_date.md").exists());
}

#[test]
fn an_empty_text_is_an_error_and_nothing_is_written() {
    let dir = house();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "\n  \n").unwrap();
    let output = missive(&[OsStr::new("import"), empty.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text_of(&output).contains("error[M1001]: ")
            && text_of(&output).contains("the file holds no text"),
        "{}",
        text_of(&output)
    );
    assert!(!dir.path().join("empty.md").exists());
    // A page of nothing but the site's lines: its own code.
    let chrome = dir.path().join("chrome.txt");
    fs::write(
        &chrome,
        "Skip to content\nMenu\nHome > News\nShare: Facebook | X\n",
    )
    .unwrap();
    let output = missive(&[OsStr::new("import"), chrome.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text_of(&output).contains("error[M1002]: ")
            && text_of(&output).contains("every line of the file was dropped as site chrome"),
        "{}",
        text_of(&output)
    );
    assert!(!dir.path().join("chrome.md").exists());
}

/// The real scraped letter of `../shared/seed/`, when present.
#[test]
fn seed_letter() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seed")
        .join(SEED);
    if !seed.is_file() {
        eprintln!(
            "note: {} is absent; skipping the seed letter test",
            seed.display()
        );
        return;
    }
    let dir = house();
    let letter = import(&seed, dir.path());
    assert_eq!(letter.date(), "2021-06-04");
    let to = letter.tables("to");
    assert_eq!(to.len(), 1);
    assert_eq!(to[0]["name"].as_str(), Some("Vice President Kamala Harris"));
    assert_eq!(
        letter.strings(&to[0]["address"]),
        [
            "The White House",
            "Office of the Vice President",
            "1600 Pennsylvania Avenue NW",
            "Washington, DC 20050"
        ]
    );
    assert_eq!(letter.str("salutation"), "Dear Vice President Harris,");
    assert_eq!(
        letter.signatories(),
        [
            (
                "José Miguel Vivanco".into(),
                "Americas Executive Director".into(),
                "Human Rights Watch".into()
            ),
            (
                "Nicole M. Austin-Hillery".into(),
                "Executive Director, US Program".into(),
                "Human Rights Watch".into()
            ),
        ]
    );
    assert_eq!(letter.footnote_definitions(), 24);
    for n in 1..=24 {
        assert_eq!(
            letter.body.matches(&format!("[^{n}]")).count(),
            2,
            "note {n}: one reference, one definition"
        );
    }
    assert_eq!(
        letter.headings(),
        ["Access to Protection and Migration Management"]
    );
    assert!(!letter.source.contains("Skip to main content"));
    assert!(!letter.source.contains("tax deductible"));
    assert_reported(&letter, "dropped     line 1: Skip to main content");
    assert_reported(&letter, "not placed  none");
    assert_checks(&letter);

    // Every body paragraph of the scraped text, in order: the blocks between the
    // salutation and the first signatory, up to their first note marker.
    let raw = fs::read_to_string(&seed).unwrap();
    let start = raw.find("Dear Vice President Harris,").unwrap();
    let end = raw.find("José Miguel Vivanco\n").unwrap();
    let paragraphs: Vec<String> = raw[start..end]
        .split("\n\n")
        .skip(1)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.split('[').next().unwrap_or(p).chars().take(80).collect())
        .collect();
    assert_eq!(
        paragraphs.len(),
        13,
        "12 paragraphs and the heading: {paragraphs:?}"
    );
    let Some(pdf) = rendered_text(&letter) else {
        return;
    };
    assert_in_order(&pdf, &paragraphs);
}

#[test]
fn the_check_of_an_imported_letter_typesets_it() {
    // What only typesetting finds: a character no bundled font has, and a house template
    // that does not compile. `missive check` reports both; so must import's check.
    let dir = house();
    let text = fs::read_to_string(fixture("web_one_signatory.txt"))
        .unwrap()
        .replace("Dear ", "Dear \u{13000} ");
    fs::write(dir.path().join("glyph.txt"), text).unwrap();
    let output = missive(&[
        OsStr::new("import"),
        dir.path().join("glyph.txt").as_os_str(),
    ]);
    let (out, err) = (self::text(&output.stdout), self::text(&output.stderr));
    assert_eq!(output.status.code(), Some(0), "{out}{err}");
    assert!(out.contains("check       ok"), "{out}");
    assert!(
        err.contains("warning[M0708]: no available font has `\u{13000}`"),
        "{err}"
    );

    fs::write(
        dir.path().join("broken.typ"),
        "#let letter(data, notes: (), body) = {\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("missive.toml"),
        "template = \"broken.typ\"\n",
    )
    .unwrap();
    fs::copy(fixture("french_date.txt"), dir.path().join("t.txt")).unwrap();
    let output = missive(&[OsStr::new("import"), dir.path().join("t.txt").as_os_str()]);
    let (out, err) = (self::text(&output.stdout), self::text(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "{out}{err}");
    assert!(out.contains("problem(s) to fix in"), "{out}");
    assert!(err.contains("broken.typ:"), "{err}");
}
