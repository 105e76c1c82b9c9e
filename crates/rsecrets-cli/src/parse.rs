//! Value parsers for the command line: every number is range-checked here, while
//! clap parses, so an absurd size is refused (exit 2) before anything is allocated.

use core::num::IntErrorKind;

use rsecrets::MAX_TOKEN_BYTES;
use rsecrets::rsecrets_recipes::{MAX_PASSPHRASE_WORDS, MAX_PASSWORD_LENGTH, MAX_PIN_DIGITS};

/// Parses a decimal integer in `min..=max`; `unit` names what it counts, for the message.
///
/// Every failure is a sentence that completes clap's
/// `invalid value '…' for '…': ` prefix.
fn in_range(s: &str, min: u128, max: u128, unit: &str) -> Result<u128, String> {
    let digits = s.strip_prefix('+').unwrap_or(s);
    let at_least = || Err(format!("at least {min}{}", with_unit(min, unit)));
    let at_most = || Err(format!("at most {max}{}", with_unit(max, unit)));
    match digits.parse::<u128>() {
        Ok(v) if v < min => at_least(),
        Ok(v) if v > max => at_most(),
        Ok(v) => Ok(v),
        Err(e) => match e.kind() {
            IntErrorKind::PosOverflow => at_most(),
            _ if is_negative_number(digits) => at_least(),
            _ => Err("expected a whole number in decimal".into()),
        },
    }
}

/// `" {unit}"`, singular for 1 (`"1 digit"`); `unit` is plural (`"digits"`).
fn with_unit(n: u128, unit: &str) -> String {
    match (unit, n) {
        ("", _) => String::new(),
        (_, 1) => format!(" {}", unit.strip_suffix('s').unwrap_or(unit)),
        _ => format!(" {unit}"),
    }
}

fn is_negative_number(s: &str) -> bool {
    s.strip_prefix('-')
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
}

/// Narrows a value already checked against a bound that fits the target type.
fn narrow<T: TryFrom<u128>>(v: u128, max: u128, unit: &str) -> Result<T, String> {
    T::try_from(v).map_err(|_| format!("at most {max} {unit}"))
}

/// A size in `min..=max`, as a `usize`.
fn size_in(s: &str, min: usize, max: usize, unit: &str) -> Result<usize, String> {
    let (min, max) = (min as u128, max as u128);
    narrow(in_range(s, min, max, unit)?, max, unit)
}

/// `hex` / `urlsafe` NBYTES: `0..=MAX_TOKEN_BYTES`.
pub(crate) fn token_bytes(s: &str) -> Result<usize, String> {
    size_in(s, 0, MAX_TOKEN_BYTES, "bytes")
}

/// `--bits` B: 1 to the bits of the largest token (8·`MAX_TOKEN_BYTES`).
pub(crate) fn entropy_bits(s: &str) -> Result<u32, String> {
    let max = 8 * MAX_TOKEN_BYTES as u128;
    let bits = in_range(s, 1, max, "bits")?;
    u32::try_from(bits).map_err(|_| format!("at most {max} bits"))
}

/// `bytes` NBYTES: any `u64` (the output is streamed, never held whole).
pub(crate) fn stream_bytes(s: &str) -> Result<u64, String> {
    let max = u128::from(u64::MAX);
    narrow(in_range(s, 0, max, "bytes")?, max, "bytes")
}

/// `-n/--count`: any `u64`.
pub(crate) fn count(s: &str) -> Result<u64, String> {
    let max = u128::from(u64::MAX);
    narrow(in_range(s, 0, max, "secrets")?, max, "secrets")
}

/// `int` N: `1..=u128::MAX` (clap has no built-in range parser for `u128`).
pub(crate) fn upper_bound(s: &str) -> Result<u128, String> {
    in_range(s, 1, u128::MAX, "")
}

/// `bits` K: `0..=64`.
pub(crate) fn bits(s: &str) -> Result<u32, String> {
    narrow(in_range(s, 0, 64, "bits")?, 64, "bits")
}

/// `pin` DIGITS: `1..=MAX_PIN_DIGITS`.
pub(crate) fn pin_digits(s: &str) -> Result<usize, String> {
    size_in(s, 1, MAX_PIN_DIGITS, "digits")
}

/// `password --length` L: `1..=MAX_PASSWORD_LENGTH` (the policy checks the tighter
/// limit for a password with minimums).
pub(crate) fn password_length(s: &str) -> Result<usize, String> {
    size_in(s, 1, MAX_PASSWORD_LENGTH, "characters")
}

/// `password --min-*` K: `0..=MAX_PASSWORD_LENGTH` (the policy checks them against
/// the length).
pub(crate) fn minimum(s: &str) -> Result<usize, String> {
    size_in(s, 0, MAX_PASSWORD_LENGTH, "characters")
}

/// `passphrase --words` W: `1..=MAX_PASSPHRASE_WORDS`.
pub(crate) fn passphrase_words(s: &str) -> Result<usize, String> {
    size_in(s, 1, MAX_PASSPHRASE_WORDS, "words")
}

/// `id --length` L: `1..=MAX_ID_LEN`.
pub(crate) fn id_length(s: &str) -> Result<usize, String> {
    size_in(s, 1, rsecrets::rsecrets_token::MAX_ID_LEN, "characters")
}

/// `id --alphabet` CHARS: 2 or more distinct characters, checked here so that a bad
/// alphabet is a usage error.
pub(crate) fn id_alphabet(s: &str) -> Result<rsecrets::Alphabet, String> {
    rsecrets::Alphabet::new(s).map_err(|e| e.to_string())
}

/// `url --param` NAME: non-empty, URL-unreserved characters only (`A-Z a-z 0-9 - . _ ~`),
/// the rule [`rsecrets::reset_url`] enforces, checked here so a bad name is a usage error.
pub(crate) fn param_name(s: &str) -> Result<String, String> {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    if !s.is_empty() && s.bytes().all(unreserved) {
        Ok(s.to_owned())
    } else {
        Err("a query parameter name must be non-empty and use only A-Z a-z 0-9 - . _ ~".into())
    }
}

/// `apikey --prefix` PREFIX: what [`rsecrets::ApiKey::generate`] accepts, checked
/// here so a bad prefix is a usage error.
pub(crate) fn api_key_prefix(s: &str) -> Result<String, String> {
    let max = rsecrets::rsecrets_recipes::MAX_API_KEY_PREFIX;
    if (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(s.to_owned())
    } else {
        Err(format!("a prefix is 1 to {max} ASCII letters or digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(token_bytes("0"), Ok(0));
        assert_eq!(token_bytes("16777216"), Ok(1 << 24));
        assert_eq!(
            token_bytes("16777217").unwrap_err(),
            "at most 16777216 bytes"
        );
        assert_eq!(
            token_bytes("99999999999999999999999999999999999999999").unwrap_err(),
            "at most 16777216 bytes"
        );
        assert_eq!(token_bytes("-1").unwrap_err(), "at least 0 bytes");
        assert!(
            token_bytes("x")
                .unwrap_err()
                .starts_with("expected a whole number")
        );
        assert!(
            token_bytes("")
                .unwrap_err()
                .starts_with("expected a whole number")
        );
        assert_eq!(stream_bytes("18446744073709551615"), Ok(u64::MAX));
        assert!(stream_bytes("18446744073709551616").is_err());
        assert_eq!(
            upper_bound("340282366920938463463374607431768211455"),
            Ok(u128::MAX)
        );
        assert!(upper_bound("340282366920938463463374607431768211456").is_err());
        assert_eq!(upper_bound("0").unwrap_err(), "at least 1");
        assert_eq!(bits("64"), Ok(64));
        assert_eq!(bits("65").unwrap_err(), "at most 64 bits");
        assert_eq!(pin_digits("1"), Ok(1));
        assert!(pin_digits("0").is_err());
        assert!(pin_digits("1025").is_err());
        assert_eq!(count("+3"), Ok(3));
        assert_eq!(password_length("1024"), Ok(1024));
        assert_eq!(
            password_length("1025").unwrap_err(),
            "at most 1024 characters"
        );
        assert_eq!(password_length("0").unwrap_err(), "at least 1 character");
        assert_eq!(pin_digits("0").unwrap_err(), "at least 1 digit");
        assert_eq!(minimum("0"), Ok(0));
        assert!(minimum("-1").is_err());
        assert_eq!(passphrase_words("64"), Ok(64));
        assert_eq!(passphrase_words("65").unwrap_err(), "at most 64 words");
        assert!(passphrase_words("0").is_err());
    }

    #[test]
    fn id_values() {
        assert_eq!(id_length("1"), Ok(1));
        assert_eq!(id_length("0").unwrap_err(), "at least 1 character");
        assert_eq!(
            id_length("16777217").unwrap_err(),
            "at most 16777216 characters"
        );
        assert_eq!(id_alphabet("ab").map(|a| a.len()), Ok(2));
        for bad in ["", "a", "aba"] {
            assert!(id_alphabet(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn param_names() {
        assert!(param_name("token_1.a-b~").is_ok());
        for bad in ["", "a b", "a&b", "a=b", "é", "a#"] {
            assert!(param_name(bad).is_err(), "{bad:?}");
        }
    }
}
