//! Refused sizes allocate nothing, and the buffer forms never allocate: counted by a
//! global allocator that tallies this thread's allocations.

#![cfg(feature = "alloc")]

use core::alloc::{GlobalAlloc, Layout};
use core::cell::Cell;
use std::alloc::System;

use chacha20_rng::ChaCha20Rng;
use rand_core::SeedableRng;
use rsecrets_core::Error;
use rsecrets_token::{
    MAX_TOKEN_BYTES, UUID4_LEN, fill_token_hex, fill_token_urlsafe, fill_uuid4, token_bytes,
    token_hex, token_urlsafe,
};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to `System`; the count is a side effect.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's guarantees for `layout` are passed on as they are.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

fn allocations_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = f();
    (result, ALLOCATIONS.with(Cell::get) - before)
}

#[test]
fn refusals_and_buffer_forms_do_not_allocate() {
    let mut rng = ChaCha20Rng::from_seed([3; 32]);
    let mut out = [0u8; 1000];
    let mut line = [0u8; UUID4_LEN];
    for n in [MAX_TOKEN_BYTES + 1, usize::MAX] {
        let refused = Error::TooLarge {
            requested: n,
            max: MAX_TOKEN_BYTES,
        };
        assert_eq!(
            allocations_during(|| token_bytes(&mut rng, n)),
            (Err(refused), 0)
        );
        assert_eq!(
            allocations_during(|| token_hex(&mut rng, n)),
            (Err(refused), 0)
        );
        assert_eq!(
            allocations_during(|| token_urlsafe(&mut rng, n)),
            (Err(refused), 0)
        );
        assert_eq!(
            allocations_during(|| fill_token_hex(&mut rng, n, &mut out).map(str::len)),
            (Err(refused), 0)
        );
        assert_eq!(
            allocations_during(|| fill_token_urlsafe(&mut rng, n, &mut out).map(str::len)),
            (Err(refused), 0)
        );
    }
    assert_eq!(
        allocations_during(|| fill_token_hex(&mut rng, 500, &mut out).map(str::len)),
        (Ok(1000), 0)
    );
    assert_eq!(
        allocations_during(|| fill_token_urlsafe(&mut rng, 500, &mut out).map(str::len)),
        (Ok(667), 0)
    );
    assert_eq!(
        allocations_during(|| fill_uuid4(&mut rng, &mut line).map(str::len)),
        (Ok(36), 0)
    );
    // The owned forms allocate exactly once: the token's own buffer, at its final size.
    assert_eq!(
        allocations_during(|| token_hex(&mut rng, 500).map(|t| t.capacity())),
        (Ok(1000), 1)
    );
    assert_eq!(
        allocations_during(|| token_urlsafe(&mut rng, 500).map(|t| t.capacity())),
        (Ok(667), 1)
    );
    assert_eq!(
        allocations_during(|| token_bytes(&mut rng, 500).map(|t| t.capacity())),
        (Ok(500), 1)
    );
}
