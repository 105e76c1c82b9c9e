//! Platforms without `fork()`: a heap page and a constant epoch. Safe code only.

use std::boxed::Box;

use super::PAGE_LEN;

/// The generator's state page, on the heap; wiped when dropped.
pub(crate) struct StatePage(Box<[u8; PAGE_LEN]>);

impl StatePage {
    pub(crate) fn new() -> Option<Self> {
        Some(StatePage(Box::new([0; PAGE_LEN])))
    }

    pub(crate) fn bytes(&mut self) -> &mut [u8; PAGE_LEN] {
        &mut self.0
    }
}

impl Drop for StatePage {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0[..]);
    }
}

/// There is no `fork()` here, so the epoch never changes.
pub(crate) fn fork_epoch() -> u64 {
    0
}

/// Nothing to watch without `fork()`.
pub(crate) fn watch_forks() {}
