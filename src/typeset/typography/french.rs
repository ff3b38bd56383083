//! French spacing (Lexique des règles typographiques en usage à l'Imprimerie nationale):
//! a narrow no-break space before `;`, `!`, `?` and inside « » and ‹ ›, a no-break space
//! before `:`. A space typed there becomes the right one; where none was typed, one is
//! added. Only where the mark ends a clause: `10:30`, `a:b` and web addresses are left
//! alone, and so is a mark the writer escaped.

use super::chars::{Ch, NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE};

/// `chars` with French spacing; `before` is the character before them.
pub(super) fn space(chars: &[Ch], before: Option<char>) -> Vec<Ch> {
    let mut out: Vec<Ch> = Vec::with_capacity(chars.len() + 4);
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        let next = chars.get(i + 1).map(|ch| ch.c);
        match ch.c {
            _ if ch.literal => out.push(ch),
            ';' | '!' | '?' | ':' if ends_clause(next) => {
                let space = if ch.c == ':' {
                    NO_BREAK_SPACE
                } else {
                    NARROW_NO_BREAK_SPACE
                };
                let typed = drop_spaces(&mut out);
                let previous = out.last().map(|ch| ch.c).or(before);
                if typed || previous.is_some_and(wants_space_after) {
                    out.push(spacing(space));
                }
                out.push(ch);
            }
            '«' | '‹' => {
                out.push(ch);
                while chars
                    .get(i + 1)
                    .is_some_and(|ch| is_space(ch.c) && !ch.literal)
                {
                    i += 1;
                }
                out.push(spacing(NARROW_NO_BREAK_SPACE));
            }
            '»' | '›' => {
                let typed = drop_spaces(&mut out);
                let previous = out.last().map(|ch| ch.c).or(before);
                if typed || previous.is_some_and(|c| !c.is_whitespace()) {
                    out.push(spacing(NARROW_NO_BREAK_SPACE));
                }
                out.push(ch);
            }
            _ => out.push(ch),
        }
        i += 1;
    }
    out
}

fn spacing(c: char) -> Ch {
    Ch { c, literal: false }
}

/// Removes the spaces at the end of `out`; whether there were any.
fn drop_spaces(out: &mut Vec<Ch>) -> bool {
    let before = out.len();
    while out.last().is_some_and(|ch| is_space(ch.c) && !ch.literal) {
        out.pop();
    }
    out.len() < before
}

/// Spaces within a line: ordinary, no-break, narrow no-break, thin.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Whether a mark followed by `next` ends a clause (rather than sitting inside a word
/// or a number, as in `10:30`).
fn ends_clause(next: Option<char>) -> bool {
    next.is_none_or(|n| {
        n.is_whitespace()
            || matches!(
                n,
                '»' | '›'
                    | ')'
                    | ']'
                    | '”'
                    | '’'
                    | '"'
                    | '\''
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '.'
                    | ','
                    | '…'
            )
    })
}

/// Whether a mark after `c` needs a space added before it: not after another such mark
/// (`?!`), an opening bracket or a space.
fn wants_space_after(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, ';' | ':' | '!' | '?' | '(' | '[' | '«' | '‹' | '\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spaced(text: &str) -> String {
        let chars: Vec<Ch> = text.chars().map(|c| Ch { c, literal: false }).collect();
        space(&chars, None).into_iter().map(|ch| ch.c).collect()
    }

    #[test]
    fn spaces_before_the_high_marks() {
        assert_eq!(
            spaced("Objet: accès; pourquoi?!"),
            "Objet\u{a0}: accès\u{202f}; pourquoi\u{202f}?!"
        );
        assert_eq!(
            spaced("Objet : accès ; pourquoi ?"),
            "Objet\u{a0}: accès\u{202f}; pourquoi\u{202f}?"
        );
        assert_eq!(spaced("à 10:30, a:b"), "à 10:30, a:b");
    }

    #[test]
    fn spaces_inside_guillemets() {
        assert_eq!(spaced("«non»"), "«\u{202f}non\u{202f}»");
        assert_eq!(spaced("« non »"), "«\u{202f}non\u{202f}»");
        assert_eq!(spaced("«\u{a0}non\u{a0}»"), "«\u{202f}non\u{202f}»");
    }

    #[test]
    fn escaped_marks_stay_as_typed() {
        let chars = [
            Ch {
                c: 'a',
                literal: false,
            },
            Ch {
                c: '!',
                literal: true,
            },
        ];
        let out: String = space(&chars, None).into_iter().map(|ch| ch.c).collect();
        assert_eq!(out, "a!");
    }
}
