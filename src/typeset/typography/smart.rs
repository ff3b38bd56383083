//! Straight quotes to quotation marks and apostrophes, `--` to an en dash, `---` to an
//! em dash, `...` to an ellipsis. Longer runs of hyphens or dots (rules, leaders) and
//! every character the writer escaped (with the run it is in) stay as typed.

use super::chars::Ch;
use super::quotes::{QuoteSet, Quoter};

/// `chars` with their punctuation set; `before` is the character before them.
pub(super) fn punctuate(
    chars: &[Ch],
    marks: &QuoteSet,
    quoter: &mut Quoter,
    before: Option<char>,
) -> Vec<Ch> {
    let mut out: Vec<Ch> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let Ch { c, literal } = chars[i];
        match c {
            '"' | '\'' if !literal => {
                let previous = out.last().map(|ch| ch.c).or(before);
                let next = chars.get(i + 1).map(|ch| ch.c);
                let mark = quoter.quote(marks, previous, next, c == '"');
                out.push(Ch {
                    c: mark,
                    literal: false,
                });
                i += 1;
            }
            '-' | '.' => {
                // The whole run, escaped characters included: `\---` stays three hyphens.
                let run = chars[i..].iter().take_while(|ch| ch.c == c).count();
                let typed = &chars[i..i + run];
                let replacement = match (c, run) {
                    _ if typed.iter().any(|ch| ch.literal) => None,
                    ('-', 2) => Some('–'),
                    ('-', 3) => Some('—'),
                    ('.', 3) => Some('…'),
                    _ => None,
                };
                match replacement {
                    Some(mark) => out.push(Ch {
                        c: mark,
                        literal: false,
                    }),
                    None => out.extend_from_slice(typed),
                }
                i += run;
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn set(text: &str) -> String {
        let chars: Vec<Ch> = text.chars().map(|c| Ch { c, literal: false }).collect();
        let marks = QuoteSet::of(&Lang::parse("en").unwrap());
        punctuate(&chars, &marks, &mut Quoter::default(), None)
            .into_iter()
            .map(|ch| ch.c)
            .collect()
    }

    #[test]
    fn dashes_and_ellipses() {
        assert_eq!(set("1990--2000, a---b, wait..."), "1990–2000, a—b, wait…");
        assert_eq!(set("---- and ...."), "---- and ....");
        assert_eq!(set("a-b"), "a-b");
    }
}
