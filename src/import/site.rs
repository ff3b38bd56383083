//! The lines a website prints above a letter it publishes, told by their shape rather
//! than by a fixed list ([`super::chrome`] holds the lists): breadcrumbs of any separator
//! style, share lines, bylines, "posted on" and reading-time lines, blocks of links under
//! a "Related" or "In this section" heading, the headline, and a teaser that repeats a
//! paragraph of the letter.

use std::collections::{HashMap, HashSet};

use super::head::is_delivery;
use super::lines::{Line, blocks, ends_sentence, fold, join_wrapped};

/// The first step of a breadcrumb trail.
const HOMES: &[&str] = &[
    "home",
    "accueil",
    "inicio",
    "startseite",
    "start",
    "portada",
    "главная",
    "الرئيسية",
    "首页",
];

/// Separators of breadcrumb trails.
const SEPARATORS: &[&str] = &[
    " > ", " » ", " / ", " | ", " › ", " → ", " :: ", " \\ ", " • ",
];

/// Whether a line is a breadcrumb trail: `Home > News > …`, `Accueil | Actualités`,
/// `World | Africa | Human rights` (two separators of one kind, short steps), or any
/// trail that starts at the site's home.
pub fn is_breadcrumb(text: &str) -> bool {
    let folded = fold(text);
    // A letterhead's contact line (`Tel: … | www.…`) is not a trail.
    let contact = ["@", "www.", "://", "tel", "fax", "+"];
    if contact.iter().any(|c| folded.contains(c)) {
        return false;
    }
    // Split before folding: folding makes `»` a quote.
    let lower = text.to_lowercase();
    SEPARATORS.iter().any(|sep| {
        let steps: Vec<&str> = lower.split(sep).map(str::trim).collect();
        // Steps are section names; a number other than a year is an address's.
        let year = |s: &str| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit());
        let short = steps.iter().all(|s| {
            !s.is_empty()
                && s.chars().count() <= 60
                && !ends_sentence(s)
                && (year(s) || !s.chars().any(|c| c.is_ascii_digit()))
        });
        let home = HOMES.contains(&fold(steps[0]).as_str());
        short && (steps.len() >= 3 || (steps.len() == 2 && home))
    })
}

/// Whether a line is a share bar: `Share: Facebook | Twitter`, `Partager :`, `Compartir:`.
pub fn is_share_line(text: &str) -> bool {
    let folded = fold(text);
    [
        "share",
        "share this",
        "share on",
        "partager",
        "partagez",
        "compartir",
        "comparte",
        "teilen",
        "مشاركة",
    ]
    .iter()
    .any(|label| {
        folded.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with(':') || rest.contains('|')
        })
    })
}

/// Whether a line says who wrote the page or when it was posted, or how long it reads:
/// `By Jane Roe | 5 min read`, `Posted on 12 May 2023 by …`, `Publié le 4 juin 2021`.
pub fn is_byline(text: &str) -> bool {
    let folded = fold(text);
    if is_delivery(text) || folded.chars().count() > 120 {
        return false;
    }
    let posted = [
        "posted on",
        "posted",
        "published",
        "publication date",
        "updated",
        "last updated",
        "publie le",
        "publie",
        "mis a jour",
        "publicado el",
        "publicado",
        "actualizado",
        "veroffentlicht",
        "aktualisiert",
        "نشر في",
        "تاريخ النشر",
    ];
    let has_digit = folded.chars().any(|c| c.is_ascii_digit());
    let by = [
        "by ",
        "par ",
        "por ",
        "von ",
        "written by",
        "posted by",
        "publie par",
        "redige par",
        "publicado por",
        "escrito por",
    ]
    .iter()
    .any(|p| folded.starts_with(p) && folded.split_whitespace().count() <= 16)
        && !ends_sentence(text);
    let read_time = [
        "min read",
        "minute read",
        "minutes read",
        "reading time",
        "temps de lecture",
        "tiempo de lectura",
        "lesezeit",
    ]
    .iter()
    .any(|w| folded.contains(w));
    by || read_time
        || posted.iter().any(|p| {
            folded
                .strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || (rest.starts_with([' ', ':']) && has_digit))
        })
}

/// Whether a line heads a block of links: "Related posts", "In this section", "Read
/// more:", "Articles liés", "Notas relacionadas" …
pub fn is_links_heading(text: &str) -> bool {
    let folded = fold(text);
    matches!(
        folded.trim_end_matches([':', '.']).trim(),
        "related"
            | "related posts"
            | "related articles"
            | "related links"
            | "related news"
            | "related stories"
            | "read more"
            | "read also"
            | "see also"
            | "more on this"
            | "more on this topic"
            | "in this section"
            | "in this series"
            | "latest news"
            | "most read"
            | "most popular"
            | "recommended"
            | "articles lies"
            | "articles similaires"
            | "lire aussi"
            | "a lire aussi"
            | "dans la meme rubrique"
            | "notas relacionadas"
            | "articulos relacionados"
            | "lee tambien"
            | "te puede interesar"
            | "mehr zum thema"
            | "das konnte sie auch interessieren"
            | "اقرأ أيضا"
    )
}

/// Words that open a page's headline over a letter.
const HEADLINE_WORDS: &[&str] = &[
    "open letter",
    "joint letter",
    "joint open letter",
    "letter to",
    "lettre ouverte",
    "lettre a",
    "lettre conjointe",
    "carta abierta",
    "carta a",
    "carta conjunta",
    "offener brief",
    "رسالة مفتوحة",
    "公开信",
];

/// Lines before the letter (`lines[..end]`, other chrome already blanked) that are the
/// page's headline or a teaser: the one-line block above a byline or a dropped line, or
/// one opening with "Open letter", "Lettre ouverte" …; a paragraph that the letter
/// repeats word for word after `end`, and a lead paragraph the page prints twice.
/// Returns their indices and why.
pub fn headline_and_teasers(
    lines: &[Line],
    end: usize,
    bylines: &[usize],
) -> Vec<(usize, &'static str)> {
    let later: HashSet<String> = blocks(&lines[end..])
        .into_iter()
        .map(|b| fold(&joined(&lines[b.start + end..b.end + end])))
        .collect();
    let mut out = Vec::new();
    let head = blocks(&lines[..end]);
    let texts: Vec<String> = head
        .iter()
        .map(|b| fold(&joined(&lines[b.clone()])))
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for text in &texts {
        *seen.entry(text).or_default() += 1;
    }
    for (k, block) in head.iter().enumerate() {
        let text = &texts[k];
        let long = text.split_whitespace().count() >= 8;
        let why = if long && later.contains(text) {
            Some("teaser that repeats a paragraph of the letter")
        } else if long && seen[text.as_str()] > 1 {
            Some("lead paragraph the page repeats")
        } else {
            None
        };
        if let Some(why) = why {
            out.extend(block.clone().map(|i| (i, why)));
            continue;
        }
        let first = &lines[block.start];
        let above_byline = bylines.contains(&block.end) || bylines.contains(&(block.end + 1));
        let keyword = HEADLINE_WORDS
            .iter()
            .any(|w| fold(&first.text).starts_with(w));
        if block.len() == 1 && !ends_sentence(&first.text) && (keyword || above_byline) {
            out.push((block.start, "headline of the page"));
        }
    }
    out
}

fn joined(lines: &[Line]) -> String {
    let mut text = String::new();
    for line in lines {
        join_wrapped(&mut text, &line.text);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    #[test]
    fn breadcrumbs_of_every_separator_style() {
        for line in [
            "Home > News > Letters",
            "Home / Letters",
            "Home » Archives by category » News",
            "Accueil | Actualités",
            "World | Africa | Human rights",
            "Inicio › Noticias › Cartas",
        ] {
            assert!(is_breadcrumb(line), "{line}");
        }
        for line in [
            "Farmworker Justice Alliance | Migrant Health Coalition",
            "Input / output",
            "Tel: +41 22 555 | Fax: +41 22 556 | www.x.org",
            "Calle Mayor 5 / Piso 3 / 28013 Madrid",
            "We wrote to them. | They answered. | Nothing changed.",
        ] {
            assert!(!is_breadcrumb(line), "{line}");
        }
    }

    #[test]
    fn share_lines_bylines_and_link_headings() {
        assert!(is_share_line("Share: Facebook | Twitter | Email"));
        assert!(is_share_line("Compartir:"));
        assert!(!is_share_line("Shared values matter."));
        for line in [
            "By Samuel Okoro | 9 August 2023 | 4 min read",
            "Posted on 12 May 2023 by Communications Team",
            "Published: 3 March 2022",
            "Publié le 4 juin 2021",
            "5 min read",
        ] {
            assert!(is_byline(line), "{line}");
        }
        for line in [
            "By email: office@x.org",
            "Published reports show that abuses continued.",
        ] {
            assert!(!is_byline(line), "{line}");
        }
        assert!(is_links_heading("Related posts"));
        assert!(is_links_heading("Read more:"));
        assert!(!is_links_heading("Related concerns"));
    }

    #[test]
    fn headline_and_a_teaser_that_the_letter_repeats() {
        let mut lines = split(
            "Release the reporters now\nPosted on 1 May 2023\n\nWe urge the release of the eleven reporters held since March.\n\nLetterhead Org\n\n1 May 2023\n\nWe urge the release of the eleven reporters held since March.\n",
        );
        lines[1].text.clear(); // the byline, dropped before

        let found = headline_and_teasers(&lines, 7, &[1]);
        assert_eq!(
            found,
            [
                (0, "headline of the page"),
                (3, "teaser that repeats a paragraph of the letter")
            ]
        );
    }
}
