//! What can go wrong when hashing, verifying or deriving.

use core::convert::Infallible;
use core::fmt;

/// An error from this layer. `E` is the generator's error, for the calls that draw
/// a salt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error<E = Infallible> {
    /// An empty secret: there is nothing to hash.
    EmptySecret,
    /// A stored hash that is not a PHC string this layer can read (truncated,
    /// garbled, or missing its salt or hash).
    Malformed,
    /// A PHC string for another algorithm or an unknown Argon2 version.
    Unsupported,
    /// Argon2 parameters outside what this layer accepts: below Argon2's own minimums,
    /// or above [`Params::MAX`](crate::Params::MAX) (refused before any memory is
    /// allocated).
    Params {
        /// The parameters asked for.
        memory_kib: u32,
        /// Passes over memory.
        iterations: u32,
        /// Lanes.
        parallelism: u32,
    },
    /// A derived key length outside what the function can make.
    KeyLength {
        /// The length asked for.
        requested: usize,
        /// The shortest it makes.
        min: usize,
        /// The longest it makes.
        max: usize,
    },
    /// A salt of the wrong size for key derivation.
    SaltLength {
        /// Its length.
        len: usize,
    },
    /// A master key too short to be a high-entropy key (HKDF is not a password hash).
    WeakMasterKey {
        /// Its length.
        len: usize,
    },
    /// The generator failed to give a salt.
    Rng(E),
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptySecret => f.write_str("the secret is empty"),
            Error::Malformed => f.write_str("the stored hash is not a valid PHC string"),
            Error::Unsupported => f.write_str(
                "the stored hash is not Argon2 (argon2id, argon2i or argon2d, v=19 or 16)",
            ),
            Error::Params {
                memory_kib,
                iterations,
                parallelism,
            } => write!(
                f,
                "Argon2 parameters m={memory_kib} t={iterations} p={parallelism} are outside \
                 what is accepted (m from 8·p to {} KiB, t from 1 to {}, p from 1 to {})",
                crate::Params::MAX.memory_kib,
                crate::Params::MAX.iterations,
                crate::Params::MAX.parallelism,
            ),
            Error::KeyLength {
                requested,
                min,
                max,
            } => {
                write!(
                    f,
                    "cannot derive a {requested}-byte key: from {min} to {max} bytes"
                )
            }
            Error::SaltLength { len } => write!(
                f,
                "a salt of {len} bytes: Argon2 key derivation takes {} to 64",
                crate::SALT_LEN
            ),
            Error::WeakMasterKey { len } => write!(
                f,
                "a master key of {len} bytes is too short for HKDF: at least {} random bytes \
                 (derive keys from a password with derive_key)",
                crate::MIN_MASTER_KEY_LEN
            ),
            Error::Rng(e) => write!(f, "the random number generator failed: {e}"),
        }
    }
}

impl<E: core::error::Error + 'static> core::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Error::Rng(e) => e.source(),
            _ => None,
        }
    }
}
