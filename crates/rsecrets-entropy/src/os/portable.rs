//! Platforms without `fork()`: heap memory and a constant epoch. Safe code only.

use std::boxed::Box;

use super::STATE_LEN;
use crate::Error;

/// The generator's state, on the heap; wiped when dropped.
pub(crate) struct StatePage(Box<[u8; STATE_LEN]>);

impl StatePage {
    pub(crate) fn new() -> Result<Self, Error> {
        Ok(StatePage(Box::new([0; STATE_LEN])))
    }

    pub(crate) fn bytes(&self) -> &[u8; STATE_LEN] {
        &self.0
    }

    pub(crate) fn bytes_mut(&mut self) -> &mut [u8; STATE_LEN] {
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
pub(crate) fn watch_forks() -> Result<(), Error> {
    Ok(())
}
