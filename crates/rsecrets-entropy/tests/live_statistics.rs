//! Chi-square tests on the live generators (OsRng and FastRng): the same tests, so
//! the fast generator is held to the OS's standard. These generators cannot be
//! seeded, so every run is a fresh trial: each of the file's eleven checks fails
//! only below p = 1e-12 for a uniform source (about 1e-11 for the whole file), so a
//! failure is real. The biases they exist to catch (a modulo-biased `randbelow`, a
//! stuck byte) give statistics thousands of times the bound. Critical values by the
//! Wilson–Hilferty approximation, which errs on the side of a larger bound at these
//! degrees of freedom.

#![allow(clippy::unwrap_used, clippy::std_instead_of_alloc)] // test code: a failure should panic

use rand_core::{TryCryptoRng, TryRng};
use rsecrets_core::Secrets;
use rsecrets_entropy::{FastRng, OsRng, TryFastRng};

#[path = "../../../xtask/test-support/chi_square.rs"]
mod stats;

/// The chi-square value exceeded with probability `1e-12` for `df` degrees of
/// freedom (Wilson–Hilferty).
fn critical(df: usize) -> f64 {
    stats::critical_value(df, stats::Z_1E12)
}

fn chi_square(counts: &[u64], expected: &[f64]) -> f64 {
    counts
        .iter()
        .zip(expected)
        .map(|(&c, &e)| (c as f64 - e).powi(2) / e)
        .sum()
}

fn byte_frequencies<R: TryCryptoRng>(mut rng: R, name: &str) {
    let mut counts = [0u64; 256];
    let mut buf = vec![0u8; 1 << 16];
    for len in [1usize, 7, 32, 100, 4096, 1 << 16] {
        for _ in 0..(1 << 20) / len / 4 {
            rng.try_fill_bytes(&mut buf[..len]).ok().unwrap();
            for &b in &buf[..len] {
                counts[usize::from(b)] += 1;
            }
        }
    }
    let total: u64 = counts.iter().sum();
    let expected = vec![total as f64 / 256.0; 256];
    let chi2 = chi_square(&counts, &expected);
    assert!(
        chi2 < critical(255),
        "{name}: byte chi2 {chi2:.1} over {total} bytes"
    );
}

fn randbelow<R: TryCryptoRng>(rng: R, name: &str) {
    let mut s = Secrets::new(rng);
    // (bound, cells): each value its own cell for small bounds; six equal sixths of
    // [0, n) for 3·2^62, where `% n` on a 64-bit word would put 1/3 more mass in
    // the first third.
    for (n, cells) in [(3u64, 3u64), (10, 10), (3 << 62, 6)] {
        let width = n / cells;
        let mut counts = vec![0u64; usize::try_from(cells).unwrap()];
        for _ in 0..60_000 {
            let x = s.randbelow(n).ok().unwrap();
            counts[usize::try_from(x / width).unwrap()] += 1;
        }
        let expected = vec![60_000.0 / cells as f64; counts.len()];
        let chi2 = chi_square(&counts, &expected);
        assert!(
            chi2 < critical(counts.len() - 1),
            "{name}: randbelow({n}) chi2 {chi2:.1}"
        );
    }
}

#[test]
fn os_rng_bytes_are_uniform() {
    byte_frequencies(OsRng, "OsRng");
}

#[test]
fn fast_rng_bytes_are_uniform() {
    byte_frequencies(FastRng::new(), "FastRng");
    byte_frequencies(TryFastRng::new(), "TryFastRng");
}

#[test]
fn randbelow_is_uniform_on_both() {
    randbelow(OsRng, "OsRng");
    randbelow(FastRng::new(), "FastRng");
}

#[test]
fn words_are_uniform_on_both() {
    fn top_nibbles<R: TryRng>(mut rng: R, name: &str) {
        let mut counts = [0u64; 16];
        for _ in 0..64_000 {
            let w = rng.try_next_u64().ok().unwrap();
            counts[usize::try_from(w >> 60).unwrap()] += 1;
            let v = rng.try_next_u32().ok().unwrap();
            counts[usize::try_from(v & 15).unwrap()] += 1;
        }
        let chi2 = chi_square(&counts, &[8_000.0; 16]);
        assert!(chi2 < critical(15), "{name}: nibble chi2 {chi2:.1}");
    }
    top_nibbles(OsRng, "OsRng");
    top_nibbles(FastRng::new(), "FastRng");
}
