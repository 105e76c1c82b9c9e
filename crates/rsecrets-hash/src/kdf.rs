//! Key derivation: from a password (Argon2id) or from a high-entropy key (HKDF).

use alloc::vec;
use alloc::vec::Vec;

use argon2::{Algorithm, Argon2, Version};
use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::{Error, Params, SALT_LEN};

/// The shortest master key [`derive_subkey`] takes: 16 bytes (128 bits).
pub const MIN_MASTER_KEY_LEN: usize = 16;

/// The longest key derived from a password.
const MAX_PASSWORD_KEY: usize = 1024;

/// The longest HKDF-SHA-256 output (RFC 5869: 255 blocks of 32 bytes).
const MAX_SUBKEY: usize = 255 * 32;

/// A `len`-byte key from a password: Argon2id's raw output with `params` and a
/// `salt` of 16 to 64 bytes (store the salt beside what the key encrypts; use a new
/// one for each key). Wiped when dropped.
///
/// ```
/// use rsecrets_hash::{derive_key, Params};
/// let salt = [9u8; 16]; // in real use: random, e.g. rsecrets::token_bytes(16)
/// let key = derive_key(b"correct horse", &salt, Params::OWASP[1], 32)?;
/// assert_eq!(key.len(), 32);
/// # Ok::<(), rsecrets_hash::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::EmptySecret`], [`Error::SaltLength`], [`Error::KeyLength`] (16 to 1024
/// bytes), or [`Error::Params`].
pub fn derive_key(
    password: &[u8],
    salt: &[u8],
    params: Params,
    len: usize,
) -> Result<Zeroizing<Vec<u8>>, Error> {
    if password.is_empty() {
        return Err(Error::EmptySecret);
    }
    if !(SALT_LEN..=64).contains(&salt.len()) {
        return Err(Error::SaltLength { len: salt.len() });
    }
    if !(16..=MAX_PASSWORD_KEY).contains(&len) {
        return Err(Error::KeyLength {
            requested: len,
            min: 16,
            max: MAX_PASSWORD_KEY,
        });
    }
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.argon2(len)?);
    let mut key = Zeroizing::new(vec![0u8; len]);
    argon2
        .hash_password_into(password, salt, &mut key)
        .map_err(|_| Error::Malformed)?;
    Ok(key)
}

/// A `len`-byte subkey of a high-entropy `master` key for the purpose `context`
/// (e.g. `b"myapp 2026 session encryption"`): HKDF-SHA-256 (RFC 5869) with no
/// salt, `context` as its info. Different contexts give independent keys. Wiped
/// when dropped.
///
/// ```
/// let master = [1u8; 32]; // in real use: random, e.g. rsecrets::token_bytes(32)
/// let a = rsecrets_hash::derive_subkey(&master, b"encryption", 32)?;
/// let b = rsecrets_hash::derive_subkey(&master, b"signing", 32)?;
/// assert_ne!(*a, *b);
/// # Ok::<(), rsecrets_hash::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::WeakMasterKey`] for a master key under 16 bytes (a password needs
/// [`derive_key`]); [`Error::KeyLength`] outside 1 to 8160 bytes.
pub fn derive_subkey(
    master: &[u8],
    context: &[u8],
    len: usize,
) -> Result<Zeroizing<Vec<u8>>, Error> {
    if master.len() < MIN_MASTER_KEY_LEN {
        return Err(Error::WeakMasterKey { len: master.len() });
    }
    if !(1..=MAX_SUBKEY).contains(&len) {
        return Err(Error::KeyLength {
            requested: len,
            min: 1,
            max: MAX_SUBKEY,
        });
    }
    let mut key = Zeroizing::new(vec![0u8; len]);
    Hkdf::<Sha256>::new(None, master)
        .expand(context, &mut key)
        .map_err(|_| Error::KeyLength {
            requested: len,
            min: 1,
            max: MAX_SUBKEY,
        })?;
    Ok(key)
}
