//! The one error type shared by every rsecrets layer.

use core::convert::Infallible;
use core::fmt;

/// What went wrong in an rsecrets call.
///
/// Every invalid argument has its own variant, so a caller can match on the mistake
/// and a person reading the [`Display`](fmt::Display) text knows what to fix. The
/// last variant, [`Error::Rng`], carries the error of the random number generator
/// itself. Its type parameter `E` is that generator's
/// [`TryRng::Error`](rand_core::TryRng::Error); for infallible generators it is
/// [`Infallible`], so `Error` (with the default parameter) can only ever be an
/// argument mistake.
///
/// ```
/// use rsecrets_core::{Error, Secrets};
/// # use rsecrets_core::rand_core::SeedableRng;
/// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
/// let err: Error = secrets.randbelow(0u32).unwrap_err();
/// assert_eq!(err, Error::ZeroBound);
/// assert_eq!(err.to_string(), "upper bound must be positive (got 0)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error<E = Infallible> {
    /// `randbelow(0)`: there is no integer in `[0, 0)`.
    ZeroBound,
    /// `choice` (or a recipe that draws from a list) was given an empty sequence.
    EmptySequence,
    /// `randbits(k)` with `k` above the widest supported output.
    TooManyBits {
        /// The `k` that was asked for.
        requested: u32,
        /// The largest `k` accepted.
        max: u32,
    },
    /// `randrange` with a `step` of zero.
    ZeroStep,
    /// `randrange(start, stop, step)` or `randint(a, b)` describes no integer at all.
    EmptyRange,
    /// `sample(population, k)` with `k` greater than the population.
    SampleTooLarge {
        /// The sample size asked for.
        k: usize,
        /// The size of the population.
        population: usize,
    },
    /// A size (of a token, a buffer, a password…) above the documented maximum;
    /// refused before anything is allocated.
    TooLarge {
        /// What was asked for.
        requested: usize,
        /// The largest size accepted.
        max: usize,
    },
    /// A caller's buffer too small for the output asked for; nothing was drawn.
    BufferTooSmall {
        /// The bytes the output needs.
        needed: usize,
        /// The bytes the buffer has.
        len: usize,
    },
    /// The random number generator failed (for the OS generator: the operating
    /// system could not provide randomness). Never replaced by a weaker source.
    Rng(E),
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ZeroBound => f.write_str("upper bound must be positive (got 0)"),
            Error::EmptySequence => f.write_str("cannot choose from an empty sequence"),
            Error::TooManyBits { requested, max } => {
                write!(
                    f,
                    "cannot draw {requested} random bits: at most {max} are supported"
                )
            }
            Error::ZeroStep => f.write_str("zero step for randrange()"),
            Error::EmptyRange => f.write_str("empty range: no integer to choose from"),
            Error::SampleTooLarge { k, population } => {
                write!(
                    f,
                    "sample of {k} is larger than the population of {population}"
                )
            }
            Error::TooLarge { requested, max } => {
                write!(
                    f,
                    "size {requested} is too large: at most {max} is accepted"
                )
            }
            Error::BufferTooSmall { needed, len } => write!(
                f,
                "the buffer is too small: the output needs {needed} bytes, it has {len}"
            ),
            Error::Rng(e) => write!(f, "the random number generator failed: {e}"),
        }
    }
}

/// The generator's error is shown by `Display` (after "the random number generator
/// failed: "), so `source` passes over it to its own cause: an error reporter shows
/// each message once.
impl<E: core::error::Error + 'static> core::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Error::Rng(e) => e.source(),
            _ => None,
        }
    }
}
