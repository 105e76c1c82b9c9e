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

    /// Fills the first `len` bytes from `rng` and returns the first `padded`
    /// (`len <= padded <= N`), the bytes after `len` set to zero.
    pub(crate) fn draw_zero_padded<R: TryRng + ?Sized>(
        &mut self,
        rng: &mut R,
        len: usize,
        padded: usize,
    ) -> Result<&[u8], R::Error> {
        self.draw(rng, len)?;
        self.used = self.used.max(padded);
        self.bytes[len..padded].fill(0);
        Ok(&self.bytes[..padded])
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

/// Draws `nbytes` random bytes a chunk at a time (through a [`Scratch`] of
/// [`SMALL_LEN`] bytes for small tokens, of [`SCRATCH_LEN`] otherwise) and hands each
/// chunk to `encode` with a wiped [`Stage`] to encode it through. A chunk comes as
/// its bytes followed by zeros up to a multiple of 3 (base64's whole groups), and
/// its length.
pub(crate) fn draw_chunks<R: TryRng + ?Sized>(
    rng: &mut R,
    nbytes: usize,
    encode: impl FnMut(&[u8], usize, &mut Stage),
) -> Result<(), R::Error> {
    if nbytes <= SMALL_LEN {
        draw_chunks_in::<_, SMALL_LEN>(rng, nbytes, encode)
    } else {
        draw_chunks_in::<_, SCRATCH_LEN>(rng, nbytes, encode)
    }
}

/// [`draw_chunks`] through a [`Scratch`] of `N` bytes (a multiple of 3).
fn draw_chunks_in<R: TryRng + ?Sized, const N: usize>(
    rng: &mut R,
    nbytes: usize,
    mut encode: impl FnMut(&[u8], usize, &mut Stage),
) -> Result<(), R::Error> {
    let mut scratch = Scratch::<N>::new();
    let mut stage = Stage::new();
    let mut remaining = nbytes;
    while remaining > 0 {
        let len = remaining.min(N);
        remaining -= len;
        encode(
            scratch.draw_zero_padded(rng, len, len.div_ceil(3) * 3)?,
            len,
            &mut stage,
        );
    }
    Ok(())
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

/// The longest piece of text a [`Stage`] holds: the hex of 32 bytes, the base64 of
/// 48. Small, so the stage is cheap to zero and to wipe.
pub(crate) const PIECE_LEN: usize = 64;

/// A stack buffer that encoded text passes through on its way to its destination
/// (a new string, or the caller's buffer), or that holds a few random bytes; wiped
/// on drop.
pub(crate) struct Stage<const N: usize = PIECE_LEN>([u8; N]);

impl<const N: usize> Stage<N> {
    pub(crate) const fn new() -> Self {
        Self([0; N])
    }

    /// The first `len` bytes (`len <= N`).
    pub(crate) fn first(&mut self, len: usize) -> &mut [u8] {
        &mut self.0[..len]
    }

    /// `encode(src, ..)`, which is `len <= N` characters long.
    #[inline]
    pub(crate) fn encode(&mut self, src: &[u8], len: usize, encode: impl Encode) -> &str {
        encode(src, &mut self.0[..len])
    }
}

impl<const N: usize> Drop for Stage<N> {
    fn drop(&mut self) {
        // Whole, as a slice: a fixed-size wipe is a few stores, and zeroize wipes a
        // slice in one pass but an array a byte at a time.
        self.0.as_mut_slice().zeroize();
    }
}

/// Appends each piece to the caller's buffer `out` (exactly as long as the pieces).
pub(crate) fn into_slice(out: &mut [u8]) -> impl FnMut(&str) + '_ {
    let mut at = 0;
    move |piece: &str| {
        out[at..at + piece.len()].copy_from_slice(piece.as_bytes());
        at += piece.len();
    }
}

/// A new string of `len` characters, built by the pieces pushed into it:
/// allocated once at its final size (no reallocation leaves a copy behind, and no
/// `calloc`, which glibc serves without its fast per-thread cache), and wiped when
/// dropped. Each piece is the encoder's own `&str`, so no UTF-8 pass is needed.
#[cfg(feature = "alloc")]
pub(crate) fn new_text(len: usize) -> zeroize::Zeroizing<alloc::string::String> {
    zeroize::Zeroizing::new(alloc::string::String::with_capacity(len))
}
