//! Ids from an alphabet: uniform per position (chi-square) over alphabets of awkward
//! sizes and a non-ASCII one; the errors; lengths 0 and above the limit; nanoid's
//! default.

#![cfg(feature = "alloc")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should panic

mod common;

#[path = "../../../xtask/test-support/chi_square.rs"]
mod chi_square;

use chi_square::{Z_1E6, critical_value, pearson_uniform};
use common::{Broken, DeviceGone};
use rsecrets_core::Error;
use rsecrets_token::{
    Alphabet, AlphabetError, ID_ALPHABET, ID_ENTROPY_BITS, ID_LEN, IdError, MAX_ID_LEN,
    token_alphabet, token_id,
};

/// Draws `ids` ids of `len` characters from `alphabet` and checks, position by
/// position, that the counts of each character fit the uniform distribution:
/// Pearson's statistic below the 1e-6 critical value for `n - 1` degrees of
/// freedom. The generator is seeded, so the test cannot fail by chance; a biased
/// mapping (e.g. `%` on a byte, which favours the first `256 mod n` characters by
/// 1/256 relative, or more for n = 62) fails it. On a truly random source each
/// position would fail with probability at most 1e-6.
fn uniform_per_position(alphabet: &str, len: usize, ids: usize, seed: u8) {
    let chars: Vec<char> = alphabet.chars().collect();
    let n = chars.len();
    let mut counts = vec![vec![0u64; n]; len];
    let mut rng = common::rng(seed);
    let parsed = Alphabet::new(alphabet).unwrap();
    for i in 0..ids {
        // Both entry points, which must draw the same way.
        let id = if i % 2 == 0 {
            token_alphabet(&mut rng, alphabet, len).unwrap()
        } else {
            parsed.generate(&mut rng, len).unwrap()
        };
        assert_eq!(id.chars().count(), len);
        for (pos, c) in id.chars().enumerate() {
            let k = chars
                .iter()
                .position(|&a| a == c)
                .expect("a character of the alphabet");
            counts[pos][k] += 1;
        }
    }
    let limit = critical_value(n - 1, Z_1E6);
    for (pos, observed) in counts.iter().enumerate() {
        let stat = pearson_uniform(observed);
        assert!(
            stat < limit,
            "{alphabet:?} position {pos}: chi-square {stat:.1} >= {limit:.1}"
        );
    }
}

#[test]
fn three_characters() {
    uniform_per_position("abc", 12, 20_000, 1);
}

#[test]
fn seven_characters() {
    uniform_per_position("0123456", 12, 20_000, 2);
}

#[test]
fn sixty_two_characters() {
    uniform_per_position(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        10,
        30_000,
        3,
    );
}

/// nanoid's alphabet, which is drawn as base64url text: a length that cuts a
/// 4-character group (23) and one that spans two 48-byte chunks (70).
#[test]
fn the_id_alphabet() {
    uniform_per_position(ID_ALPHABET, 23, 30_000, 6);
    uniform_per_position(ID_ALPHABET, 70, 6_000, 7);
}

/// An id of [`ID_ALPHABET`] is the base64url text of `ceil(6 len / 8)` random
/// bytes, cut to its length: each character, read back as its index in the
/// alphabet by a decoder written here, is the next 6 bits of the bytes that
/// `token_bytes` draws from the same seed. Lengths 0 to 300 cover every cut of a
/// group and several chunks.
#[test]
fn id_alphabet_ids_are_the_random_bits_in_order() -> Result<(), IdError> {
    for len in 0..=300 {
        let id = token_alphabet(&mut common::rng(10), ID_ALPHABET, len)?;
        let bytes = rsecrets_token::token_bytes(&mut common::rng(10), (3 * len).div_ceil(4))?;
        assert_eq!(id.len(), len);
        for (k, c) in id.chars().enumerate() {
            let value = ID_ALPHABET.find(c).unwrap();
            let bits = (6 * k..6 * k + 6).fold(0, |v, bit| {
                (v << 1) | usize::from(bytes[bit / 8] >> (7 - bit % 8) & 1)
            });
            assert_eq!(value, bits, "length {len}, character {k}");
        }
    }
    Ok(())
}

/// Characters of 2, 3 and 4 bytes in UTF-8 beside ASCII.
#[test]
fn non_ascii_characters() {
    uniform_per_position("aβγδ€ᚠ😀🔑", 10, 20_000, 4);
}

/// The check can fail: the modulo mapping it is meant to catch. 62 characters from
/// a byte `% 62` make the first 8 characters 5/4 as likely as the rest, far past
/// the 1e-6 critical value with 30 000 draws.
#[test]
fn the_check_catches_a_modulo_bias() {
    let mut rng = common::rng(5);
    let mut bytes = vec![0u8; 30_000];
    rand_core::TryRng::try_fill_bytes(&mut rng, &mut bytes).unwrap();
    let mut counts = vec![0u64; 62];
    for b in bytes {
        counts[usize::from(b % 62)] += 1; // the bias under test
    }
    assert!(pearson_uniform(&counts) > critical_value(61, Z_1E6));
}

#[test]
fn bad_alphabets_are_errors() {
    let mut rng = common::rng(6);
    for (alphabet, err) in [
        ("", AlphabetError::Empty),
        ("x", AlphabetError::OneChar { ch: 'x' }),
        ("😀", AlphabetError::OneChar { ch: '😀' }),
        ("aa", AlphabetError::Repeated { ch: 'a' }),
        ("abcb", AlphabetError::Repeated { ch: 'b' }),
        ("abcdcba", AlphabetError::Repeated { ch: 'c' }),
        ("zyxwz", AlphabetError::Repeated { ch: 'z' }),
        ("éé", AlphabetError::Repeated { ch: 'é' }),
    ] {
        assert_eq!(Alphabet::new(alphabet), Err(err), "{alphabet:?}");
        // Whatever the length, 0 included.
        for len in [0, 1, 21, usize::MAX] {
            assert_eq!(
                token_alphabet(&mut rng, alphabet, len),
                Err(IdError::Alphabet(err)),
                "{alphabet:?}"
            );
        }
    }
    // 'e' followed by a combining accent is two characters: distinct from 'é'.
    assert_eq!(Alphabet::new("e\u{301}é").map(|a| a.len()), Ok(3));
    assert_eq!(
        AlphabetError::Repeated { ch: 'a' }.to_string(),
        "the alphabet has 'a' more than once: it would be drawn more often than the other characters"
    );
    assert_eq!(
        IdError::<DeviceGone>::Alphabet(AlphabetError::Empty).to_string(),
        "the alphabet is empty: an id needs at least 2 distinct characters"
    );
    assert_eq!(
        AlphabetError::OneChar { ch: 'x' }.to_string(),
        "the alphabet has one character ('x'): an id needs at least 2 distinct characters"
    );
}

#[test]
fn lengths() -> Result<(), IdError> {
    let mut rng = common::rng(7);
    assert_eq!(*token_alphabet(&mut rng, "01", 0)?, "");
    assert_eq!(token_alphabet(&mut rng, "01", 1)?.len(), 1);
    let too_long = IdError::Core(Error::TooLarge {
        requested: MAX_ID_LEN + 1,
        max: MAX_ID_LEN,
    });
    assert_eq!(
        token_alphabet(&mut rng, "01", MAX_ID_LEN + 1),
        Err(too_long)
    );
    // The limit itself is allowed (both ways of drawing share the check).
    assert_eq!(
        token_alphabet(&mut rng, ID_ALPHABET, MAX_ID_LEN)?.len(),
        MAX_ID_LEN
    );
    assert_eq!(
        token_alphabet(&mut rng, "01", usize::MAX),
        Err(IdError::Core(Error::TooLarge {
            requested: usize::MAX,
            max: MAX_ID_LEN
        }))
    );
    let wide = token_alphabet(&mut rng, "😀🔑", 1000)?;
    assert_eq!((wide.chars().count(), wide.len()), (1000, 4000));
    Ok(())
}

#[test]
fn entropy_is_exact() -> Result<(), AlphabetError> {
    assert_eq!(Alphabet::new("01")?.entropy_bits(128), 128.0);
    assert_eq!(
        Alphabet::new(ID_ALPHABET)?.entropy_bits(ID_LEN),
        ID_ENTROPY_BITS
    );
    assert_eq!(Alphabet::new("aβγδ€ᚠ😀🔑")?.entropy_bits(10), 30.0);
    let seven = Alphabet::new("0123456")?.entropy_bits(12);
    assert!((seven - 12.0 * 7f64.log2()).abs() < 1e-12);
    assert_eq!(Alphabet::new("abc")?.entropy_bits(0), 0.0);
    Ok(())
}

#[test]
fn the_nanoid_default() -> Result<(), Error> {
    let mut rng = common::rng(8);
    for _ in 0..100 {
        let id = token_id(&mut rng)?;
        assert_eq!(id.len(), ID_LEN);
        assert!(
            id.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
        );
    }
    assert_eq!(ID_ALPHABET.len(), 64);
    assert_eq!(
        *token_id(&mut common::rng(9))?,
        *token_alphabet(&mut common::rng(9), ID_ALPHABET, ID_LEN).unwrap()
    );
    Ok(())
}

#[test]
fn a_failing_generator_gives_rng_errors() {
    let failed = Error::Rng(DeviceGone);
    assert_eq!(token_id(&mut Broken), Err(failed));
    assert_eq!(
        token_alphabet(&mut Broken, "ab", 3),
        Err(IdError::Core(failed))
    );
    // Length 0 draws nothing.
    assert_eq!(token_alphabet(&mut Broken, "ab", 0).map(|s| s.len()), Ok(0));
}

/// An OS error with a cause, as a generator's error may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Caused;

impl core::fmt::Display for Caused {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("no entropy")
    }
}

impl core::error::Error for Caused {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        Some(&DeviceGone)
    }
}

/// `IdError` passes core's `Error` through: its message names the generator's error,
/// and its source is that error's cause, so a report walking the chain reaches it.
#[test]
fn an_id_error_passes_the_cause_on() {
    use core::error::Error as _;
    let error = IdError::Core(Error::Rng(Caused));
    assert_eq!(
        error.to_string(),
        "the random number generator failed: no entropy"
    );
    let cause = error.source().expect("the generator error's cause");
    assert_eq!(cause.downcast_ref(), Some(&DeviceGone));
    let bad = IdError::<Caused>::Alphabet(AlphabetError::Empty);
    assert!(bad.source().is_none());
}
