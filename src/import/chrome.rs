//! Site chrome around a scraped letter: navigation lines before it ("Skip to main
//! content", menus, "Donate"), appeals and footers after it. Built-in rules, extended by
//! the `[import]` table of the house file `missive.toml` ([`ImportRules`]).
//!
//! A pattern matches a whole line, ignoring case, accents and curly quotes; `*` stands for
//! any run of characters (`"Share this via *"`, `"*tax-deductible*"`).

use std::ops::Range;

use super::lines::{self, Line, ends_sentence, fold};
use super::site;
use crate::letter::house::ImportRules;

/// Navigation and sharing lines of web pages, dropped before and after the letter.
const BUILTIN_DROP_LINES: &[&str] = &[
    "Skip to main content",
    "Skip to content",
    "Skip to navigation",
    "Skip navigation",
    "Jump to navigation",
    "Aller au contenu*",
    "Passer au contenu*",
    "Saltar al contenido*",
    "Ir al contenido*",
    "Main menu",
    "Menu",
    "Toggle navigation",
    "Open menu",
    "Close menu",
    "Close",
    "Search",
    "Search this site",
    "Donate",
    "Donate now",
    "Give now",
    "Home",
    "Share",
    "Share this",
    "Share this via *",
    "Print",
    "Print this page",
    "Email",
    "E-mail",
    "Facebook",
    "Twitter",
    "LinkedIn",
    "WhatsApp",
    "Download PDF",
    "Download the PDF",
    "Download * (PDF*)",
    "Back to top",
    "Subscribe",
    "Log in",
    "Sign in",
    "Languages",
    "Breadcrumb",
    "You are here*",
    "Available in *",
    "Read more",
    "Privacy policy",
    "Terms of use",
    "Cookie policy",
    "Advertisement",
    "Publicité",
    "Publicidad",
    "Anzeige",
    "Read the full letter*",
    "Read the letter below*",
    "Download the full letter*",
    "Lire la lettre*",
    "Leer la carta*",
];

/// Appeals and footers that end a web page: the line and everything below it are dropped.
const BUILTIN_DROP_AFTER: &[&str] = &[
    "Your tax deductible gift *",
    "Your tax-deductible gift *",
    "Support our work*",
    "Make a donation*",
    "Make a gift*",
    "Donate now*",
    "Get updates*",
    "Sign up for our newsletter*",
    "Stay informed*",
    "Related content",
    "Related reading",
    "More reading",
    "Most viewed",
    "Region / Country",
    "Tags: *",
    "Tagged: *",
    "Filed under*",
    "Etiquetas: *",
    "Mots-cles*",
    "Schlagworter*",
    "Suscribete*",
    "Abonnez-vous*",
    "Inscrivez-vous*",
    "Nous soutenir",
    "Faire un don*",
    "Haz tu donativo*",
    "Post a comment",
    "Leave a comment*",
    "Leave a reply",
    "© *",
    "Copyright © *",
];

/// A line left out of the letter, with the rule that dropped it.
#[derive(Debug, Clone)]
pub struct Dropped {
    /// The line as read.
    pub line: Line,
    /// Which rule matched, e.g. `built-in drop_lines "Menu"`.
    pub rule: String,
}

/// The lines with chrome removed (dropped lines are left blank, so blocks stay apart).
#[derive(Debug)]
pub struct Stripped {
    /// Every line of the text; dropped ones blanked.
    pub lines: Vec<Line>,
    /// What was dropped, in order.
    pub dropped: Vec<Dropped>,
}

/// One pattern and where it comes from.
struct Rule<'a> {
    key: &'static str,
    pattern: &'a str,
    builtin: bool,
}

impl Rule<'_> {
    fn describe(&self) -> String {
        let from = if self.builtin {
            "built-in"
        } else {
            "missive.toml"
        };
        format!("{from} {} \"{}\"", self.key, self.pattern)
    }
}

fn rules<'a>(key: &'static str, builtin: &'a [&'a str], house: &'a [String]) -> Vec<Rule<'a>> {
    let builtin = builtin.iter().map(move |p| Rule {
        key,
        pattern: p,
        builtin: true,
    });
    let house = house.iter().map(move |p| Rule {
        key,
        pattern: p.as_str(),
        builtin: false,
    });
    house.chain(builtin).collect()
}

fn first_match<'r>(rules: &'r [Rule], line: &Line) -> Option<&'r Rule<'r>> {
    if line.is_blank() {
        return None;
    }
    let text = fold(&line.text);
    rules
        .iter()
        .find(|rule| glob_match(&fold(rule.pattern.trim()), &text))
}

/// Removes chrome before `start` (the first line known to belong to the letter, if any)
/// and after the letter.
pub fn strip(lines: &[Line], start: Option<usize>, house: &ImportRules) -> Stripped {
    let drop_lines = rules("drop_lines", BUILTIN_DROP_LINES, &house.drop_lines);
    let drop_before = rules("drop_before", &[], &house.drop_before);
    let drop_after = rules("drop_after", BUILTIN_DROP_AFTER, &house.drop_after);
    let mut out = Stripped {
        lines: lines.to_vec(),
        dropped: Vec::new(),
    };

    // Without a known start, only the leading run of chrome lines is the head.
    let head_end = start.unwrap_or_else(|| {
        lines
            .iter()
            .position(|l| {
                !l.is_blank()
                    && first_match(&drop_lines, l).is_none()
                    && first_match(&drop_before, l).is_none()
                    && site_line(&l.text).is_none()
            })
            .unwrap_or(lines.len())
    });
    let mut cut = 0;
    if let Some((i, rule)) = (0..head_end)
        .rev()
        .find_map(|i| first_match(&drop_before, &lines[i]).map(|r| (i, r)))
    {
        let rule = format!("{} (line {})", rule.describe(), lines[i].number);
        for j in 0..=i {
            out.drop(j, rule.clone());
        }
        cut = i + 1;
    }
    out.drop_head(&drop_lines, cut..head_end);

    let mut end = lines.len();
    let after_start = start.map_or(head_end, |s| s + 1);
    for i in after_start.max(1)..lines.len() {
        let previous = &lines[i - 1];
        let in_list = previous.len() < 40 && !ends_sentence(&previous.text);
        let rule = first_match(&drop_after, &lines[i])
            .map(Rule::describe)
            .or_else(|| {
                site::is_links_heading(&lines[i].text).then(|| "built-in links heading".into())
            });
        if (previous.is_blank() || in_list)
            && let Some(rule) = rule
        {
            let rule = format!("{rule} (line {})", lines[i].number);
            for j in i..lines.len() {
                out.drop(j, rule.clone());
            }
            end = i;
            break;
        }
    }
    for i in (after_start..end).rev() {
        if lines[i].is_blank() {
            continue;
        }
        match first_match(&drop_lines, &lines[i]) {
            Some(rule) => out.drop(i, rule.describe()),
            None if site::is_share_line(&lines[i].text) => {
                out.drop(i, "built-in share line".into());
            }
            None => break,
        }
    }
    out.dropped.sort_by_key(|d| d.line.number);
    out
}

/// What kind of site line a line before the letter is, by its shape.
fn site_line(text: &str) -> Option<&'static str> {
    if site::is_share_line(text) {
        Some("share line")
    } else if site::is_byline(text) {
        Some("byline")
    } else if site::is_breadcrumb(text) {
        Some("breadcrumb")
    } else {
        None
    }
}

impl Stripped {
    /// Drops the chrome among the lines `head` before the letter: lines matching
    /// `drop_lines`, site lines told by their shape, blocks of links, the headline and a
    /// teaser.
    fn drop_head(&mut self, drop_lines: &[Rule], head: Range<usize>) {
        let lines = self.lines.clone();
        let mut bylines = Vec::new();
        for (i, line) in lines.iter().enumerate().take(head.end).skip(head.start) {
            if let Some(rule) = first_match(drop_lines, line) {
                self.drop(i, rule.describe());
            } else if let Some(kind) = site_line(&line.text) {
                bylines.extend((kind == "byline").then_some(i));
                self.drop(i, format!("built-in {kind}"));
            }
        }
        for block in lines::blocks(&self.lines[..head.end]) {
            let heading = self.lines[block.start].text.clone();
            if site::is_links_heading(&heading) {
                let rule = format!("built-in links under \"{heading}\"");
                block.for_each(|i| self.drop(i, rule.clone()));
            }
        }
        for (i, why) in site::headline_and_teasers(&self.lines, head.end, &bylines) {
            self.drop(i, format!("built-in {why}"));
        }
    }

    fn drop(&mut self, i: usize, rule: String) {
        if self.lines[i].is_blank() {
            return;
        }
        let line = std::mem::take(&mut self.lines[i].text);
        self.dropped.push(Dropped {
            line: Line {
                text: line,
                ..self.lines[i].clone()
            },
            rule,
        });
    }
}

/// Whether `text` matches `pattern` as a whole, `*` matching any run of characters.
fn glob_match(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return pattern == text;
    };
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text.as_str())
            .collect()
    }

    #[test]
    fn glob_matches_whole_lines() {
        assert!(glob_match("menu", "menu"));
        assert!(!glob_match("menu", "menus"));
        assert!(glob_match("share this via *", "share this via facebook"));
        assert!(glob_match("*deductible*", "your tax deductible gift"));
        assert!(glob_match("a*b*a", "aba"));
        assert!(!glob_match("a*a", "a"));
    }

    #[test]
    fn drops_head_navigation_and_tail_appeals_only_around_the_letter() {
        let lines = split(
            "Skip to main content\nMenu\nOur Org\nJune 4, 2021\n\nDear all,\n\nHome\n\nText.\n\nShare this\n\nYour tax deductible gift helps.\nFooter\n",
        );
        let stripped = strip(&lines, Some(3), &ImportRules::default());
        assert_eq!(
            texts(&stripped.lines),
            ["Our Org", "June 4, 2021", "Dear all,", "Home", "Text."]
        );
        let rules: Vec<&str> = stripped.dropped.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(rules[0], "built-in drop_lines \"Skip to main content\"");
        assert_eq!(
            rules[3],
            "built-in drop_after \"Your tax deductible gift *\" (line 14)"
        );
        assert_eq!(stripped.dropped.len(), 5);
        let links =
            split("June 4, 2021\n\nText.\n\nShare this\nTwitter\nRelated content\nA story\n");
        let links = strip(&links, Some(0), &ImportRules::default());
        assert_eq!(texts(&links.lines), ["June 4, 2021", "Text."]);
        let wrapped = split(
            "June 4, 2021\n\nWe wrote to the ministry about the appeal, and the answer was\nRelated content\n",
        );
        assert_eq!(
            strip(&wrapped, Some(0), &ImportRules::default())
                .dropped
                .len(),
            0
        );
    }

    #[test]
    fn house_rules_extend_the_built_in_ones() {
        let lines = split(
            "Banner one\nBanner two\nSection: Letters\nMarch 1, 2024\n\nText.\n\nPage views: 1200\nAnything\n",
        );
        let house = ImportRules {
            drop_lines: vec![],
            drop_before: vec!["Section: *".into()],
            drop_after: vec!["page views: *".into()],
        };
        let stripped = strip(&lines, Some(3), &house);
        assert_eq!(texts(&stripped.lines), ["March 1, 2024", "Text."]);
        assert!(
            stripped.dropped[0]
                .rule
                .starts_with("missive.toml drop_before \"Section: *\"")
        );
    }

    #[test]
    fn without_a_start_only_leading_chrome_is_dropped() {
        let lines = split("Menu\nSearch\nSome heading\nMenu\n");
        let stripped = strip(&lines, None, &ImportRules::default());
        assert_eq!(texts(&stripped.lines), ["Some heading"]);
    }
}
