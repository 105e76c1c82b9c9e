//! The stack buffer that holds random bytes between the generator and the encoder.

use rand_core::TryRng;
use zeroize::Zeroize;

/// Bytes drawn per generator call. A multiple of 3, so base64 chunks join without
/// padding, and of 4, so a word-based generator (ChaCha) yields the same stream as
/// one big call and `token_hex(n)` encodes exactly the bytes `token_bytes(n)` gives.
pub(crate) const SCRATCH_LEN: usize = 192;
const _: () = assert!(SCRATCH_LEN % 12 == 0); // not a random word: a length

/// Tokens up to this many bytes (the default size included) go through a
/// [`Scratch`] of this size, cheaper to zero and to wipe than a full one.
pub(crate) const SMALL_LEN: usize = 48;
const _: () = assert!(SMALL_LEN % 12 == 0 && SCRATCH_LEN % SMALL_LEN == 0); // not a random word: lengths

/// A stack buffer for random bytes, wiped on drop (also on an early return or an
/// error): a small one whole (a few fixed stores), a full one as far as it was used.
pub(crate) struct Scratch<const N: usize> {
    bytes: [u8; N],
    used: usize,
}

impl<const N: usize> Scratch<N> {
    pub(crate) const fn new() -> Self {
        Self {
            bytes: [0; N],
            used: 0,
        }
    }

    /// Fills the first `len` bytes (`len <= N`) from `rng`.
    pub(crate) fn draw<R: TryRng + ?Sized>(
        &mut self,
        rng: &mut R,
        len: usize,
    ) -> Result<&mut [u8], R::Error> {
        self.used = self.used.max(len);
        let bytes = &mut self.bytes[..len];
        // An empty token draws nothing, so it cannot fail.
        if len > 0 {
            rng.try_fill_bytes(bytes)?;
        }
        Ok(bytes)
    }
}

impl<const N: usize> Drop for Scratch<N> {
    fn drop(&mut self) {
        if N <= SMALL_LEN {
            self.bytes.as_mut_slice().zeroize();
        } else {
            self.bytes[..self.used].zeroize();
        }
    }
}

/// Views bytes that an encoder wrote as text.
///
/// # Panics
///
/// Never in practice: the encoders write ASCII only. Checked anyway, because this
/// crate forbids `unsafe` and so cannot skip the check.
pub(crate) fn ascii_str(bytes: &[u8]) -> &str {
    match core::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => unreachable!("the encoders write ASCII only"),
    }
}

/// An encoder: writes the text of `src` into `dst`, whose length the caller has
/// sized exactly, and returns it. The `&str` comes from the encoder, so the text
/// needs no second pass to prove it is ASCII.
pub(crate) trait Encode: for<'a> Fn(&[u8], &'a mut [u8]) -> &'a str {}
impl<F: for<'a> Fn(&[u8], &'a mut [u8]) -> &'a str> Encode for F {}

/// The longest piece a [`Sink`] takes, in characters: the hex of 32 bytes, the
/// base64 of 48. Small, so that the stage a [`StringSink`] keeps on the stack is
/// cheap to zero and to wipe.
pub(crate) const PIECE_LEN: usize = 64;

/// Where a token's text goes, piece by piece.
pub(crate) trait Sink {
    /// Appends `encode(src, ..)`, which is `len <= PIECE_LEN` characters long.
    fn put(&mut self, src: &[u8], len: usize, encode: impl Encode);
    /// Appends fixed text (a UUID's hyphens).
    fn put_str(&mut self, text: &'static str);
}

/// The caller's buffer, filled from its start: the encoders write straight into it.
pub(crate) struct SliceSink<'a> {
    out: &'a mut [u8],
    at: usize,
}

impl<'a> SliceSink<'a> {
    /// `out` must be exactly as long as the pieces put into it.
    pub(crate) fn new(out: &'a mut [u8]) -> Self {
        Self { out, at: 0 }
    }
}

impl Sink for SliceSink<'_> {
    #[inline]
    fn put(&mut self, src: &[u8], len: usize, encode: impl Encode) {
        let end = self.at + len;
        let _ = encode(src, &mut self.out[self.at..end]);
        self.at = end;
    }

    #[inline]
    fn put_str(&mut self, text: &'static str) {
        let end = self.at + text.len();
        self.out[self.at..end].copy_from_slice(text.as_bytes());
        self.at = end;
    }
}

/// A new string of a known final length. Each piece is encoded into a stack buffer
/// (wiped on drop, as far as it was used) and appended as the encoder's `&str`.
/// Compared with encoding into a zeroed `Vec` and converting it, this saves
/// `calloc` (glibc's `calloc` skips its fast per-thread cache) and a UTF-8
/// validation pass, about a quarter of a 32-byte token's cost.
#[cfg(feature = "alloc")]
pub(crate) struct StringSink {
    /// Allocated once at its final length, so no reallocation leaves a copy behind.
    text: zeroize::Zeroizing<alloc::string::String>,
    stage: [u8; PIECE_LEN],
    used: usize,
}

#[cfg(feature = "alloc")]
impl StringSink {
    pub(crate) fn with_capacity(len: usize) -> Self {
        Self {
            text: zeroize::Zeroizing::new(alloc::string::String::with_capacity(len)),
            stage: [0; PIECE_LEN],
            used: 0,
        }
    }

    /// The text. (The stage is wiped where `self` is dropped: taking `self` by value
    /// here would copy the stage first.)
    pub(crate) fn take(&mut self) -> zeroize::Zeroizing<alloc::string::String> {
        debug_assert_eq!(self.text.len(), self.text.capacity());
        core::mem::take(&mut self.text)
    }
}

#[cfg(feature = "alloc")]
impl Sink for StringSink {
    #[inline]
    fn put(&mut self, src: &[u8], len: usize, encode: impl Encode) {
        self.used = self.used.max(len);
        let piece = encode(src, &mut self.stage[..len]);
        debug_assert!(self.text.len() + piece.len() <= self.text.capacity());
        self.text.push_str(piece);
    }

    #[inline]
    fn put_str(&mut self, text: &'static str) {
        self.text.push_str(text);
    }
}

#[cfg(feature = "alloc")]
impl Drop for StringSink {
    fn drop(&mut self) {
        self.stage[..self.used].zeroize();
    }
}
