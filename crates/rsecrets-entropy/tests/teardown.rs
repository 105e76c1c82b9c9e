//! Drawing from `FastRng` inside another thread-local's destructor, while the thread
//! is being torn down: before and after the generator's own state was dropped. Both
//! must give fresh random output, never a panic or a state left unwiped.

#![allow(clippy::unwrap_used)] // test code: a failure should panic

use core::cell::Cell;
use std::sync::mpsc::{Sender, channel};
use std::thread;

use rand_core::Rng as _;
use rsecrets_entropy::{FastRng, TryFastRng};

/// Draws in its destructor and sends what it drew.
struct DrawsOnDrop(Cell<Option<Sender<u64>>>);

impl Drop for DrawsOnDrop {
    fn drop(&mut self) {
        if let Some(tx) = self.0.take() {
            let _ = tx.send(FastRng::new().next_u64());
        }
    }
}

thread_local! {
    static LATE: DrawsOnDrop = const { DrawsOnDrop(Cell::new(None)) };
}

#[test]
fn draws_during_thread_teardown_are_fresh() {
    let (tx, rx) = channel();
    let before = TryFastRng::wiped_states();
    let spawned: u64 = 4;
    for i in 0..spawned {
        let tx = tx.clone();
        thread::spawn(move || {
            if i % 2 == 0 {
                // Registered before the generator's state: its destructor runs after
                // the state was dropped, and draws from a one-off state.
                LATE.with(|l| l.0.set(Some(tx)));
                let _ = FastRng::new().next_u64();
            } else {
                // Registered after: its destructor runs while the state is alive.
                let _ = FastRng::new().next_u64();
                LATE.with(|l| l.0.set(Some(tx)));
            }
        })
        .join()
        .unwrap();
    }
    drop(tx);
    let drawn: Vec<u64> = rx.iter().collect();
    assert_eq!(drawn.len() as u64, spawned);
    let mut distinct = drawn.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len() as u64, spawned, "{drawn:?}");
    // Every state made was wiped: one per thread, plus a one-off state for each of
    // the two threads whose draw came after their own state was dropped
    // (thread-local destructors run in the reverse order of registration). This
    // binary has no other test, so nothing else moves the count.
    let wiped = TryFastRng::wiped_states() - before;
    assert_eq!(wiped, spawned + spawned / 2);
}
