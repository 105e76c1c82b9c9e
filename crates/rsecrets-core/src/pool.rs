//! [`Pool`]: the one wiped buffer with a cursor, and [`Buffered`], a generator that
//! serves small draws from one.

use core::fmt;

use rand_core::{TryCryptoRng, TryRng};
use zeroize::Zeroize;

/// A buffer of random bytes handed out front to back, each byte wiped as it goes.
///
/// Every layer that holds random bytes between a generator and its caller keeps them
/// in a `Pool`: [`Buffered`] here, the fast generator's buffer in `rsecrets-entropy`,
/// the token encoders' chunks in `rsecrets-token`. Its one rule:
///
/// - the bytes before the cursor have been handed out and read as zero; they are
///   never served again;
/// - [`refill`](Self::refill) wipes what is left, then fills the storage; if the
///   filling fails, the storage is wiped again and the pool is **empty**: it never
///   serves zeros, or bytes of a failed fill, as random bytes;
/// - dropping the pool wipes the storage.
///
/// `S` is the storage (an array, or a page of memory of the caller's own) and must
/// hold at least one byte.
///
/// ```
/// use rsecrets_core::Pool;
///
/// let mut pool = Pool::new([0u8; 4]);
/// assert_eq!(pool.len(), 0); // a new pool is empty
/// pool.refill(|buf| { buf.copy_from_slice(&[1, 2, 3, 4]); Ok::<(), &str>(()) })?;
/// let mut two = [0u8; 2];
/// assert_eq!(pool.take(&mut two), 2);
/// assert_eq!((two, pool.len()), ([1, 2], 2));
/// // A failed refill leaves it empty.
/// assert_eq!(pool.refill(|_| Err("the generator failed")), Err("the generator failed"));
/// assert_eq!(pool.len(), 0);
/// # Ok::<(), &str>(())
/// ```
pub struct Pool<S: AsRef<[u8]> + AsMut<[u8]>> {
    store: S,
    /// The next byte to hand out; `store.len()` when empty.
    pos: usize,
}

impl<S: AsRef<[u8]> + AsMut<[u8]>> Pool<S> {
    /// An empty pool over `store`, which is wiped first.
    ///
    /// ```
    /// let pool = rsecrets_core::Pool::new([0u8; 64]);
    /// assert!(pool.is_empty());
    /// ```
    ///
    /// # Panics
    ///
    /// If `store` holds no byte: such a pool could never fill anything, and
    /// [`fill`](Self::fill) would wait for it forever.
    pub fn new(mut store: S) -> Self {
        assert!(
            !store.as_ref().is_empty(),
            "a Pool needs room for at least one byte"
        );
        store.as_mut().zeroize();
        let pos = store.as_mut().len();
        Pool { store, pos }
    }

    /// The number of bytes not yet handed out.
    ///
    /// ```
    /// assert_eq!(rsecrets_core::Pool::new([0u8; 8]).len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.store.as_ref().len() - self.pos
    }

    /// Whether every byte has been handed out.
    ///
    /// ```
    /// assert!(rsecrets_core::Pool::new([0u8; 8]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Copies as many bytes as `dst` wants and the pool holds into `dst`, wiping them
    /// from the pool; returns how many.
    ///
    /// ```
    /// let mut pool = rsecrets_core::Pool::new([0u8; 2]);
    /// pool.refill(|buf| { buf.fill(9); Ok::<(), ()>(()) })?;
    /// let mut dst = [0u8; 3];
    /// assert_eq!(pool.take(&mut dst), 2);
    /// assert_eq!(dst, [9, 9, 0]);
    /// # Ok::<(), ()>(())
    /// ```
    #[inline]
    pub fn take(&mut self, dst: &mut [u8]) -> usize {
        let src = &mut self.store.as_mut()[self.pos..];
        let n = dst.len().min(src.len());
        // One pass that copies and zeroes: requests here are small.
        for (d, s) in dst.iter_mut().zip(&mut src[..n]) {
            *d = core::mem::take(s);
        }
        self.pos += n;
        n
    }

    /// Wipes the bytes not handed out, then lets `fill` write the whole storage: on
    /// `Ok` the pool is full, on `Err` it is wiped again and empty.
    ///
    /// `fill` gets the storage itself, so a generator can keep more than the bytes it
    /// serves there (the fast generator keeps its key beside them).
    ///
    /// # Errors
    ///
    /// `fill`'s error.
    ///
    /// ```
    /// let mut pool = rsecrets_core::Pool::new([0u8; 4]);
    /// assert_eq!(pool.refill(|buf| { buf[0] = 1; Err("dry") }), Err("dry"));
    /// assert!(pool.is_empty());
    /// ```
    #[inline]
    pub fn refill<E>(&mut self, fill: impl FnOnce(&mut S) -> Result<(), E>) -> Result<(), E> {
        self.clear();
        fill(&mut self.store).inspect_err(|_| self.store.as_mut().zeroize())?;
        self.pos = 0;
        Ok(())
    }

    /// Fills all of `dst` from the pool, calling [`refill`](Self::refill) with `fill`
    /// whenever the pool runs empty.
    ///
    /// # Errors
    ///
    /// `fill`'s error; `dst` may then hold some of the bytes.
    ///
    /// ```
    /// let mut pool = rsecrets_core::Pool::new([0u8; 2]);
    /// let mut dst = [0u8; 5];
    /// pool.fill(&mut dst, |buf| { buf.fill(7); Ok::<(), ()>(()) })?;
    /// assert_eq!(dst, [7; 5]);
    /// # Ok::<(), ()>(())
    /// ```
    #[inline]
    pub fn fill<E>(
        &mut self,
        mut dst: &mut [u8],
        mut fill: impl FnMut(&mut S) -> Result<(), E>,
    ) -> Result<(), E> {
        loop {
            let n = self.take(dst);
            dst = &mut dst[n..];
            if dst.is_empty() {
                return Ok(());
            }
            self.refill(&mut fill)?;
        }
    }

    /// Wipes the bytes not handed out and empties the pool.
    ///
    /// ```
    /// let mut pool = rsecrets_core::Pool::new([0u8; 4]);
    /// pool.refill(|buf| { buf.fill(1); Ok::<(), ()>(()) })?;
    /// pool.clear();
    /// assert!(pool.is_empty());
    /// # Ok::<(), ()>(())
    /// ```
    pub fn clear(&mut self) {
        let store = self.store.as_mut();
        store[self.pos..].zeroize();
        self.pos = store.len();
    }

    /// The bytes not yet handed out, to read in place (they stay in the pool, and are
    /// wiped by the next refill, `clear` or drop).
    ///
    /// ```
    /// let mut pool = rsecrets_core::Pool::new([0u8; 3]);
    /// pool.refill(|buf| { buf.copy_from_slice(b"abc"); Ok::<(), ()>(()) })?;
    /// assert_eq!(pool.unserved(), b"abc");
    /// # Ok::<(), ()>(())
    /// ```
    pub fn unserved(&self) -> &[u8] {
        &self.store.as_ref()[self.pos..]
    }

    /// The storage, to read what a generator keeps beside the bytes it serves.
    ///
    /// ```
    /// let pool = rsecrets_core::Pool::new([0u8; 3]);
    /// assert_eq!(pool.store(), &[0, 0, 0]);
    /// ```
    pub fn store(&self) -> &S {
        &self.store
    }
}

impl<const N: usize> Default for Pool<[u8; N]> {
    /// An empty pool over an array of zeros (nothing to wipe first).
    ///
    /// ```
    /// assert!(rsecrets_core::Pool::<[u8; 16]>::default().is_empty());
    /// ```
    fn default() -> Self {
        let () = const { assert!(N > 0, "a Pool needs room for at least one byte") };
        Pool {
            store: [0; N],
            pos: N,
        }
    }
}

impl<S: AsRef<[u8]> + AsMut<[u8]>> Drop for Pool<S> {
    fn drop(&mut self) {
        self.store.as_mut().zeroize();
    }
}

impl<S: AsRef<[u8]> + AsMut<[u8]>> fmt::Debug for Pool<S> {
    /// `Pool { .. }`: the bytes are secrets.
    ///
    /// ```
    /// assert_eq!(format!("{:?}", rsecrets_core::Pool::new([7u8; 4])), "Pool { .. }");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pool { .. }")
    }
}

/// A generator that asks `R` for `N` bytes at a time and serves small draws
/// (`next_u32`, `next_u64`, short fills) from a [`Pool`] of them.
///
/// Recipes that make many small draws (a password is one draw per character) wrap
/// their generator in it, so a generator with a cost per call — a system call for
/// `OsRng`, a thread-local lookup for a thread-local generator — pays it once per
/// batch instead of once per draw. The output is the generator's own bytes in order
/// (requests of `N` bytes or more go to `R` directly), so uniformity is unchanged.
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
    pool: Pool<[u8; N]>,
}

impl<R: TryRng, const N: usize> Buffered<R, N> {
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
        Buffered {
            rng,
            pool: Pool::default(),
        }
    }

    fn word<const K: usize>(&mut self) -> Result<[u8; K], R::Error> {
        let mut bytes = [0; K];
        self.try_fill_bytes(&mut bytes)?;
        Ok(bytes)
    }
}

impl<R: TryRng, const N: usize> TryRng for Buffered<R, N> {
    type Error = R::Error;

    fn try_next_u32(&mut self) -> Result<u32, R::Error> {
        self.word().map(u32::from_le_bytes)
    }

    fn try_next_u64(&mut self) -> Result<u64, R::Error> {
        self.word().map(u64::from_le_bytes)
    }

    #[inline]
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), R::Error> {
        if dst.len() >= N {
            return self.rng.try_fill_bytes(dst);
        }
        let rng = &mut self.rng;
        self.pool.fill(dst, |buf| rng.try_fill_bytes(buf))
    }
}

impl<R: TryCryptoRng, const N: usize> TryCryptoRng for Buffered<R, N> {}

impl<R: TryRng, const N: usize> fmt::Debug for Buffered<R, N> {
    /// `Buffered { .. }`: the buffered bytes and the generator are secrets.
    ///
    /// ```
    /// # use rand_core::SeedableRng;
    /// let rng = chacha20_rng::ChaCha20Rng::from_seed([1; 32]);
    /// assert_eq!(format!("{:?}", rsecrets_core::Buffered::<_, 8>::new(rng)), "Buffered { .. }");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Buffered { .. }")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chacha20_rng::ChaCha20Rng;
    use rand_core::SeedableRng;

    #[derive(Debug, PartialEq)]
    struct Dry;
    impl fmt::Display for Dry {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("dry")
        }
    }
    impl core::error::Error for Dry {}

    /// Fails on its second call only.
    struct FailsOnce {
        calls: usize,
    }

    impl TryRng for FailsOnce {
        type Error = Dry;
        fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
            unreachable!()
        }
        fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
            unreachable!()
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
            self.calls += 1;
            dst.fill(0xa5);
            if self.calls == 2 { Err(Dry) } else { Ok(()) }
        }
    }

    #[test]
    #[should_panic(expected = "at least one byte")]
    fn a_pool_of_no_bytes_is_refused() {
        let _ = Pool::new([0u8; 0]);
    }

    #[test]
    fn after_a_failed_refill_nothing_is_served() {
        // The defect this pins: a failed refill left zeros that later reads served.
        let mut b = Buffered::<_, 8>::new(FailsOnce { calls: 0 });
        let mut six = [0u8; 6];
        b.try_fill_bytes(&mut six).unwrap();
        let mut four = [0u8; 4];
        // Two bytes are left; the refill for the other two fails.
        assert_eq!(b.try_fill_bytes(&mut four), Err(Dry));
        assert!(b.pool.is_empty());
        assert!(
            b.pool.store().iter().all(|&x| x == 0),
            "wiped after the failure"
        );
        // The next read refills (call 3) instead of serving zeros.
        let mut two = [0u8; 2];
        b.try_fill_bytes(&mut two).unwrap();
        assert_eq!((two, b.rng.calls), ([0xa5; 2], 3));
    }

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
        let word = |b: &mut Buffered<ChaCha20Rng, 64>| b.try_next_u64().unwrap().to_le_bytes();
        assert_eq!(word(&mut buffered), expected[48..56]);
        assert_eq!(
            buffered.try_next_u32().unwrap().to_le_bytes(),
            expected[56..60]
        );
        // A word across a refill: four old bytes, four new.
        assert_eq!(word(&mut buffered), expected[60..68]);
        // Long requests go straight to the generator.
        let mut long = [0u8; 64];
        buffered.try_fill_bytes(&mut long).unwrap();
        assert_eq!(long[..], expected[128..192]);
    }

    /// `new` wipes the storage it is given (cargo-mutants skips functions named
    /// `new`: this pins it).
    #[test]
    fn a_new_pool_wipes_its_storage_and_is_empty() {
        let pool = Pool::new([7u8; 4]);
        assert_eq!((pool.store(), pool.len()), (&[0u8; 4], 0));
        let mut store = [7u8; 4];
        drop(Pool::new(&mut store[1..]));
        assert_eq!(store, [7, 0, 0, 0]);
    }

    #[test]
    fn a_pool_is_empty_exactly_when_every_byte_is_handed_out() {
        let mut pool = Pool::new([0u8; 3]);
        assert!(pool.is_empty());
        pool.refill(|b| {
            b.fill(1);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert!(!pool.is_empty());
        assert_eq!(pool.take(&mut [0u8; 2]), 2);
        assert!(!pool.is_empty());
        assert_eq!(pool.take(&mut [0u8; 2]), 1);
        assert!(pool.is_empty());
    }

    #[test]
    fn handed_out_bytes_are_wiped_and_drop_wipes_the_rest() {
        let mut pool = Pool::new([0u8; 32]);
        pool.refill(|b| ChaCha20Rng::from_seed([6; 32]).try_fill_bytes(b))
            .unwrap();
        let mut twelve = [0u8; 12];
        assert_eq!(pool.take(&mut twelve), 12);
        assert!(pool.store()[..12].iter().all(|&b| b == 0));
        assert!(pool.store()[12..].iter().any(|&b| b != 0));
        assert_eq!(pool.unserved(), &pool.store()[12..]);
        // Drop through a borrowed store, so the bytes can be looked at afterwards.
        let mut store = [0u8; 32];
        {
            let mut pool = Pool::new(&mut store[..]);
            pool.refill(|b| {
                b.fill(1);
                Ok::<(), ()>(())
            })
            .unwrap();
        }
        assert_eq!(store, [0; 32]);
    }
}
