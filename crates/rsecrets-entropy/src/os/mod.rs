//! The OS-specific half of [`FastRng`](crate::FastRng), and the only module of the
//! workspace allowed to contain `unsafe`.
//!
//! It owns two things the portable generator cannot do in safe Rust:
//!
//! - [`StatePage`]: memory of its own for the generator's key and buffer, whole pages
//!   of the system's page size. On Linux the kernel is asked (`MADV_WIPEONFORK`) to
//!   hand a forked child those pages filled with zeros, and (`MADV_DONTDUMP`) to
//!   leave them out of core dumps.
//! - [`fork_epoch`]: a process-wide counter that a `pthread_atfork` child handler
//!   bumps, so a generator can tell on every call that it is now in a child. The
//!   handler must be registered: if it cannot be, [`watch_forks`] fails and no
//!   generator is made, never a generator without fork protection.
//!
//! The epoch guards every child that `fork()` makes; the page wipe also covers a raw
//! `clone(2)` that skips the atfork handlers, where the kernel supports it.
#![allow(unsafe_code)]

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub(crate) use unix::{StatePage, fork_epoch, watch_forks};

#[cfg(not(unix))]
mod portable;
#[cfg(not(unix))]
pub(crate) use portable::{StatePage, fork_epoch, watch_forks};

/// The bytes of a [`StatePage`] the generator uses (the mapping may be larger).
pub(crate) const STATE_LEN: usize = 4096;

#[cfg(all(test, unix))]
mod fork_tests;
