//! API keys in GitHub's scheme: a prefix, `_`, 30 random base62 characters and a
//! 6-character checksum that lets a server reject a mistyped or made-up key offline.

use alloc::string::String;
use core::fmt;

use rand_core::TryCryptoRng;
use rsecrets_core::Secrets;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::{Error, Invalid};

/// The 62 characters of an API key (`0-9A-Za-z`), in the order of their digit values:
/// the checksum is written in base 62 with these digits.
pub const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Random characters in an API key: 30 of 62, 178.6 bits.
pub const API_KEY_RANDOM_CHARS: usize = 30;

/// Checksum characters at the end of an API key: the CRC-32 of the random part in
/// base 62, left-padded with `0` (62⁶ > 2³²).
pub const API_KEY_CHECKSUM_CHARS: usize = 6;

/// The longest prefix an API key takes, in ASCII letters and digits.
pub const MAX_API_KEY_PREFIX: usize = 16;

/// The exact entropy of an [`ApiKey`]: 30 × log2(62) bits. The prefix is fixed and
/// the checksum is a function of the random part, so neither adds any.
pub const API_KEY_ENTROPY_BITS: f64 = 178.625_889_311_606_24;

/// An API key, `PREFIX_` + 30 random base62 characters + 6 checksum characters,
/// e.g. `ghp_…` as GitHub makes them. Secret scanners recognise the shape, and
/// [`ApiKey::check`] rejects a mistyped or made-up key without a database.
///
/// The key is wiped from memory when dropped, and its `Debug` shows only the prefix.
/// Store [`ApiKey::sha256_hex`], never the key: it has 178.6 bits of entropy, so a
/// fast hash is enough (no salt, no slow hash).
///
/// ```
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// use rsecrets_recipes::ApiKey;
/// let key = ApiKey::generate(&mut rng, "acme")?;
/// assert!(key.as_str().starts_with("acme_"));
/// assert_eq!(key.as_str().len(), "acme_".len() + 36);
/// assert_eq!(ApiKey::check(key.as_str(), Some("acme")), Ok("acme"));
/// # Ok::<(), rsecrets_recipes::Error>(())
/// ```
pub struct ApiKey {
    key: Zeroizing<String>,
    prefix_len: usize,
}

/// Why [`ApiKey::check`] refused a key: each malformation is its own variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiKeyError {
    /// No `_` between the prefix and the rest.
    MissingSeparator,
    /// The part before `_` is empty, longer than [`MAX_API_KEY_PREFIX`], or not
    /// ASCII letters and digits.
    Prefix,
    /// The prefix is well formed but not the one expected.
    WrongPrefix,
    /// The part after `_` is not 36 characters long.
    Length {
        /// The characters after `_`.
        got: usize,
    },
    /// A character after `_` is not one of [`BASE62`].
    Alphabet {
        /// Its position after `_`, from 0.
        position: usize,
    },
    /// The last 6 characters are not the checksum of the 30 before them: a mistyped
    /// or made-up key.
    Checksum,
}

impl ApiKey {
    /// A new key with `prefix` (1 to 16 ASCII letters or digits), its 30 random
    /// characters drawn uniformly from [`BASE62`] (core's `choices`).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] with [`Invalid::ApiKeyPrefix`] for a prefix that is empty,
    /// too long or not ASCII letters and digits; [`Error::Core`] with
    /// [`rsecrets_core::Error::Rng`] if the generator fails.
    pub fn generate<R: TryCryptoRng + ?Sized>(
        rng: &mut R,
        prefix: &str,
    ) -> Result<ApiKey, Error<R::Error>> {
        if !prefix_ok(prefix) {
            return Err(Invalid::ApiKeyPrefix.into());
        }
        let body = prefix.len() + 1;
        let mut key = Zeroizing::new(String::with_capacity(body + 36));
        key.push_str(prefix);
        key.push('_');
        Secrets::new(rng).choices(BASE62, API_KEY_RANDOM_CHARS, |&c| key.push(char::from(c)))?;
        let checksum = checksum(&key.as_bytes()[body..]);
        key.extend(checksum.iter().map(|&c| char::from(c)));
        Ok(ApiKey {
            key,
            prefix_len: prefix.len(),
        })
    }

    /// Checks `key` offline: a well-formed prefix (and `prefix` itself, when given),
    /// 36 base62 characters after `_`, and a checksum that matches. Returns the prefix.
    ///
    /// Without `prefix`, a key with another prefix passes: the checksum covers only
    /// the random part, as in GitHub's scheme. A server that issues one kind of key
    /// passes its prefix.
    ///
    /// ```
    /// use rsecrets_recipes::{ApiKey, ApiKeyError};
    /// assert_eq!(ApiKey::check("acme_x", None), Err(ApiKeyError::Length { got: 1 }));
    /// ```
    ///
    /// # Errors
    ///
    /// The first malformation found, in the order of [`ApiKeyError`]'s variants.
    pub fn check<'k>(key: &'k str, prefix: Option<&str>) -> Result<&'k str, ApiKeyError> {
        let (found, rest) = key.split_once('_').ok_or(ApiKeyError::MissingSeparator)?;
        if !prefix_ok(found) {
            return Err(ApiKeyError::Prefix);
        }
        if prefix.is_some_and(|p| p != found) {
            return Err(ApiKeyError::WrongPrefix);
        }
        let got = rest.chars().count();
        if got != API_KEY_RANDOM_CHARS + API_KEY_CHECKSUM_CHARS {
            return Err(ApiKeyError::Length { got });
        }
        if let Some(position) = rest.bytes().position(|b| !b.is_ascii_alphanumeric()) {
            return Err(ApiKeyError::Alphabet { position });
        }
        let (random, sum) = rest.as_bytes().split_at(API_KEY_RANDOM_CHARS);
        if checksum(random) != sum {
            return Err(ApiKeyError::Checksum);
        }
        Ok(found)
    }

    /// The key.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.key
    }

    /// The prefix, without the `_`.
    #[must_use]
    pub fn prefix(&self) -> &str {
        &self.key[..self.prefix_len]
    }

    /// The lowercase hex SHA-256 of the whole key: what a server stores and looks a
    /// presented key up by.
    #[must_use]
    pub fn sha256_hex(&self) -> String {
        let digest = Sha256::digest(self.key.as_bytes());
        base16ct::lower::encode_string(&digest)
    }

    /// The key, still wiped when dropped.
    #[must_use]
    pub fn into_string(self) -> Zeroizing<String> {
        self.key
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKey")
            .field("prefix", &self.prefix())
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ApiKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiKeyError::MissingSeparator => f.write_str("not an API key: no '_' after a prefix"),
            ApiKeyError::Prefix => write!(
                f,
                "not an API key: the prefix must be 1 to {MAX_API_KEY_PREFIX} ASCII letters or digits"
            ),
            ApiKeyError::WrongPrefix => f.write_str("the API key has another prefix"),
            ApiKeyError::Length { got } => write!(
                f,
                "not an API key: 36 characters must follow the '_', not {got}"
            ),
            ApiKeyError::Alphabet { position } => write!(
                f,
                "not an API key: character {} after the '_' is not a letter or digit",
                position + 1
            ),
            ApiKeyError::Checksum => {
                f.write_str("the API key's checksum does not match: mistyped or made up")
            }
        }
    }
}

impl core::error::Error for ApiKeyError {}

fn prefix_ok(prefix: &str) -> bool {
    (1..=MAX_API_KEY_PREFIX).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The CRC-32 (IEEE, as zlib computes it) of `random`, in 6 base62 digits, most
/// significant first.
fn checksum(random: &[u8]) -> [u8; API_KEY_CHECKSUM_CHARS] {
    let mut crc = crc32fast::hash(random);
    let mut digits = [b'0'; API_KEY_CHECKSUM_CHARS];
    for d in digits.iter_mut().rev() {
        *d = BASE62[(crc % 62) as usize]; // not a random word: a checksum's digits
        crc /= 62;
    }
    digits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entropy_constant_is_exact() {
        assert_eq!(API_KEY_ENTROPY_BITS, 30.0 * libm::log2(62.0));
    }

    #[test]
    fn the_checksum_is_written_in_six_base62_digits() {
        // CRC-32 of the empty string is 0; of "123456789" it is 0xCBF43926 (the
        // standard check value), whose base-62 digits are 3 45 35 27 22 14.
        assert_eq!(&checksum(b""), b"000000");
        assert_eq!(crc32fast::hash(b"123456789"), 0xCBF4_3926);
        assert_eq!(&checksum(b"123456789"), b"3jZRME");
    }
}
