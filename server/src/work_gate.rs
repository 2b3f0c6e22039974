//! A bound on one kind of CPU-heavy work that anyone can ask for: at most `at_once` jobs run
//! together, at most `waiting` more wait for them, and past that the request is told at once (503
//! with `Retry-After`) instead of queueing without end.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

#[derive(Debug)]
pub struct WorkGate {
    /// Running or waiting.
    admitted: Arc<Semaphore>,
    running: Arc<Semaphore>,
}

/// A turn to run the work; the next waiting job runs when it drops.
#[derive(Debug)]
pub struct Turn {
    _admitted: OwnedSemaphorePermit,
    _running: OwnedSemaphorePermit,
}

impl WorkGate {
    pub fn new(at_once: usize, waiting: usize) -> WorkGate {
        WorkGate {
            admitted: Arc::new(Semaphore::new(at_once + waiting)),
            running: Arc::new(Semaphore::new(at_once)),
        }
    }

    /// Waits for a turn, or `None` at once when the line is full.
    pub async fn enter(&self) -> Option<Turn> {
        let admitted = self.admitted.clone().try_acquire_owned().ok()?;
        let running = self.running.clone().acquire_owned().await.ok()?;
        Some(Turn { _admitted: admitted, _running: running })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn past_the_running_and_the_waiting_the_next_is_refused_at_once_and_a_turn_frees_a_place() {
        let gate = Arc::new(WorkGate::new(1, 1));
        let running = gate.enter().await.expect("the first runs");
        let waiting = tokio::spawn({
            let gate = gate.clone();
            async move { gate.enter().await.is_some() }
        });
        tokio::task::yield_now().await;
        assert!(gate.enter().await.is_none(), "a third is refused while one runs and one waits");
        drop(running);
        assert!(waiting.await.unwrap(), "the waiting one ran once the first was done");
        assert!(gate.enter().await.is_some(), "and then there is room again");
    }
}
