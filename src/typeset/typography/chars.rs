//! What the steps of setting text share: a character being set, and the spaces they put
//! in.

/// The no-break space (before `:` in French; inside dates, after titles).
pub const NO_BREAK_SPACE: char = '\u{a0}';
/// The narrow no-break space (French, before `; ! ?` and inside « »).
pub const NARROW_NO_BREAK_SPACE: char = '\u{202f}';

/// One character of text being set, and whether the writer escaped it (`\"`), which
/// keeps it as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ch {
    pub c: char,
    pub literal: bool,
}
