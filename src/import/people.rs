//! The people who sign a letter: telling names, job titles and organisations apart in the
//! lines under the closing, and grouping those lines into signatories.

use std::ops::Range;

use super::found::{Found, Span};
use super::lines::{Line, fold, listed};

/// One person who signs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signatory {
    /// Full name.
    pub name: String,
    /// Job title (several lines joined with ", ").
    pub title: Option<String>,
    /// Organisation.
    pub organization: Option<String>,
}

/// Lower-case words that names (of people and organisations) contain.
const PARTICLES: &str = "
    de del della di da das do dos du la le las los van von der den ter ten bin bint ibn al el y
    e of for the and &
";

/// A name: two to six capitalised words (particles allowed), no digits.
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.trim_start_matches(['(', '"', '“'])
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    (2..=6).contains(&words.len())
        && text.chars().count() <= 60
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || ":;@/".contains(c))
        && words
            .iter()
            .all(|w| capitalised(w) || listed(PARTICLES, &fold(w)))
        && words.iter().any(capitalised)
}

/// Words of job titles, folded.
const TITLE_WORDS: &str = "
    director directora directeur directrice president presidenta vice chair chairperson chairman
    chairwoman executive ejecutivo ejecutiva executif officer manager coordinator
    coordinador coordinadora coordinateur coordinatrice researcher investigador investigadora
    chercheur chercheuse counsel advocate head secretary secretario secretaria secretaire
    general minister deputy senior associate program programme programa division founder
    fundador fundadora fondateur fondatrice representative representante representant lead
    advisor adviser asesor asesora conseiller conseillere specialist fellow professor profesor
    profesora professeur member miembro membre ceo coo cfo attorney lawyer abogado abogada
    avocat avocate editor consultant analyst trustee board spokesperson portavoz porte chief
    jefe jefa chef responsable delegate delegue deleguee delegado delegada codirector ombudsman
    rapporteur relatora relator commissioner comisionada comisionado
";

/// Words of organisation names, folded.
const ORGANIZATION_WORDS: &str = "
    watch international internacional internationale foundation fundacion fondation institute
    instituto institut center centre centro association asociacion network reseau coalition
    coalicion council consejo conseil committee comite commission comision union organization
    organisation organizacion society sociedad societe alliance alianza federation federacion
    fund fondo fonds trust project proyecto projet initiative iniciativa inc ltd llc university
    universidad universite group grupo groupe campaign campana amnesty amnistia ngo ong
    observatory observatorio observatoire forum foro movement movimiento mouvement collective
    colectivo collectif office oficina bureau clinic clinica league liga ligue platform
    plataforma plateforme partners action accion rights derechos droits
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Name,
    Title,
    Organization,
}

fn role(text: &str) -> Role {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| listed(TITLE_WORDS, w)) {
        Role::Title
    } else if words.iter().any(|w| listed(ORGANIZATION_WORDS, w)) {
        Role::Organization
    } else if is_name(text) {
        Role::Name
    } else {
        Role::Title
    }
}

/// Groups signature lines into people. Blank lines separate people when there are
/// several blocks; within one block a new person starts at a name after a title or
/// organisation line. A block of names alone is one person per line.
pub fn signatories(lines: &[Line], blocks: &[Range<usize>]) -> Vec<Found<Signatory>> {
    let mut people = Vec::new();
    for block in blocks {
        let block = &lines[block.clone()];
        let roles: Vec<Role> = block.iter().map(|l| role(&l.text)).collect();
        let names_only = roles.iter().all(|r| *r == Role::Name);
        let mut start = 0;
        for k in 1..=block.len() {
            let boundary = k == block.len()
                || names_only
                || (blocks.len() == 1 && roles[k] == Role::Name && roles[k - 1] != Role::Name);
            if boundary {
                people.push(person(&block[start..k]));
                start = k;
            }
        }
    }
    people
}

/// One person from their lines: the name (perhaps "Name, Title"), then titles and organisations.
fn person(lines: &[Line]) -> Found<Signatory> {
    let first = &lines[0].text;
    let (name, mut titles) = match first.split_once(", ") {
        Some((name, title))
            if is_name(name)
                && role(title) == Role::Title
                && title.chars().any(char::is_uppercase) =>
        {
            (name.to_string(), vec![title.to_string()])
        }
        _ => (first.clone(), Vec::new()),
    };
    let mut organizations = Vec::new();
    for line in &lines[1..] {
        match role(&line.text) {
            Role::Organization => organizations.push(line.text.clone()),
            Role::Name | Role::Title => titles.push(line.text.clone()),
        }
    }
    let join = |parts: Vec<String>| (!parts.is_empty()).then(|| parts.join(", "));
    Found {
        value: Signatory {
            name,
            title: join(titles),
            organization: join(organizations),
        },
        span: Span::of(lines),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_titles_and_organisations() {
        for name in [
            "José Miguel Vivanco",
            "Nicole M. Austin-Hillery",
            "Ana María de la Cruz",
            "Dr. Omar Haddad",
        ] {
            assert!(is_name(name), "{name}");
            assert_eq!(role(name), Role::Name, "{name}");
        }
        for title in [
            "Americas Executive Director",
            "Executive Director, US Program",
            "Coordinadora de Investigación",
            "Présidente",
        ] {
            assert_eq!(role(title), Role::Title, "{title}");
        }
        for org in [
            "Human Rights Watch",
            "Centro de Estudios Laborales",
            "Collectif Justice et Quartiers",
        ] {
            assert_eq!(role(org), Role::Organization, "{org}");
        }
        for not_a_name in [
            "Thank you for your attention",
            "Jane",
            "Room 101 Annex",
            "Ref: 12/AB",
        ] {
            assert!(!is_name(not_a_name), "{not_a_name}");
        }
    }
}
