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

/// A name: two to six capitalised words (particles allowed), no digits; in a script
/// without capitals (Arabic), two to six words; in Chinese, two to four characters.
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    if let [word] = words.as_slice()
        && (2..=4).contains(&word.chars().count())
        && word.chars().all(han)
    {
        return !CJK_ROLES.iter().any(|r| word.contains(r));
    }
    let capitalised = |w: &&str| {
        w.trim_start_matches(['(', '"', '“'])
            .chars()
            .next()
            .is_some_and(|c| {
                c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase() && !han(c))
            })
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

/// Words of job titles and organisations in Chinese, which does not part its words.
const CJK_ROLES: &[&str] = &[
    "主任",
    "主席",
    "总干事",
    "秘书长",
    "理事长",
    "负责人",
    "律师",
    "院长",
    "会长",
    "中心",
    "协会",
    "基金会",
    "委员会",
    "组织",
    "网络",
    "研究所",
    "联盟",
];

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
    rapporteur relatora relator commissioner comisionada comisionado председатель директор
    руководитель координатор юрист президент исполнительный исполнительная секретарь
    مدير مديرة المدير المديرة رئيس رئيسة الرئيس الرئيسة منسق منسقة المنسق الأمين الأمينة
    مستشار المستشار التنفيذي التنفيذية
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
    plataforma plateforme partners action accion rights derechos droits red defenders
    defensores defenseurs youth juventud jeunesse solidarity solidaridad solidarite центр фонд комитет
    организация ассоциация союз общество сеть движение المرصد مرصد منظمة المنظمة مركز المركز
    جمعية الجمعية شبكة الشبكة مؤسسة المؤسسة اللجنة لجنة حركة
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
    let cjk = |roles: &[&str]| roles.iter().any(|r| text.contains(r));
    if words.iter().any(|w| listed(TITLE_WORDS, w)) || cjk(&CJK_ROLES[..8]) {
        Role::Title
    } else if words.iter().any(|w| listed(ORGANIZATION_WORDS, w)) || cjk(&CJK_ROLES[8..]) {
        Role::Organization
    } else if is_name(text) {
        Role::Name
    } else {
        Role::Title
    }
}

/// Groups signature lines into people. Blank lines separate people when there are
/// several blocks; within one block a new person starts at a name after a title or
/// organisation line, unless it is the block's last line (`Name / Title / Assembly
/// Monitor`: an organisation whose name reads like a person's). A block of names alone
/// is one person per line.
pub fn signatories(lines: &[Line], blocks: &[Range<usize>]) -> Vec<Found<Signatory>> {
    let mut people = Vec::new();
    for block in blocks {
        let cells = columns(&lines[block.clone()]);
        let block = cells.as_deref().unwrap_or(&lines[block.clone()]);
        let roles: Vec<Role> = block.iter().map(|l| role(&l.text)).collect();
        let names_only = roles.iter().all(|r| *r == Role::Name) || is_organisation_list(&roles);
        let mut start = 0;
        for k in 1..=block.len() {
            let boundary = k == block.len()
                || names_only
                || (blocks.len() == 1
                    && roles[k] == Role::Name
                    && roles[k - 1] != Role::Name
                    && k + 1 < block.len());
            if boundary {
                people.push(person(&block[start..k]));
                start = k;
            }
        }
    }
    people
}

/// Whether a block lists organisations, one a line: three lines or more, most of them
/// named as organisations, none a job title (a coalition letter's signatories).
fn is_organisation_list(roles: &[Role]) -> bool {
    let organisations = roles.iter().filter(|r| **r == Role::Organization).count();
    roles.len() >= 3 && organisations * 2 > roles.len() && !roles.contains(&Role::Title)
}

/// A table of names flattened to text (`A | B` rows, as a PDF or a page gives a
/// two-column list of signatories), read down each column in turn: one line per cell,
/// numbered as its row. `None` unless every line has a `|`.
pub fn columns(block: &[Line]) -> Option<Vec<Line>> {
    if block.is_empty() || !block.iter().all(|l| l.text.contains('|')) {
        return None;
    }
    let rows: Vec<Vec<&str>> = block
        .iter()
        .map(|l| l.text.split('|').map(str::trim).collect())
        .collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for column in 0..width {
        for (row, line) in rows.iter().zip(block) {
            if let Some(cell) = row.get(column).filter(|c| !c.is_empty()) {
                out.push(Line {
                    text: (*cell).to_string(),
                    ..line.clone()
                });
            }
        }
    }
    Some(out)
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
    for (k, line) in lines.iter().enumerate().skip(1) {
        match role(&line.text) {
            Role::Organization => organizations.push(line.text.clone()),
            // The last line after a title, when no organisation was named, is the
            // organisation (its name may read like a person's).
            Role::Name
                if k + 1 == lines.len() && !titles.is_empty() && organizations.is_empty() =>
            {
                organizations.push(line.text.clone());
            }
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
    fn lists_of_organisations_and_flattened_tables() {
        let lines = crate::import::lines::split(
            "Farmworker Justice Alliance | Migrant Health Coalition\nBuilders Safety Network | National Day Laborer Union\nCenter for Occupational Health |\n",
        );
        let found = signatories(&lines, std::slice::from_ref(&(0..3)));
        let names: Vec<&str> = found.iter().map(|s| s.value.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Farmworker Justice Alliance",
                "Builders Safety Network",
                "Center for Occupational Health",
                "Migrant Health Coalition",
                "National Day Laborer Union"
            ]
        );
        assert!(found.iter().all(|s| s.value.organization.is_none()));
        // A person with a title and an organisation stays one signatory.
        let lines = crate::import::lines::split("Ana Ruiz\nDirector\nRights Watch\n");
        assert_eq!(signatories(&lines, std::slice::from_ref(&(0..3))).len(), 1);
    }

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
