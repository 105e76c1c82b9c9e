#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod free;

/// The workspace README's Rust example, compiled and run as a doc test so that what a
/// newcomer copies works.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

pub use free::{
    DefaultRng, api_key, choice, fill_bytes, hash_password, passphrase, password, pin, randbelow,
    randbits, reset_url, rng, token_alphabet, token_base32, token_base32_crockford, token_base64,
    token_bytes, token_hex, token_id, token_urlsafe, uuid4, uuid4_bytes, uuid7, uuid7_bytes,
};
#[cfg(feature = "uuid")]
pub use free::{uuid4_uuid, uuid7_uuid};

/// Every layer, re-exported whole, for what the free functions do not cover.
pub use {
    rsecrets_compare, rsecrets_core, rsecrets_entropy, rsecrets_hash, rsecrets_recipes,
    rsecrets_token,
};

pub use rand_core;
pub use rsecrets_compare::compare_digest;
pub use rsecrets_core::{Error, Int, Secrets, UnsignedInt};
pub use rsecrets_entropy::OsRng;
pub use rsecrets_hash::Error as HashError;
pub use rsecrets_hash::Params as Argon2Params;
pub use rsecrets_hash::{
    derive_key, derive_subkey, digest, keyed_digest, needs_rehash, verify_digest,
    verify_keyed_digest, verify_password,
};
pub use rsecrets_recipes::Error as RecipeError;
pub use rsecrets_recipes::{
    ApiKey, ApiKeyError, CharClass, Passphrase, PassphraseGenerator, PasswordGenerator,
    PasswordPolicy, WordList,
};
pub use rsecrets_token::{Alphabet, AlphabetError, IdError, Uuid7};
pub use rsecrets_token::{DEFAULT_ENTROPY, MAX_TOKEN_BYTES};
pub use zeroize::Zeroizing;

/// Python's `secrets.SystemRandom`: the whole `random.Random`-style API
/// ([`Secrets`]) on the operating system's generator, one system call per draw.
///
/// Its methods return [`Error`]`<`[`rsecrets_entropy::Error`]`>`, so an OS failure is an
/// error value to handle rather than a panic.
///
/// ```
/// let mut sys = rsecrets::SystemRandom::default();
/// let die = sys.randint(1u8, 6)?;
/// assert!((1..=6).contains(&die));
/// let mut deck: Vec<u8> = (0..52).collect();
/// sys.shuffle(&mut deck)?;
/// # Ok::<(), rsecrets::Error<rsecrets::rsecrets_entropy::Error>>(())
/// ```
pub type SystemRandom = Secrets<OsRng>;
