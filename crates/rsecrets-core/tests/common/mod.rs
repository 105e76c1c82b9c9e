//! Shared test helpers: seeded generators and chi-square checks at the 1e-6 level.
#![allow(dead_code, unreachable_pub)] // each test binary uses a different subset
#![allow(clippy::unwrap_used)] // test helpers: a failed conversion is a failed test

use chacha20_rng::ChaCha20Rng;
use rsecrets_core::Secrets;
use rsecrets_core::rand_core::SeedableRng;

/// The generator every deterministic test uses.
pub fn seeded(seed: u8) -> Secrets<ChaCha20Rng> {
    Secrets::new(ChaCha20Rng::from_seed([seed; 32]))
}

#[path = "../../../../xtask/test-support/chi_square.rs"]
mod stats;
pub use stats::{pearson, pearson_uniform};

/// The false-failure probability every statistical test is calibrated to.
pub const ALPHA: f64 = 1e-6;

/// The chi-square value with upper-tail probability [`ALPHA`] for `df` degrees of
/// freedom (Wilson–Hilferty: see `xtask/test-support/chi_square.rs`).
pub fn critical_value(df: u32) -> f64 {
    stats::critical_value(df as usize, stats::Z_1E6)
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
