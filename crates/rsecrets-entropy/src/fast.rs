//! [`FastRng`]: per-thread ChaCha20 with fast key erasure, reseeded from the OS,
//! safe across `fork()`. The portable logic lives here; the page and the fork epoch
//! it relies on live in [`crate::os`].

use core::cell::RefCell;
use core::convert::Infallible;
use core::fmt;
use core::mem::ManuallyDrop;
use core::sync::atomic::{AtomicU64, Ordering};
use core::time::Duration;
use std::time::Instant;

use chacha20::cipher::StreamCipher;
use chacha20::{ChaCha20, Key, KeyIvInit, Nonce};
use rand_core::{TryCryptoRng, TryRng};
use zeroize::Zeroizing;

use crate::os::{self, PAGE_LEN, StatePage};
use crate::{Error, OsRng};

/// Length of the ChaCha20 key at the start of the page.
const KEY_LEN: usize = 32;
/// Keystream made per refill: the next key, then the output buffer. 60 blocks, a
/// multiple of the 4 blocks the SIMD backends compute at once (a 63rd block would
/// cost a whole 4-block step), and with the seal still inside one page.
const STREAM_LEN: usize = 60 * 64;
/// Page offset of the seal: the fork epoch the key was seeded in, plus one, as a
/// little-endian u64. It reads 0 in a new page and in a child whose page the kernel
/// wiped on fork, and differs from the current epoch + 1 in a child after any fork
/// that ran the atfork handlers: one comparison catches both.
const SEAL: usize = STREAM_LEN;
const SEAL_END: usize = SEAL + 8;
/// Requests at least this long are filled straight into the caller's buffer.
const DIRECT_MIN: usize = 2048;
/// The largest stretch filled under one (key, nonce): far below ChaCha20's 256 GiB.
const DIRECT_CHUNK: usize = 1 << 30;

const _: () = assert!(SEAL_END <= PAGE_LEN && KEY_LEN < DIRECT_MIN && DIRECT_MIN < STREAM_LEN);

/// When a generator goes back to the OS for a new key.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reseed {
    /// Once this many bytes of keystream have been made under one OS seed (checked
    /// at each refill and each large request, so at most one buffer or one large
    /// request more is handed out under that seed).
    pub(crate) bytes: u64,
    /// After this long since the last OS seed (checked at the same points).
    pub(crate) interval: Duration,
}

/// The default: a new OS seed after 1 MiB or 60 seconds, whichever comes first.
pub(crate) const DEFAULT_RESEED: Reseed = Reseed {
    bytes: 1 << 20,
    interval: Duration::from_secs(60),
};

/// How many generator states have been wiped and released (thread exits included).
static WIPED_STATES: AtomicU64 = AtomicU64::new(0);

/// One thread's generator state.
pub(crate) struct Core {
    /// `[key | output buffer | seal]`; bytes before `pos` have been handed out and are zero.
    page: StatePage,
    pos: usize,
    /// Bytes of keystream made under the current OS seed: counted per refill and per
    /// large request, so the per-call path does no accounting.
    made: u64,
    seeded_at: Instant,
    policy: Reseed,
    reseeds: u64,
}

impl Core {
    pub(crate) fn new(policy: Reseed) -> Result<Core, Error> {
        os::watch_forks();
        let page = StatePage::new().ok_or_else(Error::no_memory)?;
        // Unsealed (seal 0): the first request seeds it.
        Ok(Core {
            page,
            pos: STREAM_LEN,
            made: 0,
            seeded_at: Instant::now(),
            policy,
            reseeds: 0,
        })
    }

    /// Whether the key was seeded in this process since its last fork: `false` for a
    /// fresh state and in a forked child.
    #[inline(always)]
    fn sealed(&mut self) -> bool {
        let seal = self.page.bytes()[SEAL..SEAL_END]
            .try_into()
            .ok()
            .map(u64::from_le_bytes);
        seal == Some(os::fork_epoch().wrapping_add(1))
    }

    /// Reseeds first if this is a fresh state or a forked child. (Whether the OS seed
    /// is spent is checked where keystream is made: [`refill`](Self::refill) and
    /// [`fill_direct`](Self::fill_direct).)
    fn ensure_fresh(&mut self) -> Result<(), Error> {
        if !self.sealed() {
            self.reseed()?;
        }
        Ok(())
    }

    /// The per-call fast path: the next `len` buffered bytes, marked as handed out,
    /// if the state is sealed and the buffer holds that many. The caller copies and
    /// wipes them. Everything else (seeding, a fork, a refill) is out of line.
    #[inline(always)]
    fn ready(&mut self, len: usize) -> Option<&mut [u8]> {
        if !self.sealed() {
            return None;
        }
        let pos = self.pos;
        let src = self.page.bytes()[..STREAM_LEN].get_mut(pos..pos + len)?;
        self.pos = pos + len;
        Some(src)
    }

    /// Reseeds if the current OS seed has made its share of keystream or is too old.
    fn reseed_if_spent(&mut self) -> Result<(), Error> {
        if self.made >= self.policy.bytes || self.seeded_at.elapsed() >= self.policy.interval {
            self.reseed()?;
        }
        Ok(())
    }

    /// Replaces the key with 32 bytes from the OS and drops all buffered output.
    pub(crate) fn reseed(&mut self) -> Result<(), Error> {
        let page = self.page.bytes();
        page[..SEAL_END].fill(0);
        OsRng.try_fill_bytes(&mut page[..KEY_LEN])?;
        let epoch = os::fork_epoch().wrapping_add(1);
        page[SEAL..SEAL_END].copy_from_slice(&epoch.to_le_bytes());
        self.pos = STREAM_LEN;
        self.made = 0;
        self.seeded_at = Instant::now();
        self.reseeds += 1;
        Ok(())
    }

    /// Fast key erasure: one ChaCha20 stream under the current key, whose first 32
    /// bytes overwrite that key at once and whose rest becomes the buffer.
    fn refill(&mut self) -> Result<(), Error> {
        self.reseed_if_spent()?;
        let page = self.page.bytes();
        let mut cipher = cipher_at(&page[..KEY_LEN], 0);
        cipher.write_keystream(&mut page[..STREAM_LEN]);
        self.pos = KEY_LEN;
        self.made = self.made.saturating_add(STREAM_LEN as u64);
        Ok(())
    }

    /// Copies buffered output into `dst`, wiping each byte from the buffer and
    /// refilling it as often as needed. Off the per-call path: [`fill`](Self::fill)
    /// and [`word`](Self::word) take from a buffer that holds enough themselves.
    fn take(&mut self, mut dst: &mut [u8]) -> Result<(), Error> {
        while !dst.is_empty() {
            if self.pos == STREAM_LEN {
                self.refill()?;
            }
            let n = dst.len().min(STREAM_LEN - self.pos);
            let (head, rest) = dst.split_at_mut(n);
            let src = &mut self.page.bytes()[self.pos..self.pos + n];
            head.copy_from_slice(src);
            src.fill(0);
            self.pos += n;
            dst = rest;
        }
        Ok(())
    }

    #[inline]
    pub(crate) fn fill(&mut self, dst: &mut [u8]) -> Result<(), Error> {
        if dst.len() < DIRECT_MIN {
            if let Some(src) = self.ready(dst.len()) {
                // One fused pass (copy, then zero) rather than two library calls:
                // requests here are small, usually a token's 16 to 64 bytes.
                for (d, s) in dst.iter_mut().zip(src.iter_mut()) {
                    *d = core::mem::take(s);
                }
                return Ok(());
            }
        }
        self.fill_slow(dst)
    }

    /// [`fill`](Self::fill) off the fast path: reseeding first if needed, then a
    /// large request straight into `dst` or a small one across a refill.
    #[cold]
    #[inline(never)]
    fn fill_slow(&mut self, dst: &mut [u8]) -> Result<(), Error> {
        self.ensure_fresh()?;
        if dst.len() >= DIRECT_MIN {
            self.fill_direct(dst)
        } else {
            self.take(dst)
        }
    }

    /// A one-time key from the buffer, then the keystream straight into `dst`.
    #[inline(never)]
    fn fill_direct(&mut self, dst: &mut [u8]) -> Result<(), Error> {
        // Refills are rare on this path, so it checks the seed's budget itself.
        self.reseed_if_spent()?;
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        self.take(&mut key[..])?;
        for (i, chunk) in (0u64..).zip(dst.chunks_mut(DIRECT_CHUNK)) {
            cipher_at(&key[..], i).write_keystream(chunk);
        }
        self.made = self.made.saturating_add(dst.len() as u64);
        Ok(())
    }

    /// A word made from the next `N` bytes: straight from the buffer when it holds
    /// enough (the common case), through [`fill_slow`](Self::fill_slow) otherwise.
    #[inline(always)]
    fn word<T, const N: usize>(&mut self, from: fn([u8; N]) -> T) -> Result<T, Error> {
        if let Some(src) = self.ready(N) {
            let word = from(src.try_into().unwrap_or_else(|_| unreachable!()));
            src.fill(0);
            return Ok(word);
        }
        self.word_slow(from)
    }

    #[cold]
    #[inline(never)]
    fn word_slow<T, const N: usize>(&mut self, from: fn([u8; N]) -> T) -> Result<T, Error> {
        let mut bytes = [0u8; N];
        self.fill_slow(&mut bytes)?;
        Ok(from(bytes))
    }

    #[inline(always)]
    pub(crate) fn next_u64(&mut self) -> Result<u64, Error> {
        self.word(u64::from_le_bytes)
    }

    #[inline(always)]
    pub(crate) fn next_u32(&mut self) -> Result<u32, Error> {
        self.word(u32::from_le_bytes)
    }

    #[cfg(test)]
    pub(crate) fn page_bytes(&mut self) -> &[u8] {
        &self.page.bytes()[..]
    }

    #[cfg(test)]
    pub(crate) fn reseeds(&self) -> u64 {
        self.reseeds
    }
}

/// ChaCha20 under `key` (32 bytes) with the 64-bit `stream` number as its nonce.
fn cipher_at(key: &[u8], stream: u64) -> ChaCha20 {
    let mut nonce = Nonce::default();
    nonce[..8].copy_from_slice(&stream.to_le_bytes());
    // `key` is always KEY_LEN bytes; the reference conversion copies nothing.
    let key = <&Key>::try_from(key).unwrap_or_else(|_| unreachable!("keys are 32 bytes"));
    ChaCha20::new(key, &nonce)
}

impl Drop for Core {
    fn drop(&mut self) {
        // The page wipes itself when it is dropped right after this.
        WIPED_STATES.fetch_add(1, Ordering::Relaxed);
    }
}

std::thread_local! {
    /// This thread's state. Held in `ManuallyDrop` so that the thread-local itself
    /// has no destructor: reaching it is then a plain thread-local address, with no
    /// per-call check that it is still alive. [`GUARD`] drops (wipes and unmaps) it
    /// when the thread exits.
    static STATE: RefCell<Option<ManuallyDrop<Core>>> = const { RefCell::new(None) };
    /// Registered when the state is created; its destructor drops the state.
    static GUARD: Guard = const { Guard };
}

/// Drops this thread's state when the thread exits (see [`STATE`]).
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        // `STATE` has no destructor, so it is still reachable here. No borrow of it
        // is live: thread-local destructors run after the thread's code returned.
        let core = STATE.with(|cell| cell.try_borrow_mut().ok().and_then(|mut s| s.take()));
        if let Some(core) = core {
            drop(ManuallyDrop::into_inner(core));
        }
    }
}

/// Runs `op` on this thread's state, creating it on first use. During thread
/// teardown, once the state has been dropped, `op` runs on a one-off state, seeded
/// from the OS and wiped when this returns.
///
/// The result comes back as a plain `Result`, small enough for registers: an
/// `Option` around it made callers read it back from memory, right after it was
/// written piecewise (a stalled store-to-load forward on every draw).
#[inline(always)]
fn with_state<T>(op: impl FnOnce(&mut Core) -> Result<T, Error>) -> Result<T, Error> {
    STATE.with(|cell| match &mut *cell.borrow_mut() {
        Some(core) => op(core),
        empty => on_new_state(empty, op),
    })
}

/// `op` on a new state: this thread's, stored once [`GUARD`] is registered to drop
/// it; or, during thread teardown, when that is no longer possible, a one-off state
/// dropped (wiped) when `op` returns, never one stored where nothing would wipe it.
/// Out of line, so the per-call path stays small.
#[cold]
#[inline(never)]
fn on_new_state<T>(
    slot: &mut Option<ManuallyDrop<Core>>,
    op: impl FnOnce(&mut Core) -> Result<T, Error>,
) -> Result<T, Error> {
    let mut core = Core::new(DEFAULT_RESEED)?;
    if GUARD.try_with(|_| ()).is_ok() {
        op(slot.insert(ManuallyDrop::new(core)))
    } else {
        op(&mut core)
    }
}

/// The fast default generator: per-thread ChaCha20, seeded from [`OsRng`], with fast
/// key erasure, periodic reseeding and fork safety.
///
/// `FastRng` is a handle (zero-sized) on the calling thread's state; any number of
/// handles on one thread share that state, and each thread has its own.
///
/// - **Fast key erasure**: each refill makes one ChaCha20 keystream whose first 32
///   bytes replace the key at once; the rest is the output buffer, and every byte is
///   wiped from the buffer as it is handed out. State captured at any moment reveals
///   no output handed out before it.
/// - **Fork safety**: a forked child never repeats its parent's output. Every call
///   checks a process-wide epoch that a `pthread_atfork` child handler bumps, and on
///   Linux the state lives in a page the kernel wipes in the child
///   (`MADV_WIPEONFORK`), which also catches forks that skip the atfork handlers.
/// - **Reseeding**: a new 32-byte key from the OS once 1 MiB of keystream has been
///   made under the current one or 60 seconds have passed (both checked at each
///   refill of the 3808-byte buffer and on each large request), after a fork, and
///   on [`TryFastRng::reseed`].
/// - **Thread exit** wipes the thread's state and unmaps it.
/// - **Large requests** (2 KiB and more) take a one-time key from the buffer and are
///   filled straight into the caller's memory.
///
/// `FastRng` implements the infallible [`rand_core::CryptoRng`]: if the OS cannot
/// provide a seed it **panics** with a message saying so, and never falls back to
/// anything weaker. [`TryFastRng`] is the same generator with the OS error returned.
///
/// ```
/// use rand_core::Rng;
/// use rsecrets_entropy::FastRng;
///
/// let mut rng = FastRng::new();
/// let mut key = [0u8; 32];
/// rng.fill_bytes(&mut key);
/// let nonce = rng.next_u64();
/// # let _ = nonce;
/// ```
#[derive(Clone, Default)]
pub struct FastRng {
    _handle: (),
}

impl FastRng {
    /// A handle on this thread's fast generator (seeded lazily, on first use).
    ///
    /// ```
    /// let mut rng = rsecrets_entropy::FastRng::new();
    /// let x = rand_core::Rng::next_u32(&mut rng);
    /// # let _ = x;
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        FastRng { _handle: () }
    }
}

impl fmt::Debug for FastRng {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FastRng { .. }")
    }
}

#[cold]
#[inline(never)]
fn no_entropy(e: Error) -> ! {
    panic!("rsecrets: cannot seed the fast generator from the OS: {e}")
}

impl TryRng for FastRng {
    type Error = Infallible;

    #[inline(always)]
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(with_state(|core| core.next_u32()).unwrap_or_else(|e| no_entropy(e)))
    }

    #[inline(always)]
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(with_state(|core| core.next_u64()).unwrap_or_else(|e| no_entropy(e)))
    }

    #[inline]
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        with_state(|core| core.fill(dst)).unwrap_or_else(|e| no_entropy(e));
        Ok(())
    }
}

impl TryCryptoRng for FastRng {}

/// [`FastRng`] with the OS's failure to seed returned as an [`Error`] instead of a
/// panic: the same per-thread state, the same guarantees.
///
/// ```
/// use rand_core::TryRng;
/// use rsecrets_entropy::TryFastRng;
///
/// let mut rng = TryFastRng::new();
/// let mut salt = [0u8; 16];
/// rng.try_fill_bytes(&mut salt)?;
/// # Ok::<(), rsecrets_entropy::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct TryFastRng {
    _handle: (),
}

impl TryFastRng {
    /// A handle on this thread's fast generator.
    ///
    /// ```
    /// let rng = rsecrets_entropy::TryFastRng::new();
    /// # let _ = rng;
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        TryFastRng { _handle: () }
    }

    /// Reseeds this thread's generator from the OS now, dropping all buffered output;
    /// for example after restoring a VM snapshot.
    ///
    /// ```
    /// rsecrets_entropy::TryFastRng::new().reseed()?;
    /// # Ok::<(), rsecrets_entropy::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// If the OS cannot provide a seed.
    pub fn reseed(&mut self) -> Result<(), Error> {
        with_state(Core::reseed)
    }

    /// How many fast-generator states (one per thread that used one) have been wiped
    /// and released so far in this process: a test hook that makes "thread exit wipes
    /// the state" observable.
    #[doc(hidden)]
    #[must_use]
    pub fn wiped_states() -> u64 {
        WIPED_STATES.load(Ordering::Relaxed)
    }
}

impl fmt::Debug for TryFastRng {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TryFastRng { .. }")
    }
}

impl TryRng for TryFastRng {
    type Error = Error;

    #[inline]
    fn try_next_u32(&mut self) -> Result<u32, Error> {
        with_state(|core| core.next_u32())
    }

    #[inline]
    fn try_next_u64(&mut self) -> Result<u64, Error> {
        with_state(|core| core.next_u64())
    }

    #[inline]
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Error> {
        with_state(|core| core.fill(dst))
    }
}

impl TryCryptoRng for TryFastRng {}

#[cfg(test)]
mod tests;
