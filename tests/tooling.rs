//! The tools around the letters (issue 17): `explain` for every code, completions and man
//! pages for every command, the JSON Schemas against the examples and the catalogue,
//! `init`, `--message-format json` for written files, `--color` and `NO_COLOR`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use common::*;

/// Runs `missive` with `args` in `cwd`, with `envs` set and NO_COLOR unset.
fn missive_env(cwd: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_missive"));
    command.args(args).current_dir(cwd).env_remove("NO_COLOR");
    for (key, value) in envs {
        command.env(key, value);
    }
    command.output().expect("the missive binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The codes `missive explain` lists, first word of each line.
fn listed_codes() -> Vec<String> {
    let list = missive(&repo(), &["explain"]);
    assert!(list.status.success(), "{}", stderr(&list));
    stdout(&list)
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect()
}

#[test]
fn explain_prints_every_code_from_the_documentation() {
    let page = std::fs::read_to_string(repo().join("docs/diagnostics.md")).unwrap();
    let codes = listed_codes();
    assert!(codes.len() >= 60, "{codes:?}");
    for code in &codes {
        let explained = missive(&repo(), &["explain", code]);
        assert!(explained.status.success(), "{code}: {}", stderr(&explained));
        let text = stdout(&explained);
        let heading = text.lines().next().unwrap();
        assert!(page.contains(&format!("### {heading}\n")), "{heading}");
        assert!(text.contains("```"), "{code} prints no example:\n{text}");
    }
    let lower = missive(&repo(), &["explain", "m0203"]);
    assert!(stdout(&lower).starts_with("M0203: unknown key\n"));
    let unknown = missive(&repo(), &["explain", "M9999"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("error[M1101]: `M9999` is not a missive diagnostic code"));
}

/// The command's subcommands, by full name (`template eject`), help excluded.
fn commands() -> Vec<String> {
    let help = stdout(&missive(&repo(), &["--help"]));
    let mut names = Vec::new();
    let mut in_list = false;
    for line in help.lines() {
        if line.starts_with("Commands:") {
            in_list = true;
        } else if in_list && !line.starts_with("  ") {
            break;
        } else if in_list {
            let name = line.split_whitespace().next().unwrap();
            if name != "help" {
                names.push(name.to_string());
            }
        }
    }
    assert!(names.len() >= 14, "{names:?}");
    names
}

#[test]
fn completions_name_every_command_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = missive(&repo(), &["completions", shell]);
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        for command in commands() {
            assert!(script.contains(&command), "{shell} lacks {command}");
        }
        assert!(script.contains("message-format") && script.contains("pdf-standard"));
    }
    if tool_available("bash", &["--version"]) {
        let script = stdout(&missive(&repo(), &["completions", "bash"]));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("missive.bash"), script).unwrap();
        let sourced = Command::new("bash")
            .args(["-c", "source missive.bash && complete -p missive"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(sourced.status.success(), "{}", stderr(&sourced));
    }
}

#[test]
fn man_writes_one_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man");
    let output = missive(dir.path(), &["man", "man"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let pages: BTreeSet<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut wanted: BTreeSet<String> = commands()
        .iter()
        .map(|c| format!("missive-{c}.1"))
        .collect();
    wanted.insert("missive.1".into());
    wanted.insert("missive-template-eject.1".into());
    assert_eq!(pages, wanted);
    let render = std::fs::read_to_string(out.join("missive-render.1")).unwrap();
    assert!(
        render.starts_with(".ie \\n(.g .ds Aq"),
        "not roff: {render:.80}"
    );
    assert!(render.contains("message\\-format") && render.contains("pdf\\-standard"));
}

/// A TOML value as a TOML language server gives it to a JSON Schema: dates as strings.
fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => f.into(),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(to_json).collect(),
        toml::Value::Table(table) => table.into_iter().map(|(k, v)| (k, to_json(v))).collect(),
    }
}

/// The front matter of a letter's text, as JSON; `None` if it has none or is not TOML.
fn front_matter(text: &str) -> Option<serde_json::Value> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let rest = text.strip_prefix("+++\n")?;
    let end = rest.find("\n+++")?;
    toml::from_str::<toml::Value>(&rest[..=end])
        .ok()
        .map(to_json)
}

fn validator(of: &str) -> jsonschema::Validator {
    let output = missive(&repo(), &["schema", of]);
    assert!(output.status.success(), "{}", stderr(&output));
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// Every `.md` under `dir`, recursively.
fn letters_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            letters_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

#[test]
fn the_schemas_accept_every_example_and_refuse_the_catalogues_key_and_type_errors() {
    let (letter, house) = (validator("letter"), validator("house"));
    let mut examples = Vec::new();
    letters_under(&repo().join("examples"), &mut examples);
    assert!(examples.len() >= 5);
    for path in &examples {
        let text = std::fs::read_to_string(path).unwrap();
        let value = front_matter(&text).unwrap_or_else(|| panic!("{}", path.display()));
        let errors: Vec<String> = letter.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    let house_file = std::fs::read_to_string(repo().join("examples/house/missive.toml")).unwrap();
    let value = to_json(toml::from_str(&house_file).unwrap());
    assert!(house.is_valid(&value), "examples/house/missive.toml");

    // The catalogue: its key and type errors are refused, its good letters accepted.
    // M0207 (a quoted date) is left out: JSON has no dates, and a language server hands
    // the schema a TOML date as a string, as it hands it a quoted one.
    let refused = ["M0203", "M0204", "M0205", "M0206", "M0408"];
    let catalogue: toml::Table = toml::from_str(
        &std::fs::read_to_string(repo().join("tests/bad/expectations.toml")).unwrap(),
    )
    .unwrap();
    let (mut rejected, mut accepted) = (0, 0);
    for case in catalogue["case"].as_array().unwrap() {
        let file = case["file"].as_str().unwrap();
        let code = case.get("code").and_then(|c| c.as_str());
        let dir = repo().join("tests/bad");
        let Some(value) = std::fs::read_to_string(dir.join(file))
            .ok()
            .and_then(|t| front_matter(&t))
        else {
            continue;
        };
        let in_house = file.contains('/');
        if code.is_some_and(|c| refused.contains(&c)) {
            let house_path = dir.join(file).with_file_name("missive.toml");
            let own = letter.is_valid(&value);
            let house_ok = !in_house
                || house.is_valid(&to_json(
                    toml::from_str(&std::fs::read_to_string(house_path).unwrap()).unwrap(),
                ));
            assert!(!own || !house_ok, "{file} ({code:?}) passes the schema");
            rejected += 1;
        } else if case["status"].as_integer() == Some(0) && case.get("warning").is_none() {
            let errors: Vec<String> = letter.iter_errors(&value).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{file}: {errors:?}");
            accepted += 1;
        }
    }
    assert!(
        rejected >= 8 && accepted >= 3,
        "{rejected} refused, {accepted} accepted"
    );
}

#[test]
fn init_makes_a_house_whose_letter_renders_and_refuses_a_full_folder() {
    let dir = tempfile::tempdir().unwrap();
    let output = missive(dir.path(), &["init", "rights-watch"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(
        said.contains("missive render rights-watch/letters/first-letter.md"),
        "{said}"
    );
    let house = dir.path().join("rights-watch");
    let toml = std::fs::read_to_string(house.join("missive.toml")).unwrap();
    assert!(
        toml.starts_with("#:schema ./missive.schema.json\n"),
        "{toml}"
    );
    let schema = std::fs::read_to_string(house.join("missive.schema.json")).unwrap();
    assert_eq!(schema, stdout(&missive(&repo(), &["schema", "house"])));
    let ignore = std::fs::read_to_string(house.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*.pdf"));

    let render = missive(
        dir.path(),
        &["render", "rights-watch/letters/first-letter.md"],
    );
    assert!(render.status.success(), "{}", stderr(&render));
    let pdf = house.join("letters/first-letter.pdf");
    assert_in_order(
        &pdf_text(&pdf),
        &["rights-watch", "Dear Minister,", "Your name"],
    );

    // Not again into the same folder, nor into a folder with anything in it.
    let again = missive(dir.path(), &["init", "rights-watch"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("error[M1109]: rights-watch is not empty"));
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join(".keep"), "").unwrap();
    let refused = missive(&other, &["init"]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert_eq!(std::fs::read_dir(&other).unwrap().count(), 1);
    // An empty folder is filled.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert!(missive(&empty, &["init"]).status.success());
    assert!(empty.join("letters/first-letter.md").is_file());
}

#[test]
fn json_render_names_each_written_file_and_keeps_stdout_json_only() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples/house"), dir.path());
    let letter = "2026-03-02-spyware-exports.md";
    let output = missive(
        dir.path(),
        &[
            "render",
            "--message-format",
            "json",
            "--format",
            "png",
            letter,
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let written: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["reason"] == "file-written")
        .collect();
    assert!(written.len() >= 2, "{lines:?}");
    for (i, line) in written.iter().enumerate() {
        assert_eq!(line["source"], letter);
        assert_eq!(line["kind"], "png");
        assert_eq!(line["pages"], 1);
        let file = line["file"].as_str().unwrap();
        assert_eq!(file, format!("2026-03-02-spyware-exports-{}.png", i + 1));
        assert!(dir.path().join(file).is_file());
    }
    assert_eq!(lines.last().unwrap()["reason"], "run-finished");
    assert!(stderr(&output).contains("rendered 2026-03-02-spyware-exports.md ->"));
}

#[test]
fn colour_follows_the_option_then_no_color() {
    let dir = tempfile::tempdir().unwrap();
    write_letter(dir.path(), "empty.md", "");
    let escape = |output: &Output| stderr(output).contains('\u{1b}');
    let plain = missive_env(dir.path(), &["check", "empty.md"], &[]);
    assert!(!escape(&plain), "a pipe is not coloured by default");
    let always = missive_env(dir.path(), &["--color", "always", "check", "empty.md"], &[]);
    assert!(escape(&always), "{}", stderr(&always));
    let over_no_color = missive_env(
        dir.path(),
        &["check", "empty.md", "--color=always"],
        &[("NO_COLOR", "1")],
    );
    assert!(escape(&over_no_color), "--color always wins over NO_COLOR");
    let never = missive_env(dir.path(), &["--color", "never", "check", "empty.md"], &[]);
    assert!(!escape(&never));
    assert!(stderr(&never).starts_with("error[M0105]: the letter is empty"));
}

/// Runs `command` (a shell line) on a pseudo-terminal with `script`, in `cwd`; its
/// output as the terminal shows it. `None` when `script` is not installed.
fn on_a_terminal(cwd: &Path, command: &str) -> Option<String> {
    if !tool_available("script", &["--version"]) {
        return None;
    }
    let output = Command::new("script")
        .args(["-qec", command, "/dev/null"])
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn on_a_terminal_reports_are_coloured_unless_no_color_and_import_shows_progress() {
    let dir = tempfile::tempdir().unwrap();
    write_letter(dir.path(), "empty.md", "");
    let bin = env!("CARGO_BIN_EXE_missive");
    let Some(coloured) = on_a_terminal(dir.path(), &format!("{bin} check empty.md")) else {
        return;
    };
    assert!(coloured.contains("\u{1b}["), "{coloured:?}");
    let plain = on_a_terminal(dir.path(), &format!("NO_COLOR=1 {bin} check empty.md")).unwrap();
    assert!(
        plain.contains("error[M0105]") && !plain.contains('\u{1b}'),
        "{plain:?}"
    );

    // A folder import draws its bar (`0/2` …) on a terminal, and none into a pipe.
    std::fs::write(dir.path().join("missive.toml"), "").unwrap();
    std::fs::create_dir_all(dir.path().join("texts/fr")).unwrap();
    let fixture = |name: &str| repo().join("tests/import").join(name);
    std::fs::copy(
        fixture("web_one_signatory.txt"),
        dir.path().join("texts/a.txt"),
    )
    .unwrap();
    std::fs::copy(
        fixture("french_date.txt"),
        dir.path().join("texts/fr/b.txt"),
    )
    .unwrap();
    let shown = on_a_terminal(dir.path(), &format!("{bin} import texts -o out")).unwrap();
    assert!(shown.contains("0/2") || shown.contains("1/2"), "{shown:?}");
    assert!(shown.contains("texts/a.txt -> out/a.md"), "{shown:?}");
    let piped = missive(dir.path(), &["import", "texts", "-o", "again"]);
    assert!(piped.status.success(), "{}", stderr(&piped));
    assert!(!stderr(&piped).contains("/2"), "{}", stderr(&piped));
}

#[test]
fn taplo_checks_the_house_file_init_writes_against_its_schema() {
    if !tool_available("taplo", &["--version"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    assert!(missive(dir.path(), &["init", "house"]).status.success());
    let house = dir.path().join("house");
    let taplo = || {
        Command::new("taplo")
            .args(["check", "missive.toml"])
            .current_dir(&house)
            .env("RUST_LOG", "error")
            .output()
            .unwrap()
    };
    let fresh = taplo();
    assert!(fresh.status.success(), "{}", stderr(&fresh));
    let toml = std::fs::read_to_string(house.join("missive.toml")).unwrap();
    let cases = [
        ("lang = \"en\"", "lang = \"en\"\nsubjet = \"x\"", "subjet"),
        ("paper = \"a4\"", "paper = \"a5\"", "a5"),
        ("# accent = \"#0b5394\"", "accent = \"blue\"", "blue"),
    ];
    for (from, to, named) in cases {
        std::fs::write(house.join("missive.toml"), toml.replacen(from, to, 1)).unwrap();
        let refused = taplo();
        let said = format!("{}{}", stdout(&refused), stderr(&refused));
        assert!(!refused.status.success(), "taplo accepts {to:?}");
        assert!(said.contains(named), "{said}");
    }
}
