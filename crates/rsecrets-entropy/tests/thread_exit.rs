//! Thread exit wipes a thread's generator state, observed through the
//! `wiped_states` test hook. Alone in its binary, with one test, so no other test's
//! threads move the count: it must move by exactly the threads that drew.

#![allow(clippy::unwrap_used)] // test code: a failure should panic

use std::thread;

use rand_core::Rng as _;
use rsecrets_entropy::{FastRng, TryFastRng};

#[test]
fn thread_exit_wipes_the_state_of_threads_that_drew() {
    let before = TryFastRng::wiped_states();
    // `join` returns after the thread's thread-local destructors have run.
    let spawned = 8;
    for _ in 0..spawned {
        thread::spawn(|| {
            let _ = FastRng::new().next_u64();
        })
        .join()
        .unwrap();
    }
    assert_eq!(TryFastRng::wiped_states(), before + spawned);
    // No draw, no state: nothing is mapped or seeded, so nothing is wiped.
    thread::spawn(|| {
        let _handle = FastRng::new();
    })
    .join()
    .unwrap();
    assert_eq!(TryFastRng::wiped_states(), before + spawned);
}
