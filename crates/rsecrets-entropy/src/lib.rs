#![doc = include_str!("../README.md")]
#![no_std]
// `unsafe` is allowed in exactly one place of the workspace: this crate's OS
// module (fork handling, added with the fast generator). Everything here is safe.
#![deny(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

mod os;

pub use os::{Error, OsRng};
pub use rand_core::{self, UnwrapErr};
