//! Uniformity of password generation over the set a policy allows.
//!
//! Every test runs on a seeded ChaCha20, so it is deterministic: it always passes
//! or always fails. Critical values are those of p = 1e-6: for an exactly uniform
//! sampler, the chance that the fixed seed happens to fail a given check is at
//! most 1e-6 (about 1e-5 for the whole file). The `power_*` tests feed a sampler
//! that is known to be wrong through the same checks and assert that they fail.
#![allow(clippy::unwrap_used, clippy::cast_precision_loss)]

mod common;

use std::collections::HashMap;

use common::{all_strings, assert_fits, fits, meets, seeded};
use rsecrets_core::Secrets;
use rsecrets_recipes::{PasswordGenerator, PasswordPolicy};

/// Draws `per_string × |valid|` passwords and checks that every valid string
/// comes up equally often (and nothing else comes up).
fn assert_uniform_over_valid(
    what: &str,
    alphabet: &str,
    length: usize,
    mins: [usize; 4],
    per_string: usize,
    seed: u8,
) {
    let all = all_strings(alphabet, length);
    let valid: Vec<&String> = all.iter().filter(|s| meets(s, mins)).collect();
    let generator = PasswordPolicy::new()
        .alphabet(alphabet)
        .length(length)
        .min_lower(mins[0])
        .min_upper(mins[1])
        .min_digits(mins[2])
        .min_symbols(mins[3])
        .build()
        .unwrap();
    assert_eq!(generator.possible_passwords(), Some(valid.len() as u128));
    let index: HashMap<&str, usize> = valid
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    let mut counts = vec![0u64; valid.len()];
    let mut rng = seeded(seed);
    for _ in 0..per_string * valid.len() {
        let password = generator.generate(&mut rng).unwrap();
        let i = index.get(password.as_str()).copied();
        counts[i.unwrap_or_else(|| panic!("{what}: {} is not allowed", *password))] += 1;
    }
    assert_fits(what, &counts, &vec![1.0 / valid.len() as f64; valid.len()]);
}

#[test]
fn uniform_over_the_valid_set_by_composition() {
    // 768 of 2401 strings are valid (32 %): drawn by composition, four classes
    // (lower, upper, digits with minimums; the symbol class takes the rest).
    assert_uniform_over_valid("abAB01! 4 chars", "abAB01!", 4, [1, 1, 1, 0], 100, 1);
    // 480 of 1024 (47 %): two classes, the last one with a minimum.
    assert_uniform_over_valid("ab01 5 chars", "ab01", 5, [1, 0, 3, 0], 100, 2);
    // All four classes with minimums, no free class.
    assert_uniform_over_valid("aAB0!? 5 chars", "aAB0!?", 5, [1, 2, 1, 1], 100, 3);
}

#[test]
fn uniform_over_the_valid_set_by_rejection() {
    // 1040 of 1296 strings are valid (80 %): drawn by rejection.
    assert_uniform_over_valid("abAB01 4 chars", "abAB01", 4, [1, 0, 0, 0], 100, 4);
}

#[test]
fn uniform_without_minimums() {
    assert_uniform_over_valid("abc!7 4 chars", "abc!7", 4, [0, 0, 0, 0], 100, 5);
}

// --- CPython's recipe: 10 letters and digits, >= 1 lower, >= 1 upper, >= 3 digits

const N: usize = 20_000;

fn cpython_generator() -> PasswordGenerator {
    PasswordPolicy::new()
        .length(10)
        .min_lower(1)
        .min_upper(1)
        .min_digits(3)
        .build()
        .unwrap()
}

/// The exact probability that a valid password has `d` digits, `d` in 3..=8.
fn digit_count_probabilities() -> Vec<f64> {
    let binomial =
        |n: u32, k: u32| (0..k).fold(1u128, |a, i| a * u128::from(n - i) / u128::from(i + 1));
    let counts: Vec<u128> = (3..=8u32)
        .map(|d| binomial(10, d) * 10u128.pow(d) * (52u128.pow(10 - d) - 2 * 26u128.pow(10 - d)))
        .collect();
    let total: u128 = counts.iter().sum();
    counts.iter().map(|&c| c as f64 / total as f64).collect()
}

/// Bins: 3, 4, 5 digits and 6 or more (6 to 8 are too rare for bins of their own).
fn digit_histogram(passwords: &[String]) -> Vec<u64> {
    let mut bins = vec![0u64; 4];
    for p in passwords {
        let digits = p.bytes().filter(u8::is_ascii_digit).count();
        bins[digits.clamp(3, 6) - 3] += 1;
    }
    bins
}

fn binned(probs: &[f64]) -> Vec<f64> {
    vec![probs[0], probs[1], probs[2], probs[3..].iter().sum()]
}

fn cpython_passwords(seed: u8) -> Vec<String> {
    let generator = cpython_generator();
    let mut rng = seeded(seed);
    (0..N)
        .map(|_| generator.generate(&mut rng).unwrap().to_string())
        .collect()
}

/// "Insert the required characters, then shuffle": one lowercase letter, one
/// uppercase letter and three digits, five characters of all 62, shuffled. Every
/// output is valid, but not every valid password is equally likely.
fn insert_then_shuffle(seed: u8) -> Vec<String> {
    const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const DIGITS: &[u8] = b"0123456789";
    let all: Vec<u8> = [LOWER, UPPER, DIGITS].concat();
    let mut secrets = Secrets::new(seeded(seed));
    (0..N)
        .map(|_| {
            let mut p = vec![
                *secrets.choice(LOWER).unwrap(),
                *secrets.choice(UPPER).unwrap(),
            ];
            for _ in 0..3 {
                p.push(*secrets.choice(DIGITS).unwrap());
            }
            for _ in 0..5 {
                p.push(*secrets.choice(&all).unwrap());
            }
            secrets.shuffle(&mut p).unwrap();
            String::from_utf8(p).unwrap()
        })
        .collect()
}

#[test]
fn cpython_recipe_digit_counts_follow_the_exact_distribution() {
    let probs = digit_count_probabilities();
    // About 70.6 % of valid passwords have exactly three digits.
    assert!((probs[0] - 0.706).abs() < 0.001, "{}", probs[0]);
    let passwords = cpython_passwords(6);
    assert!(
        passwords
            .iter()
            .all(|p| meets(p, [1, 1, 3, 0]) && p.len() == 10)
    );
    assert_fits(
        "digit counts",
        &digit_histogram(&passwords),
        &binned(&probs),
    );
}

#[test]
fn power_insert_then_shuffle_is_rejected() {
    // That sampler gives three digits with probability (52/62)^5 = 41.5 %.
    let passwords = insert_then_shuffle(7);
    let histogram = digit_histogram(&passwords);
    let three = histogram[0] as f64 / N as f64;
    assert!((three - (52f64 / 62.0).powi(5)).abs() < 0.02, "{three}");
    assert!(!fits(&histogram, &binned(&digit_count_probabilities())));
}

/// Per position: how often it holds a lowercase letter, an uppercase letter, a
/// digit. Every position has the same exact distribution: E[class count] / 10.
/// Password `k` contributes its position `k mod 10` only, so the ten rows are
/// independent samples and the statistic has exactly 10 × 2 degrees of freedom.
fn position_statistic(passwords: &[String]) -> (f64, usize) {
    let probs = digit_count_probabilities();
    let mean_digits: f64 = probs
        .iter()
        .enumerate()
        .map(|(i, p)| (i + 3) as f64 * p)
        .sum();
    let p_digit = mean_digits / 10.0;
    let p_letter = (1.0 - p_digit) / 2.0; // lower and upper are symmetric
    let expected = [p_letter, p_letter, p_digit];
    let mut counts = [[0u64; 3]; 10];
    for (k, p) in passwords.iter().enumerate() {
        let position = k % 10;
        let b = p.as_bytes()[position];
        counts[position]
            [usize::from(b.is_ascii_uppercase()) + 2 * usize::from(b.is_ascii_digit())] += 1;
    }
    let statistic = counts.iter().map(|c| common::pearson(c, &expected)).sum();
    (statistic, 10 * 2)
}

#[test]
fn cpython_recipe_classes_are_spread_over_every_position() {
    let (statistic, df) = position_statistic(&cpython_passwords(8));
    assert!(
        statistic <= common::critical_value(df),
        "chi-square {statistic} (df {df})"
    );
}

#[test]
fn power_an_unshuffled_composition_is_rejected() {
    // Right composition, wrong arrangement: classes kept in order.
    let sorted: Vec<String> = cpython_passwords(9)
        .into_iter()
        .map(|p| {
            let mut b = p.into_bytes();
            b.sort_by_key(|c| (!c.is_ascii_lowercase(), !c.is_ascii_uppercase()));
            String::from_utf8(b).unwrap()
        })
        .collect();
    let (statistic, df) = position_statistic(&sorted);
    assert!(statistic > common::critical_value(df));
}
