#![doc = include_str!("../README.md")]
#![no_std]
// `unsafe` is allowed in exactly one place of the workspace: this crate's `os`
// module (the fast generator's state page and fork epoch). Everything else is safe.
#![deny(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "std")]
mod fast;
#[cfg(feature = "std")]
mod os;
mod os_rng;

#[cfg(feature = "std")]
pub use fast::{FastRng, TryFastRng};
pub use os_rng::{Error, OsRng};
pub use rand_core::{self, UnwrapErr};
