//! [`FastRng`]: per-thread ChaCha20 with fast key erasure, reseeded from the OS,
//! safe across `fork()`. The portable logic lives here; the page and the fork epoch
//! it relies on live in [`crate::os`].

use core::cell::RefCell;
use core::convert::Infallible;
use core::mem::ManuallyDrop;
use core::sync::atomic::{AtomicU64, Ordering};
use core::time::Duration;
use std::time::Instant;

use chacha20::cipher::StreamCipher;
use chacha20::{ChaCha20, Key, KeyIvInit, Nonce};
use rand_core::{TryCryptoRng, TryRng};
use rsecrets_core::Pool;
use zeroize::Zeroizing;

use crate::os::{self, STATE_LEN, StatePage};
use crate::{Error, OsRng};

/// Length of the ChaCha20 key at the start of the state.
const KEY_LEN: usize = 32;
/// Keystream made per refill: the next key, then the output buffer. 48 blocks: a
/// multiple of the 16 blocks the AVX-512 backend computes at once and of AVX2's 4,
/// with the seal after them still inside one page.
const STREAM_LEN: usize = 48 * 64;
/// Offset of the seal: the fork epoch the key was seeded in, plus one, as a
/// little-endian u64. It reads 0 in a new state and in a child whose state the kernel
/// wiped on fork, and differs from the current epoch + 1 in a child after any fork
/// that ran the atfork handler: one comparison catches both.
const SEAL: usize = STREAM_LEN;
const SEAL_END: usize = SEAL + 8;
/// Requests at least this long are filled straight into the caller's buffer.
const DIRECT_MIN: usize = 2048;
/// The largest stretch filled under one (key, nonce): far below ChaCha20's 256 GiB.
const DIRECT_CHUNK: usize = 1 << 30;

const _: () = assert!(SEAL_END <= STATE_LEN && KEY_LEN < DIRECT_MIN && DIRECT_MIN < STREAM_LEN);

/// A new OS seed once this many bytes of keystream were made under one (checked at
/// each refill and each large request, so at most one buffer or one large request
/// more is handed out under that seed)...
const RESEED_BYTES: u64 = 1 << 20;
/// ...or this long after the last one (checked at the same points).
const RESEED_INTERVAL: Duration = Duration::from_secs(60);

/// How many generator states have been wiped and released (thread exits included).
static WIPED_STATES: AtomicU64 = AtomicU64::new(0);

/// The state: `[key | output buffer | seal]`. The buffer is what the [`Pool`] serves.
pub(crate) struct Page(StatePage);

impl AsRef<[u8]> for Page {
    fn as_ref(&self) -> &[u8] {
        &self.0.bytes()[KEY_LEN..STREAM_LEN]
    }
}

impl AsMut<[u8]> for Page {
    fn as_mut(&mut self) -> &mut [u8] {
        &mut self.0.bytes_mut()[KEY_LEN..STREAM_LEN]
    }
}

impl Page {
    fn seal(&self) -> u64 {
        let mut seal = [0; 8];
        seal.copy_from_slice(&self.0.bytes()[SEAL..SEAL_END]);
        u64::from_le_bytes(seal)
    }

    /// A new key from the OS, sealed with `seal`; on a failure the key and the seal
    /// are left zero, so the next request tries again.
    fn reseed(&mut self, seal: u64) -> Result<(), Error> {
        let state = self.0.bytes_mut();
        state[..KEY_LEN].fill(0);
        state[SEAL..SEAL_END].fill(0);
        OsRng.try_fill_bytes(&mut state[..KEY_LEN])?;
        // The proof build tells valgrind's memcheck the key is secret (docs/proof.md).
        #[cfg(rsecrets_valgrind)]
        os::mark_secret(&mut state[..KEY_LEN]);
        state[SEAL..SEAL_END].copy_from_slice(&seal.to_le_bytes());
        Ok(())
    }

    /// Fast key erasure: one ChaCha20 stream under the key, whose first 32 bytes
    /// overwrite that key at once and whose rest is the buffer.
    fn stream(&mut self) {
        let state = &mut self.0.bytes_mut()[..STREAM_LEN];
        cipher_at(&state[..KEY_LEN], 0).write_keystream(state);
    }
}

/// What a state knows about its OS seed.
pub(crate) struct Seed {
    /// Bytes of keystream made under the current OS seed.
    made: u64,
    seeded_at: Instant,
    /// New OS seeds taken (a test hook).
    reseeds: u64,
}

impl Seed {
    /// Whether the current OS seed has made its share of keystream or is too old.
    fn spent(&self) -> bool {
        self.made >= RESEED_BYTES || self.seeded_at.elapsed() >= RESEED_INTERVAL
    }

    /// Refills `page` (the [`Pool`]'s refill): reseeding first when forced, when the
    /// seed is spent, or when the state is unsealed (new, or in a forked child).
    fn refill(&mut self, page: &mut Page, force: bool) -> Result<(), Error> {
        let seal = os::fork_epoch().wrapping_add(1);
        if force || page.seal() != seal || self.spent() {
            page.reseed(seal)?;
            self.made = 0;
            self.seeded_at = Instant::now();
            self.reseeds += 1;
        }
        page.stream();
        self.made = self.made.saturating_add(STREAM_LEN as u64);
        Ok(())
    }
}

/// One thread's generator state.
pub(crate) struct Core {
    pool: Pool<Page>,
    seed: Seed,
}

impl Core {
    pub(crate) fn new() -> Result<Core, Error> {
        os::watch_forks()?;
        // Unsealed (seal 0) and empty: the first request seeds it.
        Ok(Core {
            pool: Pool::new(Page(StatePage::new()?)),
            seed: Seed {
                made: 0,
                seeded_at: Instant::now(),
                reseeds: 0,
            },
        })
    }

    /// Whether the key was seeded in this process since its last fork: `false` for a
    /// fresh state and in a forked child.
    #[inline(always)]
    fn sealed(&self) -> bool {
        self.pool.store().seal() == os::fork_epoch().wrapping_add(1)
    }

    /// Fills `dst`: the per-call path. Small requests come from the buffer when the
    /// state is sealed and the buffer holds enough; everything else is out of line.
    #[inline(always)]
    pub(crate) fn fill(&mut self, dst: &mut [u8]) -> Result<(), Error> {
        if dst.len() < DIRECT_MIN && self.sealed() && self.pool.len() >= dst.len() {
            self.pool.take(dst);
            return Ok(());
        }
        self.fill_slow(dst)
    }

    /// [`fill`](Self::fill) off the fast path: a new seed first if the state is
    /// unsealed, then a large request straight into `dst` or a small one across
    /// refills.
    #[cold]
    #[inline(never)]
    fn fill_slow(&mut self, dst: &mut [u8]) -> Result<(), Error> {
        let unsealed = !self.sealed();
        let Core { pool, seed } = self;
        if unsealed {
            // Never serve what is left of a buffer made before a fork.
            pool.refill(|page| seed.refill(page, true))?;
        }
        if dst.len() < DIRECT_MIN {
            return pool.fill(dst, |page| seed.refill(page, false));
        }
        // A one-time key from the buffer (after a new seed if this one is spent:
        // refills are rare on this path), then the keystream straight into `dst`.
        if seed.spent() {
            pool.refill(|page| seed.refill(page, true))?;
        }
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        pool.fill(&mut key[..], |page| seed.refill(page, false))?;
        for (i, chunk) in (0u64..).zip(dst.chunks_mut(DIRECT_CHUNK)) {
            cipher_at(&key[..], i).write_keystream(chunk);
        }
        seed.made = seed.made.saturating_add(dst.len() as u64);
        Ok(())
    }

    /// Reseeds from the OS now and drops all buffered output.
    pub(crate) fn reseed(&mut self) -> Result<(), Error> {
        let Core { pool, seed } = self;
        pool.refill(|page| seed.refill(page, true))
    }

    /// The whole state, for tests to look into.
    #[cfg(test)]
    pub(crate) fn page_bytes(&self) -> &[u8; STATE_LEN] {
        self.pool.store().0.bytes()
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
        // The pool and the page wipe themselves when they are dropped right after this.
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
    let mut core = Core::new()?;
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
///   refill of the 3040-byte buffer and on each large request), after a fork, and
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
#[derive(Clone, Copy, Debug, Default)]
pub struct FastRng;

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
        FastRng
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
        Ok(TryFastRng.try_next_u32().unwrap_or_else(|e| no_entropy(e)))
    }

    #[inline(always)]
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(TryFastRng.try_next_u64().unwrap_or_else(|e| no_entropy(e)))
    }

    #[inline]
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        TryFastRng
            .try_fill_bytes(dst)
            .unwrap_or_else(|e| no_entropy(e));
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
#[derive(Clone, Copy, Debug, Default)]
pub struct TryFastRng;

impl TryFastRng {
    /// A handle on this thread's fast generator.
    ///
    /// ```
    /// let rng = rsecrets_entropy::TryFastRng::new();
    /// # let _ = rng;
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        TryFastRng
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

impl TryRng for TryFastRng {
    type Error = Error;

    #[inline(always)]
    fn try_next_u32(&mut self) -> Result<u32, Error> {
        let mut word = [0; 4];
        with_state(|core| core.fill(&mut word))?;
        Ok(u32::from_le_bytes(word))
    }

    #[inline(always)]
    fn try_next_u64(&mut self) -> Result<u64, Error> {
        let mut word = [0; 8];
        with_state(|core| core.fill(&mut word))?;
        Ok(u64::from_le_bytes(word))
    }

    #[inline(always)]
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Error> {
        with_state(|core| core.fill(dst))
    }
}

impl TryCryptoRng for TryFastRng {}

#[cfg(test)]
mod tests;
