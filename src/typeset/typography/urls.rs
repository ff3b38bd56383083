//! Web addresses in running text: where one starts and ends, so that it is never given
//! typographic quotes, dashes or spaces.
//!
//! Where a line breaks inside one is Typst's (`linebreak_link` in typst-layout): in text
//! after `://` or from `www.`, it breaks only after punctuation (`/`, `.`, `-`, `_`, `?`,
//! `&`, `=`, …), between letters and digits, and anywhere in a part of 16 characters or
//! more (a hash, a token), never before an opening bracket, so that an address never
//! runs past the measure. The same rule ends an address here as Typst's lexer does.

/// Characters that may stand inside an address, besides letters and digits.
const ADDRESS_PUNCTUATION: &str = "!#$%&*+,-./:;=?@_~'";

/// Characters that end a sentence rather than the address when they come last.
const TRAILING: &[char] = &['!', ',', '.', ':', ';', '?', '\''];

/// The byte length of the address that starts `text`, if `text` starts with one
/// (`https://`, `http://`, `ftp://`, `mailto:` or `www.`); brackets must balance, and
/// the sentence's closing punctuation is left out.
pub fn address_at(text: &str) -> Option<usize> {
    let lower = |prefix: &str| {
        text.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    let prefix = ["https://", "http://", "ftp://", "mailto:", "www."]
        .into_iter()
        .find(|p| lower(p))?;
    let mut brackets = Vec::new();
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let inside = match c {
            '(' | '[' => {
                brackets.push(c);
                true
            }
            ')' => brackets.pop() == Some('('),
            ']' => brackets.pop() == Some('['),
            c => c.is_alphanumeric() || ADDRESS_PUNCTUATION.contains(c),
        };
        if !inside {
            break;
        }
        end = i + c.len_utf8();
    }
    while text[..end].ends_with(TRAILING) {
        end -= 1;
    }
    (end > prefix.len()).then_some(end)
}

/// Whether an address may start at byte `at` of `text`: at its start, or after white
/// space or an opening bracket or quotation mark.
pub fn may_start_at(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '<' | '«' | '“' | '‘' | '„' | '"' | '\'')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_where_an_address_ends() {
        fn at(text: &str) -> Option<&str> {
            address_at(text).map(|end| &text[..end])
        }
        assert_eq!(at("https://x.org/a_b."), Some("https://x.org/a_b"));
        assert_eq!(
            at("https://en.wikipedia.org/wiki/A_(b)), c"),
            Some("https://en.wikipedia.org/wiki/A_(b)")
        );
        assert_eq!(
            at("www.example.org/it's fine"),
            Some("www.example.org/it's")
        );
        assert_eq!(at("HTTPS://X.ORG"), Some("HTTPS://X.ORG"));
        assert_eq!(at("https:// no"), None);
        assert_eq!(at("httpx://x"), None);
        assert!(may_start_at("see (https://x", 5));
        assert!(!may_start_at("xhttps://x", 1));
    }
}
