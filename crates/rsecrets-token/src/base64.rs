//! Standard base64 tokens with padding (`token_base64`), as `openssl rand -base64`
//! prints them, on one line.

use rand_core::TryCryptoRng;
use rsecrets_core::Error;

use crate::checked_nbytes;
use crate::encode::Encoding;

/// The length in characters of [`token_base64`]`(nbytes)`: `4 * ceil(nbytes / 3)`
/// (padded with `=` to a whole group).
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY). Returns `None` when
/// `nbytes` is above [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES), which every token
/// function refuses, so a buffer of the returned length is always large enough.
///
/// ```
/// use rsecrets_token::base64_len;
///
/// assert_eq!(base64_len(16), Some(24));
/// assert_eq!(base64_len(None), Some(44));
/// assert_eq!(base64_len(usize::MAX), None);
/// ```
#[must_use]
pub fn base64_len(nbytes: impl Into<Option<usize>>) -> Option<usize> {
    checked_nbytes::<()>(nbytes)
        .ok()
        .map(|n| Encoding::Base64.len(n))
}

/// Writes a random token of `nbytes` bytes, as standard base64 with padding
/// (`A-Z a-z 0-9 + /`, then `=` to a whole group of 4), into the start of `out`, and
/// returns it.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY). The token takes
/// [`base64_len`]`(nbytes)` bytes of `out`; the rest is left untouched. The encoder is
/// `base64ct`'s, which is constant-time (no table indexed by secret bytes); the
/// random bytes pass through a stack buffer that is wiped before returning.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::fill_token_base64;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let mut line = [0u8; 44];
/// let token = fill_token_base64(&mut rng, 32, &mut line)?;
/// assert_eq!(token.len(), 44);
/// assert!(token.ends_with('='));
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES).
/// - [`Error::BufferTooSmall`] if the token does not fit in `out`; nothing is written.
/// - [`Error::Rng`] if the generator fails; the part of `out` already written is
///   wiped.
pub fn fill_token_base64<'a, R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
    out: &'a mut [u8],
) -> Result<&'a str, Error<R::Error>> {
    Encoding::Base64.fill_token(rng, nbytes, out)
}

/// A random token of `nbytes` bytes as standard base64 with padding, on one line
/// (`4 * ceil(nbytes / 3)` characters of `A-Z a-z 0-9 + / =`): what
/// `openssl rand -base64` prints, without its line breaks.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY) (32 bytes, 44
/// characters). The string is allocated once at its final size and wiped when
/// dropped; the encoder (`base64ct`) is constant-time.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::token_base64;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// assert_eq!(token_base64(&mut rng, 16)?.len(), 24);
/// assert_eq!(token_base64(&mut rng, None)?.len(), 44);
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES);
///   nothing is allocated.
/// - [`Error::Rng`] if the generator fails.
#[cfg(feature = "alloc")]
pub fn token_base64<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<R::Error>> {
    Encoding::Base64.token(rng, nbytes)
}
