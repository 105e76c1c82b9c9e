//! [`Buffered`]: one call to the generator for many small draws.

use core::fmt;

use rand_core::{TryCryptoRng, TryRng};
use zeroize::Zeroize;

/// A generator that asks `R` for `N` bytes at a time and serves small draws
/// (`next_u32`, `next_u64`, short fills) from them.
///
/// Recipes that make many small draws (a password is one `randbelow` per character)
/// wrap their generator in it, so a generator with a cost per call — a system call
/// for `OsRng`, a thread-local lookup for a thread-local generator — pays it once
/// per batch instead of once per draw. The output is the generator's own bytes in
/// order, so uniformity is unchanged.
///
/// Each byte is wiped from the buffer as it is handed out, bytes left over are wiped
/// when the buffer is refilled or dropped, so a `Buffered` holds no copy of output it
/// has given away. Requests of `N` bytes or more go to `R` directly.
///
/// ```
/// use rand_core::{SeedableRng, TryRng};
/// use rsecrets_core::{Buffered, Secrets};
/// # use chacha20_rng as chacha20;
///
/// let mut rng = chacha20::ChaCha20Rng::from_seed([7; 32]);
/// // One 64-byte request to `rng` covers the sixteen draws.
/// let mut secrets = Secrets::new(Buffered::<_, 64>::new(&mut rng));
/// let pin: Vec<u8> = (0..16).map(|_| secrets.randbelow(10u8)).collect::<Result<_, _>>()?;
/// assert!(pin.iter().all(|&d| d < 10));
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
pub struct Buffered<R: TryRng, const N: usize = 64> {
    rng: R,
    buf: [u8; N],
    /// The next unread byte; `N` when the buffer is empty.
    pos: usize,
}

impl<R: TryRng, const N: usize> Buffered<R, N> {
    const AT_LEAST_ONE_WORD: () = assert!(N >= 8, "a Buffered buffer holds at least 8 bytes");

    /// Wraps `rng`; nothing is drawn until the first request.
    ///
    /// ```
    /// # use rand_core::SeedableRng;
    /// let buffered = rsecrets_core::Buffered::<_, 128>::new(
    ///     chacha20_rng::ChaCha20Rng::from_seed([1; 32]),
    /// );
    /// # let _ = buffered;
    /// ```
    pub fn new(rng: R) -> Self {
        let () = Self::AT_LEAST_ONE_WORD;
        Self {
            rng,
            buf: [0; N],
            pos: N,
        }
    }

    /// Discards (and wipes) the few bytes left over, never handed out, and fills the
    /// buffer anew. Out of line: it runs once for many draws.
    #[cold]
    #[inline(never)]
    fn refill(&mut self) -> Result<(), R::Error> {
        // A slice, not the array: zeroize wipes a slice in one pass, an array a
        // byte at a time.
        self.buf.as_mut_slice().zeroize();
        self.rng.try_fill_bytes(&mut self.buf)?;
        self.pos = 0;
        Ok(())
    }

    /// `K` bytes from the buffer (refilled first if it holds fewer), wiped there.
    #[inline]
    fn take<const K: usize>(&mut self) -> Result<[u8; K], R::Error> {
        if N - self.pos < K {
            self.refill()?;
        }
        let mut out = [0u8; K];
        let src = &mut self.buf[self.pos..self.pos + K];
        out.copy_from_slice(src);
        src.zeroize();
        self.pos += K;
        Ok(out)
    }
}

impl<R: TryRng, const N: usize> TryRng for Buffered<R, N> {
    type Error = R::Error;

    #[inline]
    fn try_next_u32(&mut self) -> Result<u32, R::Error> {
        self.take().map(u32::from_le_bytes)
    }

    #[inline]
    fn try_next_u64(&mut self) -> Result<u64, R::Error> {
        self.take().map(u64::from_le_bytes)
    }

    fn try_fill_bytes(&mut self, mut dst: &mut [u8]) -> Result<(), R::Error> {
        if dst.len() >= N {
            return self.rng.try_fill_bytes(dst);
        }
        while !dst.is_empty() {
            if self.pos == N {
                self.rng.try_fill_bytes(&mut self.buf)?;
                self.pos = 0;
            }
            let n = dst.len().min(N - self.pos);
            let (head, rest) = dst.split_at_mut(n);
            let src = &mut self.buf[self.pos..self.pos + n];
            head.copy_from_slice(src);
            src.zeroize();
            self.pos += n;
            dst = rest;
        }
        Ok(())
    }
}

impl<R: TryCryptoRng, const N: usize> TryCryptoRng for Buffered<R, N> {}

impl<R: TryRng, const N: usize> Drop for Buffered<R, N> {
    fn drop(&mut self) {
        self.buf.as_mut_slice().zeroize();
    }
}

impl<R: TryRng, const N: usize> fmt::Debug for Buffered<R, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Buffered { .. }")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chacha20_rng::ChaCha20Rng;
    use rand_core::SeedableRng;

    #[test]
    fn serves_the_generators_bytes_in_order() {
        let mut plain = ChaCha20Rng::from_seed([5; 32]);
        let mut expected = [0u8; 200];
        plain.try_fill_bytes(&mut expected).unwrap();
        let mut buffered = Buffered::<_, 64>::new(ChaCha20Rng::from_seed([5; 32]));
        let mut got = [0u8; 48];
        buffered.try_fill_bytes(&mut got[..40]).unwrap();
        buffered.try_fill_bytes(&mut got[40..]).unwrap();
        assert_eq!(got[..], expected[..48]);
        // 16 bytes remain; a u64 and a u32 come from them.
        assert_eq!(
            buffered.try_next_u64().unwrap().to_le_bytes(),
            expected[48..56]
        );
        assert_eq!(
            buffered.try_next_u32().unwrap().to_le_bytes(),
            expected[56..60]
        );
        // Four bytes are left: a u64 needs a refill and the four are discarded.
        assert_eq!(
            buffered.try_next_u64().unwrap().to_le_bytes(),
            expected[64..72]
        );
        // Long requests go straight to the generator.
        let mut long = [0u8; 64];
        buffered.try_fill_bytes(&mut long).unwrap();
        assert_eq!(long[..], expected[128..192]);
    }

    #[test]
    fn handed_out_bytes_are_wiped_from_the_buffer() {
        let mut buffered = Buffered::<_, 32>::new(ChaCha20Rng::from_seed([6; 32]));
        let _ = buffered.try_next_u64().unwrap();
        let _ = buffered.try_next_u32().unwrap();
        assert!(buffered.buf[..12].iter().all(|&b| b == 0));
        assert!(buffered.buf[12..].iter().any(|&b| b != 0));
    }
}
