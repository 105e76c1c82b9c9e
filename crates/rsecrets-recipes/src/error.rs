//! The recipes' error type.

use core::convert::Infallible;
use core::fmt;

/// What went wrong in a recipe.
///
/// A recipe can fail because an argument is wrong (its own variants), or in the
/// layers below it ([`Error::Core`]: a size limit, or the generator itself failing).
///
/// ```
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// let err = rsecrets_recipes::pin(&mut rng, 0).unwrap_err();
/// assert_eq!(err.to_string(), "a PIN needs 1 to 1024 digits (got 0)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error<E = Infallible> {
    /// A length (digits, characters, words) outside what the recipe accepts.
    Length {
        /// What the length counts, e.g. "a PIN".
        what: &'static str,
        /// The unit, e.g. "digits".
        unit: &'static str,
        /// The length asked for.
        requested: usize,
        /// The smallest length accepted.
        min: usize,
        /// The largest length accepted.
        max: usize,
    },
    /// A query parameter name that is empty or not made of URL-unreserved characters
    /// (`A–Z a–z 0–9 - . _ ~`), so it would need escaping.
    InvalidParamName,
    /// A base URL with a `#fragment`: a query parameter added after it would be part
    /// of the fragment, not the query.
    BaseHasFragment,
    /// An error of the layers below (a size limit, or the generator failing).
    Core(rsecrets_core::Error<E>),
}

impl<E> From<rsecrets_core::Error<E>> for Error<E> {
    fn from(e: rsecrets_core::Error<E>) -> Self {
        Error::Core(e)
    }
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Length {
                what,
                unit,
                requested,
                min,
                max,
            } => {
                write!(f, "{what} needs {min} to {max} {unit} (got {requested})")
            }
            Error::InvalidParamName => f.write_str(
                "a query parameter name must be non-empty and use only A-Z a-z 0-9 - . _ ~",
            ),
            Error::BaseHasFragment => {
                f.write_str("the base URL has a #fragment, so a query parameter cannot follow it")
            }
            Error::Core(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl<E: core::error::Error + 'static> core::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Error::Core(e) => Some(e),
            _ => None,
        }
    }
}
