//! Value stability: what each recipe returns for a fixed generator output. A
//! change here changes what every user with the same seed gets: a breaking
//! change, to be made on purpose only.
#![cfg(feature = "std")]
#![allow(clippy::unwrap_used)]

mod common;

use common::seeded;
use rsecrets_recipes::{Passphrase, PasswordPolicy, WordList};

fn password(policy: PasswordPolicy) -> String {
    let generator = policy.build().unwrap();
    generator.generate(&mut seeded(42)).unwrap().to_string()
}

fn passphrase(recipe: &Passphrase) -> String {
    let generator = recipe.build().unwrap();
    generator.generate(&mut seeded(42)).unwrap().to_string()
}

#[test]
fn default_password() {
    // No minimum: 20 choices of 62, one byte each (8-bit Lemire), the first try.
    assert_eq!(password(PasswordPolicy::new()), "a67GtV05GKDaW0PTMEi6");
}

#[test]
fn cpython_recipe_password() {
    // Composition sampler: 10 characters, >= 1 lower, >= 1 upper, >= 3 digits.
    let policy = PasswordPolicy::new()
        .length(10)
        .min_lower(1)
        .min_upper(1)
        .min_digits(3);
    assert_eq!(password(policy), "84rj2JmZzl");
}

#[test]
fn rejection_password() {
    // Rejection sampler; its first try here is valid, so it equals the default.
    let policy = PasswordPolicy::new()
        .length(20)
        .min_lower(1)
        .min_upper(1)
        .min_digits(3);
    assert_eq!(password(policy), "a67GtV05GKDaW0PTMEi6");
}

#[test]
fn four_class_password() {
    // Composition sampler over four classes: a count of two 64-bit words.
    let policy = PasswordPolicy::new()
        .length(16)
        .symbols(true)
        .min_lower(2)
        .min_upper(2)
        .min_digits(4)
        .min_symbols(4)
        .exclude_ambiguous(true);
    assert_eq!(password(policy), "cFN9(^2i\\62J)j68");
}

#[test]
fn default_passphrase() {
    assert_eq!(
        passphrase(&Passphrase::new()),
        "effective briar percolate lining captivity stubborn"
    );
}

#[test]
fn capitalized_passphrase() {
    let recipe = Passphrase::new().words(4).separator(".").capitalize(true);
    assert_eq!(passphrase(&recipe), "Effective.Briar.Percolate.Lining");
}

#[test]
fn custom_list_passphrase() {
    // A list of up to 255 words: one byte a word.
    let list = WordList::parse("red\ngreen\nblue\n").unwrap();
    let recipe = Passphrase::with_word_list(list).words(5).separator("-");
    assert_eq!(passphrase(&recipe), "green-red-red-red-blue");
}

#[test]
fn eff_short_2_passphrase() {
    let recipe = Passphrase::new().word_list(WordList::eff_short_2());
    assert_eq!(
        passphrase(&recipe),
        "elliptical augmented myspace jetski blimp steamboat"
    );
}
