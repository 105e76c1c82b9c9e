//! The stack buffer that holds random bytes between the generator and the encoder.

use rand_core::TryRng;
use zeroize::Zeroize;

/// Bytes drawn per generator call. A multiple of 3, so base64 chunks join without
/// padding, and of 4, so a word-based generator (ChaCha) yields the same stream as
/// one big call and `token_hex(n)` encodes exactly the bytes `token_bytes(n)` gives.
pub(crate) const SCRATCH_LEN: usize = 192;
const _: () = assert!(SCRATCH_LEN % 12 == 0); // not a random word: a length

/// A stack buffer for random bytes, wiped on drop (also on an early return or an
/// error), but only as far as it was used, so a 32-byte token pays for 32 bytes.
pub(crate) struct Scratch {
    bytes: [u8; SCRATCH_LEN],
    used: usize,
}

impl Scratch {
    pub(crate) const fn new() -> Self {
        Self {
            bytes: [0; SCRATCH_LEN],
            used: 0,
        }
    }

    /// Fills the first `len` bytes (`len <= SCRATCH_LEN`) from `rng`.
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

impl Drop for Scratch {
    fn drop(&mut self) {
        self.bytes[..self.used].zeroize();
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

/// Turns an encoder's output into a `String` without copying it (the same heap
/// buffer changes type), so no unwiped copy of the token is left behind.
#[cfg(feature = "alloc")]
pub(crate) fn ascii_string(
    mut bytes: zeroize::Zeroizing<alloc::vec::Vec<u8>>,
) -> zeroize::Zeroizing<alloc::string::String> {
    match alloc::string::String::from_utf8(core::mem::take(&mut *bytes)) {
        Ok(text) => zeroize::Zeroizing::new(text),
        Err(err) => {
            let _wiped_on_unwind = zeroize::Zeroizing::new(err.into_bytes());
            unreachable!("the encoders write ASCII only")
        }
    }
}
