//! Chi-square goodness-of-fit tests of every sampler on a seeded ChaCha20.
//!
//! Each test is deterministic (fixed seed), so it never flakes: it either always
//! passes or always fails. The critical values are those of p = 1e-6, so for an
//! exactly uniform sampler the chance that a given seed fails is at most 1e-6;
//! a failure means a real bias. The `power_*` tests run the same checks on
//! deliberately biased samplers and assert that those fail, proving the bins and
//! sample sizes can see the bias they are meant to catch.

#![allow(clippy::unwrap_used)] // test helpers: a failed conversion is a failed test

mod common;

use chacha20_rng::ChaCha20Rng;
use common::{
    ALPHA, assert_passes, assert_uniform, critical_value, passes, pearson_uniform, seeded,
};
use rsecrets_core::rand_core::{Rng, SeedableRng};

/// Counts `draw()` over `trials` calls into `bins` bins.
fn histogram(bins: usize, trials: u32, mut draw: impl FnMut() -> usize) -> Vec<u64> {
    let mut counts = vec![0u64; bins];
    for _ in 0..trials {
        counts[draw()] += 1;
    }
    counts
}

fn raw_rng(seed: u8) -> ChaCha20Rng {
    ChaCha20Rng::from_seed([seed; 32])
}

const SMALL_TRIALS: u32 = 1 << 19;
const BIG_TRIALS: u32 = 1 << 18;

/// `3 · 2^62`: `2^64 mod n = 2^62 = n / 3`.
const N_3_2_62: u64 = 3 << 62;
/// `3 · 2^126`: `2^128 mod n = 2^126 = n / 3`.
const N_3_2_126: u128 = 3 << 126;

// --- the helper itself -------------------------------------------------------

/// `erfc(z)` for `z >= 2`, by its continued fraction
/// `e^(−z²)/√π · 1/(z + (1/2)/(z + (2/2)/(z + (3/2)/(z + …))))`.
fn erfc_tail(z: f64) -> f64 {
    assert!(z >= 2.0);
    let mut f = z;
    for k in (1..=200).rev() {
        f = z + f64::from(k) / 2.0 / f;
    }
    (-z * z).exp() / (core::f64::consts::PI.sqrt() * f)
}

/// Exact upper tail `Q(df, x)` of the chi-square distribution, from
/// `Q(2, x) = e^(−x/2)`, `Q(1, x) = erfc(√(x/2))` and the recurrence
/// `Q(df + 2, x) = Q(df, x) + (x/2)^(df/2) e^(−x/2) / Γ(df/2 + 1)`.
fn exact_tail(x: f64, df: u32) -> f64 {
    let half = x / 2.0;
    let (mut q, mut term, mut nu) = if df % 2 == 0 {
        // term = (x/2)^1 e^(−x/2) / Γ(2)
        ((-half).exp(), half * (-half).exp(), 2)
    } else {
        // term = (x/2)^(1/2) e^(−x/2) / Γ(3/2), Γ(3/2) = √π / 2
        let term = half.sqrt() * (-half).exp() / (core::f64::consts::PI.sqrt() / 2.0);
        (erfc_tail(half.sqrt()), term, 1)
    };
    while nu < df {
        q += term;
        term *= half / (f64::from(nu) / 2.0 + 1.0);
        nu += 2;
    }
    q
}

/// The Wilson–Hilferty critical value never makes a test stricter than p = 1e-6,
/// and is not uselessly loose either (checked against the exact distribution).
#[test]
fn critical_values_are_conservative() {
    // Known exact quantiles at p = 1e-6: df = 1 -> 4.891638^2, df = 2 -> 2 ln(1e6).
    assert!((exact_tail(4.891_638_475_699_4_f64.powi(2), 1) / ALPHA - 1.0).abs() < 1e-6);
    assert!((exact_tail(2.0 * 1e6f64.ln(), 2) / ALPHA - 1.0).abs() < 1e-9);
    for df in 1..=400 {
        let tail = exact_tail(critical_value(df), df);
        assert!(
            (ALPHA / 100.0..=ALPHA).contains(&tail),
            "df = {df}: tail {tail:e}"
        );
    }
}

// --- randbelow ---------------------------------------------------------------

/// n = 3 on `u8`. False-failure probability ≤ 1e-6 (df = 2).
#[test]
fn randbelow_3() {
    let mut s = seeded(1);
    let counts = histogram(3, SMALL_TRIALS, || usize::from(s.randbelow(3u8).unwrap()));
    assert_uniform("randbelow(3u8)", &counts);
    let counts = histogram(3, SMALL_TRIALS, || {
        usize::try_from(s.randbelow(3u64).unwrap()).unwrap()
    });
    assert_uniform("randbelow(3u64)", &counts);
}

/// n = 10 on `u8`, `u32` and `usize`. False-failure probability ≤ 1e-6 each (df = 9).
#[test]
fn randbelow_10() {
    let mut s = seeded(2);
    let counts = histogram(10, SMALL_TRIALS, || usize::from(s.randbelow(10u8).unwrap()));
    assert_uniform("randbelow(10u8)", &counts);
    let counts = histogram(10, SMALL_TRIALS, || {
        usize::try_from(s.randbelow(10u32).unwrap()).unwrap()
    });
    assert_uniform("randbelow(10u32)", &counts);
    let counts = histogram(10, SMALL_TRIALS, || s.randbelow(10usize).unwrap());
    assert_uniform("randbelow(10usize)", &counts);
}

/// Byte-wise `% 10` favours 0..=5 by 26:25; half a million draws see it (the
/// expected statistic is about 200, the critical value 46).
#[test]
fn power_byte_modulo_10_fails() {
    let mut rng = raw_rng(2);
    let counts = histogram(10, SMALL_TRIALS, || {
        usize::from(rng.next_u32().to_le_bytes()[0] % 10)
    });
    assert!(!passes(pearson_uniform(&counts), 9), "{counts:?}");
}

/// Bins for `n = 3 · 2^62`: which third of `[0, n)`, and the residue mod 3.
/// `n` is a multiple of 3, so both are exactly uniform.
///
/// - `next_u64() % n` maps `[n, 2^64)` onto the first third, which then gets
///   probability 1/2 instead of 1/3: the *thirds* bins see it at once.
/// - Multiply-shift *without* Lemire's rejection maps 4 words onto every 3
///   values, doubling residue 0 mod 3: the *residue* bins see that.
fn bins_3_2_62(x: u64) -> (usize, usize) {
    let third = usize::try_from(x / (N_3_2_62 / 3)).unwrap();
    let residue = usize::try_from(x % 3).unwrap();
    (third, residue)
}

/// Draws `BIG_TRIALS` values below `n` (a multiple of 3) from a generator seeded
/// with `seed`, bins each by third of `[0, n)` and by residue mod 3, and checks
/// both histograms are uniform: false-failure probability ≤ 1e-6 per check (2
/// checks, df = 2).
fn assert_thirds_and_residues(
    what: &str,
    seed: u8,
    n: u128,
    mut draw: impl FnMut(&mut common::Rng) -> u128,
) {
    let mut s = seeded(seed);
    let (mut thirds, mut residues) = ([0u64; 3], [0u64; 3]);
    for _ in 0..BIG_TRIALS {
        let x = draw(&mut s);
        thirds[usize::try_from(x / (n / 3)).unwrap()] += 1;
        residues[usize::try_from(x % 3).unwrap()] += 1;
    }
    assert_uniform(&format!("{what} thirds"), &thirds);
    assert_uniform(&format!("{what} residues mod 3"), &residues);
}

/// n = 3 · 2^62 (`u64`). False-failure probability ≤ 1e-6 per check (2 checks, df = 2).
#[test]
fn randbelow_3_times_2_pow_62() {
    let n = N_3_2_62;
    assert_thirds_and_residues("randbelow(3·2^62)", 3, n.into(), |s| {
        s.randbelow(n).unwrap().into()
    });
}

#[test]
fn power_u64_modulo_fails() {
    let mut rng = raw_rng(3);
    let thirds = histogram(3, BIG_TRIALS, || bins_3_2_62(rng.next_u64() % N_3_2_62).0);
    assert!(!passes(pearson_uniform(&thirds), 2), "{thirds:?}");
}

#[test]
fn power_multiply_shift_without_rejection_fails() {
    let mut rng = raw_rng(3);
    let residues = histogram(3, BIG_TRIALS, || {
        let hi = (u128::from(rng.next_u64()) * u128::from(N_3_2_62)) >> 64;
        bins_3_2_62(u64::try_from(hi).unwrap()).1
    });
    assert!(!passes(pearson_uniform(&residues), 2), "{residues:?}");
}

/// n = 2^64 − 1 (`u64`), thirds and residues mod 3 (n is a multiple of 3).
/// False-failure probability ≤ 1e-6 per check (2 checks, df = 2).
///
/// No test can see `%` here: `next_u64() % n` only gives 0 a 2^-64 extra chance.
/// The bins check the mapping's coarse shape (e.g. a bound mistaken for `2^63`).
#[test]
fn randbelow_2_pow_64_minus_1() {
    let n = u64::MAX;
    assert_thirds_and_residues("randbelow(2^64 - 1)", 4, n.into(), |s| {
        s.randbelow(n).unwrap().into()
    });
}

/// n = 3 · 2^126 (`u128`), by third of `[0, n)` (`x >> 126`) and residue mod 3.
/// False-failure probability ≤ 1e-6 per check (2 checks, df = 2).
///
/// `u128 % n` of a 128-bit word gives the first third probability 1/2; a
/// sampler that drew a single 64-bit word would only ever hit the first third.
#[test]
fn randbelow_3_times_2_pow_126() {
    let n = N_3_2_126;
    assert_thirds_and_residues("randbelow(3·2^126)", 5, n, |s| s.randbelow(n).unwrap());
}

#[test]
fn power_u128_modulo_fails() {
    let mut rng = raw_rng(5);
    let thirds = histogram(3, BIG_TRIALS, || {
        let word = u128::from(rng.next_u64()) << 64 | u128::from(rng.next_u64());
        usize::try_from((word % N_3_2_126) >> 126).unwrap()
    });
    assert!(!passes(pearson_uniform(&thirds), 2), "{thirds:?}");
}

/// n = 3 · 2^64 (`u128`): the two-word path with 66-bit candidates, a quarter of
/// them rejected. Thirds of `[0, n)` are `x >> 64`; residues mod 3 are exact too.
/// False-failure probability ≤ 1e-6 per check (2 checks, df = 2).
#[test]
fn randbelow_3_times_2_pow_64() {
    let n: u128 = 3 << 64;
    assert_thirds_and_residues("randbelow(3·2^64)", 6, n, |s| s.randbelow(n).unwrap());
}

// --- choice, randrange, randint, random ----------------------------------------

/// choice over 7 items. False-failure probability ≤ 1e-6 (df = 6).
#[test]
fn choice_7() {
    let items = [0usize, 1, 2, 3, 4, 5, 6];
    let mut s = seeded(7);
    let counts = histogram(7, 7 << 17, || *s.choice(&items).unwrap());
    assert_uniform("choice over 7", &counts);
}

/// randrange(-7, 14, 3) has 7 values. False-failure probability ≤ 1e-6 (df = 6).
#[test]
fn randrange_lattice() {
    let mut s = seeded(8);
    let counts = histogram(7, 7 << 16, || {
        usize::try_from((s.randrange(-7i32, 14, 3).unwrap() + 7) / 3).unwrap()
    });
    assert_uniform("randrange(-7, 14, 3)", &counts);
}

/// randint(-3, 3) over `i64`. False-failure probability ≤ 1e-6 (df = 6).
#[test]
fn randint_7() {
    let mut s = seeded(9);
    let counts = histogram(7, 7 << 16, || {
        usize::try_from(s.randint(-3i64, 3).unwrap() + 3).unwrap()
    });
    assert_uniform("randint(-3, 3)", &counts);
}

/// random() in 16 equal bins. False-failure probability ≤ 1e-6 (df = 15).
#[test]
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // x in [0, 1): 0..16
fn random_16_bins() {
    let mut s = seeded(10);
    let counts = histogram(16, 1 << 18, || {
        let x = s.random().unwrap();
        assert!((0.0..1.0).contains(&x));
        (x * 16.0).floor() as usize
    });
    assert_uniform("random() in sixteenths", &counts);
}

// --- shuffle -----------------------------------------------------------------

/// Each element's final position over a 5-element array (a 5×5 table).
///
/// The rows are not independent (each shuffle is a permutation), so Pearson's
/// statistic over the 25 cells is `n/(n−1)` times a chi-square with `(n−1)²`
/// degrees of freedom: the covariance of a uniform permutation matrix is
/// `(I − J/n) ⊗ (I − J/n) / (n − 1)`. We rescale by `(n−1)/n`.
/// False-failure probability ≤ 1e-6 (df = 16).
#[test]
fn shuffle_positions_5() {
    const N: usize = 5;
    const TRIALS: u32 = 200_000;
    let mut s = seeded(11);
    let mut table = [[0u64; N]; N];
    for _ in 0..TRIALS {
        let mut a = [0usize, 1, 2, 3, 4];
        s.shuffle(&mut a).unwrap();
        for (position, &element) in a.iter().enumerate() {
            table[element][position] += 1;
        }
    }
    let expected = f64::from(TRIALS) / N as f64;
    let pearson: f64 = table
        .iter()
        .flatten()
        .map(|&o| (o as f64 - expected).powi(2) / expected)
        .sum();
    let df = u32::try_from((N - 1) * (N - 1)).unwrap();
    assert_passes("shuffle positions", pearson * (N - 1) as f64 / N as f64, df);
}

/// Every one of the 24 orders of 4 elements. False-failure probability ≤ 1e-6 (df = 23).
#[test]
fn shuffle_permutations_4() {
    let mut s = seeded(12);
    let counts = histogram(24, 24 << 13, || {
        let mut a = [0usize, 1, 2, 3];
        s.shuffle(&mut a).unwrap();
        permutation_rank(&a)
    });
    assert_uniform("shuffle orders of 4", &counts);
}

/// Lehmer code of a permutation of `0..len`: a distinct number in `0..len!`.
fn permutation_rank(p: &[usize]) -> usize {
    let mut rank = 0;
    for (i, &x) in p.iter().enumerate() {
        let smaller_later = p[i + 1..].iter().filter(|&&y| y < x).count();
        rank = rank * (p.len() - i) + smaller_later;
    }
    rank
}

// --- sample ------------------------------------------------------------------

/// sample(6, 3): inclusion, first position and the full ordered triple.
///
/// - Inclusion: each draw includes exactly k of n, so the count vector's
///   covariance is `p(1−p)·n/(n−1)·(I − J/n)` (with `p = k/n`), not a
///   multinomial's; the statistic `Σ (C − Tp)² / (T p (1−p) n/(n−1))` is
///   chi-square with n − 1 degrees of freedom.
/// - First position: plain multinomial over n (df = 5).
/// - Ordered triple: 6·5·4 = 120 equally likely outcomes (df = 119).
///
/// False-failure probability ≤ 1e-6 per check (3 checks).
#[cfg(feature = "alloc")]
#[test]
fn sample_6_choose_3() {
    let mut ordered = vec![0u64; 120];
    assert_sample_is_uniform("sample(6, 3)", 6, 3, 120_000, 13, |chosen| {
        let rank = |x: usize, taken: &[usize]| x - taken.iter().filter(|&&y| y < x).count();
        let (a, b, c) = (chosen[0], chosen[1], chosen[2]);
        ordered[(a * 5 + rank(b, &[a])) * 4 + rank(c, &[a, b])] += 1;
    });
    assert_uniform("sample(6, 3) ordered triples", &ordered);
}

/// sample(40, 3): first position and inclusion.
/// False-failure probability ≤ 1e-6 per check (2 checks, df = 39).
#[cfg(feature = "alloc")]
#[test]
fn sample_40_choose_3() {
    assert_sample_is_uniform("sample(40, 3)", 40, 3, 160_000, 14, |_| {});
}

/// Draws `trials` samples of `k` of `0..n` and checks inclusion and first position
/// (see `sample_6_choose_3`); `each` sees every sample.
#[cfg(feature = "alloc")]
fn assert_sample_is_uniform(
    what: &str,
    n: usize,
    k: usize,
    trials: u32,
    seed: u8,
    mut each: impl FnMut(&[usize]),
) {
    let population: Vec<usize> = (0..n).collect();
    let mut s = seeded(seed);
    let mut included = vec![0u64; n];
    let mut first = vec![0u64; n];
    for _ in 0..trials {
        let chosen: Vec<usize> = s
            .sample(&population, k)
            .unwrap()
            .into_iter()
            .copied()
            .collect();
        for &x in &chosen {
            included[x] += 1;
        }
        first[chosen[0]] += 1;
        each(&chosen);
    }
    let p = k as f64 / n as f64;
    let t = f64::from(trials);
    let variance = t * p * (1.0 - p) * n as f64 / (n - 1) as f64;
    let statistic: f64 = included
        .iter()
        .map(|&c| (c as f64 - t * p).powi(2) / variance)
        .sum();
    assert_passes(
        &format!("{what} inclusion"),
        statistic,
        u32::try_from(n - 1).unwrap(),
    );
    assert_uniform(&format!("{what} first position"), &first);
}
