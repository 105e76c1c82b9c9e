#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod error;
#[cfg(feature = "alloc")]
mod pin;
#[cfg(feature = "alloc")]
mod url;

pub use error::Error;
#[cfg(feature = "alloc")]
pub use pin::{MAX_PIN_DIGITS, pin, pin_entropy_bits};
#[cfg(feature = "alloc")]
pub use url::reset_url;
