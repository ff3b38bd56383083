//! Progress bars (indicatif) on standard error, drawn only when it is a terminal: a log
//! or a pipe gets the plain lines the commands print instead.

use std::io::IsTerminal as _;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// A bar for `len` steps drawn with `template` (indicatif's syntax), ticking on its own;
/// `None` when standard error is not a terminal or there is nothing to do.
pub fn progress_bar(len: usize, template: &str) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() || len == 0 {
        return None;
    }
    let style =
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
    let bar = ProgressBar::new(len as u64).with_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}
