//! Exact counts and entropy of password policies, against brute-force enumeration
//! and CPython's documented recipe.
#![allow(clippy::unwrap_used, clippy::cast_precision_loss)]

mod common;

use common::{all_strings, meets};
use rsecrets_recipes::{CharClass, PasswordPolicy};

/// The CPython documentation's recipe: 10 letters and digits with at least one
/// lowercase letter, one uppercase letter and three digits.
fn cpython_recipe() -> PasswordPolicy {
    PasswordPolicy::new()
        .length(10)
        .min_lower(1)
        .min_upper(1)
        .min_digits(3)
}

/// Brute force: the strings of the policy's length over its alphabet that meet
/// the minimums.
fn brute_force(alphabet: &str, length: usize, mins: [usize; 4]) -> u128 {
    all_strings(alphabet, length)
        .iter()
        .filter(|s| meets(s, mins))
        .count() as u128
}

fn policy(alphabet: &str, length: usize, [l, u, d, s]: [usize; 4]) -> PasswordPolicy {
    PasswordPolicy::new()
        .alphabet(alphabet)
        .length(length)
        .min_lower(l)
        .min_upper(u)
        .min_digits(d)
        .min_symbols(s)
}

#[test]
fn small_policies_match_brute_force() {
    let cases: &[(&str, usize, [usize; 4])] = &[
        ("ab01", 4, [1, 0, 1, 0]),
        ("ab01", 4, [0, 0, 3, 0]),
        ("ab01", 5, [1, 0, 3, 0]),
        ("ab01", 4, [2, 0, 2, 0]),
        ("abc0", 6, [0, 0, 2, 0]),
        ("aA0", 3, [1, 1, 1, 0]),
        ("abAB01!", 4, [1, 1, 1, 0]),
        ("abAB01!", 5, [1, 1, 1, 1]),
        ("abAB01!#", 5, [1, 0, 2, 1]),
        ("aAB0!?", 6, [2, 1, 1, 1]),
        ("abcd", 3, [0, 0, 0, 0]),
        ("abcd", 3, [3, 0, 0, 0]),
        ("z", 4, [4, 0, 0, 0]),
    ];
    for &(alphabet, length, mins) in cases {
        let generator = policy(alphabet, length, mins).build().unwrap();
        let want = brute_force(alphabet, length, mins);
        assert_eq!(
            generator.possible_passwords(),
            Some(want),
            "{alphabet} {length} {mins:?}"
        );
        let bits = (want as f64).log2();
        assert!(
            (generator.entropy_bits() - bits).abs() < 1e-12,
            "{alphabet} {length} {mins:?}: {} vs {bits}",
            generator.entropy_bits()
        );
    }
}

#[test]
fn exclude_ambiguous_matches_brute_force() {
    // "01lIoO" lose "01lIoO": left "abAB23".
    let generator = PasswordPolicy::new()
        .alphabet("01lIoOabAB23")
        .exclude_ambiguous(true)
        .length(4)
        .min_digits(1)
        .min_upper(1)
        .build()
        .unwrap();
    assert_eq!(generator.alphabet(), "23ABab");
    assert_eq!(
        generator.possible_passwords(),
        Some(brute_force("23ABab", 4, [0, 1, 1, 0]))
    );
}

#[test]
fn cpython_recipe_count_and_entropy() {
    let generator = cpython_recipe().build().unwrap();
    assert_eq!(
        generator.possible_passwords(),
        Some(172_120_264_792_320_000)
    );
    // By class composition: d digits (3..=8), and 10 − d letters that are not all
    // lowercase and not all uppercase.
    let total: u128 = (3..=8u32)
        .map(|d| binomial(10, d) * 10u128.pow(d) * (52u128.pow(10 - d) - 2 * 26u128.pow(10 - d)))
        .sum();
    assert_eq!(total, 172_120_264_792_320_000);
    let bits = generator.entropy_bits();
    assert!((bits - 172_120_264_792_320_000f64.log2()).abs() < 1e-12);
    assert!((bits - 57.256_194_577_948_77).abs() < 1e-12, "{bits}");
}

#[test]
fn uniform_policies_have_closed_form_entropy() {
    let default = PasswordPolicy::new().build().unwrap();
    assert!((default.entropy_bits() - 20.0 * 62f64.log2()).abs() < 1e-12);
    assert!((default.entropy_bits() - 119.083_926_207_737_5).abs() < 1e-12);
    assert_eq!(default.possible_passwords(), Some(62u128.pow(20)));
    let all = PasswordPolicy::new()
        .symbols(true)
        .length(1024)
        .build()
        .unwrap();
    assert!((all.entropy_bits() - 1024.0 * 94f64.log2()).abs() < 1e-9);
    assert_eq!(all.possible_passwords(), None);
    let one = PasswordPolicy::new()
        .alphabet("x")
        .length(9)
        .build()
        .unwrap();
    assert_eq!(one.entropy_bits(), 0.0);
    assert_eq!(one.possible_passwords(), Some(1));
}

#[test]
fn long_constrained_policy_entropy_is_exact() {
    // 128 characters of 94 with at least 30 digits: the count's log2 against an
    // independent f64 sum over the digit count d of C(128, d)·10^d·84^(128 − d).
    let generator = PasswordPolicy::new()
        .symbols(true)
        .length(128)
        .min_digits(30)
        .build()
        .unwrap();
    let log_terms: Vec<f64> = (30..=128u32)
        .map(|d| {
            log2_binomial(128, d) + f64::from(d) * 10f64.log2() + f64::from(128 - d) * 84f64.log2()
        })
        .collect();
    let max = log_terms.iter().copied().fold(f64::MIN, f64::max);
    let want = max
        + log_terms
            .iter()
            .map(|t| (t - max).exp2())
            .sum::<f64>()
            .log2();
    assert!(
        (generator.entropy_bits() - want).abs() < 1e-9,
        "{} vs {want}",
        generator.entropy_bits()
    );
    // Fewer passwords than without the minimum, and not by much… but some.
    assert!(generator.entropy_bits() < 128.0 * 94f64.log2());
}

#[test]
fn a_minimum_on_the_whole_alphabet_changes_nothing() {
    let plain = PasswordPolicy::new()
        .alphabet("abc")
        .length(5)
        .build()
        .unwrap();
    let min = PasswordPolicy::new()
        .alphabet("abc")
        .length(5)
        .min_lower(5)
        .build()
        .unwrap();
    assert_eq!(plain.possible_passwords(), Some(243));
    assert_eq!(min.possible_passwords(), Some(243));
    assert_eq!(CharClass::of('a'), Some(CharClass::Lower));
}

fn binomial(n: u32, k: u32) -> u128 {
    (0..k).fold(1u128, |acc, i| acc * u128::from(n - i) / u128::from(i + 1))
}

fn log2_binomial(n: u32, k: u32) -> f64 {
    (0..k)
        .map(|i| (f64::from(n - i) / f64::from(i + 1)).log2())
        .sum()
}
