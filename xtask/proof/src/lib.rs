//! Shared pieces of the proof programs behind `cargo xtask proof`: a generator that
//! serves chosen bytes (so a check decides what the "secret" is), and the negative
//! controls, deliberately broken variants that each check must flag.
//!
//! Nothing here is for use outside the proof: [`Replay`] is not random at all.

use core::convert::Infallible;

use rand_core::{TryCryptoRng, TryRng};

/// A "generator" that serves the bytes it was given, over and over. It claims to be
/// cryptographic so the library accepts it: the checks choose the secret inputs.
#[derive(Debug, Clone)]
pub struct Replay<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Replay<'a> {
    /// Serves `bytes` (not empty) from the start, then again.
    ///
    /// # Panics
    /// If `bytes` is empty.
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Self {
        assert!(!bytes.is_empty(), "Replay needs at least one byte");
        Replay { bytes, pos: 0 }
    }
}

impl TryRng for Replay<'_> {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut b = [0; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut b = [0; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for d in dst {
            *d = self.bytes[self.pos];
            self.pos = (self.pos + 1) % self.bytes.len();
        }
        Ok(())
    }
}

impl TryCryptoRng for Replay<'_> {}

/// Negative controls: each is what a check exists to catch.
pub mod control {
    /// Slice `==`: returns at the first differing byte (a `memcmp`), so its time and
    /// its branches depend on the secret.
    #[must_use]
    pub fn leaky_eq(a: &[u8], b: &[u8]) -> bool {
        a == b
    }

    /// Hex through a lookup table: a load at a secret index.
    #[must_use]
    pub fn table_hex(bytes: &[u8]) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(bytes.len() * 2);
        for b in bytes {
            s.push(char::from(DIGITS[usize::from(b >> 4)]));
            s.push(char::from(DIGITS[usize::from(b & 15)]));
        }
        s
    }

    /// Hex with a branch on every secret nibble, as a naive encoder writes it: all-zero
    /// bytes always take the same arm (the predictor learns it), random bytes
    /// mispredict about half the time, so the time depends on the secret. The
    /// `black_box` in one arm keeps the compiler from turning the branch into a
    /// conditional move.
    #[must_use]
    pub fn branchy_hex(bytes: &[u8]) -> String {
        let mut s = String::with_capacity(bytes.len() * 2);
        for b in bytes {
            for nibble in [b >> 4, b & 15] {
                if nibble < 10 {
                    s.push(char::from(b'0' + nibble));
                } else {
                    s.push(char::from(core::hint::black_box(b'a' - 10) + nibble));
                }
            }
        }
        s
    }
}
