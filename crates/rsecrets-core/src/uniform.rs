//! Every integer sampler of the workspace: Lemire's multiply-shift with its rejection
//! threshold for words, masked rejection for multi-word bounds.
//!
//! Each function is exact: every value in `[0, n)` has probability exactly `1/n`, by
//! rejection. No `%` is ever applied to a random word; the only `%` computes Lemire's
//! threshold from the bound itself.
//!
//! Reference: D. Lemire, "Fast Random Integer Generation in an Interval",
//! ACM TOMACS 29(1), 2019.

use rand_core::TryRng;

use crate::Pool;

/// One random byte.
#[inline]
fn next_u8<R: TryRng + ?Sized>(rng: &mut R) -> Result<u8, R::Error> {
    let mut byte = [0];
    rng.try_fill_bytes(&mut byte)?;
    Ok(byte[0])
}

/// `$name(rng, n)`: a uniform `$t` in `[0, n)` (`n > 0`) from `$t`-wide random words
/// drawn by `$draw`, multiplied in `$wide`.
macro_rules! lemire {
    ($($name:ident: $t:ty, $wide:ty, $draw:path;)*) => {$(
        #[inline]
        #[allow(clippy::cast_possible_truncation)] // the halves of a double-width product
        pub(crate) fn $name<R: TryRng + ?Sized>(rng: &mut R, n: $t) -> Result<$t, R::Error> {
            let mut m = <$wide>::from($draw(rng)?) * <$wide>::from(n);
            if (m as $t) < n {
                let threshold = n.wrapping_neg() % n; // not a random word: 2^bits mod n
                while (m as $t) < threshold {
                    m = <$wide>::from($draw(rng)?) * <$wide>::from(n);
                }
            }
            Ok((m >> <$t>::BITS) as $t)
        }
    )*};
}

lemire! {
    below_u8: u8, u16, next_u8;
    below_u32: u32, u64, TryRng::try_next_u32;
    below_u64: u64, u128, TryRng::try_next_u64;
}

/// `$name(rng, n, count, each)` calls `each` with `count` uniform values in
/// `[0, n)` (`n > 0`): Lemire's method as above on `$t`-wide words, read little-end
/// first from random bytes drawn in batches (as many as `count` and its likely
/// rejections need, at most 64 bytes a request) into a wiped [`Pool`], with the
/// threshold computed once.
macro_rules! lemire_each {
    ($($name:ident: $t:ty, $wide:ty;)*) => {$(
        #[allow(clippy::cast_possible_truncation)] // the halves of a double-width product
        pub(crate) fn $name<R: TryRng + ?Sized>(
            rng: &mut R,
            n: $t,
            mut count: usize,
            mut each: impl FnMut($t),
        ) -> Result<(), R::Error> {
            const WIDTH: usize = size_of::<$t>();
            let threshold = n.wrapping_neg() % n; // not a random word: 2^bits mod n
            let mut pool = Pool::<[u8; 64]>::default();
            while count > 0 {
                let want = WIDTH * (count + count / 4).min(64 / WIDTH);
                pool.refill(|bytes| rng.try_fill_bytes(&mut bytes[..want]))?;
                for word in pool.unserved()[..want].chunks_exact(WIDTH) {
                    let mut bytes = [0; WIDTH];
                    bytes.copy_from_slice(word);
                    let m = <$wide>::from(<$t>::from_le_bytes(bytes)) * <$wide>::from(n);
                    if m as $t >= threshold && count > 0 {
                        each((m >> <$t>::BITS) as $t);
                        count -= 1;
                    }
                }
            }
            Ok(())
        }
    )*};
}

lemire_each! {
    below_u8_each: u8, u16;
    below_u32_each: u32, u64;
    below_u64_each: u64, u128;
}

/// A uniform number below `bound` into `out`, both most significant word first and
/// as long as each other, `bound` not zero: the words from the first nonzero word of
/// `bound` on are drawn (that one masked to its bit length) and the number is
/// rejected unless below `bound` (at least half are accepted); the words before it
/// are zero.
pub(crate) fn below_words<R: TryRng + ?Sized>(
    rng: &mut R,
    bound: &[u64],
    out: &mut [u64],
) -> Result<(), R::Error> {
    let first = bound.iter().position(|&w| w != 0).unwrap_or(bound.len());
    let (zeros, out) = out.split_at_mut(first);
    let bound = &bound[first..];
    zeros.fill(0);
    // A zero bound has no number below it: the callers refuse it before.
    let Some(mask) = bound.first().map(|top| u64::MAX >> top.leading_zeros()) else {
        return Ok(());
    };
    loop {
        for word in out.iter_mut() {
            *word = rng.try_next_u64()?;
        }
        out[0] &= mask;
        if *out < *bound {
            return Ok(());
        }
    }
}

/// A uniform index in `[0, len)` for `len >= 1`: from one byte when `len` fits in a
/// `u8`, else from 32-bit words when it fits in a `u32`, else from 64-bit words. The
/// choice depends on `len` only, so results are the same on 32- and 64-bit targets.
#[inline]
pub(crate) fn index<R: TryRng + ?Sized>(rng: &mut R, len: usize) -> Result<usize, R::Error> {
    if let Ok(len) = u8::try_from(len) {
        below_u8(rng, len).map(usize::from)
    } else if let Ok(len) = u32::try_from(len) {
        below_u32(rng, len).map(widen_u32)
    } else {
        below_u64(rng, len as u64).map(narrow_u64)
    }
}

/// `u32` to `usize`: lossless on every target this crate supports (32 and 64 bits).
#[allow(clippy::cast_possible_truncation)]
pub(crate) const fn widen_u32(x: u32) -> usize {
    x as usize
}

/// `u64` to `usize`, for values known to be below some `usize` bound.
#[allow(clippy::cast_possible_truncation)]
pub(crate) const fn narrow_u64(x: u64) -> usize {
    x as usize
}

#[cfg(test)]
mod tests {
    extern crate alloc;

    use alloc::vec::Vec;
    use core::convert::Infallible;

    use super::*;

    /// A generator that returns the words it was given, then panics.
    struct Script<'a>(&'a [u64]);

    impl TryRng for Script<'_> {
        type Error = Infallible;
        #[allow(clippy::cast_possible_truncation)]
        fn try_next_u32(&mut self) -> Result<u32, Infallible> {
            self.try_next_u64().map(|w| w as u32)
        }
        fn try_next_u64(&mut self) -> Result<u64, Infallible> {
            let (&first, rest) = self.0.split_first().expect("the script ran out");
            self.0 = rest;
            Ok(first)
        }
        #[allow(clippy::cast_possible_truncation)]
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
            for b in dst {
                *b = self.try_next_u64()? as u8;
            }
            Ok(())
        }
    }

    /// Every byte, for every bound: each index is given by exactly ⌊256/n⌋ bytes and
    /// the other `256 mod n` bytes are rejected, so an accepted byte is uniform.
    #[test]
    fn byte_draws_are_exactly_uniform() {
        for n in 1..=255u8 {
            let mut hits = [0u32; 256];
            let mut rejected = 0;
            for byte in 0..=255u8 {
                // A rejected byte draws again: the script's second byte, 255, is
                // accepted for every n (255·n mod 256 = 256 − n ≥ 256 mod n).
                let script = [u64::from(byte), 255, 0];
                let mut rng = Script(&script);
                let x = below_u8(&mut rng, n).unwrap();
                if rng.0.len() == 2 {
                    hits[usize::from(x)] += 1;
                } else {
                    rejected += 1;
                }
            }
            let per_index = 256 / u32::from(n);
            assert!(
                hits[..usize::from(n)].iter().all(|&h| h == per_index),
                "n = {n}"
            );
            assert_eq!(rejected, 256 % u32::from(n), "n = {n}");
        }
    }

    /// All 256 bytes once, in batches: each index exactly ⌊256/n⌋ times, so the
    /// `256 mod n` others were rejected. (The bytes after them, which a last batch
    /// may ask for, are never used: the count is reached within the 256.)
    #[test]
    fn batched_byte_draws_are_exactly_uniform() {
        let bytes: [u64; 320] = core::array::from_fn(|b| b.min(255) as u64);
        for n in 1..=255u8 {
            let mut rng = Script(&bytes);
            let mut hits = [0u32; 256];
            let count = 256 - 256 % usize::from(n);
            below_u8_each(&mut rng, n, count, |x| hits[usize::from(x)] += 1).unwrap();
            let per_index = 256 / u32::from(n);
            assert!(
                hits[..usize::from(n)].iter().all(|&h| h == per_index),
                "n = {n}"
            );
            assert!(hits[usize::from(n)..].iter().all(|&h| h == 0), "n = {n}");
        }
    }

    /// The word `x` with `x · n mod 2^bits == target`, for odd `n`.
    fn preimage(n: u64, target: u64, bits: u32) -> u64 {
        // n⁻¹ mod 2^64 by Newton's iteration, then reduced to `bits`.
        let mut inv = n;
        for _ in 0..6 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(n.wrapping_mul(inv)));
        }
        let x = target.wrapping_mul(inv);
        if bits == 64 { x } else { x & ((1 << bits) - 1) }
    }

    /// At the threshold `t = 2^bits mod n`: a word whose low product is `t - 1` is
    /// rejected and one whose low product is `t` is accepted, so the threshold is
    /// exactly Lemire's (a bias of `n / 2^bits` shows nowhere else).
    #[test]
    fn the_rejection_thresholds_are_exact() {
        for n in [3u64, 7, 11, 1_000_001, (1 << 31) + 1, u64::from(u32::MAX)] {
            let t = (1u64 << 32) % n;
            let (reject, accept) = (preimage(n, t - 1, 32), preimage(n, t, 32));
            let script = [reject, accept, u64::MAX];
            let mut rng = Script(&script);
            let n32 = u32::try_from(n).unwrap();
            let want = u32::try_from((accept * n) >> 32).unwrap();
            assert_eq!(below_u32(&mut rng, n32), Ok(want), "n = {n}");
            assert_eq!(rng.0.len(), 1, "n = {n}: one word rejected, one accepted");
        }
        for n in [3u64, 7, 11, 1_000_001, (1 << 63) + 1, u64::MAX] {
            let t = n.wrapping_neg() % n;
            let (reject, accept) = (preimage(n, t - 1, 64), preimage(n, t, 64));
            let script = [reject, accept, u64::MAX];
            let mut rng = Script(&script);
            let want = u64::try_from((u128::from(accept) * u128::from(n)) >> 64).unwrap();
            assert_eq!(below_u64(&mut rng, n), Ok(want), "n = {n}");
            assert_eq!(rng.0.len(), 1, "n = {n}: one word rejected, one accepted");
        }
    }

    /// The batched samplers reject and accept at the same thresholds.
    #[test]
    fn the_batched_thresholds_are_exact() {
        let bytes = |words: &[u64], width: usize| -> Vec<u64> {
            let le = words.iter().flat_map(|w| w.to_le_bytes()[..width].to_vec());
            le.map(u64::from)
                .chain(core::iter::repeat_n(0, 64))
                .collect()
        };
        for n in [3u64, 7, 11, 1_000_001, (1 << 31) + 1, u64::from(u32::MAX)] {
            let t = (1u64 << 32) % n;
            let (reject, accept) = (preimage(n, t - 1, 32), preimage(n, t, 32));
            let script = bytes(&[reject, accept], 4);
            let mut got = Vec::new();
            let n32 = u32::try_from(n).unwrap();
            below_u32_each(&mut Script(&script), n32, 1, |x| got.push(x)).unwrap();
            assert_eq!(got, [u32::try_from((accept * n) >> 32).unwrap()], "n = {n}");
        }
        for n in [3u64, 7, 11, 1_000_001, (1 << 63) + 1, u64::MAX] {
            let t = n.wrapping_neg() % n;
            let (reject, accept) = (preimage(n, t - 1, 64), preimage(n, t, 64));
            let script = bytes(&[reject, accept], 8);
            let mut got = Vec::new();
            below_u64_each(&mut Script(&script), n, 1, |x| got.push(x)).unwrap();
            let want = u64::try_from((u128::from(accept) * u128::from(n)) >> 64).unwrap();
            assert_eq!(got, [want], "n = {n}");
        }
    }

    /// A bound that is a power of two is never rejected; any other is, at its top.
    #[test]
    fn words_are_masked_and_rejected_at_the_bound() {
        let bound = [0, 5, 0]; // 5 · 2^64
        let mut out = [9; 3];
        // 7 masked to 3 bits is 7 > 5: rejected; then 5·2^64 + x: rejected; then 4·2^64 + 1.
        let script = [7, 0, 5, 1, 4, 1, u64::MAX];
        let mut rng = Script(&script);
        below_words(&mut rng, &bound, &mut out).unwrap();
        assert_eq!((out, rng.0.len()), ([0, 4, 1], 1));
        let mut rng = Script(&[u64::MAX, 3]);
        below_words(&mut rng, &[1 << 63], &mut out[..1]).unwrap();
        assert_eq!(out[0], 3);
    }

    #[test]
    fn index_draws_bytes_then_words() {
        assert_eq!(index(&mut Script(&[0x80]), 2), Ok(1));
        assert_eq!(index(&mut Script(&[1 << 31]), 256), Ok(128));
        assert_eq!(index(&mut Script(&[1 << 31]), 1 << 20), Ok(1 << 19));
    }
}
