//! Permutations: Fisher–Yates shuffling and sampling without replacement.

use rand_core::TryRng;

use crate::uniform::index;

/// Fisher–Yates (Durstenfeld) shuffle, from the last position down, as CPython's
/// `random.shuffle` does: every permutation has probability exactly `1/len!`.
pub(crate) fn shuffle<T, R: TryRng + ?Sized>(rng: &mut R, seq: &mut [T]) -> Result<(), R::Error> {
    for i in (1..seq.len()).rev() {
        let j = index(rng, i + 1)?;
        seq.swap(i, j);
    }
    Ok(())
}

/// `k` distinct indices of `0..n` in uniformly random order (`k <= n`).
///
/// A partial Fisher–Yates shuffle of `0..n`, from the front: step `i` swaps
/// position `i` with a uniform position in `i..n` and emits what lands at `i`.
/// Every ordered `k`-tuple of distinct indices has probability exactly
/// `(n - k)! / n!`. Only the displaced positions are stored, so memory is `O(k)`
/// however large the population.
#[cfg(feature = "alloc")]
pub(crate) fn sample_indices<R: TryRng + ?Sized>(
    rng: &mut R,
    n: usize,
    k: usize,
) -> Result<alloc::vec::Vec<usize>, R::Error> {
    // `moved[p]` is what now sits at position `p`, for positions that were swapped;
    // every other position `p` still holds `p`.
    let mut moved = alloc::collections::BTreeMap::new();
    let mut out = alloc::vec::Vec::with_capacity(k);
    for i in 0..k {
        let j = i + index(rng, n - i)?;
        let at_j = moved.get(&j).copied().unwrap_or(j);
        // Position `i` is never read again: take its entry out to keep the map small.
        let at_i = moved.remove(&i).unwrap_or(i);
        if j != i {
            moved.insert(j, at_i);
        }
        out.push(at_j);
    }
    Ok(out)
}
