//! URL-safe base64 tokens (`token_urlsafe`).

use base64ct::{Base64UrlUnpadded, Encoding};
use rand_core::{TryCryptoRng, TryRng};
use rsecrets_core::Error;
use zeroize::Zeroize;

use crate::scratch::{PIECE_LEN, ascii_str, draw_chunks, into_slice};
use crate::{MAX_TOKEN_BYTES, checked_nbytes};

/// The length in characters of [`token_urlsafe`]`(nbytes)`: `ceil(4 * nbytes / 3)`
/// (unpadded base64).
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY). Returns `None` when
/// `nbytes` is above [`MAX_TOKEN_BYTES`], which every token function refuses, so a
/// buffer of the returned length is always large enough for [`fill_token_urlsafe`].
///
/// ```
/// use rsecrets_token::urlsafe_len;
///
/// assert_eq!(urlsafe_len(16), Some(22));
/// assert_eq!(urlsafe_len(None), Some(43));
/// assert_eq!(urlsafe_len(usize::MAX), None);
/// ```
#[must_use]
pub fn urlsafe_len(nbytes: impl Into<Option<usize>>) -> Option<usize> {
    let nbytes = checked_nbytes::<()>(nbytes).ok()?;
    let tail = nbytes % 3; // not a random word: a length
    (nbytes / 3)
        .checked_mul(4)?
        .checked_add(tail + usize::from(tail != 0))
}

/// The largest `nbytes` whose URL-safe token fits in `len` characters.
fn urlsafe_fits(len: usize) -> usize {
    // floor(3 * len / 4), without overflowing for any `len`.
    (len / 4 * 3 + len % 4 * 3 / 4).min(MAX_TOKEN_BYTES) // not a random word: a length
}

/// Writes a random token of `nbytes` bytes, as URL-safe base64 without padding
/// (alphabet `A-Z a-z 0-9 - _`), into the start of `out`, and returns it: Python's
/// `secrets.token_urlsafe`, without allocating.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY). The token takes
/// [`urlsafe_len`]`(nbytes)` bytes of `out`; the rest is left untouched. The random
/// bytes pass through stack buffers that are wiped before returning, and the encoder
/// is `base64ct`'s, which is constant-time (no table indexed by secret bytes).
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::{fill_token_urlsafe, urlsafe_len};
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let mut line = [0u8; 64];
/// let token = fill_token_urlsafe(&mut rng, 32, &mut line)?;
/// assert_eq!(Some(token.len()), urlsafe_len(32));
/// assert!(token.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`] (`max` is that
///   limit), or if the token does not fit in `out` (`max` is then the largest
///   `nbytes` that fits, `floor(3 * out.len() / 4)`).
/// - [`Error::Rng`] if the generator fails; the part of `out` already written is
///   wiped.
pub fn fill_token_urlsafe<'a, R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
    out: &'a mut [u8],
) -> Result<&'a str, Error<R::Error>> {
    let nbytes = checked_nbytes(nbytes)?;
    let fits = urlsafe_fits(out.len());
    let Some(out) = urlsafe_len(nbytes).and_then(|len| out.get_mut(..len)) else {
        return Err(Error::TooLarge {
            requested: nbytes,
            max: fits,
        });
    };
    let written = write_urlsafe(rng, nbytes, &mut into_slice(out));
    match written {
        Ok(()) => Ok(ascii_str(out)),
        Err(err) => {
            out.zeroize();
            Err(Error::Rng(err))
        }
    }
}

/// Puts the unpadded base64url of `nbytes` random bytes to `put`, a chunk at a time.
fn write_urlsafe<R: TryRng + ?Sized>(
    rng: &mut R,
    nbytes: usize,
    put: &mut impl FnMut(&str),
) -> Result<(), R::Error> {
    draw_chunks(rng, nbytes, |groups, len, stage| {
        // The encoder sees whole 3-byte groups only: a partial last group (only the
        // last chunk can have one, chunks being multiples of 3 bytes) comes completed
        // with zero bytes. With zero padding bits, the first `tail + 1` characters of
        // that group's encoding are those of the unpadded encoding of its `tail`
        // bytes; the rest is dropped.
        let tail = len % 3; // not a random word: a length
        let mut chars = len / 3 * 4 + if tail == 0 { 0 } else { tail + 1 };
        for piece in groups.chunks(PIECE_LEN / 4 * 3) {
            let text = stage.encode(piece, piece.len() / 3 * 4, base64url);
            let keep = chars.min(text.len());
            put(&text[..keep]);
            chars -= keep;
        }
    })
}

/// The unpadded base64url of `src` (whole 3-byte groups) in `dst`, in constant time.
#[inline]
fn base64url<'a>(src: &[u8], dst: &'a mut [u8]) -> &'a str {
    match Base64UrlUnpadded::encode(src, dst) {
        Ok(text) => text,
        Err(_) => unreachable!("`dst` holds 4 characters per 3 bytes"),
    }
}

/// A random token of `nbytes` bytes as URL-safe base64 without padding
/// (`ceil(4 * nbytes / 3)` characters of `A-Z a-z 0-9 - _`): Python's
/// `secrets.token_urlsafe`.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY) (32 bytes, 43
/// characters). The string is allocated once at its final size and wiped when
/// dropped; the encoder is constant-time.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::token_urlsafe;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// assert_eq!(token_urlsafe(&mut rng, 16)?.len(), 22);
/// assert_eq!(token_urlsafe(&mut rng, None)?.len(), 43);
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`]; nothing is
///   allocated.
/// - [`Error::Rng`] if the generator fails.
#[cfg(feature = "alloc")]
pub fn token_urlsafe<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<R::Error>> {
    let nbytes = checked_nbytes(nbytes)?;
    let len = urlsafe_len(nbytes).ok_or(Error::TooLarge {
        requested: nbytes,
        max: MAX_TOKEN_BYTES,
    })?;
    let mut text = crate::scratch::new_text(len);
    // On an error the partial text is wiped when `text` is dropped.
    write_urlsafe(rng, nbytes, &mut |piece| text.push_str(piece)).map_err(Error::Rng)?;
    debug_assert_eq!(text.len(), text.capacity(), "no reallocation");
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlsafe_fits_is_the_largest_size_that_fits() {
        for len in 0..200 {
            let fits = urlsafe_fits(len);
            assert!(urlsafe_len(fits).is_some_and(|l| l <= len), "{len}");
            assert!(urlsafe_len(fits + 1).is_some_and(|l| l > len), "{len}");
        }
        assert_eq!(urlsafe_fits(usize::MAX), MAX_TOKEN_BYTES);
    }
}
