//! Every impossible policy and recipe is an error naming the mistake.
#![allow(clippy::unwrap_used)]

use core::fmt;

use rand_core::{TryCryptoRng, TryRng};
use rsecrets_recipes::{
    CharClass, Error, Invalid, MAX_CONSTRAINED_LENGTH, MAX_PASSWORD_LENGTH, Passphrase,
    PasswordPolicy, WordList,
};

fn err(policy: PasswordPolicy) -> Invalid {
    policy.build().unwrap_err()
}

#[test]
fn password_lengths() {
    for length in [0, MAX_PASSWORD_LENGTH + 1, usize::MAX] {
        let e = err(PasswordPolicy::new().length(length));
        assert_eq!(
            e,
            Invalid::Length {
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
    assert_eq!(err(none), Invalid::EmptyAlphabet);
    assert_eq!(
        err(PasswordPolicy::new().alphabet("")),
        Invalid::EmptyAlphabet
    );
    let only_ambiguous = PasswordPolicy::new()
        .alphabet("0O1lI|")
        .exclude_ambiguous(true);
    assert_eq!(err(only_ambiguous), Invalid::EmptyAlphabet);
    assert_eq!(
        Invalid::EmptyAlphabet.to_string(),
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
        // UTF-8 C3 80: the byte 0x80, one past ASCII, which the character set must
        // skip rather than shift a bit by 128.
        ("aÀb", 'À'),
    ] {
        assert_eq!(
            err(PasswordPolicy::new().alphabet(alphabet)),
            Invalid::AlphabetChar { ch }
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
        Invalid::MinimumForEmptyClass {
            class: CharClass::Symbol,
            min: 2
        }
    );
    assert_eq!(
        symbols.to_string(),
        "the password policy asks for at least 2 symbols but has none \
         (disabled, not in the alphabet, or excluded as ambiguous)"
    );
    let lower = err(PasswordPolicy::new().lower(false).min_lower(1));
    assert_eq!(
        lower,
        Invalid::MinimumForEmptyClass {
            class: CharClass::Lower,
            min: 1
        }
    );
    assert_eq!(
        lower.to_string(),
        "the password policy asks for at least 1 lowercase letter but has none \
         (disabled, not in the alphabet, or excluded as ambiguous)"
    );
    assert_eq!(
        err(PasswordPolicy::new().alphabet("abc").min_digits(1)),
        Invalid::MinimumForEmptyClass {
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
        Invalid::MinimumForEmptyClass {
            class: CharClass::Digit,
            min: 1
        }
    );
    assert_eq!(
        err(PasswordPolicy::new()
            .alphabet("abIO")
            .min_upper(1)
            .exclude_ambiguous(true)),
        Invalid::MinimumForEmptyClass {
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
        Invalid::MinimumsExceedLength {
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
        Invalid::MinimumsExceedLength {
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

#[cfg(feature = "std")]
#[test]
fn passphrase_word_counts() {
    for words in [0, 65, usize::MAX] {
        assert_eq!(
            Passphrase::new().words(words).build().unwrap_err(),
            Invalid::Length {
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

#[cfg(feature = "std")]
#[test]
fn passphrase_separators() {
    assert_eq!(
        Passphrase::new().separator("").build().unwrap_err(),
        Invalid::EmptySeparator
    );
    let hyphen = Passphrase::new().separator("-").build().unwrap_err();
    assert_eq!(
        hyphen,
        Invalid::AmbiguousSeparator {
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
        Err(Invalid::AmbiguousSeparator { .. })
    ));
}

#[test]
fn word_lists_too_short() {
    for text in ["", "\n\n", "one", "one\n one \none\r\n"] {
        assert_eq!(
            WordList::parse(text).unwrap_err(),
            Invalid::Length {
                what: "a word list",
                unit: "distinct words",
                requested: usize::from(!text.trim().is_empty()),
                min: 2,
                max: usize::MAX
            },
            "{text:?}"
        );
    }
    assert_eq!(
        WordList::parse("one").unwrap_err().to_string(),
        "a word list needs at least 2 distinct words (got 1)"
    );
    // Capitalizing can merge words: "Nice" and "nice" become one.
    let list = WordList::parse("nice\nNice\n").unwrap();
    assert!(matches!(
        Passphrase::with_word_list(list).capitalize(true).build(),
        Err(Invalid::Length { requested: 1, .. })
    ));
}

/// A generator that always fails, with an error that has a cause of its own.
struct Dry;

#[derive(Debug)]
struct Empty(fmt::Error);

impl fmt::Display for Empty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the pool is empty")
    }
}

impl core::error::Error for Empty {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl TryRng for Dry {
    type Error = Empty;
    fn try_next_u32(&mut self) -> Result<u32, Empty> {
        Err(Empty(fmt::Error))
    }
    fn try_next_u64(&mut self) -> Result<u64, Empty> {
        Err(Empty(fmt::Error))
    }
    fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<(), Empty> {
        Err(Empty(fmt::Error))
    }
}

impl TryCryptoRng for Dry {}

/// Builds a recipe and draws from it with the caller's generator: `build`'s
/// `Invalid`, `generate`'s error and core's all convert with `?`.
fn password_and_pin<R: TryCryptoRng>(
    rng: &mut R,
    policy: PasswordPolicy,
) -> Result<(String, String), Error<R::Error>> {
    let password = policy.build()?.generate(rng)?;
    let pin = rsecrets_recipes::pin(rng, 4)?;
    let bit = rsecrets_core::Secrets::new(rng).randbits(1)?;
    Ok((password.to_string(), format!("{}{bit}", *pin)))
}

#[test]
fn recipe_and_core_errors_compose_under_question_mark() {
    let mut rng = <chacha20_rng::ChaCha20Rng as rand_core::SeedableRng>::from_seed([1; 32]);
    let (password, pin) = password_and_pin(&mut rng, PasswordPolicy::new()).unwrap();
    assert_eq!((password.len(), pin.len()), (20, 5));
    let invalid = password_and_pin(&mut Dry, PasswordPolicy::new().length(0));
    assert!(matches!(
        invalid,
        Err(Error::Invalid(Invalid::Length { requested: 0, .. }))
    ));
    let failed = password_and_pin(&mut Dry, PasswordPolicy::new());
    assert!(matches!(
        failed,
        Err(Error::Core(rsecrets_core::Error::Rng(Empty(_))))
    ));
}

/// Each message of an error's chain, as an error reporter prints them.
fn chain(e: &dyn core::error::Error) -> Vec<String> {
    let mut messages = vec![e.to_string()];
    let mut source = e.source();
    while let Some(cause) = source {
        messages.push(cause.to_string());
        source = cause.source();
    }
    messages
}

#[test]
fn a_reporter_shows_each_message_once() {
    let e = PasswordPolicy::new()
        .build()
        .unwrap()
        .generate(&mut Dry)
        .unwrap_err();
    assert_eq!(
        chain(&e),
        [
            "the random number generator failed: the pool is empty",
            "an error occurred when formatting an argument"
        ]
    );
    // The same through the recipes' own `Error`: transparent, cause included.
    let recipe: Error<Empty> = e.into();
    assert_eq!(
        chain(&recipe),
        [
            "the random number generator failed: the pool is empty",
            "an error occurred when formatting an argument"
        ]
    );
    let invalid: Error<Empty> = Invalid::EmptySeparator.into();
    assert_eq!(chain(&invalid), [Invalid::EmptySeparator.to_string()]);
    assert_eq!(chain(&Invalid::EmptyAlphabet).len(), 1);
}
