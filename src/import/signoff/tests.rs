//! Sign-offs with and without closings, in several languages, and what is not one.

use super::*;
use crate::import::lines::split;

fn people(signoff: &SignOff) -> Vec<(String, Option<String>, Option<String>)> {
    signoff
        .signatories
        .iter()
        .map(|s| {
            (
                s.value.name.clone(),
                s.value.title.clone(),
                s.value.organization.clone(),
            )
        })
        .collect()
}

fn read(text: &str) -> (SignOff, Vec<Line>) {
    let lines = split(text);
    let signoff = recognise(&lines, 0, lines.len());
    (signoff, lines)
}

fn p(
    name: &str,
    title: Option<&str>,
    org: Option<&str>,
) -> (String, Option<String>, Option<String>) {
    (name.into(), title.map(Into::into), org.map(Into::into))
}

#[test]
fn people_in_blocks_without_a_closing() {
    let (signoff, lines) = read(
        "Last paragraph of the body.\n\nAna María de la Cruz\nSenior Researcher, Americas\nCoastal Rights Initiative\n\nTomás Ortega\nAdvocacy Director\nCoastal Rights Initiative\n",
    );
    assert_eq!(
        people(&signoff),
        [
            p(
                "Ana María de la Cruz",
                Some("Senior Researcher, Americas"),
                Some("Coastal Rights Initiative")
            ),
            p(
                "Tomás Ortega",
                Some("Advocacy Director"),
                Some("Coastal Rights Initiative")
            ),
        ]
    );
    assert!(signoff.closing.is_none());
    assert_eq!(lines[signoff.start - 1].text, "Last paragraph of the body.");
}

#[test]
fn three_people_without_blank_lines_after_a_closing() {
    let (signoff, _) = read(
        "Text.\n\nSincerely,\n\nLena Fischer\nExecutive Director\nNorthern Law Centre\nKwame Mensah\nLegal Adviser\nPriya Raman\nProgramme Officer, Asia\nPanel Watch\n",
    );
    assert_eq!(signoff.closing.as_ref().unwrap().value, "Sincerely,");
    assert_eq!(
        people(&signoff),
        [
            p(
                "Lena Fischer",
                Some("Executive Director"),
                Some("Northern Law Centre")
            ),
            p("Kwame Mensah", Some("Legal Adviser"), None),
            p(
                "Priya Raman",
                Some("Programme Officer, Asia"),
                Some("Panel Watch")
            ),
        ]
    );
}

#[test]
fn closing_at_the_end_of_a_paragraph_and_name_with_title_on_one_line() {
    let (signoff, lines) =
        read("We thank you.\nYours sincerely,\n\nJane Okafor, Director of Research\n");
    assert_eq!(signoff.closing.as_ref().unwrap().value, "Yours sincerely,");
    assert_eq!(
        people(&signoff),
        [p("Jane Okafor", Some("Director of Research"), None)]
    );
    assert_eq!(signoff.start, 1);
    assert_eq!(lines[0].text, "We thank you.");
}

#[test]
fn french_formula_and_tail_items() {
    let (signoff, _) = read(
        "Texte.\n\nVeuillez agréer, Madame la Ministre,\nl’expression de notre haute considération.\n\nClaire Dubois\nDirectrice\ncc : M. Paul Martin ; Mme Sophie Laurent\nP.J. : rapport annuel\n\nP.S. Une dernière\nremarque.\n",
    );
    assert_eq!(
        signoff.closing.as_ref().unwrap().value,
        "Veuillez agréer, Madame la Ministre, l’expression de notre haute considération."
    );
    assert_eq!(
        people(&signoff),
        [p("Claire Dubois", Some("Directrice"), None)]
    );
    let cc: Vec<&str> = signoff.cc.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(cc, ["M. Paul Martin", "Mme Sophie Laurent"]);
    assert_eq!(signoff.enclosures[0].value, "rapport annuel");
    assert_eq!(
        signoff.postscript.as_ref().unwrap().value,
        "Une dernière remarque."
    );
}

#[test]
fn after_the_closing_unknown_blocks_are_not_placed() {
    let (signoff, _) = read(
        "Text.\n\nBest regards,\nAmina Yusuf\nCoordinator\n\nShare on social media\nRelated Stories\n\ncc: Board\n",
    );
    assert_eq!(
        people(&signoff),
        [p("Amina Yusuf", Some("Coordinator"), None)]
    );
    let unplaced: Vec<&str> = signoff.unplaced.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(unplaced, ["Share on social media", "Related Stories"]);
    assert_eq!(signoff.cc[0].value, "Board");
}

#[test]
fn a_short_closing_before_signatures_without_a_known_closing() {
    let (signoff, _) = read("Text.\n\nOn behalf of the undersigned,\n\nAmina Yusuf\n");
    assert_eq!(
        signoff.closing.as_ref().unwrap().value,
        "On behalf of the undersigned,"
    );
    assert_eq!(signoff.signatories.len(), 1);
}

#[test]
fn a_body_sentence_is_not_a_signature() {
    let (signoff, lines) = read("We hope to hear from you soon\n");
    assert!(signoff.signatories.is_empty());
    assert_eq!(signoff.start, lines.len() - 1);
}
