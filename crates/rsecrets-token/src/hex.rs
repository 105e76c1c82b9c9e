//! Lowercase hexadecimal tokens (`token_hex`).

use rand_core::TryCryptoRng;
use rsecrets_core::Error;

use crate::checked_nbytes;
use crate::encode::Encoding;

/// The length in characters of [`token_hex`]`(nbytes)`: `2 * nbytes`.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY). Returns `None` when
/// `nbytes` is above [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES), which every token
/// function refuses, so a buffer of the returned length is always large enough for
/// [`fill_token_hex`].
///
/// ```
/// use rsecrets_token::hex_len;
///
/// assert_eq!(hex_len(16), Some(32));
/// assert_eq!(hex_len(None), Some(64));
/// assert_eq!(hex_len(usize::MAX), None);
/// ```
#[must_use]
pub fn hex_len(nbytes: impl Into<Option<usize>>) -> Option<usize> {
    checked_nbytes::<()>(nbytes)
        .ok()
        .map(|n| Encoding::Hex.len(n))
}

/// Writes a random token of `nbytes` bytes, as lowercase hexadecimal, into the start
/// of `out`, and returns it: Python's `secrets.token_hex`, without allocating.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY). The token takes
/// [`hex_len`]`(nbytes)` bytes of `out`; the rest is left untouched. The random bytes
/// pass through a stack buffer that is wiped before returning, and the encoder is
/// `base16ct`'s, which is constant-time (no table indexed by secret bytes). The
/// returned `&str` comes from a UTF-8 check of the written text made after
/// clearing bit 7 of every byte (which changes nothing in this ASCII text), so the
/// check takes the same path for every token.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::fill_token_hex;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let mut line = [0u8; 64];
/// let token = fill_token_hex(&mut rng, 16, &mut line)?;
/// assert_eq!(token.len(), 32);
/// assert!(token.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')));
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES).
/// - [`Error::BufferTooSmall`] if the token does not fit in `out`; nothing is written.
/// - [`Error::Rng`] if the generator fails; the part of `out` already written is
///   wiped.
pub fn fill_token_hex<'a, R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
    out: &'a mut [u8],
) -> Result<&'a str, Error<R::Error>> {
    Encoding::Hex.fill_token(rng, nbytes, out)
}

/// A random token of `nbytes` bytes as lowercase hexadecimal (`2 * nbytes`
/// characters): Python's `secrets.token_hex`.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY) (32 bytes, 64
/// characters). The string is allocated once at its final size and wiped when
/// dropped; the encoder is constant-time.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::token_hex;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// assert_eq!(token_hex(&mut rng, 16)?.len(), 32);
/// assert_eq!(token_hex(&mut rng, None)?.len(), 64);
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES);
///   nothing is allocated.
/// - [`Error::Rng`] if the generator fails.
#[cfg(feature = "alloc")]
pub fn token_hex<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<R::Error>> {
    Encoding::Hex.token(rng, nbytes)
}
