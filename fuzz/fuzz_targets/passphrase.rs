//! Passphrase recipes from arbitrary parameters (a list, a word count, a separator,
//! capitals): `build` refuses or gives a generator whose phrases have the asked
//! number of words, each from the list, and split back into those words in exactly
//! one way, so the phrases are `len^words` distinct strings and the entropy figure,
//! `words × log2(len)`, is log2 of their number.

#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rsecrets_fuzz::Served;
use rsecrets_recipes::{Invalid, MAX_PASSPHRASE_WORDS, Passphrase, WordList, normalized};

#[derive(Debug, Arbitrary)]
enum List {
    /// One word a line, as `WordList::parse` reads it.
    Text(String),
    EffLarge,
    EffShort1,
    EffShort2,
}

#[derive(Debug, Arbitrary)]
struct Input {
    list: List,
    words: u8,
    separator: Option<String>,
    capitalize: bool,
    draws: u8,
    rng: Vec<u8>,
}

/// The words of each built-in list, plain and capitalized.
static BUILTIN: [OnceLock<HashSet<String>>; 6] = [const { OnceLock::new() }; 6];

fuzz_target!(|input: Input| {
    let list = match &input.list {
        List::Text(text) => match WordList::parse(text) {
            Ok(list) => list,
            Err(_) => return, // the `wordlist` target checks the parser
        },
        List::EffLarge => WordList::eff_large(),
        List::EffShort1 => WordList::eff_short_1(),
        List::EffShort2 => WordList::eff_short_2(),
    };
    let words = usize::from(input.words);
    let mut recipe = Passphrase::with_word_list(list)
        .words(words)
        .capitalize(input.capitalize);
    if let Some(separator) = &input.separator {
        recipe = recipe.separator(separator);
    }
    let separator = normalized(input.separator.as_deref().unwrap_or(" "));
    let generator = match recipe.build() {
        Ok(generator) => generator,
        Err(Invalid::Length {
            what, requested, ..
        }) => {
            match what {
                "a passphrase" => assert!(requested == 0 || requested > MAX_PASSPHRASE_WORDS),
                "the separator" => assert_eq!(requested, separator.len()),
                _ => {} // the longest word: checked where a list is made
            }
            return;
        }
        Err(Invalid::EmptySeparator) => {
            assert!(separator.is_empty());
            return;
        }
        Err(Invalid::CombiningSeparator | Invalid::WordListTooShort { .. }) => return,
        Err(Invalid::AmbiguousSeparator { separator: s, word }) => {
            assert_eq!(s, separator);
            assert!(
                clashes(&word, &separator),
                "{word:?} and {s:?} do not clash"
            );
            return;
        }
        Err(e) => panic!("unexpected error {e:?}"),
    };
    assert!((1..=MAX_PASSPHRASE_WORDS).contains(&words));
    assert_eq!(generator.words(), words);
    assert_eq!(generator.separator(), separator);
    let list = generator.word_list();
    // A built-in list's words are the same every time: its set is made once.
    let fresh;
    let all: &HashSet<String> = match &input.list {
        List::Text(_) => {
            fresh = list.iter().map(str::to_owned).collect();
            &fresh
        }
        builtin => {
            let kind = match builtin {
                List::EffLarge => 0,
                List::EffShort1 => 1,
                _ => 2,
            };
            BUILTIN[kind * 2 + usize::from(input.capitalize)]
                .get_or_init(|| list.iter().map(str::to_owned).collect())
        }
    };
    assert_eq!(all.len(), list.len(), "a word list with a repeat");
    assert!(all.len() >= 2);
    // No word clashes with the separator, so splitting at it undoes the join.
    for word in all {
        assert!(
            !clashes(word, &separator),
            "{word:?} clashes with {separator:?}"
        );
    }
    let bits = words as f64 * (all.len() as f64).log2();
    assert!((generator.entropy_bits() - bits).abs() <= 1e-9 * bits.max(1.0));
    let mut rng = Served::new(&input.rng);
    for _ in 0..=input.draws % 4 {
        let phrase = generator.generate(&mut rng).expect("an infallible draw");
        let parts: Vec<&str> = phrase.split(separator.as_str()).collect();
        assert_eq!(parts.len(), words, "{:?}", &*phrase);
        for part in parts {
            assert!(all.contains(part), "{part:?} is not a word of the list");
        }
    }
});

/// The documented rule: the separator occurs in the word, or holds its first or
/// last character.
fn clashes(word: &str, separator: &str) -> bool {
    word.contains(separator)
        || word.chars().next().is_some_and(|c| separator.contains(c))
        || word
            .chars()
            .next_back()
            .is_some_and(|c| separator.contains(c))
}
