//! Unix: an `mmap`ed state page (wiped in a forked child where Linux can), and a fork
//! epoch bumped by a `pthread_atfork` child handler.

use core::ptr::NonNull;
use core::sync::atomic::{AtomicU64, Ordering};
use std::sync::Once;

use super::PAGE_LEN;

/// The generator's state: one private anonymous mapping of [`PAGE_LEN`] bytes,
/// zeroed by the kernel when mapped, wiped and unmapped when dropped.
pub(crate) struct StatePage {
    ptr: NonNull<[u8; PAGE_LEN]>,
}

impl StatePage {
    /// Maps a fresh zeroed page, or `None` if the kernel refuses (out of memory).
    pub(crate) fn new() -> Option<Self> {
        // SAFETY: an anonymous private mapping with a null hint has no preconditions;
        // the result is checked against MAP_FAILED before it is used.
        let raw = unsafe {
            libc::mmap(
                core::ptr::null_mut(),
                PAGE_LEN,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if raw == libc::MAP_FAILED {
            return None;
        }
        let ptr = NonNull::new(raw.cast::<[u8; PAGE_LEN]>())?;
        advise(raw);
        Some(StatePage { ptr })
    }

    /// The page's bytes (all zero when new, and in a forked child on Linux).
    pub(crate) fn bytes(&mut self) -> &mut [u8; PAGE_LEN] {
        // SAFETY: `ptr` is a live, page-aligned, readable and writable mapping of
        // PAGE_LEN bytes that this value owns alone (it is neither Clone nor Copy and
        // is unmapped only in Drop); `&mut self` makes the borrow unique, and any byte
        // pattern is a valid `[u8; N]`.
        unsafe { self.ptr.as_mut() }
    }
}

/// Asks the kernel to zero the page in a forked child and to leave it out of core
/// dumps. Both are best effort: kernels before 4.14 refuse the first (EINVAL), and
/// then the fork epoch alone guards the child.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn advise(page: *mut libc::c_void) {
    // SAFETY: `page` is the start of a mapping of PAGE_LEN bytes made just now;
    // madvise only changes how the kernel treats it and fails cleanly (EINVAL on
    // kernels before 4.14) without touching the memory.
    let _ = unsafe { libc::madvise(page, PAGE_LEN, libc::MADV_WIPEONFORK) };
    // SAFETY: as above.
    let _ = unsafe { libc::madvise(page, PAGE_LEN, libc::MADV_DONTDUMP) };
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn advise(_page: *mut libc::c_void) {}

impl Drop for StatePage {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.bytes()[..]);
        // SAFETY: `ptr` came from mmap with PAGE_LEN bytes and is unmapped exactly
        // once, here; no reference into it outlives `self`. An unmap failure cannot be
        // reported from Drop, and the page was wiped just above.
        let _ = unsafe { libc::munmap(self.ptr.as_ptr().cast(), PAGE_LEN) };
    }
}

static EPOCH: AtomicU64 = AtomicU64::new(0);
static REGISTER: Once = Once::new();

/// Runs in the child after `fork()`: only an atomic add, which is async-signal-safe.
extern "C" fn bump_epoch() {
    EPOCH.fetch_add(1, Ordering::Relaxed);
}

/// The process's fork epoch: it changes in a child after every `fork()` that runs the
/// atfork handlers, once [`watch_forks`] has been called.
#[inline]
pub(crate) fn fork_epoch() -> u64 {
    EPOCH.load(Ordering::Relaxed)
}

/// Registers the atfork child handler that moves [`fork_epoch`] (once per process;
/// later calls return at once). Call it before seeding a generator.
pub(crate) fn watch_forks() {
    REGISTER.call_once(|| {
        // SAFETY: `bump_epoch` is an `extern "C" fn()` with static lifetime that only
        // performs an atomic add, which is async-signal-safe as a child handler must
        // be. The call can fail only with ENOMEM; then the page wipe (Linux) is the
        // remaining fork guard, and generators also reseed when their page reads as
        // zero, so the failure is not silent weakening of the randomness itself.
        let _ = unsafe { libc::pthread_atfork(None, None, Some(bump_epoch)) };
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_page_is_zeroed_and_writable() {
        let mut page = StatePage::new().unwrap();
        assert!(page.bytes().iter().all(|&b| b == 0));
        page.bytes().fill(0xa5);
        assert!(page.bytes().iter().all(|&b| b == 0xa5));
    }

    #[test]
    fn the_epoch_is_stable_without_fork() {
        watch_forks();
        let e = fork_epoch();
        assert_eq!(fork_epoch(), e);
        assert!(REGISTER.is_completed());
    }
}
