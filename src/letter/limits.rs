//! A letter's budgets: how long typesetting it may take and how much memory it may use,
//! from the house's `[limits]` table or the command line (`--timeout`, `--memory`), with
//! defaults no real letter comes near. Parsed here once, for both; enforced around Typst
//! by `crate::budget`, since Typst cannot be cancelled from outside.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use super::keys::toml_table;
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};

/// Time budget when neither the house nor the command line sets one. The largest
/// example and catalogue letters take well under 2 s (see `docs/budgets.md`).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Memory budget when neither the house nor the command line sets one: the largest
/// example and catalogue letters stay well under 300 MiB.
pub const DEFAULT_MEMORY: u64 = 2 << 30;

/// One budget: none at all (`0`), or at most this much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget<T> {
    /// No limit.
    Unlimited,
    /// At most this much.
    Max(T),
}

impl<T: Copy> Budget<T> {
    /// The limit, if there is one.
    pub fn max(self) -> Option<T> {
        match self {
            Budget::Unlimited => None,
            Budget::Max(max) => Some(max),
        }
    }
}

/// A letter's budgets, decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time from reading the letter to its output in memory.
    pub timeout: Budget<Duration>,
    /// Resident memory of the process typesetting it, in bytes.
    pub memory: Budget<u64>,
}

/// Budgets as a house or the command line gives them; `None` where it says nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GivenLimits {
    /// The time budget, if given.
    pub timeout: Option<Budget<Duration>>,
    /// The memory budget, if given.
    pub memory: Option<Budget<u64>>,
}

impl GivenLimits {
    /// These budgets where given, else `below`'s, else the defaults.
    pub fn over(self, below: GivenLimits) -> Limits {
        Limits {
            timeout: self
                .timeout
                .or(below.timeout)
                .unwrap_or(Budget::Max(DEFAULT_TIMEOUT)),
            memory: self
                .memory
                .or(below.memory)
                .unwrap_or(Budget::Max(DEFAULT_MEMORY)),
        }
    }
}

toml_table! {
    /// The house's `[limits]` table: `timeout = "60s"`, `memory = "2G"`, `"0"` for none.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct LimitsTable {
        /// Time budget of each letter (`"90s"`, `"2m"`; `"0"` for none).
        pub timeout: Option<Spanned<String>>,
        /// Memory budget of each letter (`"500M"`, `"2G"`; `"0"` for none).
        pub memory: Option<Spanned<String>>,
    }
}

impl LimitsTable {
    /// The budgets the table gives, each checked; an error at the value that is wrong.
    pub fn parse(&self, file: &Arc<SourceText>) -> Result<GivenLimits, Diagnostics> {
        let mut problems = Vec::new();
        let timeout = self.timeout.as_ref().and_then(|value| {
            let parsed = parse_duration(value.get_ref()).map(|budget| budget.0);
            checked(parsed, "timeout", "60s", value, file, &mut problems)
        });
        let memory = self.memory.as_ref().and_then(|value| {
            let parsed = parse_size(value.get_ref()).map(|budget| budget.0);
            checked(parsed, "memory", "2G", value, file, &mut problems)
        });
        if problems.is_empty() {
            Ok(GivenLimits { timeout, memory })
        } else {
            Err(problems)
        }
    }
}

/// The budget `parsed` from the value of `limits.KEY`, or `None` with its error added.
fn checked<T>(
    parsed: Result<T, String>,
    key: &str,
    example: &str,
    value: &Spanned<String>,
    file: &Arc<SourceText>,
    problems: &mut Diagnostics,
) -> Option<T> {
    parsed
        .map_err(|reason| {
            problems.push(
                Diagnostic::error(format!("`limits.{key}`: {reason}"))
                    .at(file, value.span())
                    .hint(format!(
                        "write e.g. `{key} = \"{example}\"`, or `\"0\"` for none"
                    )),
            )
        })
        .ok()
}

/// A time budget as written: `0`, or a whole number with `ms`, `s`, `m` or `h`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeBudget(pub Budget<Duration>);

/// A memory budget as written: `0`, or a whole number with `K`, `M`, `G` or `T`
/// (binary multiples: `1K` is 1024 bytes; `KB`, `KiB` and lower case are the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryBudget(pub Budget<u64>);

/// Splits `text` into its whole number and its unit.
fn number_and_unit(text: &str) -> Result<(u64, String), String> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    if number.is_empty() {
        return Err(format!("`{text}` does not start with a whole number"));
    }
    let number = number
        .parse()
        .map_err(|_| format!("`{text}` is too large"))?;
    Ok((number, unit.trim().to_ascii_lowercase()))
}

/// Parses a time budget: `"0"` (none), `"500ms"`, `"90s"`, `"2m"`, `"1h"`.
pub fn parse_duration(text: &str) -> Result<TimeBudget, String> {
    let (number, unit) = number_and_unit(text)?;
    if number == 0 {
        return Ok(TimeBudget(Budget::Unlimited));
    }
    let millis = match unit.as_str() {
        "ms" => 1,
        "s" => 1_000,
        "m" | "min" => 60_000,
        "h" => 3_600_000,
        "" => {
            return Err(format!(
                "`{text}` needs a unit: `s` (seconds) or `m` (minutes)"
            ));
        }
        _ => return Err(format!("`{text}`: unknown unit `{unit}` (use `s` or `m`)")),
    };
    let millis = number
        .checked_mul(millis)
        .ok_or_else(|| format!("`{text}` is too long"))?;
    Ok(TimeBudget(Budget::Max(Duration::from_millis(millis))))
}

/// Parses a memory budget: `"0"` (none), `"500M"`, `"2G"` (binary multiples).
pub fn parse_size(text: &str) -> Result<MemoryBudget, String> {
    let (number, unit) = number_and_unit(text)?;
    if number == 0 {
        return Ok(MemoryBudget(Budget::Unlimited));
    }
    let unit = unit.trim_end_matches('b').trim_end_matches('i');
    let shift = match unit {
        "k" => 10,
        "m" => 20,
        "g" => 30,
        "t" => 40,
        "" => return Err(format!("`{text}` needs a unit: `M` (MiB) or `G` (GiB)")),
        _ => return Err(format!("`{text}`: unknown unit (use `K`, `M` or `G`)")),
    };
    let bytes = number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))?;
    Ok(MemoryBudget(Budget::Max(bytes)))
}

/// Shown as it would be written, so that it parses back (`90s`, `1500ms`, `2G`).
impl fmt::Display for TimeBudget {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let Budget::Max(duration) = self.0 else {
            return f.write_str("0");
        };
        let millis = duration.as_millis();
        match millis {
            m if m % 60_000 == 0 => write!(f, "{}m", m / 60_000),
            m if m % 1_000 == 0 => write!(f, "{}s", m / 1_000),
            m => write!(f, "{m}ms"),
        }
    }
}

impl fmt::Display for MemoryBudget {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let Budget::Max(bytes) = self.0 else {
            return f.write_str("0");
        };
        let (unit, shift) = [("T", 40), ("G", 30), ("M", 20), ("K", 10)]
            .into_iter()
            .find(|(_, shift)| bytes % (1 << shift) == 0)
            .unwrap_or(("K", 10));
        write!(f, "{}{unit}", bytes >> shift)
    }
}

/// A size in bytes for people: `512 MiB`, `2.0 GiB`.
pub fn show_bytes(bytes: u64) -> String {
    const MIB: f64 = (1u64 << 20) as f64;
    let mib = bytes as f64 / MIB;
    if mib >= 1024.0 {
        format!("{:.1} GiB", mib / 1024.0)
    } else {
        format!("{mib:.0} MiB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_and_show_back() {
        for (text, ms, shown) in [
            ("60s", 60_000, "1m"),
            ("90s", 90_000, "90s"),
            ("2m", 120_000, "2m"),
            ("1500ms", 1_500, "1500ms"),
            (" 3 s ", 3_000, "3s"),
            ("1h", 3_600_000, "60m"),
        ] {
            let budget = parse_duration(text).unwrap();
            assert_eq!(budget.0, Budget::Max(Duration::from_millis(ms)), "{text}");
            assert_eq!(budget.to_string(), shown);
            assert_eq!(parse_duration(shown).unwrap(), budget);
        }
        assert_eq!(parse_duration("0").unwrap().0, Budget::Unlimited);
        assert_eq!(parse_duration("0s").unwrap().to_string(), "0");
    }

    #[test]
    fn sizes_parse_and_show_back() {
        for (text, bytes, shown) in [
            ("2G", 2 << 30, "2G"),
            ("500M", 500 << 20, "500M"),
            ("500mb", 500 << 20, "500M"),
            ("1536MiB", 1536 << 20, "1536M"),
            ("64K", 64 << 10, "64K"),
        ] {
            let budget = parse_size(text).unwrap();
            assert_eq!(budget.0, Budget::Max(bytes), "{text}");
            assert_eq!(budget.to_string(), shown);
            assert_eq!(parse_size(shown).unwrap(), budget);
        }
        assert_eq!(parse_size("0").unwrap().0, Budget::Unlimited);
    }

    #[test]
    fn bad_budgets_say_what_to_write() {
        assert!(parse_duration("60").unwrap_err().contains("needs a unit"));
        assert!(parse_duration("1.5s").unwrap_err().contains("unknown unit"));
        assert!(parse_duration("s").unwrap_err().contains("whole number"));
        assert!(parse_size("2000").unwrap_err().contains("needs a unit"));
        assert!(parse_size("2X").unwrap_err().contains("unknown unit"));
        assert!(
            parse_size("99999999999G")
                .unwrap_err()
                .contains("too large")
        );
    }

    #[test]
    fn the_command_line_wins_over_the_house_and_defaults_fill_the_rest() {
        let house = GivenLimits {
            timeout: Some(Budget::Max(Duration::from_secs(5))),
            memory: Some(Budget::Unlimited),
        };
        let flags = GivenLimits {
            timeout: Some(Budget::Max(Duration::from_secs(3))),
            memory: None,
        };
        let limits = flags.over(house);
        assert_eq!(limits.timeout, Budget::Max(Duration::from_secs(3)));
        assert_eq!(limits.memory, Budget::Unlimited);
        let none = GivenLimits::default().over(GivenLimits::default());
        assert_eq!(none.timeout, Budget::Max(DEFAULT_TIMEOUT));
        assert_eq!(none.memory, Budget::Max(DEFAULT_MEMORY));
    }
}
