//! Shared test helpers: seeded generators and chi-square critical values.
#![allow(dead_code, unreachable_pub)] // each test binary uses a different subset
#![allow(clippy::unwrap_used)] // test helpers: a failed conversion is a failed test

use chacha20_rng::ChaCha20Rng;
use rsecrets_core::Secrets;
use rsecrets_core::rand_core::SeedableRng;

/// The generator every deterministic test uses.
pub fn seeded(seed: u8) -> Secrets<ChaCha20Rng> {
    Secrets::new(ChaCha20Rng::from_seed([seed; 32]))
}

/// The false-failure probability every statistical test is calibrated to.
pub const ALPHA: f64 = 1e-6;

/// `z` with `P(Z > z) = 1e-6` for a standard normal `Z`.
const Z_ALPHA: f64 = 4.753_424_308_822_899;

/// The chi-square value with upper-tail probability [`ALPHA`] for `df` degrees of
/// freedom, by the Wilson–Hilferty approximation
/// `df · (1 − 2/(9 df) + z·√(2/(9 df)))³`.
///
/// At this tail the approximation overestimates the exact quantile for small `df`
/// (for `df = 2` it gives 30.3 where the exact value is 27.6), so a test's real
/// false-failure probability is at most `ALPHA`; `chi_square.rs` checks this
/// against the exact distribution.
pub fn critical_value(df: u32) -> f64 {
    let df = f64::from(df);
    let c = 2.0 / (9.0 * df);
    df * (1.0 - c + Z_ALPHA * c.sqrt()).powi(3)
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

/// Whether a statistic with `df` degrees of freedom stays below the critical value.
pub fn passes(statistic: f64, df: u32) -> bool {
    statistic <= critical_value(df)
}

/// Fails the test if the statistic exceeds the 1e-6 critical value.
#[track_caller]
pub fn assert_passes(what: &str, statistic: f64, df: u32) {
    let critical = critical_value(df);
    assert!(
        statistic <= critical,
        "{what}: chi-square {statistic:.2} > {critical:.2} (df = {df}, p < {ALPHA})"
    );
}

/// Fails the test unless `observed` fits `probs` at the 1e-6 level.
#[track_caller]
pub fn assert_fits(what: &str, observed: &[u64], probs: &[f64]) {
    let df = u32::try_from(observed.len() - 1).unwrap();
    assert_passes(what, pearson(observed, probs), df);
}

/// Fails the test unless `observed` is uniform over its bins at the 1e-6 level.
#[track_caller]
pub fn assert_uniform(what: &str, observed: &[u64]) {
    let df = u32::try_from(observed.len() - 1).unwrap();
    assert_passes(what, pearson_uniform(observed), df);
}

/// The seeded generator type.
pub type Rng = Secrets<ChaCha20Rng>;
