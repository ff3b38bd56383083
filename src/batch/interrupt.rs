//! Ctrl-C during a batch: the first stops handing out letters (those being typeset finish
//! and are recorded, the manifest is saved); a second one quits at once. Either way no
//! partial PDF is left under a letter's name (writes are atomic) and the manifest only
//! records PDFs that were completely written.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

static STOP: AtomicBool = AtomicBool::new(false);
static PRESSES: AtomicUsize = AtomicUsize::new(0);

/// Installs the Ctrl-C handler (once per process; later calls keep the first), which
/// calls `quit` on the second press.
pub fn install(quit: fn() -> !) {
    let _ = ctrlc::set_handler(move || {
        if PRESSES.fetch_add(1, Ordering::SeqCst) > 0 {
            quit();
        }
        STOP.store(true, Ordering::SeqCst);
    });
}

/// Whether Ctrl-C was pressed.
pub fn requested() -> bool {
    STOP.load(Ordering::SeqCst)
}
