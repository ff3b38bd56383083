//! PDF standards a letter can be exported to (`--pdf-standard`, `pdf_standard` in
//! `missive.toml`): the stock Typst CLI's names, parsed and checked in one place, and
//! which standards make a PDF carry the letter's own sources.

use typst_pdf::{PdfStandard, PdfStandards};

/// Every standard by the name the stock Typst CLI gives it.
pub const NAMES: &[(&str, PdfStandard)] = &[
    ("1.4", PdfStandard::V_1_4),
    ("1.5", PdfStandard::V_1_5),
    ("1.6", PdfStandard::V_1_6),
    ("1.7", PdfStandard::V_1_7),
    ("2.0", PdfStandard::V_2_0),
    ("a-1b", PdfStandard::A_1b),
    ("a-1a", PdfStandard::A_1a),
    ("a-2b", PdfStandard::A_2b),
    ("a-2u", PdfStandard::A_2u),
    ("a-2a", PdfStandard::A_2a),
    ("a-3b", PdfStandard::A_3b),
    ("a-3u", PdfStandard::A_3u),
    ("a-3a", PdfStandard::A_3a),
    ("a-4", PdfStandard::A_4),
    ("a-4f", PdfStandard::A_4f),
    ("a-4e", PdfStandard::A_4e),
    ("ua-1", PdfStandard::Ua_1),
];

/// The stock CLI's name of a standard.
pub fn name(standard: PdfStandard) -> &'static str {
    NAMES
        .iter()
        .find(|(_, s)| *s == standard)
        .map_or("?", |(name, _)| name)
}

/// Parses a comma-separated list of standard names (`a-3b,ua-1`) and checks that the
/// standards can be combined (one PDF version, at most one PDF/A and one PDF/UA, with an
/// overlapping range of PDF versions). The error is one plain sentence for the user.
pub fn parse_standards(list: &str) -> Result<Vec<PdfStandard>, String> {
    let mut standards = Vec::new();
    for item in list.split(',') {
        let item = item.trim();
        if item.is_empty() {
            return Err(format!(
                "`{list}` has an empty entry; separate standard names with single commas, e.g. `a-3b,ua-1`"
            ));
        }
        let Some((_, standard)) = NAMES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(item))
        else {
            let known: Vec<&str> = NAMES.iter().map(|(name, _)| *name).collect();
            return Err(format!(
                "unknown PDF standard `{item}`; known standards: {}",
                known.join(", ")
            ));
        };
        if !standards.contains(standard) {
            standards.push(*standard);
        }
    }
    PdfStandards::new(&standards).map_err(|err| {
        let mut message = format!("these PDF standards cannot be combined: {}", err.message());
        for hint in err.hints() {
            message.push_str(&format!("; {hint}"));
        }
        message
    })?;
    Ok(standards)
}

/// Whether PDFs made to these standards embed the letter's sources: the PDF/A levels that
/// allow attachments (PDF/A-3 and PDF/A-4f; PDF/A-1, PDF/A-2 and plain PDF/A-4 forbid them).
pub fn embeds_sources(standards: &[PdfStandard]) -> bool {
    standards.iter().any(|s| {
        matches!(
            s,
            PdfStandard::A_3b | PdfStandard::A_3u | PdfStandard::A_3a | PdfStandard::A_4f
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_stock_names_and_checks_combinations() {
        assert_eq!(
            parse_standards("a-3b, ua-1").unwrap(),
            vec![PdfStandard::A_3b, PdfStandard::Ua_1]
        );
        assert_eq!(parse_standards("A-2B").unwrap(), vec![PdfStandard::A_2b]);
        assert_eq!(parse_standards("1.7").unwrap(), vec![PdfStandard::V_1_7]);
        let unknown = parse_standards("a-3b,a-5").unwrap_err();
        assert!(
            unknown.starts_with("unknown PDF standard `a-5`; known standards: 1.4,"),
            "{unknown}"
        );
        let empty = parse_standards("a-3b,,ua-1").unwrap_err();
        assert!(empty.contains("empty entry"), "{empty}");
        let two = parse_standards("a-2b,a-3b").unwrap_err();
        assert!(two.contains("at most one PDF/A"), "{two}");
        let version = parse_standards("a-1b,2.0").unwrap_err();
        assert!(version.contains("cannot be combined"), "{version}");
    }

    #[test]
    fn only_pdf_a_levels_with_attachments_embed_sources() {
        assert!(embeds_sources(&[PdfStandard::A_3b, PdfStandard::Ua_1]));
        assert!(embeds_sources(&[PdfStandard::A_4f]));
        assert!(!embeds_sources(&[PdfStandard::A_2b]));
        assert!(!embeds_sources(&[PdfStandard::Ua_1]));
        assert!(!embeds_sources(&[]));
    }
}
