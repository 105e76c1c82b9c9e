//! Unit tests of the generator state itself: fast key erasure, wiping, reseeding.

#![allow(clippy::unwrap_used, clippy::std_instead_of_alloc)] // test code: a failure should panic

use std::collections::HashSet;
use std::vec;
use std::vec::Vec;

use super::*;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Bytes of the buffer not yet handed out.
fn left(core: &Core) -> usize {
    core.pool.len()
}

/// Hands out the rest of the buffer, so the next draw refills.
fn exhaust(core: &mut Core) {
    let mut rest = vec![0u8; left(core)];
    core.pool.take(&mut rest);
    assert_eq!(left(core), 0);
}

#[test]
fn handed_out_bytes_leave_no_copy_in_the_state() {
    let mut core = Core::new().unwrap();
    for len in [1usize, 8, 32, 100, 1000, 4000, 5000, 70_000] {
        let mut out = vec![0u8; len];
        core.fill(&mut out).unwrap();
        let served = STREAM_LEN - left(&core);
        // Every byte of the buffer before the cursor was handed out and reads zero.
        assert!(
            core.page_bytes()[KEY_LEN..served].iter().all(|&b| b == 0),
            "len {len}"
        );
        // No 16-byte window of the output survives anywhere in the state. A chance
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
    let mut core = Core::new().unwrap();
    let mut seen = HashSet::new();
    for _ in 0..10 {
        core.fill(&mut [0u8; 100]).unwrap();
        let key = core.page_bytes()[..KEY_LEN].to_vec();
        assert!(seen.insert(key.clone()), "a key repeated");
        exhaust(&mut core);
        core.fill(&mut [0u8; 1]).unwrap();
        assert!(
            !contains(core.page_bytes(), &key),
            "the old key survived a refill"
        );
        // The new key is the keystream's first 32 bytes: the buffer after it is the
        // continuation of the same stream under the old key.
        let mut stream = [0u8; STREAM_LEN];
        cipher_at(&key, 0).write_keystream(&mut stream);
        assert_eq!(core.page_bytes()[..KEY_LEN], stream[..KEY_LEN]);
        assert_eq!(
            core.page_bytes()[KEY_LEN + 1..STREAM_LEN],
            stream[KEY_LEN + 1..]
        );
    }
}

#[test]
fn outputs_do_not_repeat() {
    // 20 000 draws of 128 bits: P(any collision) < 2^-99.
    let mut core = Core::new().unwrap();
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
    // (direct) request. With two buffers of the budget left, the third refill
    // reseeds.
    let mut core = Core::new().unwrap();
    core.fill(&mut [0u8; 1]).unwrap();
    assert_eq!(core.seed.reseeds, 1, "the first draw seeds");
    core.seed.made = RESEED_BYTES - 2 * STREAM_LEN as u64;
    for _ in 0..2 {
        exhaust(&mut core);
        core.fill(&mut [0u8; 1]).unwrap();
        assert_eq!(core.seed.reseeds, 1, "a buffer within the budget");
    }
    exhaust(&mut core);
    core.fill(&mut [0u8; 1]).unwrap();
    assert_eq!(core.seed.reseeds, 2, "the third refill needs a new seed");
    // Direct fills count too: this one takes the seed to its budget...
    core.seed.made = RESEED_BYTES - 2 * STREAM_LEN as u64;
    let mut big = vec![0u8; 2 * STREAM_LEN];
    core.fill(&mut big).unwrap();
    assert_eq!(core.seed.reseeds, 2);
    // ...so the next one reseeds first.
    core.fill(&mut big).unwrap();
    assert_eq!(core.seed.reseeds, 3);
}

#[test]
fn reseeds_after_the_configured_time() {
    // Time passes by moving the seed's timestamp back past the interval, so the
    // test neither sleeps nor depends on the scheduler.
    let age = |core: &mut Core| {
        core.seed.seeded_at = Instant::now().checked_sub(RESEED_INTERVAL).unwrap();
    };
    let mut core = Core::new().unwrap();
    core.fill(&mut [0u8; 1]).unwrap();
    assert_eq!(core.seed.reseeds, 1);
    age(&mut core);
    // The interval is checked at the next refill: exhaust the buffer to force one.
    exhaust(&mut core);
    assert_eq!(core.seed.reseeds, 1, "no refill yet");
    core.fill(&mut [0u8; 1]).unwrap();
    assert_eq!(
        core.seed.reseeds, 2,
        "the refill after the interval reseeds"
    );
    exhaust(&mut core);
    core.fill(&mut [0u8; 1]).unwrap();
    assert_eq!(
        core.seed.reseeds, 2,
        "a refill within the interval does not"
    );
    // Large (direct) fills check the clock themselves.
    age(&mut core);
    let mut big = vec![0u8; DIRECT_MIN];
    core.fill(&mut big).unwrap();
    assert_eq!(
        core.seed.reseeds, 3,
        "a direct fill after the interval reseeds"
    );
    core.fill(&mut big).unwrap();
    assert_eq!(core.seed.reseeds, 3);
}

#[test]
fn an_unsealed_state_reseeds_instead_of_emitting_zeros() {
    // A new state reads as zero, as a forked child's does when the kernel honoured
    // MADV_WIPEONFORK (the fork tests check that case in a real child).
    let mut core = Core::new().unwrap();
    assert!(!core.sealed() && core.page_bytes().iter().all(|&b| b == 0));
    let mut out = [0u8; 32];
    core.fill(&mut out).unwrap();
    assert_eq!(core.seed.reseeds, 1);
    assert!(core.sealed());
    assert_ne!(out, [0u8; 32]);
}

#[test]
fn a_failed_reseed_leaves_nothing_to_serve() {
    // An unsealed state whose reseed fails (the OS refused) must neither serve the
    // buffer nor keep a key: the seal stays zero and the pool empty.
    let mut core = Core::new().unwrap();
    core.fill(&mut [0u8; 8]).unwrap();
    let failed: Result<(), Error> = core.pool.refill(|page| {
        page.0.bytes_mut()[..SEAL_END].fill(0);
        Err(Error::NoMemory)
    });
    assert!(failed.is_err());
    assert_eq!(left(&core), 0);
    assert!(core.page_bytes()[..SEAL_END].iter().all(|&b| b == 0));
    assert!(!core.sealed());
}

#[test]
fn direct_fills_cover_every_byte_and_differ() {
    let mut core = Core::new().unwrap();
    for len in [DIRECT_MIN - 1, DIRECT_MIN, DIRECT_MIN + 1, 1 << 20] {
        let mut a = vec![0u8; len];
        let mut b = vec![0u8; len];
        core.fill(&mut a).unwrap();
        core.fill(&mut b).unwrap();
        assert_ne!(a, b);
        // Each 64-byte block of keystream is nonzero (P(zero block) = 2^-512), so a
        // block the generator skipped would show up as zeros here. A short tail is
        // checked only from 16 bytes (P = 2^-128).
        let mut blocks = a.chunks_exact(64);
        let tail = blocks.remainder();
        assert!(blocks.all(|c| c.iter().any(|&x| x != 0)), "len {len}");
        assert!(tail.len() < 16 || tail.iter().any(|&x| x != 0), "len {len}");
    }
}

/// From `DIRECT_MIN` bytes up a request is written straight from a one-time key: the
/// buffer gives only that key, however much it holds. Below, the buffer serves it.
#[test]
fn direct_fills_take_only_a_key_from_the_buffer() {
    let mut core = Core::new().unwrap();
    core.fill(&mut [0u8; 1]).unwrap();
    for len in [DIRECT_MIN, DIRECT_MIN + 1] {
        let before = left(&core);
        assert!(before >= len, "the buffer could serve {len} bytes");
        core.fill(&mut vec![0u8; len]).unwrap();
        assert_eq!(left(&core), before - KEY_LEN, "len {len}");
    }
    let before = left(&core);
    core.fill(&mut vec![0u8; DIRECT_MIN - 1]).unwrap();
    assert_eq!(left(&core), before - (DIRECT_MIN - 1));
}

#[test]
fn word_draws_come_from_the_buffer_in_order() {
    let mut core = Core::new().unwrap();
    core.fill(&mut [0u8; 1]).unwrap();
    let next = core.page_bytes()[KEY_LEN + 1..KEY_LEN + 13].to_vec();
    let (mut word, mut half) = ([0u8; 8], [0u8; 4]);
    core.fill(&mut word).unwrap();
    core.fill(&mut half).unwrap();
    assert_eq!(word[..], next[..8]);
    assert_eq!(half[..], next[8..]);
    assert_eq!(left(&core), STREAM_LEN - KEY_LEN - 13);
}

#[test]
fn handles_share_the_thread_state() {
    // Two handles on one thread draw from one buffer: what one takes, the other
    // does not see again, and both move the same cursor.
    let mut a = FastRng::new();
    let mut b = TryFastRng::new();
    let x = rand_core::Rng::next_u64(&mut a);
    let left_after_a = STATE.with(|s| s.borrow().as_ref().map(|c| left(c)).unwrap());
    let y = b.try_next_u64().unwrap();
    let left_after_b = STATE.with(|s| s.borrow().as_ref().map(|c| left(c)).unwrap());
    assert_ne!(x, y);
    assert_eq!(left_after_b + 8, left_after_a);
    b.reseed().unwrap();
    let reseeds = STATE.with(|s| s.borrow().as_ref().map(|c| c.seed.reseeds).unwrap());
    assert!(reseeds >= 2, "reseed() goes to the OS");
}

/// The construction, pinned by outside numbers: with a key of zeros, a refill makes
/// the ChaCha20 keystream of RFC 8439's test vectors (appendix A.1, #1 and #2: key
/// and nonce zero, blocks 0 and 1), whose first 32 bytes become the next key and
/// whose rest is served in order.
#[test]
fn a_refill_is_the_rfc_8439_keystream() {
    let hex = |s: &str| -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    };
    let block0 = hex(
        "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7\
         da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586",
    );
    let block1 = hex(
        "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed\
         29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f",
    );
    let mut core = Core::new().unwrap();
    core.fill(&mut [0u8; 1]).unwrap(); // seeded and sealed
    // Inject the key: zeros, sealed for this process; the buffer left empty.
    let seal = os::fork_epoch().wrapping_add(1);
    core.pool
        .refill(|page| {
            page.0.bytes_mut()[..KEY_LEN].fill(0);
            // `cargo xtask proof`'s negative control: one key bit off must fail.
            if std::env::var_os("RSECRETS_KAT_CONTROL").is_some() {
                page.0.bytes_mut()[0] = 1;
            }
            page.0.bytes_mut()[SEAL..SEAL_END].copy_from_slice(&seal.to_le_bytes());
            Ok::<(), Error>(())
        })
        .unwrap();
    core.pool.clear();
    let mut served = [0u8; 96];
    core.fill(&mut served).unwrap();
    assert_eq!(
        core.page_bytes()[..KEY_LEN],
        block0[..KEY_LEN],
        "the next key"
    );
    assert_eq!(served[..32], block0[KEY_LEN..], "block 0 after the key");
    assert_eq!(served[32..], block1[..], "block 1");
}
