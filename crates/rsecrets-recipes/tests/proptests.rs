//! Property tests: no policy or recipe, however odd, makes building or generating
//! panic; whatever is built generates what it promises.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashSet;

use common::{meets, seeded};
use proptest::prelude::*;
use rsecrets_recipes::{Passphrase, PasswordPolicy, WordList};

fn policy() -> impl Strategy<Value = (PasswordPolicy, [usize; 4])> {
    (
        0usize..160,
        prop::array::uniform4(prop::bool::weighted(0.7)),
        prop::array::uniform4(prop_oneof![6 => Just(0usize), 3 => 0usize..4, 1 => 0usize..200]),
        prop::option::of(prop_oneof![9 => "[!-~]{0,16}", 1 => "[ -~é\t]{0,12}"]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(length, [l, u, d, s], mins, alphabet, exclude, alphabet_first)| {
                let mut p = PasswordPolicy::new().length(length);
                let custom = |p: PasswordPolicy| alphabet.as_deref().map_or(p, |a| p.alphabet(a));
                if alphabet_first {
                    p = custom(p);
                }
                p = p.lower(l).upper(u).digits(d).symbols(s);
                if !alphabet_first {
                    p = custom(p);
                }
                let p = p
                    .min_lower(mins[0])
                    .min_upper(mins[1])
                    .min_digits(mins[2])
                    .min_symbols(mins[3])
                    .exclude_ambiguous(exclude);
                (p, mins)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn policies_never_panic((policy, mins) in policy(), seed in any::<u8>()) {
        if let Ok(generator) = policy.build() {
            let bits = generator.entropy_bits();
            prop_assert!(bits.is_finite() && bits >= 0.0);
            let mut rng = seeded(seed);
            for _ in 0..3 {
                let password = generator.generate(&mut rng).unwrap();
                prop_assert_eq!(password.len(), generator.length());
                prop_assert!(password.chars().all(|c| generator.alphabet().contains(c)));
                prop_assert!(meets(&password, mins), "{} misses {:?}", *password, mins);
            }
            if let Some(count) = generator.possible_passwords() {
                #[allow(clippy::cast_precision_loss)]
                let want = (count as f64).log2();
                prop_assert!((bits - want).abs() <= 1e-12 * want.max(1.0));
            } else {
                prop_assert!(bits >= 128.0);
            }
        }
    }

    #[test]
    fn passphrases_never_panic(
        text in "[a-c\\- \n]{0,40}",
        words in 0usize..70,
        separator in "[a-c\\- .]{0,3}",
        capitalize in any::<bool>(),
        seed in any::<u8>(),
    ) {
        if let Ok(list) = WordList::parse(&text) {
            let recipe = Passphrase::with_word_list(list).words(words).separator(&separator);
            if let Ok(generator) = recipe.capitalize(capitalize).build() {
                let phrase = generator.generate(&mut seeded(seed)).unwrap();
                let parts: Vec<&str> = phrase.split(separator.as_str()).collect();
                prop_assert_eq!(parts.len(), words);
                let list = generator.word_list();
                prop_assert!(parts.iter().all(|p| list.iter().any(|w| w == *p)));
            }
        }
    }

    /// The separator rule is sound: when `build` accepts a separator, no two
    /// sequences of words give the same passphrase.
    #[test]
    fn accepted_separators_are_unambiguous(
        text in "[ab\\-\n]{0,16}",
        separator in "[ab\\-]{1,3}",
    ) {
        let Ok(list) = WordList::parse(&text) else { return Ok(()) };
        let Ok(generator) = Passphrase::with_word_list(list).separator(&separator).build() else {
            return Ok(());
        };
        let words: Vec<&str> = generator.word_list().iter().collect();
        let mut seen = HashSet::new();
        for a in &words {
            for b in &words {
                for c in &words {
                    let phrase = format!("{a}{separator}{b}{separator}{c}");
                    prop_assert!(seen.insert(phrase.clone()), "{} is ambiguous", phrase);
                }
            }
        }
        // And shorter phrases never equal longer ones.
        for a in &words {
            for b in &words {
                let phrase = format!("{a}{separator}{b}");
                prop_assert!(seen.insert(phrase.clone()), "{} is ambiguous", phrase);
            }
        }
    }
}
