//! `--shard I/N`: a deterministic partition of an archive, so that N processes or machines
//! split it with no overlap and no coordination. A letter belongs to the shard picked by a
//! fixed hash of its path in the archive (without extension), so adding or removing a
//! letter never moves the others to another shard, and a PDF whose source is gone belongs
//! to the same shard its source did.

use std::fmt;
use std::str::FromStr;

use super::fingerprint::Fields;

/// Part `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, from 1 to `count`.
    pub index: u64,
    /// How many parts.
    pub count: u64,
}

impl Shard {
    /// Whether the letter at `stem` (its archive path without extension, `/`-separated)
    /// belongs to this shard.
    pub fn contains(&self, stem: &str) -> bool {
        let hash = Fields::default().field(stem.as_bytes()).finish();
        (hash % u128::from(self.count)) as u64 + 1 == self.index
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, String> {
        let usage =
            || format!("`{value}` is not a shard: write I/N with 1 ≤ I ≤ N, e.g. `--shard 2/8`");
        let (index, count) = value.split_once('/').ok_or_else(usage)?;
        let index: u64 = index.trim().parse().map_err(|_| usage())?;
        let count: u64 = count.trim().parse().map_err(|_| usage())?;
        if count == 0 || index == 0 || index > count {
            return Err(usage());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        assert_eq!(
            "2/8".parse::<Shard>().unwrap(),
            Shard { index: 2, count: 8 }
        );
        for bad in ["0/3", "4/3", "1/0", "3", "a/b", "-1/2"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_path_is_in_exactly_one_shard() {
        for count in 1..6 {
            for n in 0..200 {
                let stem = format!("letters/{n}");
                let owners = (1..=count)
                    .filter(|&index| Shard { index, count }.contains(&stem))
                    .count();
                assert_eq!(owners, 1, "{stem} in {count} shards");
            }
        }
    }
}
