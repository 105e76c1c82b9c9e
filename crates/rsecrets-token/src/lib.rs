#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;

#[cfg(feature = "alloc")]
mod alphabet;
mod base32;
mod base64;
#[cfg(feature = "alloc")]
mod bytes;
mod encode;
mod hex;
mod urlsafe;
mod uuid;

#[cfg(feature = "alloc")]
pub use alphabet::{
    Alphabet, AlphabetError, ID_ALPHABET, ID_ENTROPY_BITS, ID_LEN, IdError, MAX_ID_LEN,
    token_alphabet, token_id,
};
pub use base32::{base32_len, fill_token_base32, fill_token_base32_crockford};
#[cfg(feature = "alloc")]
pub use base32::{token_base32, token_base32_crockford};
#[cfg(feature = "alloc")]
pub use base64::token_base64;
pub use base64::{base64_len, fill_token_base64};

#[cfg(feature = "alloc")]
pub use self::uuid::uuid4;
#[cfg(feature = "uuid")]
pub use self::uuid::uuid4_uuid;
pub use self::uuid::{MAX_UNIX_MS, UUID_LEN, UUID4_LEN, Uuid7, fill_uuid4, uuid4_bytes};
#[cfg(feature = "alloc")]
pub use bytes::token_bytes;
#[cfg(feature = "alloc")]
pub use hex::token_hex;
pub use hex::{fill_token_hex, hex_len};
#[cfg(feature = "alloc")]
pub use urlsafe::token_urlsafe;
pub use urlsafe::{fill_token_urlsafe, urlsafe_len};

use rsecrets_core::Error;

/// The size in bytes of a token when none is given (`None`): 32 bytes, 256 bits, as
/// in Python's `secrets`.
///
/// ```
/// use rsecrets_token::{DEFAULT_ENTROPY, hex_len};
///
/// assert_eq!(hex_len(None), hex_len(DEFAULT_ENTROPY));
/// ```
pub const DEFAULT_ENTROPY: usize = 32;

/// The largest token size accepted, in bytes: 16 MiB. Larger sizes give
/// [`Error::TooLarge`] before anything is allocated or drawn, so a size taken from
/// untrusted input cannot exhaust memory.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_core::Error;
/// use rsecrets_token::{MAX_TOKEN_BYTES, fill_token_hex, hex_len};
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let mut out = [0u8; 64];
/// assert_eq!(
///     fill_token_hex(&mut rng, MAX_TOKEN_BYTES + 1, &mut out),
///     Err(Error::TooLarge { requested: MAX_TOKEN_BYTES + 1, max: MAX_TOKEN_BYTES }),
/// );
/// assert_eq!(hex_len(MAX_TOKEN_BYTES + 1), None);
/// ```
pub const MAX_TOKEN_BYTES: usize = 1 << 24;

/// Resolves `None` to [`DEFAULT_ENTROPY`] and refuses sizes above
/// [`MAX_TOKEN_BYTES`].
fn checked_nbytes<E>(nbytes: impl Into<Option<usize>>) -> Result<usize, Error<E>> {
    match nbytes.into().unwrap_or(DEFAULT_ENTROPY) {
        n if n > MAX_TOKEN_BYTES => Err(Error::TooLarge {
            requested: n,
            max: MAX_TOKEN_BYTES,
        }),
        n => Ok(n),
    }
}
