//! Every integer sampler of the workspace: Lemire's multiply-shift with its rejection
//! threshold for words, masked rejection for multi-word bounds.
//!
//! Each function is exact: every value in `[0, n)` has probability exactly `1/n`, by
//! rejection. No `%` is ever applied to a random word; the only `%` computes Lemire's
//! threshold from the bound itself.
//!
//! Reference: D. Lemire, "Fast Random Integer Generation in an Interval",
//! ACM TOMACS 29(1), 2019.

use core::ops::{Add, Div, Rem};

use rand_core::TryRng;

use crate::Pool;

/// An unsigned word Lemire's method works on: how it is drawn, read from
/// little-endian bytes, and multiplied by a bound into the two halves of the
/// double-width product.
///
/// Written out per type rather than by a macro, so that mutation testing sees (and
/// the tests pin) every operator of the samplers. (`Add` and `Div` are not used: they
/// let the threshold's mutants, `%` replaced by `/` or `+`, build, so a mutation run
/// can show the tests catch them.)
pub(crate) trait Word:
    Copy + Ord + Add<Output = Self> + Div<Output = Self> + Rem<Output = Self>
{
    /// The bytes of one word.
    const BYTES: usize;
    /// One uniform word from `rng`.
    fn draw<R: TryRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error>;
    /// The word whose little-endian bytes are `bytes` (`BYTES` of them).
    fn from_le(bytes: &[u8]) -> Self;
    /// `2^bits - self` (0 for 0).
    fn wrapping_neg(self) -> Self;
    /// `self · n` as (its high half, its low half).
    fn mul_wide(self, n: Self) -> (Self, Self);
}

#[allow(clippy::cast_possible_truncation)] // the halves of a double-width product
impl Word for u8 {
    const BYTES: usize = 1;
    #[inline]
    fn draw<R: TryRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error> {
        let mut byte = [0];
        rng.try_fill_bytes(&mut byte)?;
        Ok(byte[0])
    }
    #[inline]
    fn from_le(bytes: &[u8]) -> Self {
        bytes[0]
    }
    #[inline]
    fn wrapping_neg(self) -> Self {
        self.wrapping_neg()
    }
    #[inline]
    fn mul_wide(self, n: Self) -> (Self, Self) {
        let m = u16::from(self) * u16::from(n);
        ((m >> 8) as u8, m as u8)
    }
}

#[allow(clippy::cast_possible_truncation)] // the halves of a double-width product
impl Word for u32 {
    const BYTES: usize = 4;
    #[inline]
    fn draw<R: TryRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error> {
        rng.try_next_u32()
    }
    #[inline]
    fn from_le(bytes: &[u8]) -> Self {
        let mut word = [0; 4];
        word.copy_from_slice(bytes);
        u32::from_le_bytes(word)
    }
    #[inline]
    fn wrapping_neg(self) -> Self {
        self.wrapping_neg()
    }
    #[inline]
    fn mul_wide(self, n: Self) -> (Self, Self) {
        let m = u64::from(self) * u64::from(n);
        ((m >> 32) as u32, m as u32)
    }
}

#[allow(clippy::cast_possible_truncation)] // the halves of a double-width product
impl Word for u64 {
    const BYTES: usize = 8;
    #[inline]
    fn draw<R: TryRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error> {
        rng.try_next_u64()
    }
    #[inline]
    fn from_le(bytes: &[u8]) -> Self {
        let mut word = [0; 8];
        word.copy_from_slice(bytes);
        u64::from_le_bytes(word)
    }
    #[inline]
    fn wrapping_neg(self) -> Self {
        self.wrapping_neg()
    }
    #[inline]
    fn mul_wide(self, n: Self) -> (Self, Self) {
        let m = u128::from(self) * u128::from(n);
        ((m >> 64) as u64, m as u64)
    }
}

/// A uniform `W` in `[0, n)` (`n > 0`) from `W`-wide random words: `u8` from single
/// bytes, `u32` from `try_next_u32`, `u64` from `try_next_u64`.
#[inline]
pub(crate) fn below<W: Word, R: TryRng + ?Sized>(rng: &mut R, n: W) -> Result<W, R::Error> {
    let (mut high, mut low) = W::draw(rng)?.mul_wide(n);
    if low < n {
        let threshold = n.wrapping_neg() % n; // not a random word: 2^bits mod n
        while low < threshold {
            (high, low) = W::draw(rng)?.mul_wide(n);
        }
    }
    Ok(high)
}

/// Calls `each` with `count` uniform values in `[0, n)` (`n > 0`): Lemire's method
/// as in [`below`] on `W`-wide words, read little-end first from random bytes drawn
/// in batches (as many as `count` and its likely rejections need, at most 64 bytes a
/// request) into a wiped [`Pool`], with the threshold computed once.
pub(crate) fn below_each<W: Word, R: TryRng + ?Sized>(
    rng: &mut R,
    n: W,
    mut count: usize,
    mut each: impl FnMut(W),
) -> Result<(), R::Error> {
    let threshold = n.wrapping_neg() % n; // not a random word: 2^bits mod n
    let mut pool = Pool::<[u8; 64]>::default();
    while count > 0 {
        let want = W::BYTES * (count + count / 4).min(64 / W::BYTES);
        pool.refill(|bytes| rng.try_fill_bytes(&mut bytes[..want]))?;
        for word in pool.unserved()[..want].chunks_exact(W::BYTES) {
            let (high, low) = W::from_le(word).mul_wide(n);
            if low >= threshold && count > 0 {
                each(high);
                count -= 1;
            }
        }
    }
    Ok(())
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
        below(rng, len).map(usize::from)
    } else if let Ok(len) = u32::try_from(len) {
        below(rng, len).map(widen_u32)
    } else {
        below(rng, len as u64).map(narrow_u64)
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
                let x = below::<u8, _>(&mut rng, n).unwrap();
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
            below_each::<u8, _>(&mut rng, n, count, |x| hits[usize::from(x)] += 1).unwrap();
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
            assert_eq!(below::<u32, _>(&mut rng, n32), Ok(want), "n = {n}");
            assert_eq!(rng.0.len(), 1, "n = {n}: one word rejected, one accepted");
        }
        for n in [3u64, 7, 11, 1_000_001, (1 << 63) + 1, u64::MAX] {
            let t = n.wrapping_neg() % n;
            let (reject, accept) = (preimage(n, t - 1, 64), preimage(n, t, 64));
            let script = [reject, accept, u64::MAX];
            let mut rng = Script(&script);
            let want = u64::try_from((u128::from(accept) * u128::from(n)) >> 64).unwrap();
            assert_eq!(below::<u64, _>(&mut rng, n), Ok(want), "n = {n}");
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
            below_each::<u32, _>(&mut Script(&script), n32, 1, |x| got.push(x)).unwrap();
            assert_eq!(got, [u32::try_from((accept * n) >> 32).unwrap()], "n = {n}");
        }
        for n in [3u64, 7, 11, 1_000_001, (1 << 63) + 1, u64::MAX] {
            let t = n.wrapping_neg() % n;
            let (reject, accept) = (preimage(n, t - 1, 64), preimage(n, t, 64));
            let script = bytes(&[reject, accept], 8);
            let mut got = Vec::new();
            below_each::<u64, _>(&mut Script(&script), n, 1, |x| got.push(x)).unwrap();
            let want = u64::try_from((u128::from(accept) * u128::from(n)) >> 64).unwrap();
            assert_eq!(got, [want], "n = {n}");
        }
    }

    /// Records the length of every request and answers all-ones bytes, which every
    /// bound accepts (`(2^bits - 1) · n mod 2^bits = 2^bits - n`, at least the
    /// threshold).
    #[derive(Default)]
    struct Requests(Vec<usize>);

    impl TryRng for Requests {
        type Error = Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Infallible> {
            unreachable!("the batched samplers draw bytes")
        }
        fn try_next_u64(&mut self) -> Result<u64, Infallible> {
            unreachable!("the batched samplers draw bytes")
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
            self.0.push(dst.len());
            dst.fill(0xff);
            Ok(())
        }
    }

    /// The batches are part of the value-stability promise (a generator may discard
    /// the rest of a word after a request): a quarter more words than are still
    /// wanted, at most 64 bytes a request, and every wanted value given once.
    #[test]
    fn batches_are_a_quarter_over_and_at_most_64_bytes() {
        fn requests<W: Word + core::fmt::Debug>(n: W, count: usize, want: W) -> Vec<usize> {
            let mut rng = Requests::default();
            let mut got = 0;
            below_each(&mut rng, n, count, |x| {
                assert_eq!(x, want);
                got += 1;
            })
            .unwrap();
            assert_eq!(got, count);
            rng.0
        }
        // All ones times n: the high half is n - 1.
        assert_eq!(requests(10u8, 1, 9), [1]);
        assert_eq!(requests(10u8, 6, 9), [7]);
        assert_eq!(requests(200u8, 20, 199), [25]);
        assert_eq!(requests(7u8, 100, 6), [64, 45]);
        assert_eq!(requests(1000u32, 6, 999), [28]);
        assert_eq!(requests(3u32, 40, 2), [64, 64, 40]);
        assert_eq!(requests(u64::MAX, 3, u64::MAX - 1), [24]);
        assert_eq!(requests(5u64, 10, 4), [64, 16]);
        assert!(requests(5u64, 0, 4).is_empty());
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
        // The bound itself is not below the bound.
        let mut rng = Script(&[5, 0, 5, 1, 0, 0]);
        below_words(&mut rng, &bound, &mut out).unwrap();
        assert_eq!((out, rng.0.len()), ([0, 0, 0], 0));
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
