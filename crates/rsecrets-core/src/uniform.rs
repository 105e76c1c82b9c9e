//! Word-level uniform samplers: Lemire's nearly-divisionless method and friends.
//!
//! Every function here is exact: each value in `[0, n)` has probability exactly
//! `1/n`, by rejection. No `%` is ever applied to a random word; the only `%` is
//! the one that computes Lemire's rejection threshold from the bound itself.
//!
//! Reference: D. Lemire, "Fast Random Integer Generation in an Interval",
//! ACM TOMACS 29(1), 2019.

use rand_core::TryRng;

/// The high and low halves of the 64-bit product `a * b`.
#[allow(clippy::cast_possible_truncation)] // splitting a double-width product into halves
fn wmul32(a: u32, b: u32) -> (u32, u32) {
    let m = u64::from(a) * u64::from(b);
    ((m >> 32) as u32, m as u32)
}

/// The high and low halves of the 128-bit product `a * b`.
#[allow(clippy::cast_possible_truncation)] // splitting a double-width product into halves
fn wmul64(a: u64, b: u64) -> (u64, u64) {
    let m = u128::from(a) * u128::from(b);
    ((m >> 64) as u64, m as u64)
}

/// A uniform `u32` in `[0, n)`, drawn from 32-bit words. `n` must not be zero.
#[inline]
pub(crate) fn below_u32<R: TryRng + ?Sized>(rng: &mut R, n: u32) -> Result<u32, R::Error> {
    let (mut hi, mut lo) = wmul32(rng.try_next_u32()?, n);
    if lo < n {
        // Lemire's threshold, 2^32 mod n. The `%` is on the bound, not on a random
        // word; it runs only when a rejection is possible at all.
        let threshold = n.wrapping_neg() % n; // not a random word: the bound
        while lo < threshold {
            (hi, lo) = wmul32(rng.try_next_u32()?, n);
        }
    }
    Ok(hi)
}

/// A uniform `u64` in `[0, n)`, drawn from 64-bit words. `n` must not be zero.
#[inline]
pub(crate) fn below_u64<R: TryRng + ?Sized>(rng: &mut R, n: u64) -> Result<u64, R::Error> {
    let (mut hi, mut lo) = wmul64(rng.try_next_u64()?, n);
    if lo < n {
        // Lemire's threshold, 2^64 mod n: computed on the bound, as above.
        let threshold = n.wrapping_neg() % n; // not a random word: the bound
        while lo < threshold {
            (hi, lo) = wmul64(rng.try_next_u64()?, n);
        }
    }
    Ok(hi)
}

/// A uniform `u128` in `[0, n)`. `n` must not be zero.
///
/// Bounds that fit in a `u64` take the 64-bit Lemire path (one word, usually).
/// Larger bounds draw 128-bit words (two 64-bit words, high half first), keep only
/// as many low bits as `n - 1` has, and reject values `>= n`: at least half of
/// all candidates are accepted.
pub(crate) fn below_u128<R: TryRng + ?Sized>(rng: &mut R, n: u128) -> Result<u128, R::Error> {
    if let Ok(small) = u64::try_from(n) {
        return below_u64(rng, small).map(u128::from);
    }
    let mask = u128::MAX >> (n - 1).leading_zeros();
    loop {
        let candidate = full_u128(rng)? & mask;
        if candidate < n {
            return Ok(candidate);
        }
    }
}

/// A uniform `u128`: two 64-bit words, high half first.
pub(crate) fn full_u128<R: TryRng + ?Sized>(rng: &mut R) -> Result<u128, R::Error> {
    let hi = rng.try_next_u64()?;
    let lo = rng.try_next_u64()?;
    Ok(u128::from(hi) << 64 | u128::from(lo))
}

/// A uniform index in `[0, len)` for `len >= 1`.
///
/// Lengths that fit in a `u32` use 32-bit words (half the generator output of the
/// 64-bit path), longer ones 64-bit words. The choice depends on `len` only, so
/// results are the same on 32- and 64-bit targets.
#[inline]
pub(crate) fn index<R: TryRng + ?Sized>(rng: &mut R, len: usize) -> Result<usize, R::Error> {
    match u32::try_from(len) {
        Ok(len) => below_u32(rng, len).map(widen_u32),
        Err(_) => below_u64(rng, len as u64).map(narrow_u64),
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
    use super::*;

    #[test]
    fn wide_multiplications_split_correctly() {
        assert_eq!(wmul32(u32::MAX, u32::MAX), (u32::MAX - 1, 1));
        assert_eq!(wmul64(u64::MAX, u64::MAX), (u64::MAX - 1, 1));
        assert_eq!(wmul64(1 << 63, 2), (1, 0));
    }
}
