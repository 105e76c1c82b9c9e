#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

mod digest;
mod error;
mod kdf;
mod password;

pub use digest::{DIGEST_LEN, digest, keyed_digest, verify_digest, verify_keyed_digest};
pub use error::Error;
pub use kdf::{MIN_MASTER_KEY_LEN, derive_key, derive_subkey};
pub use password::{
    Params, SALT_LEN, hash_password, hash_password_with, needs_rehash, verify_password,
};
