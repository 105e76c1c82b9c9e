//! The OS-specific half of [`FastRng`](crate::FastRng), and the only module of the
//! workspace allowed to contain `unsafe`.
//!
//! It owns two things the portable generator cannot do in safe Rust:
//!
//! - [`StatePage`]: a page of memory of its own for the generator's key and buffer.
//!   On Linux the kernel is asked (`MADV_WIPEONFORK`) to hand a forked child that page
//!   filled with zeros, and (`MADV_DONTDUMP`) to leave it out of core dumps.
//! - [`fork_epoch`]: a process-wide counter that a `pthread_atfork` child handler
//!   bumps, so a generator can tell on every call that it is now in a child.
//!
//! Either one alone stops a child from repeating its parent's output; together they
//! also cover a raw `clone(2)` that skips the atfork handlers (the page) and kernels
//! or platforms without `MADV_WIPEONFORK` (the epoch).
#![allow(unsafe_code)]

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub(crate) use unix::{StatePage, fork_epoch, watch_forks};

#[cfg(not(unix))]
mod portable;
#[cfg(not(unix))]
pub(crate) use portable::{StatePage, fork_epoch, watch_forks};

/// The size of a [`StatePage`] in bytes.
pub(crate) const PAGE_LEN: usize = 4096;

#[cfg(all(test, unix))]
mod fork_tests;
