//! Every impossible policy and recipe is an error naming the mistake.
#![allow(clippy::unwrap_used)]

use rsecrets_recipes::{
    CharClass, Error, MAX_CONSTRAINED_LENGTH, MAX_PASSWORD_LENGTH, Passphrase, PasswordPolicy,
    WordList,
};

fn err(policy: PasswordPolicy) -> Error {
    policy.build().unwrap_err()
}

#[test]
fn password_lengths() {
    for length in [0, MAX_PASSWORD_LENGTH + 1, usize::MAX] {
        let e = err(PasswordPolicy::new().length(length));
        assert_eq!(
            e,
            Error::Length {
                what: "a password",
                unit: "characters",
                requested: length,
                min: 1,
                max: MAX_PASSWORD_LENGTH
            }
        );
    }
    assert_eq!(
        err(PasswordPolicy::new().length(0)).to_string(),
        "a password needs 1 to 1024 characters (got 0)"
    );
    assert!(
        PasswordPolicy::new()
            .length(MAX_PASSWORD_LENGTH)
            .build()
            .is_ok()
    );
    let constrained = PasswordPolicy::new().min_digits(1);
    assert!(constrained.length(MAX_CONSTRAINED_LENGTH).build().is_ok());
    assert_eq!(
        err(constrained.length(MAX_CONSTRAINED_LENGTH + 1)).to_string(),
        "a password with minimums needs 1 to 128 characters (got 129)"
    );
}

#[test]
fn empty_alphabets() {
    let none = PasswordPolicy::new()
        .lower(false)
        .upper(false)
        .digits(false);
    assert_eq!(err(none), Error::EmptyAlphabet);
    assert_eq!(
        err(PasswordPolicy::new().alphabet("")),
        Error::EmptyAlphabet
    );
    let only_ambiguous = PasswordPolicy::new()
        .alphabet("0O1lI|")
        .exclude_ambiguous(true);
    assert_eq!(err(only_ambiguous), Error::EmptyAlphabet);
    assert_eq!(
        Error::<core::convert::Infallible>::EmptyAlphabet.to_string(),
        "the password policy has no characters to draw from \
         (every class disabled, an empty alphabet, or only ambiguous characters)"
    );
}

#[test]
fn invalid_alphabet_characters() {
    for (alphabet, ch) in [
        ("ab c", ' '),
        ("abé", 'é'),
        ("a\tb", '\t'),
        ("\u{7f}", '\u{7f}'),
    ] {
        assert_eq!(
            err(PasswordPolicy::new().alphabet(alphabet)),
            Error::InvalidAlphabetChar { ch }
        );
    }
    assert_eq!(
        err(PasswordPolicy::new().alphabet("abé")).to_string(),
        "a password alphabet may hold only printable ASCII characters ('!' to '~'), \
         not 'é' (U+00E9)"
    );
    // A later alphabet replaces the earlier one, mistake included.
    assert!(
        PasswordPolicy::new()
            .alphabet("é")
            .alphabet("ab")
            .build()
            .is_ok()
    );
}

#[test]
fn minimums_of_missing_classes() {
    let symbols = err(PasswordPolicy::new().min_symbols(2));
    assert_eq!(
        symbols,
        Error::MinimumForEmptyClass {
            class: CharClass::Symbol,
            min: 2
        }
    );
    assert_eq!(
        symbols.to_string(),
        "the password policy asks for at least 2 symbols but has none \
         (disabled, not in the alphabet, or excluded as ambiguous)"
    );
    assert_eq!(
        err(PasswordPolicy::new().lower(false).min_lower(1)),
        Error::MinimumForEmptyClass {
            class: CharClass::Lower,
            min: 1
        }
    );
    assert_eq!(
        err(PasswordPolicy::new().alphabet("abc").min_digits(1)),
        Error::MinimumForEmptyClass {
            class: CharClass::Digit,
            min: 1
        }
    );
    // Emptied by exclude_ambiguous: the alphabet's only digits are 0 and 1.
    assert_eq!(
        err(PasswordPolicy::new()
            .alphabet("ab01")
            .min_digits(1)
            .exclude_ambiguous(true)),
        Error::MinimumForEmptyClass {
            class: CharClass::Digit,
            min: 1
        }
    );
    assert_eq!(
        err(PasswordPolicy::new()
            .alphabet("abIO")
            .min_upper(1)
            .exclude_ambiguous(true)),
        Error::MinimumForEmptyClass {
            class: CharClass::Upper,
            min: 1
        }
    );
}

#[test]
fn minimums_above_the_length() {
    let e = err(PasswordPolicy::new()
        .length(10)
        .min_lower(4)
        .min_upper(4)
        .min_digits(3));
    assert_eq!(
        e,
        Error::MinimumsExceedLength {
            minimums: 11,
            length: 10
        }
    );
    assert_eq!(
        e.to_string(),
        "the password minimums add up to 11 characters, more than the length of 10"
    );
    let huge = PasswordPolicy::new()
        .min_lower(usize::MAX)
        .min_digits(usize::MAX);
    assert_eq!(
        err(huge),
        Error::MinimumsExceedLength {
            minimums: usize::MAX,
            length: 20
        }
    );
    // Exactly the length is fine: every character is forced into a class.
    assert!(
        PasswordPolicy::new()
            .length(4)
            .min_lower(2)
            .min_digits(2)
            .build()
            .is_ok()
    );
}

#[test]
fn passphrase_word_counts() {
    for words in [0, 65, usize::MAX] {
        assert_eq!(
            Passphrase::new().words(words).build().unwrap_err(),
            Error::Length {
                what: "a passphrase",
                unit: "words",
                requested: words,
                min: 1,
                max: 64
            }
        );
    }
    assert_eq!(
        Passphrase::new().words(0).build().unwrap_err().to_string(),
        "a passphrase needs 1 to 64 words (got 0)"
    );
    assert!(Passphrase::new().words(64).build().is_ok());
}

#[test]
fn passphrase_separators() {
    assert_eq!(
        Passphrase::new().separator("").build().unwrap_err(),
        Error::EmptySeparator
    );
    let hyphen = Passphrase::new().separator("-").build().unwrap_err();
    assert_eq!(
        hyphen,
        Error::AmbiguousSeparator {
            separator: "-".into(),
            word: "drop-down".into()
        }
    );
    assert_eq!(
        hyphen.to_string(),
        "the separator \"-\" clashes with the word \"drop-down\" of the word list \
         (it occurs in the word, or the word starts or ends with one of its characters), \
         so a passphrase could be split into words in more than one way"
    );
    let list = WordList::parse("abc\nxyz\n").unwrap();
    for separator in ["b", "a", "c-", "-x", "bc", "xyz"] {
        assert!(
            Passphrase::with_word_list(list.clone())
                .separator(separator)
                .build()
                .is_err(),
            "{separator:?}"
        );
    }
    for separator in ["-", " ", "d", "--", "e.f"] {
        assert!(
            Passphrase::with_word_list(list.clone())
                .separator(separator)
                .build()
                .is_ok(),
            "{separator:?}"
        );
    }
    // Capitalized words are what the separator is checked against.
    let upper = Passphrase::with_word_list(list)
        .separator("A")
        .capitalize(true);
    assert!(matches!(
        upper.build(),
        Err(Error::AmbiguousSeparator { .. })
    ));
}

#[test]
fn word_lists_too_short() {
    for text in ["", "\n\n", "one", "one\n one \none\r\n"] {
        assert_eq!(
            WordList::parse(text).unwrap_err(),
            Error::Length {
                what: "a word list",
                unit: "distinct words",
                requested: usize::from(!text.trim().is_empty()),
                min: 2,
                max: u32::MAX as usize
            },
            "{text:?}"
        );
    }
    assert_eq!(
        WordList::parse("one").unwrap_err().to_string(),
        "a word list needs 2 to 4294967295 distinct words (got 1)"
    );
    // Capitalizing can merge words: "Nice" and "nice" become one.
    let list = WordList::parse("nice\nNice\n").unwrap();
    assert!(matches!(
        Passphrase::with_word_list(list).capitalize(true).build(),
        Err(Error::Length { requested: 1, .. })
    ));
}
