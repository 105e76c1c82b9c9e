#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod error;
mod int;
mod permute;
mod pool;
mod secrets;
mod uniform;

pub use error::Error;
pub use int::{Int, UnsignedInt};
pub use pool::{Buffered, Pool};
pub use rand_core;
pub use secrets::Secrets;
