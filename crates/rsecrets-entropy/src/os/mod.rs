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
//!
//! Only in the proof build (`--cfg rsecrets_valgrind`, x86-64): `valgrind::mark_secret`, a
//! valgrind client request that marks a freshly seeded key secret, so that memcheck
//! can check the generator's draw path for branches and addresses that depend on it.
#![allow(unsafe_code)]

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub(crate) use unix::{StatePage, fork_epoch, watch_forks};

#[cfg(not(unix))]
mod portable;
#[cfg(not(unix))]
pub(crate) use portable::{StatePage, fork_epoch, watch_forks};

#[cfg(all(target_arch = "x86_64", any(test, rsecrets_valgrind)))]
mod valgrind;
#[cfg(all(target_arch = "x86_64", rsecrets_valgrind))]
pub(crate) use valgrind::mark_secret;
#[cfg(all(rsecrets_valgrind, not(target_arch = "x86_64")))]
compile_error!("--cfg rsecrets_valgrind: the client request is written for x86-64 only");

/// The bytes of a [`StatePage`] the generator uses (the mapping may be larger).
pub(crate) const STATE_LEN: usize = 4096;

#[cfg(all(test, unix))]
mod fork_tests;
