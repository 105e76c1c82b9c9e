//! Base32 tokens: RFC 4648 (`token_base32`, what authenticator apps take for TOTP
//! secrets) and Crockford's (`token_base32_crockford`).

use rand_core::TryCryptoRng;
use rsecrets_core::Error;

use crate::checked_nbytes;
use crate::encode::Encoding;

/// The length in characters of [`token_base32`]`(nbytes)` and
/// [`token_base32_crockford`]`(nbytes)`: `ceil(8 * nbytes / 5)` (no padding).
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY). Returns `None` when
/// `nbytes` is above [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES), which every token
/// function refuses, so a buffer of the returned length is always large enough.
///
/// ```
/// use rsecrets_token::base32_len;
///
/// assert_eq!(base32_len(20), Some(32));
/// assert_eq!(base32_len(None), Some(52));
/// assert_eq!(base32_len(usize::MAX), None);
/// ```
#[must_use]
pub fn base32_len(nbytes: impl Into<Option<usize>>) -> Option<usize> {
    checked_nbytes::<()>(nbytes)
        .ok()
        .map(|n| Encoding::Base32.len(n))
}

/// Writes a random token of `nbytes` bytes, as RFC 4648 base32 (upper case
/// `A-Z 2-7`, no padding), into the start of `out`, and returns it.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY). The token takes
/// [`base32_len`]`(nbytes)` bytes of `out`; the rest is left untouched. The encoder is
/// `base32ct`'s, which is constant-time (no table indexed by secret bytes); the
/// random bytes pass through a stack buffer that is wiped before returning.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::fill_token_base32;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let mut line = [0u8; 32];
/// let secret = fill_token_base32(&mut rng, 20, &mut line)?; // a 160-bit TOTP secret
/// assert_eq!(secret.len(), 32);
/// assert!(secret.bytes().all(|c| matches!(c, b'A'..=b'Z' | b'2'..=b'7')));
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES).
/// - [`Error::BufferTooSmall`] if the token does not fit in `out`; nothing is written.
/// - [`Error::Rng`] if the generator fails; the part of `out` already written is
///   wiped.
pub fn fill_token_base32<'a, R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
    out: &'a mut [u8],
) -> Result<&'a str, Error<R::Error>> {
    Encoding::Base32.fill_token(rng, nbytes, out)
}

/// Writes a random token of `nbytes` bytes, as Crockford's base32 (upper case
/// `0-9 A-Z` without `I L O U`, no padding, no check symbol), into the start of `out`,
/// and returns it.
///
/// As [`fill_token_base32`], with Crockford's alphabet, which a person can read
/// aloud and type without confusing `0`/`O` or `1`/`I`/`L`. The encoder is this
/// crate's own, written branch-free in `base32ct`'s style: each character is
/// computed from its 5 bits by arithmetic, never looked up in a table.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::fill_token_base32_crockford;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let mut line = [0u8; 26];
/// let code = fill_token_base32_crockford(&mut rng, 16, &mut line)?;
/// assert_eq!(code.len(), 26);
/// assert!(!code.contains(['I', 'L', 'O', 'U']));
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// As [`fill_token_base32`].
pub fn fill_token_base32_crockford<'a, R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
    out: &'a mut [u8],
) -> Result<&'a str, Error<R::Error>> {
    Encoding::Crockford.fill_token(rng, nbytes, out)
}

/// A random token of `nbytes` bytes as RFC 4648 base32, upper case, without padding
/// (`ceil(8 * nbytes / 5)` characters of `A-Z 2-7`): the form authenticator apps
/// take for TOTP secrets (RFC 6238 suggests 20 bytes for HMAC-SHA1).
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY) (32 bytes, 52
/// characters). The string is allocated once at its final size and wiped when
/// dropped; the encoder (`base32ct`) is constant-time.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::token_base32;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// assert_eq!(token_base32(&mut rng, 20)?.len(), 32);
/// assert_eq!(token_base32(&mut rng, None)?.len(), 52);
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES);
///   nothing is allocated.
/// - [`Error::Rng`] if the generator fails.
#[cfg(feature = "alloc")]
pub fn token_base32<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<R::Error>> {
    Encoding::Base32.token(rng, nbytes)
}

/// A random token of `nbytes` bytes as Crockford's base32, upper case, without
/// padding or check symbol (`ceil(8 * nbytes / 5)` characters of
/// `0123456789ABCDEFGHJKMNPQRSTVWXYZ`).
///
/// As [`token_base32`] with Crockford's alphabet; see [`fill_token_base32_crockford`]
/// for the encoder, which is constant-time.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::token_base32_crockford;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let code = token_base32_crockford(&mut rng, 5)?;
/// assert_eq!(code.len(), 8);
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// As [`token_base32`].
#[cfg(feature = "alloc")]
pub fn token_base32_crockford<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<R::Error>> {
    Encoding::Crockford.token(rng, nbytes)
}
