//! Digests of high-entropy tokens: what a server stores instead of the token.

use hmac::{Hmac, KeyInit as _, Mac as _};
use rsecrets_compare::compare_digest;
use sha2::{Digest as _, Sha256};

/// Bytes in a digest (SHA-256 or HMAC-SHA-256).
pub const DIGEST_LEN: usize = 32;

/// The SHA-256 of a token: what a server stores for an API key, a session or reset
/// token, so a leak of its database leaks no usable token.
///
/// A fast hash is right here and wrong for passwords: a token of 128 random bits or
/// more cannot be guessed from its digest, while a password can (hash passwords with
/// [`hash_password`](crate::hash_password)).
///
/// ```
/// let stored = rsecrets_hash::digest(b"token");
/// assert!(rsecrets_hash::verify_digest(b"token", &stored));
/// assert!(!rsecrets_hash::verify_digest(b"tokem", &stored));
/// ```
#[must_use]
pub fn digest(token: &[u8]) -> [u8; DIGEST_LEN] {
    Sha256::digest(token).into()
}

/// Whether `presented` is the token whose [`digest`] is `stored`, compared in
/// constant time (`compare_digest`). A `stored` of another length is `false`.
#[must_use]
pub fn verify_digest(presented: &[u8], stored: &[u8]) -> bool {
    compare_digest(digest(presented), stored)
}

/// The HMAC-SHA-256 of a token under a server-side `pepper` (a secret key kept out
/// of the database, e.g. in a secrets manager). Use it instead of [`digest`] when
/// the tokens may be low in entropy (short codes) or when a stolen database alone
/// must not even confirm a guessed token.
///
/// ```
/// let pepper = [7u8; 32];
/// let stored = rsecrets_hash::keyed_digest(&pepper, b"123456");
/// assert!(rsecrets_hash::verify_keyed_digest(&pepper, b"123456", &stored));
/// assert!(!rsecrets_hash::verify_keyed_digest(&[8u8; 32], b"123456", &stored));
/// ```
#[must_use]
pub fn keyed_digest(pepper: &[u8], token: &[u8]) -> [u8; DIGEST_LEN] {
    // HMAC takes a key of any length.
    let mut mac = <Hmac<Sha256>>::new_from_slice(pepper)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of every length"));
    mac.update(token);
    mac.finalize().into_bytes().into()
}

/// Whether `presented` is the token whose [`keyed_digest`] under `pepper` is
/// `stored`, compared in constant time.
#[must_use]
pub fn verify_keyed_digest(pepper: &[u8], presented: &[u8], stored: &[u8]) -> bool {
    compare_digest(keyed_digest(pepper, presented), stored)
}
