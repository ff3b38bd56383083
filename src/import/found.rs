//! What the parts of an imported letter carry: the value recognised and the lines it was
//! read from, for the report.

use std::fmt;

use super::lines::Line;

/// Lines `first..=last` (1-based numbers in the text file) a part was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First line.
    pub first: usize,
    /// Last line.
    pub last: usize,
}

impl Span {
    /// One line.
    pub fn line(line: &Line) -> Span {
        Span {
            first: line.number,
            last: line.number,
        }
    }

    /// From the first to the last of some lines.
    pub fn of(lines: &[Line]) -> Span {
        let first = lines.first().map_or(0, |l| l.number);
        Span {
            first,
            last: lines.last().map_or(first, |l| l.number),
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.first == self.last {
            write!(f, "line {}", self.first)
        } else {
            write!(f, "lines {}-{}", self.first, self.last)
        }
    }
}

/// A recognised part and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    /// The part.
    pub value: T,
    /// Its lines.
    pub span: Span,
}
