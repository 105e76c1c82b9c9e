//! Passwords: exact policies over printable ASCII.

mod classes;
#[cfg(feature = "alloc")]
mod count;
#[cfg(feature = "alloc")]
mod generator;
#[cfg(feature = "alloc")]
mod policy;
#[cfg(feature = "alloc")]
mod sampler;

pub use classes::{AMBIGUOUS_CHARS, CharClass};
#[cfg(feature = "alloc")]
pub use generator::PasswordGenerator;
#[cfg(feature = "alloc")]
pub use policy::{
    DEFAULT_PASSWORD_LENGTH, MAX_CONSTRAINED_LENGTH, MAX_PASSWORD_LENGTH, PasswordPolicy,
};
