#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod buffered;
mod error;
mod int;
mod permute;
mod secrets;
mod uniform;

pub use buffered::Buffered;
pub use error::Error;
pub use int::{Int, UnsignedInt};
pub use rand_core;
pub use secrets::Secrets;
