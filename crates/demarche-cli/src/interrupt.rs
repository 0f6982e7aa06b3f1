//! SIGINT/SIGTERM: the first asks the batch to stop after the documents in hand (the pipeline
//! watches the stop flag); a second one ends the process at once with the same exit code.

use anyhow::Result;
use signal_hook::consts::{SIGINT, SIGTERM};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The signals received so far.
pub struct Interrupts {
    /// Set by either signal; handed to the pipeline.
    pub stop: Arc<AtomicBool>,
    received: [(Arc<AtomicBool>, &'static str, u8); 2],
}

impl Interrupts {
    /// Installs the handlers.
    pub fn install() -> Result<Interrupts> {
        let stop = Arc::new(AtomicBool::new(false));
        let received = [
            (Arc::new(AtomicBool::new(false)), "SIGINT", 130),
            (Arc::new(AtomicBool::new(false)), "SIGTERM", 143),
        ];
        for (signal, (flag, _, code)) in [SIGINT, SIGTERM].into_iter().zip(&received) {
            // Registered first, so it sees `stop` as it was before this signal.
            signal_hook::flag::register_conditional_shutdown(
                signal,
                i32::from(*code),
                stop.clone(),
            )?;
            signal_hook::flag::register(signal, flag.clone())?;
            signal_hook::flag::register(signal, stop.clone())?;
        }
        Ok(Interrupts { stop, received })
    }

    /// The first signal received (its name and exit code), if any.
    pub fn received(&self) -> Option<(&'static str, u8)> {
        self.received
            .iter()
            .find(|(flag, _, _)| flag.load(Ordering::SeqCst))
            .map(|(_, name, code)| (*name, *code))
    }
}
