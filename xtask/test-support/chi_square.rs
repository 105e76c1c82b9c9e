//! Chi-square statistics shared by the test suites of several crates, included with
//! `#[path]` (one file rather than a test-only crate, which would have to pass
//! cargo-deny's wildcard ban and the MSRV build as a workspace member).
//!
//! Critical values come from the Wilson–Hilferty approximation
//! `df · (1 − 2/(9 df) + z·√(2/(9 df)))³`, where `z` is the standard normal quantile
//! of the chosen tail. At the small tails used here it overestimates the exact
//! quantile for small `df` (for `df = 2` and `1e-6` it gives 30.3 where the exact
//! value is 27.6), so a test's real false-failure probability is at most its
//! nominal one; rsecrets-core's `chi_square.rs` checks this against the exact
//! distribution.

#![allow(dead_code, unreachable_pub)] // each test binary uses a different subset
#![allow(clippy::cast_precision_loss)] // counts far below 2^52

/// `z` with `P(Z > z) = 1e-6` for a standard normal `Z`.
pub const Z_1E6: f64 = 4.753_424_308_822_899;

/// `z` with `P(Z > z) = 1e-12`: for live generators, whose every run is a fresh
/// trial.
pub const Z_1E12: f64 = 7.034_483_825_301_132;

/// The chi-square value with upper-tail probability `P(Z > z)` for `df` degrees of
/// freedom (Wilson–Hilferty, see the module docs).
pub fn critical_value(df: usize, z: f64) -> f64 {
    let df = df as f64;
    let c = 2.0 / (9.0 * df);
    df * (1.0 - c + z * c.sqrt()).powi(3)
}

/// Pearson's statistic `Σ (O − E)² / E` of `observed` counts against the
/// probabilities `probs` (which must sum to 1).
pub fn pearson(observed: &[u64], probs: &[f64]) -> f64 {
    assert_eq!(observed.len(), probs.len());
    let total: u64 = observed.iter().sum();
    observed
        .iter()
        .zip(probs)
        .map(|(&o, &p)| {
            let e = p * total as f64;
            (o as f64 - e).powi(2) / e
        })
        .sum()
}

/// Pearson's statistic against the uniform distribution over `observed.len()` bins.
pub fn pearson_uniform(observed: &[u64]) -> f64 {
    let p = 1.0 / observed.len() as f64;
    pearson(observed, &vec![p; observed.len()])
}
