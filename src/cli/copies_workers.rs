//! `missive render -j N` of a letter with `recipients`: its copies typeset by N warm
//! worker processes (the batch's, [`crate::batch::pool`]), handed out in row order, so
//! that each worker's next copy is a sibling of its last (Typst's memoization is per
//! process). Each outcome is reported as `render` reports it, as it arrives.

use std::path::Path;
use std::time::Duration;

use super::rendering::{report_failed, report_rendered};
use crate::batch::pool::{Launch, Pool};
use crate::batch::wire::Request;
use crate::letter::copies::LetterCopy;
use crate::pipeline::{Target, Written};

/// A copy to render: its row, its outputs and how it is shown.
pub(super) struct Copy {
    /// The copy.
    pub copy: LetterCopy,
    /// Its outputs.
    pub targets: Vec<Target>,
    /// The letter and row, as shown (`letter.md row 3`).
    pub label: String,
}

/// Renders `copies` of the letter at `path` with `jobs` workers started by `launch`;
/// each copy's outputs, `None` for one that failed. `Err`: the workers cannot be started.
pub(super) fn render(
    launch: Launch,
    jobs: usize,
    path: &Path,
    copies: &[Copy],
    draft: bool,
) -> Result<Vec<Option<Vec<Written>>>, String> {
    let mut written = vec![None; copies.len()];
    if copies.is_empty() {
        return Ok(written);
    }
    let mut pool = Pool::start(launch, jobs)?;
    let (mut next, mut done) = (0, 0);
    while done < copies.len() {
        while next < copies.len()
            && let Some(slot) = pool.idle()
        {
            let request = Request {
                source: path.to_path_buf(),
                targets: copies[next].targets.clone(),
                copy: Some(copies[next].copy.index()),
                draft,
            };
            pool.send(slot, next, &request);
            next += 1;
        }
        let Some(event) = pool.next(Duration::from_millis(100))? else {
            continue;
        };
        // A worker that ended between copies has no copy to report.
        let Some(busy) = event.busy else { continue };
        let copy = &copies[busy.index];
        match event.outcome(&copy.label).0 {
            Ok(rendered) => {
                let warnings = &rendered.warnings;
                report_rendered(&copy.label, &rendered.outputs, rendered.pages, warnings);
                written[busy.index] = Some(rendered.outputs);
            }
            Err(problems) => report_failed(&copy.label, &problems),
        }
        done += 1;
    }
    Ok(written)
}
