//! Unit tests of the generator state itself: fast key erasure, wiping, reseeding.

#![allow(clippy::unwrap_used, clippy::std_instead_of_alloc)] // test code: a failure should panic

use std::collections::HashSet;
use std::vec;
use std::vec::Vec;

use super::*;

fn small(bytes: u64, interval: Duration) -> Core {
    Core::new(Reseed { bytes, interval }).unwrap()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn handed_out_bytes_leave_no_copy_in_the_state() {
    let mut core = Core::new(DEFAULT_RESEED).unwrap();
    for len in [1usize, 8, 32, 100, 1000, 4000, 5000, 70_000] {
        let mut out = vec![0u8; len];
        core.fill(&mut out).unwrap();
        let pos = core.pos;
        let page = core.page_bytes();
        // Every byte before `pos` was handed out and must read as zero.
        assert!(page[KEY_LEN..pos].iter().all(|&b| b == 0), "len {len}");
        // No 16-byte window of the output survives anywhere in the page. A chance
        // match between random bytes has probability below 2^-100.
        for w in out.chunks(16).filter(|w| w.len() == 16) {
            assert!(
                !contains(core.page_bytes(), w),
                "len {len}: output still in state"
            );
        }
    }
}

#[test]
fn each_refill_replaces_the_key_at_once() {
    let mut core = Core::new(DEFAULT_RESEED).unwrap();
    let mut seen = HashSet::new();
    let mut out = [0u8; STREAM_LEN];
    for _ in 0..10 {
        core.fill(&mut out[..100]).unwrap();
        let key = core.page_bytes()[..KEY_LEN].to_vec();
        assert!(seen.insert(key.clone()), "a key repeated");
        // Exhaust the buffer: the next draw refills and must erase this key.
        let rest = STREAM_LEN - core.pos;
        core.take(&mut out[..rest]).unwrap();
        core.fill(&mut out[..1]).unwrap();
        assert!(
            !contains(core.page_bytes(), &key),
            "the old key survived a refill"
        );
    }
}

#[test]
fn outputs_do_not_repeat() {
    // 20 000 draws of 128 bits: P(any collision) < 2^-99.
    let mut core = Core::new(DEFAULT_RESEED).unwrap();
    let mut seen = HashSet::new();
    for _ in 0..20_000 {
        let mut x = [0u8; 16];
        core.fill(&mut x).unwrap();
        assert!(seen.insert(x));
    }
}

#[test]
fn reseeds_after_the_configured_bytes() {
    // The budget is checked where keystream is made: at each refill and each large
    // (direct) request. With a budget of two buffers, every third refill reseeds.
    const BUFFER: usize = STREAM_LEN - KEY_LEN;
    let mut core = small(2 * STREAM_LEN as u64, Duration::from_secs(3600));
    let mut buf = vec![0u8; BUFFER];
    core.fill(&mut buf[..1]).unwrap();
    assert_eq!(core.reseeds(), 1, "the first draw seeds");
    // Exhaust the first buffer, then a second one: still the first seed.
    let rest = STREAM_LEN - core.pos;
    core.take(&mut buf[..rest]).unwrap();
    core.fill(&mut buf[..1]).unwrap();
    let rest = STREAM_LEN - core.pos;
    core.take(&mut buf[..rest]).unwrap();
    assert_eq!(core.reseeds(), 1, "two buffers made under the first seed");
    core.fill(&mut buf[..1]).unwrap();
    assert_eq!(core.reseeds(), 2, "the third refill needs a new seed");
    // Direct fills count too: this one takes the seed to its budget...
    let mut big = vec![0u8; 2 * STREAM_LEN];
    core.fill(&mut big).unwrap();
    assert_eq!(core.reseeds(), 2);
    // ...so the next one reseeds first.
    core.fill(&mut big).unwrap();
    assert_eq!(core.reseeds(), 3);
}

#[test]
fn reseeds_after_the_configured_time() {
    // Time passes by moving the seed's timestamp back past the interval, so the
    // test neither sleeps nor depends on the scheduler: a stall of the machine
    // shorter than the interval cannot add a reseed.
    const INTERVAL: Duration = Duration::from_secs(600);
    let age = |core: &mut Core| {
        core.seeded_at = Instant::now().checked_sub(INTERVAL).unwrap();
    };
    let mut core = small(u64::MAX, INTERVAL);
    let mut buf = vec![0u8; STREAM_LEN];
    core.fill(&mut buf[..1]).unwrap();
    assert_eq!(core.reseeds(), 1);
    age(&mut core);
    // The interval is checked at the next refill: exhaust the buffer to force one.
    let rest = STREAM_LEN - core.pos;
    core.take(&mut buf[..rest]).unwrap();
    assert_eq!(core.reseeds(), 1, "no refill yet");
    core.fill(&mut buf[..1]).unwrap();
    assert_eq!(core.reseeds(), 2, "the refill after the interval reseeds");
    let rest = STREAM_LEN - core.pos;
    core.take(&mut buf[..rest]).unwrap();
    core.fill(&mut buf[..1]).unwrap();
    assert_eq!(core.reseeds(), 2, "a refill within the interval does not");
    // Large (direct) fills check the clock themselves.
    age(&mut core);
    core.fill(&mut buf[..DIRECT_MIN]).unwrap();
    assert_eq!(
        core.reseeds(),
        3,
        "a direct fill after the interval reseeds"
    );
    core.fill(&mut buf[..DIRECT_MIN]).unwrap();
    assert_eq!(core.reseeds(), 3);
}

#[test]
fn a_wiped_page_reseeds_instead_of_emitting_zeros() {
    // What a forked child sees when the kernel honoured MADV_WIPEONFORK.
    let mut core = Core::new(DEFAULT_RESEED).unwrap();
    let mut before = [0u8; 32];
    core.fill(&mut before).unwrap();
    core.page.bytes().fill(0);
    let mut after = [0u8; 32];
    core.fill(&mut after).unwrap();
    assert_eq!(core.reseeds(), 2);
    assert_ne!(after, [0u8; 32]);
    assert_ne!(after, before);
}

#[test]
fn direct_fills_cover_every_byte_and_differ() {
    let mut core = Core::new(DEFAULT_RESEED).unwrap();
    for len in [DIRECT_MIN - 1, DIRECT_MIN, DIRECT_MIN + 1, 1 << 20] {
        let mut a = vec![0u8; len];
        let mut b = vec![0u8; len];
        core.fill(&mut a).unwrap();
        core.fill(&mut b).unwrap();
        assert_ne!(a, b);
        // Each 64-byte block of keystream is nonzero (P(zero block) = 2^-512), so
        // a block the generator skipped would show up as zeros here. A short tail
        // is checked only from 16 bytes (P = 2^-128): the one byte after 2048 is
        // zero once in 256 runs.
        let mut blocks = a.chunks_exact(64);
        let tail = blocks.remainder();
        assert!(blocks.all(|c| c.iter().any(|&x| x != 0)), "len {len}");
        assert!(tail.len() < 16 || tail.iter().any(|&x| x != 0), "len {len}");
    }
}

#[test]
fn word_draws_use_the_buffer() {
    let mut core = Core::new(DEFAULT_RESEED).unwrap();
    let words: Vec<u64> = (0..1000).map(|_| core.next_u64().unwrap()).collect();
    let distinct: HashSet<_> = words.iter().collect();
    assert_eq!(distinct.len(), words.len());
    assert!((0..1000).any(|_| core.next_u32().unwrap() > u32::MAX / 2));
}

#[test]
fn handles_share_the_thread_state_and_never_repeat() {
    let mut a = FastRng::new();
    let mut b = FastRng::new();
    let x = rand_core::Rng::next_u64(&mut a);
    let y = rand_core::Rng::next_u64(&mut b);
    assert_ne!(x, y);
    let mut t = TryFastRng::new();
    t.reseed().unwrap();
    assert_ne!(t.try_next_u64().unwrap(), x);
}
