//! Ctrl-C during a batch: the first stops handing out letters (those being typeset finish
//! and are recorded, the manifest is saved); a second one quits at once. Either way no
//! partial PDF is left under a letter's name (writes are atomic) and the manifest only
//! records PDFs that were completely written.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

static STOP: AtomicBool = AtomicBool::new(false);
static PRESSES: AtomicUsize = AtomicUsize::new(0);

/// Exit status of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
pub const EXIT_STATUS: u8 = 130;

/// Installs the Ctrl-C handler (once per process; later calls keep the first).
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        if PRESSES.fetch_add(1, Ordering::SeqCst) > 0 {
            std::process::exit(i32::from(EXIT_STATUS));
        }
        STOP.store(true, Ordering::SeqCst);
    });
}

/// Whether Ctrl-C was pressed.
pub fn requested() -> bool {
    STOP.load(Ordering::SeqCst)
}
