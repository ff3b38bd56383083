//! The lines of a plain-text letter, normalised for recognition: line endings (CR LF, CR,
//! form feeds from PDF extraction), indentation, runs of spaces, invisible characters.

use std::ops::Range;

/// One line of the text being imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the text file.
    pub number: usize,
    /// Leading indentation in columns (a tab counts 4).
    pub indent: usize,
    /// The text, trimmed, with runs of spaces and tabs collapsed to one space; empty when blank.
    pub text: String,
}

impl Line {
    /// Whether the line holds no text.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Length in characters.
    pub fn len(&self) -> usize {
        self.text.chars().count()
    }
}

/// Splits a text into normalised lines, numbered from 1.
pub fn split(text: &str) -> Vec<Line> {
    let text = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{c}', '\u{2028}', '\u{2029}'], "\n");
    text.split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let indent = raw
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum();
            Line {
                number: i + 1,
                indent,
                text: normalise(raw),
            }
        })
        .collect()
}

/// Collapses runs of white space to one space, drops control and zero-width characters,
/// trims. A lone non-breaking space is kept (the writer's typography); one next to other
/// spaces (`&nbsp; ` on a web page) is part of a run.
fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut run = String::new();
    for c in raw.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        if c.is_control() || c == '\u{200b}' || c == '\u{feff}' {
            continue;
        }
        if !run.is_empty() && !out.is_empty() {
            out.push(if run.chars().count() == 1 && run != "\t" {
                run.chars().next().unwrap_or(' ')
            } else {
                ' '
            });
        }
        run.clear();
        out.push(c);
    }
    out
}

/// Index ranges of the blocks of `lines`: runs of non-blank lines.
pub fn blocks(lines: &[Line]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.is_blank(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lines.len());
    }
    out
}

/// Lower case, curly quotes made straight, accents of Latin letters removed: the form
/// in which words and patterns are compared.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' | '´' | '`' => '\'',
            '“' | '”' | '«' | '»' => '"',
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect()
}

/// `text` without a prefix compared in folded form (see [`fold`]); `prefix` is folded.
pub fn strip_prefix_folded<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut folded = String::new();
    for (i, c) in text.char_indices() {
        if folded == prefix {
            return Some(&text[i..]);
        }
        folded.push_str(&fold(c.encode_utf8(&mut [0; 4])));
        if !prefix.starts_with(&folded) {
            return None;
        }
    }
    (folded == prefix).then_some("")
}

/// The value after a label at the start of a line (`Re: …`, `cc :`, `P.S. …`), trimmed;
/// `labels` are folded. A label alone on its line gives an empty value.
pub fn labelled<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    labels.iter().find_map(|label| {
        let rest = strip_prefix_folded(text, label)?;
        let spaced = rest.trim_start();
        if let Some(value) = spaced.strip_prefix(':') {
            Some(value.trim())
        } else if spaced.is_empty() || (label.ends_with('.') && rest.starts_with(' ')) {
            Some(spaced)
        } else {
            None
        }
    })
}

/// Appends a hard-wrapped line to the text before it: with a space, or directly after a
/// word-joining hyphen or a slash (`long-` + `term`, `https://x.org/` + `a`).
pub fn join_wrapped(text: &mut String, next: &str) {
    let mut tail = text.chars().rev();
    let glued = match (tail.next(), tail.next()) {
        (Some('-'), Some(before)) => before.is_alphanumeric(),
        (Some('/'), _) => true,
        _ => false,
    };
    if !glued && !text.is_empty() {
        text.push(' ');
    }
    text.push_str(next);
}

/// Whether `word` is one of the whitespace-separated words of `list`.
pub fn listed(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

/// Abbreviations that end with a full stop without ending a sentence.
const ABBREVIATIONS: &str = "
    jr sr esq inc ltd co corp st ave blvd no dr mr mrs ms prof hon rev sra dra mme mlle etc
";

/// Whether a line ends a sentence (`.`, `!`, `?`, possibly inside closing quotes), rather
/// than with an abbreviation (`Jr.`, `D.C.`) or an initial (`M.`).
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    let Some(last) = trimmed.chars().next_back() else {
        return false;
    };
    if last == '!' || last == '?' || last == '…' {
        return true;
    }
    if last != '.' {
        return false;
    }
    let word = trimmed
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.');
    !(initial || dotted || listed(ABBREVIATIONS, &fold(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_endings_spaces_and_invisible_characters() {
        let lines = split(
            "  Washington, DC\u{a0} 20050\r\n\tindented\u{200b}\rlast\u{c}page\t2 \n20\u{a0}000",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Washington, DC 20050",
                "indented",
                "last",
                "page 2",
                "20\u{a0}000"
            ]
        );
        assert_eq!(
            (lines[0].indent, lines[1].indent, lines[1].number),
            (2, 4, 2)
        );
    }

    #[test]
    fn blocks_are_runs_of_non_blank_lines() {
        let lines = split("a\nb\n\n\nc\n");
        assert_eq!(blocks(&lines), vec![0..2, 4..5]);
    }

    #[test]
    fn joins_wrapped_lines() {
        let mut text = String::from("long-");
        join_wrapped(&mut text, "term and");
        join_wrapped(&mut text, "https://x.org/");
        join_wrapped(&mut text, "a -");
        join_wrapped(&mut text, "b");
        assert_eq!(text, "long-term and https://x.org/a - b");
    }

    #[test]
    fn sentence_ends_but_not_abbreviations() {
        for line in ["We agree.", "Really?", "He said “yes.”", "(See above.)"] {
            assert!(ends_sentence(line), "{line}");
        }
        for line in [
            "Washington, D.C.",
            "John Smith Jr.",
            "Nicole M.",
            "Sincerely,",
            "Director",
        ] {
            assert!(!ends_sentence(line), "{line}");
        }
    }

    #[test]
    fn labels_and_their_values() {
        assert_eq!(
            labelled("RE: Visit of June", &["re"]),
            Some("Visit of June")
        );
        assert_eq!(labelled("Objet : détention", &["objet"]), Some("détention"));
        assert_eq!(
            labelled("P.S. One more thing", &["p.s."]),
            Some("One more thing")
        );
        assert_eq!(labelled("cc", &["cc"]), Some(""));
        assert_eq!(labelled("Regarding the plan", &["re"]), None);
        assert_eq!(labelled("Subject to approval", &["subject"]), None);
    }

    #[test]
    fn strips_folded_prefixes() {
        assert_eq!(
            strip_prefix_folded("Copie à : Jean", "copie a"),
            Some(" : Jean")
        );
        assert_eq!(strip_prefix_folded("CC:", "cc"), Some(":"));
        assert_eq!(strip_prefix_folded("Concerning", "cc"), None);
    }

    #[test]
    fn fold_ignores_case_accents_and_curly_quotes() {
        assert_eq!(
            fold("Février ÉTÉ d’agréer “x”"),
            "fevrier ete d'agreer \"x\""
        );
    }
}
