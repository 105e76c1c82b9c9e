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
/// `(n - k)! / n!`. Two layouts give the very same output for the same draws: a
/// dense index array when `n` is small next to `k`, else a sparse map of the
/// displaced positions (`O(k)` memory, so a huge population costs nothing).
#[cfg(feature = "alloc")]
pub(crate) fn sample_indices<R: TryRng + ?Sized>(
    rng: &mut R,
    n: usize,
    k: usize,
) -> Result<alloc::vec::Vec<usize>, R::Error> {
    if n <= k.saturating_mul(4) {
        sample_dense(rng, n, k)
    } else {
        sample_sparse(rng, n, k)
    }
}

#[cfg(feature = "alloc")]
fn sample_dense<R: TryRng + ?Sized>(
    rng: &mut R,
    n: usize,
    k: usize,
) -> Result<alloc::vec::Vec<usize>, R::Error> {
    let mut indices: alloc::vec::Vec<usize> = (0..n).collect();
    for i in 0..k {
        let j = i + index(rng, n - i)?;
        indices.swap(i, j);
    }
    indices.truncate(k);
    Ok(indices)
}

#[cfg(feature = "alloc")]
fn sample_sparse<R: TryRng + ?Sized>(
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

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::*;
    use chacha20_rng::ChaCha20Rng;
    use rand_core::SeedableRng;

    /// The two layouts must agree exactly, or value stability would depend on `n / k`.
    #[test]
    fn dense_and_sparse_agree() {
        for seed in 0..20u8 {
            for (n, k) in [
                (1, 1),
                (2, 1),
                (5, 5),
                (10, 3),
                (50, 49),
                (100, 7),
                (1000, 40),
            ] {
                let mut a = ChaCha20Rng::from_seed([seed; 32]);
                let mut b = ChaCha20Rng::from_seed([seed; 32]);
                let dense = sample_dense(&mut a, n, k).unwrap();
                let sparse = sample_sparse(&mut b, n, k).unwrap();
                assert_eq!(dense, sparse, "n = {n}, k = {k}, seed = {seed}");
            }
        }
    }
}
