//! The one encoding path: random bytes drawn a chunk at a time into a wiped [`Pool`],
//! each chunk encoded by `base16ct` or `base64ct` straight to the output.

use core::convert::Infallible;

use base64ct::{Base64UrlUnpadded, Encoding as _};
use rand_core::TryRng;
use rsecrets_core::{Error, Pool};
use zeroize::Zeroize as _;

#[cfg(doc)]
use crate::MAX_TOKEN_BYTES;
use crate::checked_nbytes;

/// Bytes drawn per generator call. A multiple of 3, so base64 chunks join without
/// padding, and of 4, so a word-based generator (ChaCha) yields the same stream as
/// one big call and `token_hex(n)` encodes exactly the bytes `token_bytes(n)` gives.
pub(crate) const CHUNK: usize = 48;
const _: () = assert!(CHUNK % 12 == 0); // not a random word: a length

/// A text encoding of random bytes, in constant time (no table indexed by a byte).
#[derive(Clone, Copy)]
pub(crate) enum Encoding {
    /// Lowercase hexadecimal (`base16ct`).
    Hex,
    /// URL-safe base64 without padding (`base64ct`).
    Urlsafe,
}

impl Encoding {
    /// The length of the text of `nbytes` bytes (at most [`MAX_TOKEN_BYTES`]).
    pub(crate) const fn len(self, nbytes: usize) -> usize {
        match self {
            Encoding::Hex => 2 * nbytes,
            Encoding::Urlsafe => (4 * nbytes).div_ceil(3),
        }
    }

    /// The text of `src` in `dst`, which is exactly [`len`](Self::len) long.
    fn encode<'a>(self, src: &[u8], dst: &'a mut [u8]) -> &'a str {
        let text = match self {
            Encoding::Hex => base16ct::lower::encode_str(src, dst).ok(),
            Encoding::Urlsafe => Base64UrlUnpadded::encode(src, dst).ok(),
        };
        text.unwrap_or_else(|| unreachable!("`dst` is sized by `len`"))
    }
}

/// Draws `nbytes` random bytes a chunk at a time into a wiped [`Pool`] and passes the
/// text of each chunk to `put`, through a wiped stage: the pieces make the token.
pub(crate) fn put_encoded<R: TryRng + ?Sized>(
    rng: &mut R,
    encoding: Encoding,
    nbytes: usize,
    mut put: impl FnMut(&str),
) -> Result<(), R::Error> {
    let mut bytes = Pool::new([0u8; CHUNK]);
    let mut stage = Pool::new([0u8; 2 * CHUNK]);
    for start in (0..nbytes).step_by(CHUNK) {
        let len = CHUNK.min(nbytes - start);
        bytes.refill(|b| rng.try_fill_bytes(&mut b[..len]))?;
        let src = &bytes.unserved()[..len];
        let Ok(()) = stage.refill(|text| {
            put(encoding.encode(src, &mut text[..encoding.len(len)]));
            Ok::<(), Infallible>(())
        });
    }
    Ok(())
}

/// A token of `nbytes` random bytes in `encoding`, in a string allocated once at its
/// final size (no reallocation leaves a copy behind) and wiped when dropped.
#[cfg(feature = "alloc")]
pub(crate) fn encoded<R: TryRng + ?Sized>(
    rng: &mut R,
    encoding: Encoding,
    nbytes: impl Into<Option<usize>>,
) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<R::Error>> {
    let nbytes = checked_nbytes(nbytes)?;
    let capacity = encoding.len(nbytes);
    let mut text = zeroize::Zeroizing::new(alloc::string::String::with_capacity(capacity));
    // On an error the partial text is wiped when `text` is dropped.
    put_encoded(rng, encoding, nbytes, |piece| text.push_str(piece)).map_err(Error::Rng)?;
    Ok(text)
}

/// Writes a token of `nbytes` random bytes in `encoding` into the start of `out`.
pub(crate) fn fill_encoded<'a, R: TryRng + ?Sized>(
    rng: &mut R,
    encoding: Encoding,
    nbytes: impl Into<Option<usize>>,
    out: &'a mut [u8],
) -> Result<&'a str, Error<R::Error>> {
    let nbytes = checked_nbytes(nbytes)?;
    let out = checked_out(out, encoding.len(nbytes))?;
    let mut at = 0;
    let written = put_encoded(rng, encoding, nbytes, |piece| {
        out[at..at + piece.len()].copy_from_slice(piece.as_bytes());
        at += piece.len();
    });
    ascii(out, written)
}

/// The first `len` bytes of `out`, or [`Error::BufferTooSmall`].
pub(crate) fn checked_out<E>(out: &mut [u8], len: usize) -> Result<&mut [u8], Error<E>> {
    let available = out.len();
    out.get_mut(..len).ok_or(Error::BufferTooSmall {
        needed: len,
        len: available,
    })
}

/// `out` (all written by the encoders) as text, or, if the writing failed, `out`
/// wiped and the error.
///
/// The text is checked as UTF-8, which reads each character; it is always ASCII, so
/// the check takes the same path for every token. (The owned forms need no check:
/// they push the encoders' own `&str` pieces.)
pub(crate) fn ascii<E>(out: &mut [u8], written: Result<(), E>) -> Result<&str, Error<E>> {
    if let Err(e) = written {
        out.zeroize();
        return Err(Error::Rng(e));
    }
    core::str::from_utf8(out).map_err(|_| unreachable!("the encoders write ASCII only"))
}
