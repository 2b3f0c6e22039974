//! The server's notion of "now", in Unix seconds. Tests move it forward to expire codes and flows
//! without sleeping.

use std::sync::{
    atomic::{AtomicI64, Ordering},
    Arc,
};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_s: Arc<AtomicI64>,
    /// The second the clock stopped at (`freeze`), or 0 while it runs.
    frozen_at: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> i64 {
        let frozen = self.frozen_at.load(Ordering::Relaxed);
        let base = if frozen != 0 {
            frozen
        } else {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        };
        base + self.offset_s.load(Ordering::Relaxed)
    }

    /// Stops this clock (and every clone of it) at the current second; `advance` still moves it. For
    /// tests of rules counted in seconds (a wait of 1 s), which the wall clock ticking between two
    /// requests would otherwise decide by chance. Nothing in the server calls it.
    pub fn freeze(&self) {
        let now = self.now() - self.offset_s.load(Ordering::Relaxed);
        let _ = self.frozen_at.compare_exchange(0, now, Ordering::Relaxed, Ordering::Relaxed);
    }

    /// Moves this clock (and every clone of it) forward.
    pub fn advance(&self, seconds: i64) {
        self.offset_s.fetch_add(seconds, Ordering::Relaxed);
    }
}
