//! The one encoding path: random bytes drawn a chunk at a time into a wiped [`Pool`],
//! each chunk encoded by `base16ct` or `base64ct` in the same pool and handed, as
//! the encoder's own `&str`, to the output: a string or the caller's buffer.

use base64ct::{Base64UrlUnpadded, Encoding as _};
use rand_core::TryRng;
use rsecrets_core::{Error, Pool};
use zeroize::Zeroize as _;

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
    /// The length of the text of `nbytes` bytes (at most `MAX_TOKEN_BYTES`).
    pub(crate) const fn len(self, nbytes: usize) -> usize {
        match self {
            Encoding::Hex => 2 * nbytes,
            Encoding::Urlsafe => (4 * nbytes).div_ceil(3),
        }
    }

    /// The text of `src` in the start of `room`.
    #[inline]
    pub(crate) fn encode<'a>(self, src: &[u8], room: &'a mut [u8]) -> &'a str {
        let room = &mut room[..self.len(src.len())];
        let text = match self {
            Encoding::Hex => base16ct::lower::encode_str(src, room).ok(),
            Encoding::Urlsafe => Base64UrlUnpadded::encode(src, room).ok(),
        };
        text.unwrap_or_else(|| unreachable!("`room` is sized by `len`"))
    }

    /// Puts the text of `nbytes` random bytes into `out`, piece by piece.
    pub(crate) fn put<R: TryRng + ?Sized>(
        self,
        rng: &mut R,
        nbytes: usize,
        out: &mut Sink<'_>,
    ) -> Result<(), R::Error> {
        chunks::<_, { 3 * CHUNK }>(rng, nbytes, CHUNK, |bytes, room| {
            out.encode(self, bytes, room);
        })
    }
}

/// Draws `nbytes` random bytes `chunk` at a time into a wiped [`Pool`] of `N` bytes
/// and hands each chunk to `each`, with the rest of the pool as room for its text.
pub(crate) fn chunks<R: TryRng + ?Sized, const N: usize>(
    rng: &mut R,
    nbytes: usize,
    chunk: usize,
    mut each: impl FnMut(&mut [u8], &mut [u8]),
) -> Result<(), R::Error> {
    let mut pool = Pool::<[u8; N]>::default();
    for start in (0..nbytes).step_by(chunk) {
        let len = chunk.min(nbytes - start);
        pool.refill(|buf| {
            let (bytes, room) = buf.split_at_mut(chunk);
            rng.try_fill_bytes(&mut bytes[..len])?;
            each(&mut bytes[..len], room);
            Ok(())
        })?;
    }
    Ok(())
}

/// Where text goes: a new string, or the caller's buffer.
pub(crate) enum Sink<'a> {
    /// Allocated at its final size.
    #[cfg(feature = "alloc")]
    Text(&'a mut alloc::string::String),
    /// Written from `at` on.
    Slice(&'a mut [u8], usize),
}

impl Sink<'_> {
    /// Appends the text of `src`: straight into a buffer, through `room` (wiped with
    /// the pool it belongs to) into a string.
    #[inline]
    #[cfg_attr(not(feature = "alloc"), allow(unused_variables))] // `room` serves strings
    pub(crate) fn encode(&mut self, encoding: Encoding, src: &[u8], room: &mut [u8]) {
        match self {
            #[cfg(feature = "alloc")]
            Sink::Text(text) => text.push_str(encoding.encode(src, room)),
            Sink::Slice(out, at) => *at += encoding.encode(src, &mut out[*at..]).len(),
        }
    }

    /// Appends a piece of text: the encoders' own `&str`, so it needs no check.
    #[inline]
    pub(crate) fn put(&mut self, piece: &str) {
        match self {
            #[cfg(feature = "alloc")]
            Sink::Text(text) => text.push_str(piece),
            Sink::Slice(out, at) => {
                out[*at..*at + piece.len()].copy_from_slice(piece.as_bytes());
                *at += piece.len();
            }
        }
    }
}

/// The text that `write` puts, in a string allocated once at its final size `len`
/// (no reallocation leaves a copy behind) and wiped when dropped; the pieces are
/// the encoders' own `&str`, so the text is never read again to check it.
#[cfg(feature = "alloc")]
pub(crate) fn text<E>(
    len: usize,
    write: impl FnOnce(&mut Sink<'_>) -> Result<(), E>,
) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<E>> {
    let mut text = zeroize::Zeroizing::new(alloc::string::String::with_capacity(len));
    // On an error the partial text is wiped when `text` is dropped.
    write(&mut Sink::Text(&mut text)).map_err(Error::Rng)?;
    Ok(text)
}

/// The text that `write` puts, in the start of `out` (`len` bytes); on an error
/// what was written is wiped.
///
/// The text is written piece by piece, so no encoder returned it whole as `&str`,
/// and making one needs a UTF-8 check (this crate has no `unsafe`). The check reads
/// each character and branches on it; on ASCII text its path depends on bit 7 of
/// each byte only (the table it reads for other bytes is never reached). Clearing
/// bit 7 of every byte first makes the text ASCII whatever the secret, so the check
/// takes the same path for every token, as valgrind's memcheck confirms in `cargo
/// xtask proof`. The encoders write ASCII only, so the bytes do not change; the mask is
/// behind `black_box` so that the compiler, which may know that too, keeps it.
pub(crate) fn fill<E>(
    out: &mut [u8],
    len: usize,
    write: impl FnOnce(&mut Sink<'_>) -> Result<(), E>,
) -> Result<&str, Error<E>> {
    let available = out.len();
    let out = out.get_mut(..len).ok_or(Error::BufferTooSmall {
        needed: len,
        len: available,
    })?;
    if let Err(e) = write(&mut Sink::Slice(out, 0)) {
        out.zeroize();
        return Err(Error::Rng(e));
    }
    debug_assert!(out.is_ascii(), "the encoders write ASCII only");
    let ascii = core::hint::black_box(0x7f);
    for byte in out.iter_mut() {
        *byte &= ascii;
    }
    core::str::from_utf8(out).map_err(|_| unreachable!("bit 7 of every byte is clear"))
}
