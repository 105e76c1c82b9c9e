//! Unix: an `mmap`ed state (wiped in a forked child where Linux can), and a fork
//! epoch bumped by a `pthread_atfork` child handler.

use core::ptr::NonNull;
use core::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use super::STATE_LEN;
use crate::Error;

/// The generator's state: one private anonymous mapping of whole pages holding at
/// least [`STATE_LEN`] bytes, zeroed by the kernel when mapped, wiped and unmapped
/// when dropped.
pub(crate) struct StatePage {
    ptr: NonNull<[u8; STATE_LEN]>,
    /// The length of the mapping: `STATE_LEN` rounded up to the system's page size.
    mapped: usize,
}

impl StatePage {
    /// Maps fresh zeroed pages, or fails if the system will not say its page size or
    /// give the memory.
    pub(crate) fn new() -> Result<Self, Error> {
        // SAFETY: sysconf has no preconditions; a failure is -1, refused below.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        let mapped = usize::try_from(page)
            .ok()
            .filter(|&page| page > 0)
            .and_then(|page| STATE_LEN.div_ceil(page).checked_mul(page))
            .ok_or(Error::NoMemory)?;
        // SAFETY: an anonymous private mapping with a null hint has no preconditions;
        // the result is checked against MAP_FAILED before it is used.
        let raw = unsafe {
            libc::mmap(
                core::ptr::null_mut(),
                mapped,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if raw == libc::MAP_FAILED {
            return Err(Error::NoMemory);
        }
        let ptr = NonNull::new(raw.cast::<[u8; STATE_LEN]>()).ok_or(Error::NoMemory)?;
        advise(raw, mapped);
        Ok(StatePage { ptr, mapped })
    }

    /// The state's bytes (all zero when new, and in a forked child on Linux).
    pub(crate) fn bytes(&self) -> &[u8; STATE_LEN] {
        // SAFETY: `ptr` is a live, page-aligned, readable mapping of at least
        // STATE_LEN bytes that this value owns alone (it is neither Clone nor Copy and
        // is unmapped only in Drop); the shared borrow of `self` keeps it from being
        // written meanwhile, and any byte pattern is a valid `[u8; N]`.
        unsafe { self.ptr.as_ref() }
    }

    /// The state's bytes, to write.
    pub(crate) fn bytes_mut(&mut self) -> &mut [u8; STATE_LEN] {
        // SAFETY: as in `bytes`, and `&mut self` makes the borrow unique.
        unsafe { self.ptr.as_mut() }
    }
}

/// Asks the kernel to zero the pages in a forked child and to leave them out of core
/// dumps. Both are a second line of defence: kernels before 4.14 refuse the first
/// (EINVAL), and the fork epoch still guards every `fork()`.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn advise(pages: *mut libc::c_void, len: usize) {
    // SAFETY: `pages` is the start of a mapping of `len` bytes made just now; madvise
    // only changes how the kernel treats it and fails cleanly without touching it.
    let _ = unsafe { libc::madvise(pages, len, libc::MADV_WIPEONFORK) };
    // SAFETY: as above.
    let _ = unsafe { libc::madvise(pages, len, libc::MADV_DONTDUMP) };
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn advise(_pages: *mut libc::c_void, _len: usize) {}

impl Drop for StatePage {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.bytes_mut()[..]);
        // SAFETY: `ptr` came from mmap with `mapped` bytes and is unmapped exactly
        // once, here; no reference into it outlives `self`. An unmap failure cannot be
        // reported from Drop, and the state was wiped just above.
        let _ = unsafe { libc::munmap(self.ptr.as_ptr().cast(), self.mapped) };
    }
}

static EPOCH: AtomicU64 = AtomicU64::new(0);
/// Whether the atfork handler is registered: decided once per process.
static REGISTERED: OnceLock<bool> = OnceLock::new();

/// Runs in the child after `fork()`: only an atomic add, which is async-signal-safe.
extern "C" fn bump_epoch() {
    bump(&EPOCH);
}

fn bump(epoch: &AtomicU64) {
    epoch.fetch_add(1, Ordering::Relaxed);
}

/// The process's fork epoch: it changes in a child after every `fork()`, once
/// [`watch_forks`] has succeeded.
#[inline]
pub(crate) fn fork_epoch() -> u64 {
    EPOCH.load(Ordering::Relaxed)
}

/// Registers the atfork child handler that moves [`fork_epoch`] (once per process;
/// later calls give the first one's result). Call it before seeding a generator.
///
/// # Errors
///
/// If `pthread_atfork` fails (ENOMEM): a generator must not be made without it.
pub(crate) fn watch_forks() -> Result<(), Error> {
    let registered = *REGISTERED.get_or_init(|| {
        // SAFETY: `bump_epoch` is an `extern "C" fn()` with static lifetime that only
        // performs an atomic add, which is async-signal-safe as a child handler must
        // be. A nonzero result means nothing was registered, and is reported.
        unsafe { libc::pthread_atfork(None, None, Some(bump_epoch)) == 0 }
    });
    registered.then_some(()).ok_or(Error::NoForkGuard)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_state_is_zeroed_writable_and_whole_pages() {
        let mut page = StatePage::new().unwrap();
        assert!(page.bytes().iter().all(|&b| b == 0));
        page.bytes_mut().fill(0xa5);
        assert!(page.bytes().iter().all(|&b| b == 0xa5));
        // SAFETY: sysconf has no preconditions.
        let system = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap();
        assert_eq!(page.mapped % system, 0);
        assert!(page.mapped >= STATE_LEN);
    }

    /// Dropping a state unmaps its pages (after wiping them): a thread's state does not
    /// outlive the thread. msync asks the kernel about each address without reading
    /// it, failing with ENOMEM where nothing is mapped; another test thread may map a
    /// freed address meanwhile, so most of 64 states must be gone, not all.
    #[test]
    fn a_dropped_state_is_unmapped() {
        let pages: [StatePage; 64] = core::array::from_fn(|_| StatePage::new().unwrap());
        let spans = pages
            .each_ref()
            .map(|page| (page.ptr.as_ptr().addr(), page.mapped));
        let mapped = |&(addr, len): &(usize, usize)| {
            let start = core::ptr::without_provenance_mut::<libc::c_void>(addr);
            // SAFETY: msync reads and writes no memory of this process; for a range
            // that is not mapped it fails with ENOMEM, which is the answer sought.
            unsafe { libc::msync(start, len, libc::MS_ASYNC) == 0 }
        };
        assert!(spans.iter().all(mapped));
        drop(pages);
        let still = spans.iter().filter(|span| mapped(span)).count();
        assert!(still < 32, "{still} of 64 dropped states are still mapped");
    }

    /// Registration succeeds and is remembered; the handler's step moves an epoch by
    /// one. (Bumping the real epoch here would make every state of this test binary
    /// reseed at random; the fork tests watch it move in a real child.)
    #[test]
    fn the_fork_handler_is_registered_and_moves_an_epoch() {
        assert_eq!(watch_forks(), Ok(()));
        assert_eq!(REGISTERED.get(), Some(&true));
        let epoch = AtomicU64::new(41);
        bump(&epoch);
        assert_eq!(epoch.load(Ordering::Relaxed), 42);
    }
}
