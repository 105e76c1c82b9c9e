//! Lowercase hexadecimal tokens (`token_hex`).

use rand_core::{TryCryptoRng, TryRng};
use rsecrets_core::Error;
use zeroize::Zeroize;

use crate::scratch::{PIECE_LEN, SCRATCH_LEN, Scratch, Stage, ascii_str, draw_chunks, into_slice};
use crate::{MAX_TOKEN_BYTES, checked_nbytes};

/// The length in characters of [`token_hex`]`(nbytes)`: `2 * nbytes`.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY). Returns `None` when
/// `nbytes` is above [`MAX_TOKEN_BYTES`], which every token function refuses, so a
/// buffer of the returned length is always large enough for [`fill_token_hex`].
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
    checked_nbytes::<()>(nbytes).ok()?.checked_mul(2)
}

/// Writes a random token of `nbytes` bytes, as lowercase hexadecimal, into the start
/// of `out`, and returns it: Python's `secrets.token_hex`, without allocating.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY). The token takes
/// [`hex_len`]`(nbytes)` bytes of `out`; the rest is left untouched. The random bytes
/// pass through a stack buffer that is wiped before returning, and the encoder is
/// `base16ct`'s, which is constant-time (no table indexed by secret bytes).
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
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`] (`max` is that
///   limit), or if the token does not fit in `out` (`max` is then the largest
///   `nbytes` that fits, `out.len() / 2`).
/// - [`Error::Rng`] if the generator fails; the part of `out` already written is
///   wiped.
pub fn fill_token_hex<'a, R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
    out: &'a mut [u8],
) -> Result<&'a str, Error<R::Error>> {
    let nbytes = checked_nbytes(nbytes)?;
    let fits = (out.len() / 2).min(MAX_TOKEN_BYTES);
    let Some(out) = out.get_mut(..nbytes * 2) else {
        return Err(Error::TooLarge {
            requested: nbytes,
            max: fits,
        });
    };
    if nbytes <= SCRATCH_LEN {
        // One chunk (every usual token): the encoder hands back its own `&str`, so
        // the output needs no second pass to prove it is ASCII.
        let mut scratch = Scratch::<SCRATCH_LEN>::new();
        let src = scratch.draw(rng, nbytes).map_err(Error::Rng)?;
        return Ok(hex(src, out));
    }
    let written = write_hex(rng, nbytes, &mut into_slice(out));
    match written {
        Ok(()) => Ok(ascii_str(out)),
        Err(err) => {
            out.zeroize();
            Err(Error::Rng(err))
        }
    }
}

/// Puts the hex of `nbytes` random bytes to `put`: in one piece for tokens of up to
/// 32 bytes, a chunk at a time above.
fn write_hex<R: TryRng + ?Sized>(
    rng: &mut R,
    nbytes: usize,
    put: &mut impl FnMut(&str),
) -> Result<(), R::Error> {
    if nbytes <= PIECE_LEN / 2 {
        // One piece (the default size included): two small wiped buffers, no loops.
        let mut bytes = Stage::<{ PIECE_LEN / 2 }>::new();
        let mut text = Stage::<PIECE_LEN>::new();
        let src = bytes.first(nbytes);
        if nbytes > 0 {
            rng.try_fill_bytes(src)?;
        }
        put(text.encode(src, 2 * nbytes, hex));
        return Ok(());
    }
    draw_chunks(rng, nbytes, |bytes, len, stage| {
        for piece in bytes[..len].chunks(PIECE_LEN / 2) {
            put(stage.encode(piece, 2 * piece.len(), hex));
        }
    })
}

/// The lowercase hex of `src` in `dst` (exactly twice as long), in constant time.
#[inline]
pub(crate) fn hex<'a>(src: &[u8], dst: &'a mut [u8]) -> &'a str {
    match base16ct::lower::encode_str(src, dst) {
        Ok(text) => text,
        Err(_) => unreachable!("`dst` is exactly twice as long as `src`"),
    }
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
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`]; nothing is
///   allocated.
/// - [`Error::Rng`] if the generator fails.
#[cfg(feature = "alloc")]
pub fn token_hex<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<R::Error>> {
    let nbytes = checked_nbytes(nbytes)?;
    let mut text = crate::scratch::new_text(2 * nbytes);
    // On an error the partial text is wiped when `text` is dropped.
    write_hex(rng, nbytes, &mut |piece| text.push_str(piece)).map_err(Error::Rng)?;
    debug_assert_eq!(text.len(), text.capacity(), "no reallocation");
    Ok(text)
}
