//! The one encoding path: random bytes drawn a chunk at a time into a wiped [`Pool`],
//! each chunk encoded by `base16ct`, `base32ct`, `base64ct` or our Crockford encoder
//! in the same pool and handed, as the encoder's own `&str`, to the output: a string
//! or the caller's buffer.

use base32ct::{Base32UpperUnpadded, Encoding as _};
use base64ct::{Base64, Base64UrlUnpadded, Encoding as _};
use rand_core::{TryCryptoRng, TryRng};
use rsecrets_core::{Error, Pool};

use crate::checked_nbytes;
use zeroize::Zeroize as _;

/// Bytes drawn per generator call. A multiple of 3, so base64 chunks join without
/// padding (or, padded, with `=` only at the end), and of 4, so a word-based
/// generator (ChaCha) yields the same stream as one big call and `token_hex(n)`
/// encodes exactly the bytes `token_bytes(n)` gives.
pub(crate) const CHUNK: usize = 48;
const _: () = assert!(CHUNK % 12 == 0); // not a random word: a length

/// Bytes drawn per generator call for base32: a multiple of 5 (one group of 8
/// characters), so chunks join without a partial group, and of 4, as [`CHUNK`].
pub(crate) const CHUNK32: usize = 40;
const _: () = assert!(CHUNK32 % 20 == 0); // not a random word: a length

/// The pool behind [`Encoding::put`]: a chunk and room for its text.
pub(crate) const POOL: usize = 3 * CHUNK;
const _: () = assert!(CHUNK + 2 * CHUNK <= POOL && CHUNK32 + CHUNK32 * 8 / 5 <= POOL);

/// A text encoding of random bytes, in constant time (no table indexed by a byte).
#[derive(Clone, Copy)]
pub(crate) enum Encoding {
    /// Lowercase hexadecimal (`base16ct`).
    Hex,
    /// URL-safe base64 without padding (`base64ct`).
    Urlsafe,
    /// Standard base64 with `=` padding (`base64ct`).
    Base64,
    /// RFC 4648 base32, upper case, without padding (`base32ct`).
    Base32,
    /// Crockford's base32, upper case, without padding ([`crockford`]).
    Crockford,
}

impl Encoding {
    /// The length of the text of `nbytes` bytes (at most `MAX_TOKEN_BYTES`).
    pub(crate) const fn len(self, nbytes: usize) -> usize {
        match self {
            Encoding::Hex => 2 * nbytes,
            Encoding::Urlsafe => (4 * nbytes).div_ceil(3),
            Encoding::Base64 => 4 * nbytes.div_ceil(3),
            Encoding::Base32 | Encoding::Crockford => (8 * nbytes).div_ceil(5),
        }
    }

    /// The bytes drawn and encoded at a time: a whole number of the encoding's groups.
    const fn chunk(self) -> usize {
        match self {
            Encoding::Hex | Encoding::Urlsafe | Encoding::Base64 => CHUNK,
            Encoding::Base32 | Encoding::Crockford => CHUNK32,
        }
    }

    /// The text of `src` in the start of `room`.
    #[inline]
    pub(crate) fn encode<'a>(self, src: &[u8], room: &'a mut [u8]) -> &'a str {
        let room = &mut room[..self.len(src.len())];
        let text = match self {
            Encoding::Hex => base16ct::lower::encode_str(src, room).ok(),
            Encoding::Urlsafe => Base64UrlUnpadded::encode(src, room).ok(),
            Encoding::Base64 => Base64::encode(src, room).ok(),
            Encoding::Base32 => Base32UpperUnpadded::encode(src, room).ok(),
            Encoding::Crockford => Some(crockford::encode(src, room)),
        };
        text.unwrap_or_else(|| unreachable!("`room` is sized by `len`"))
    }

    /// A token of `nbytes` random bytes (`None`: the default) in the start of `out`:
    /// every `fill_token_*` function.
    pub(crate) fn fill_token<'a, R: TryCryptoRng + ?Sized>(
        self,
        rng: &mut R,
        nbytes: impl Into<Option<usize>>,
        out: &'a mut [u8],
    ) -> Result<&'a str, Error<R::Error>> {
        let nbytes = checked_nbytes(nbytes)?;
        fill(out, self.len(nbytes), |put| self.put(rng, nbytes, put))
    }

    /// A token of `nbytes` random bytes (`None`: the default) as a new string: every
    /// `token_*` function that returns text.
    #[cfg(feature = "alloc")]
    pub(crate) fn token<R: TryCryptoRng + ?Sized>(
        self,
        rng: &mut R,
        nbytes: impl Into<Option<usize>>,
    ) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<R::Error>> {
        let nbytes = checked_nbytes(nbytes)?;
        text(self.len(nbytes), |put| self.put(rng, nbytes, put))
    }

    /// Puts the text of `nbytes` random bytes into `out`, piece by piece.
    pub(crate) fn put<R: TryRng + ?Sized>(
        self,
        rng: &mut R,
        nbytes: usize,
        out: &mut Sink<'_>,
    ) -> Result<(), R::Error> {
        chunks::<_, POOL>(rng, nbytes, self.chunk(), |bytes, room| {
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
    Ok(ascii_str(out))
}

/// `text`, written as ASCII by an encoder, as a `&str`, checked in constant time:
/// bit 7 of every byte is cleared first (changing nothing in ASCII text), so the
/// UTF-8 check takes the same path whatever the secret (see [`fill`]). The mask is
/// behind `black_box` so that the compiler, which may know the text is ASCII, keeps it.
pub(crate) fn ascii_str(text: &mut [u8]) -> &str {
    debug_assert!(text.is_ascii(), "the encoders write ASCII only");
    let ascii = core::hint::black_box(0x7f);
    for byte in text.iter_mut() {
        *byte &= ascii;
    }
    core::str::from_utf8(text).unwrap_or_else(|_| unreachable!("bit 7 of every byte is clear"))
}

/// Crockford's base32 (<https://www.crockford.com/base32.html>): the digits
/// `0123456789ABCDEFGHJKMNPQRSTVWXYZ` (no I, L, O, U), upper case, no padding, bits
/// taken most significant first as in RFC 4648.
///
/// No crate we know does it in constant time, so it is written here in the style of
/// `base32ct`: each 5-bit value becomes its character by arithmetic, with no table
/// indexed by it and no branch on it.
pub(crate) mod crockford {
    /// `(threshold, step)`: the character of `v` is `'0' + v` plus `step` for every
    /// threshold below `v`, which skips `:` to `@` (after `9`) and the letters I, L,
    /// O and U.
    const STEPS: [(i16, i16); 5] = [(9, 7), (17, 1), (19, 1), (21, 1), (26, 1)];

    /// The character of a 5-bit value, without a branch or a table lookup on it:
    /// `(threshold - v) >> 8` is all ones exactly when `v > threshold` (an
    /// arithmetic shift of a negative `i16`), else zero.
    #[inline]
    pub(crate) fn char_of(v: u8) -> u8 {
        let v = i16::from(v & 31);
        let mut c = v + i16::from(b'0');
        for (threshold, step) in STEPS {
            c += ((threshold - v) >> 8) & step;
        }
        // `c` is at most b'Z' (90): no truncation.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let c = c as u8;
        c
    }

    /// The Crockford base32 text of `src`, in the start of `dst` (which holds at
    /// least `ceil(8 * src.len() / 5)` bytes).
    pub(crate) fn encode<'a>(src: &[u8], dst: &'a mut [u8]) -> &'a str {
        let dst = &mut dst[..(8 * src.len()).div_ceil(5)];
        for (i, out) in dst.iter_mut().enumerate() {
            // Character `i` is bits `5i .. 5i + 5` of `src`, read through the
            // big-endian 16-bit window of the byte that holds bit `5i` and the next
            // (zero past the end). The positions are public; only values are secret.
            let bit = 5 * i;
            let at = bit / 8;
            let next = src.get(at + 1).copied().unwrap_or(0);
            let window = u16::from(src[at]) << 8 | u16::from(next);
            // Truncation to the low 5 bits is the point.
            #[allow(clippy::cast_possible_truncation)]
            let v = (window >> (11 - bit % 8)) as u8; // not a random word: a bit position
            *out = char_of(v);
        }
        super::ascii_str(dst)
    }
}
