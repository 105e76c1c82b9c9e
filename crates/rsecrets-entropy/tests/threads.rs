//! Many threads drawing at once never see the same output. (That a thread's state
//! is wiped when it exits is tested in `thread_exit.rs`, alone in its binary.)

use std::collections::HashSet;
extern crate alloc;

use alloc::sync::Arc;
use std::sync::Barrier;
use std::thread;

use rand_core::Rng;
use rsecrets_entropy::FastRng;

#[test]
fn concurrent_threads_never_share_output() {
    const THREADS: usize = 16;
    const DRAWS: usize = 5_000;
    let start = Arc::new(Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let start = Arc::clone(&start);
            thread::spawn(move || {
                start.wait();
                let mut rng = FastRng::new();
                (0..DRAWS)
                    .map(|_| {
                        let mut x = [0u8; 16];
                        rng.fill_bytes(&mut x);
                        x
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut seen = HashSet::new();
    for h in handles {
        for x in h.join().unwrap() {
            // 80 000 values of 128 bits: P(a chance collision) < 2^-95.
            assert!(seen.insert(x), "two draws were equal");
        }
    }
    assert_eq!(seen.len(), THREADS * DRAWS);
}
