//! Shared test helpers: seeded generators, brute-force enumeration and chi-square
//! critical values.
#![allow(dead_code, unreachable_pub)] // each test binary uses a different subset
#![allow(clippy::unwrap_used, clippy::cast_precision_loss)] // test helpers

use chacha20_rng::ChaCha20Rng;
use rand_core::SeedableRng;

/// The generator every deterministic test uses.
pub fn seeded(seed: u8) -> ChaCha20Rng {
    ChaCha20Rng::from_seed([seed; 32])
}

#[path = "../../../../xtask/test-support/chi_square.rs"]
mod stats;
pub use stats::pearson;

/// The false-failure probability every statistical test is calibrated to.
pub const ALPHA: f64 = 1e-6;

/// The chi-square value with upper-tail probability [`ALPHA`] for `df` degrees of
/// freedom (Wilson–Hilferty: see `xtask/test-support/chi_square.rs`).
pub fn critical_value(df: usize) -> f64 {
    stats::critical_value(df, stats::Z_1E6)
}

/// Whether `observed` fits `probs` at the 1e-6 level (`len − 1` degrees of freedom).
pub fn fits(observed: &[u64], probs: &[f64]) -> bool {
    pearson(observed, probs) <= critical_value(observed.len() - 1)
}

/// Fails the test unless `observed` fits `probs` at the 1e-6 level.
#[track_caller]
pub fn assert_fits(what: &str, observed: &[u64], probs: &[f64]) {
    let statistic = pearson(observed, probs);
    let critical = critical_value(observed.len() - 1);
    assert!(
        statistic <= critical,
        "{what}: chi-square {statistic:.2} > {critical:.2} (df = {}, p < {ALPHA})",
        observed.len() - 1
    );
}

/// Every string of `length` characters over `alphabet`, in lexicographic order.
pub fn all_strings(alphabet: &str, length: usize) -> Vec<String> {
    let chars: Vec<char> = alphabet.chars().collect();
    let mut out = vec![String::new()];
    for _ in 0..length {
        out = out
            .iter()
            .flat_map(|s| {
                chars.iter().map(move |&c| {
                    let mut t = s.clone();
                    t.push(c);
                    t
                })
            })
            .collect();
    }
    out
}

/// Whether `s` has at least the given numbers of lowercase letters, uppercase
/// letters, digits and symbols.
pub fn meets(s: &str, [lower, upper, digits, symbols]: [usize; 4]) -> bool {
    let count = |f: fn(&u8) -> bool| s.bytes().filter(f).count();
    count(u8::is_ascii_lowercase) >= lower
        && count(u8::is_ascii_uppercase) >= upper
        && count(u8::is_ascii_digit) >= digits
        && count(u8::is_ascii_punctuation) >= symbols
}
