#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "alloc")]
mod apikey;
mod error;
#[cfg(feature = "alloc")]
mod passphrase;
mod password;
#[cfg(feature = "alloc")]
mod pin;
#[cfg(feature = "alloc")]
mod text;
#[cfg(feature = "alloc")]
mod url;

#[cfg(feature = "alloc")]
pub use apikey::{
    API_KEY_CHECKSUM_CHARS, API_KEY_ENTROPY_BITS, API_KEY_RANDOM_CHARS, ApiKey, ApiKeyError,
    BASE62, MAX_API_KEY_PREFIX,
};
pub use error::{Error, Invalid};
#[cfg(feature = "std")]
pub use passphrase::MAX_WORD_LIST_BYTES;
#[cfg(feature = "alloc")]
pub use passphrase::{
    DEFAULT_PASSPHRASE_WORDS, MAX_PASSPHRASE_WORDS, MAX_WORD_BYTES, Passphrase,
    PassphraseGenerator, WordList,
};
pub use password::{AMBIGUOUS_CHARS, CharClass};
#[cfg(feature = "alloc")]
pub use password::{
    DEFAULT_PASSWORD_LENGTH, MAX_CONSTRAINED_LENGTH, MAX_PASSWORD_LENGTH, PasswordGenerator,
    PasswordPolicy,
};
#[cfg(feature = "alloc")]
pub use pin::{MAX_PIN_DIGITS, pin, pin_entropy_bits};
#[cfg(feature = "alloc")]
pub use text::normalized;
#[cfg(feature = "alloc")]
pub use url::reset_url;
