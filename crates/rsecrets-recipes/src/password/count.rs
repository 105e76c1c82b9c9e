//! Exact counts of the passwords a constrained policy allows, by class composition.
//!
//! A policy with classes of sizes `s_1 … s_k` and minimums `m_1 … m_k` allows, for
//! each composition `c_1 + … + c_k = L` with every `c_j >= m_j`,
//! `L! / (c_1! ⋯ c_k!) · s_1^c_1 ⋯ s_k^c_k` strings. Summing those class by class
//! gives `T_j(n)`, the number of valid strings of length `n` over classes `j..k`:
//!
//! ```text
//! T_k(n) = s_k^n                                  if n >= m_k, else 0
//! T_j(n) = Σ_{c = m_j}^{n − M_{j+1}} C(n, c) · s_j^c · T_{j+1}(n − c)
//! ```
//!
//! where `M_{j+1}` is the sum of the later minimums. The policy's count is
//! `T_1(L)`. The terms of each sum, accumulated, are the tables the sampler
//! searches: class `j` gets `c` characters with probability exactly
//! `C(n, c) · s_j^c · T_{j+1}(n − c) / T_j(n)`.

use alloc::vec::Vec;

use num_bigint::BigUint;
use num_traits::{One, Zero, pow};

use super::policy::MAX_CONSTRAINED_LENGTH;

/// The most 64-bit limbs a count takes: every count is below `94^L < 2^(7L)`.
pub(crate) const MAX_LIMBS: usize = (MAX_CONSTRAINED_LENGTH * 7).div_ceil(64);

/// Running sums of the weights of one draw, as fixed-width integers of 64-bit
/// limbs, most significant first, so that comparing two limb slices compares the
/// numbers and a draw never builds a big integer from secret bits.
#[derive(Clone)]
pub(crate) struct Cumulative {
    limbs: usize,
    data: Vec<u64>,
}

impl Cumulative {
    /// The table of the running sums `sums`, whose last is `total`.
    fn new(sums: &[BigUint], total: &BigUint) -> Self {
        let limbs = total.to_u64_digits().len();
        let mut data = Vec::with_capacity(limbs * sums.len());
        for sum in sums {
            let digits = sum.to_u64_digits(); // least significant first
            data.resize(data.len() + limbs - digits.len(), 0);
            data.extend(digits.iter().rev());
        }
        Cumulative { limbs, data }
    }

    /// The sum of all the weights (its first limb is not zero).
    pub(crate) fn total(&self) -> &[u64] {
        &self.data[self.data.len() - self.limbs..]
    }

    /// The first index whose running sum exceeds `u` (`u` has the total's width
    /// and is below it).
    pub(crate) fn search(&self, u: &[u64]) -> usize {
        let entries = self.data.len() / self.limbs;
        let (mut lo, mut hi) = (0, entries - 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if &self.data[mid * self.limbs..(mid + 1) * self.limbs] <= u {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// The draws of one class: for each length `n` still to fill, how many characters
/// of this class to take (at least `min`).
#[derive(Clone)]
pub(crate) struct Level {
    pub(crate) min: usize,
    first: usize,
    tables: Vec<Cumulative>,
}

impl Level {
    /// The table for `n` characters still to fill.
    pub(crate) fn table(&self, n: usize) -> &Cumulative {
        &self.tables[n - self.first]
    }
}

/// The exact count of a constrained policy and its sampling tables.
pub(crate) struct Composition {
    /// The number of valid passwords.
    pub(crate) total: BigUint,
    /// One level per class but the last (which takes what is left).
    pub(crate) levels: Vec<Level>,
}

/// Counts the strings of `length` characters over classes of the given `sizes`
/// with at least `mins[j]` characters of class `j`. Needs at least two classes,
/// nonzero sizes, and `Σ mins <= length`.
pub(crate) fn count(sizes: &[usize], mins: &[usize], length: usize) -> Composition {
    let k = sizes.len();
    debug_assert!(k >= 2 && mins.len() == k);
    // suffix[j]: the minimums of classes j.. ; prefix[j]: of classes ..j.
    let mut suffix = alloc::vec![0usize; k + 1];
    for j in (0..k).rev() {
        suffix[j] = suffix[j + 1] + mins[j];
    }
    let prefix = |j: usize| suffix[0] - suffix[j];

    // T_k(n) for the reachable n; zero elsewhere.
    let last = k - 1;
    let mut next: Vec<BigUint> = alloc::vec![BigUint::zero(); length + 1];
    for (n, t) in next
        .iter_mut()
        .enumerate()
        .take(length - prefix(last) + 1)
        .skip(suffix[last])
    {
        *t = pow(BigUint::from(sizes[last]), n);
    }

    let mut levels = Vec::with_capacity(last);
    for j in (0..last).rev() {
        let first = if j == 0 { length } else { suffix[j] };
        let end = length - prefix(j);
        let mut current = alloc::vec![BigUint::zero(); length + 1];
        let mut tables = Vec::with_capacity(end + 1 - first);
        for (n, t) in current.iter_mut().enumerate().take(end + 1).skip(first) {
            let (total, table) = table(sizes[j], mins[j], n - suffix[j + 1], n, &next);
            *t = total;
            tables.push(table);
        }
        levels.push(Level {
            min: mins[j],
            first,
            tables,
        });
        next = current;
    }
    levels.reverse();
    Composition {
        total: core::mem::take(&mut next[length]),
        levels,
    }
}

/// The running sums over `c = min..=max` of `C(n, c) · size^c · rest[n − c]`, as a
/// table, and their total.
fn table(size: usize, min: usize, max: usize, n: usize, rest: &[BigUint]) -> (BigUint, Cumulative) {
    let mut sums = Vec::with_capacity(max + 1 - min);
    let mut sum = BigUint::zero();
    // weight = C(n, c) · size^c, stepped from c = 0: C(n, c + 1) = C(n, c)·(n − c)/(c + 1),
    // and the division is exact.
    let mut weight = BigUint::one();
    for c in 0..=max {
        if c >= min {
            sum += &weight * &rest[n - c];
            sums.push(sum.clone());
        }
        weight = weight * size * (n - c) / (c + 1);
    }
    let table = Cumulative::new(&sums, &sum);
    (sum, table)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Brute force: every string over classes of the given sizes, by its counts.
    fn brute(sizes: &[usize], mins: &[usize], length: usize) -> u64 {
        let alphabet: usize = sizes.iter().sum();
        let mut total = 0;
        let strings = alphabet.pow(u32::try_from(length).unwrap());
        for mut s in 0..strings {
            let mut counts = alloc::vec![0usize; sizes.len()];
            for _ in 0..length {
                let mut ch = s % alphabet; // not a random word: enumerating every string
                s /= alphabet;
                for (j, &size) in sizes.iter().enumerate() {
                    if ch < size {
                        counts[j] += 1;
                        break;
                    }
                    ch -= size;
                }
            }
            if counts.iter().zip(mins).all(|(c, m)| c >= m) {
                total += 1;
            }
        }
        total
    }

    #[test]
    fn matches_brute_force() {
        let cases: &[(&[usize], &[usize], usize)] = &[
            (&[2, 2], &[1, 1], 4),
            (&[2, 2], &[0, 3], 4),
            (&[1, 3], &[2, 0], 5),
            (&[2, 1, 3], &[1, 1, 1], 5),
            (&[2, 2, 1, 1], &[1, 2, 1, 0], 6),
            (&[3, 1, 2, 2], &[1, 1, 1, 1], 4),
            (&[2, 3], &[0, 0], 3),
        ];
        for &(sizes, mins, length) in cases {
            let got = count(sizes, mins, length).total;
            assert_eq!(
                got,
                BigUint::from(brute(sizes, mins, length)),
                "{sizes:?} {mins:?} {length}"
            );
        }
    }

    #[test]
    fn tables_sum_to_their_totals() {
        let composition = count(&[26, 26, 10], &[1, 1, 3], 10);
        assert_eq!(composition.total, BigUint::from(172_120_264_792_320_000u64));
        let top = composition.levels[0].table(10);
        assert_eq!(top.total(), [172_120_264_792_320_000u64]);
        assert_eq!(composition.levels.len(), 2);
    }

    /// `search` is pinned at and around every running sum, in one limb and across
    /// limbs: `u` maps to the number of running sums at or below it, which is the
    /// first index whose running sum exceeds `u`. A zero weight (two equal sums) is
    /// never chosen.
    #[test]
    fn search_is_exact_at_every_boundary() {
        // Least significant limb first.
        let big = |limbs: &[u64]| {
            limbs
                .iter()
                .rev()
                .fold(BigUint::zero(), |acc, &l| (acc << 64u32) + l)
        };
        let cases: [&[BigUint]; 3] = [
            &[
                BigUint::from(1u8),
                BigUint::from(3u8),
                BigUint::from(3u8),
                BigUint::from(10u8),
            ],
            &[BigUint::from(7u8)],
            &[
                big(&[5]),
                big(&[u64::MAX]),
                big(&[0, 1]),
                big(&[9, 1]),
                big(&[0, 0, 1]),
                big(&[3, 0, 1]),
            ],
        ];
        for sums in cases {
            let total = sums.last().unwrap();
            let table = Cumulative::new(sums, total);
            let width = table.total().len();
            let limbs = |x: &BigUint| {
                let mut digits = x.to_u64_digits();
                digits.resize(width, 0);
                digits.reverse();
                digits
            };
            assert_eq!(table.total(), limbs(total));
            let one = BigUint::one();
            let mut probes = alloc::vec![BigUint::zero()];
            for sum in sums {
                probes.extend([sum - &one, sum.clone(), sum + &one]);
            }
            for u in probes.iter().filter(|u| *u < total) {
                let want = sums.iter().filter(|s| *s <= u).count();
                assert_eq!(table.search(&limbs(u)), want, "u = {u}, sums = {sums:?}");
            }
        }
    }
}
