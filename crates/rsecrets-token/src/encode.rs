//! The one encoding path: random bytes drawn a chunk at a time into a wiped [`Pool`],
//! each chunk encoded by `base16ct` or `base64ct` straight into the output.

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

/// Draws `nbytes` random bytes a chunk at a time into a wiped [`Pool`] and hands
/// each chunk to `each`, with the rest of the pool as room for its text.
fn chunks<R: TryRng + ?Sized>(
    rng: &mut R,
    nbytes: usize,
    mut each: impl FnMut(&[u8], &mut [u8]),
) -> Result<(), R::Error> {
    let mut pool = Pool::<[u8; 3 * CHUNK]>::default();
    for start in (0..nbytes).step_by(CHUNK) {
        let len = CHUNK.min(nbytes - start);
        pool.refill(|buf| {
            let (bytes, room) = buf.split_at_mut(CHUNK);
            rng.try_fill_bytes(&mut bytes[..len])?;
            each(&bytes[..len], room);
            Ok(())
        })?;
    }
    Ok(())
}

/// A token of `nbytes` random bytes in `encoding`, in a string allocated once at its
/// final size (no reallocation leaves a copy behind) and wiped when dropped. Each
/// chunk's text is encoded in the wiped pool and pushed as the encoder's own `&str`,
/// so the text is never checked (which would read it) as UTF-8.
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
    chunks(rng, nbytes, |src, room| {
        text.push_str(encoding.encode(src, &mut room[..encoding.len(src.len())]));
    })
    .map_err(Error::Rng)?;
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
    let written = chunks(rng, nbytes, |src, _| {
        let len = encoding.len(src.len());
        encoding.encode(src, &mut out[at..at + len]);
        at += len;
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
