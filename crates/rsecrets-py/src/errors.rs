//! Rust errors as the Python exceptions a Python user expects.

use core::fmt::Display;

use pyo3::PyErr;
use pyo3::exceptions::{PyIndexError, PyMemoryError, PyOSError, PyValueError};
use rsecrets::{Error, HashError, RecipeError};

/// A core error: an empty sequence is an `IndexError` (as `random.choice`'s), the
/// generator failing an `OSError` (as `os.urandom`'s), every other mistake a
/// `ValueError`.
pub(crate) fn core<E: Display>(e: Error<E>) -> PyErr {
    match e {
        Error::EmptySequence => PyIndexError::new_err("Cannot choose from an empty sequence"),
        Error::Rng(e) => PyOSError::new_err(e.to_string()),
        e => PyValueError::new_err(e.to_string()),
    }
}

/// A recipe that cannot be made is a `ValueError`.
pub(crate) fn recipe(e: RecipeError) -> PyErr {
    match e {
        RecipeError::Core(e) => core(e),
        e => PyValueError::new_err(e.to_string()),
    }
}

/// A hash error (an empty password, a malformed PHC string) is a `ValueError`.
pub(crate) fn hash(e: HashError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// What CPython raises when an allocation is refused.
pub(crate) fn no_memory() -> PyErr {
    PyMemoryError::new_err(())
}
