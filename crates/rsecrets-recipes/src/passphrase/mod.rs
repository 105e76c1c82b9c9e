//! Passphrases: words drawn from a word list.

mod generator;
mod policy;
mod wordlist;

pub use generator::PassphraseGenerator;
pub use policy::{DEFAULT_PASSPHRASE_WORDS, MAX_PASSPHRASE_WORDS, MAX_WORD_BYTES, Passphrase};
#[cfg(feature = "std")]
pub use wordlist::MAX_WORD_LIST_BYTES;
pub use wordlist::WordList;
