//! CPython's own implementations, for the inputs outside our fast paths.
//!
//! `secrets` accepts whatever its building blocks accept (`os.urandom` takes any
//! object with `__index__`, `random.SystemRandom._randbelow` anything with
//! `bit_length` and comparisons) and raises whatever they raise. Rather than imitate
//! every such path, the few inputs our fast paths do not take (an `int` subclass,
//! a float, a negative or huge size) go to the very functions CPython's `secrets`
//! calls, so the result or the exception is CPython's by construction. They still
//! draw from the operating system, so nothing weaker is ever used.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

static URANDOM: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static COMPARE_DIGEST: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static SYSTEM_RANDOM: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `os.urandom`.
pub(crate) fn urandom(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    URANDOM.import(py, "os", "urandom")
}

/// `hmac.compare_digest` (`_operator._compare_digest`).
pub(crate) fn compare_digest(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    COMPARE_DIGEST.import(py, "hmac", "compare_digest")
}

/// A `random.SystemRandom()`: the object CPython's `secrets` calls `_sysrand`.
pub(crate) fn system_random(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    SYSTEM_RANDOM
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(
                py.import("random")?
                    .getattr("SystemRandom")?
                    .call0()?
                    .unbind(),
            )
        })
        .map(|r| r.bind(py))
}

/// The size `os.urandom(n)` would use: `n` as a non-negative `isize`, or the exception
/// `os.urandom(n)` raises for it (`TypeError`, `ValueError`, `OverflowError`).
pub(crate) fn size(n: &Bound<'_, PyAny>) -> PyResult<usize> {
    if let Ok(k) = n.extract::<isize>() {
        if let Ok(k) = usize::try_from(k) {
            return Ok(k);
        }
    }
    match urandom(n.py())?.call1((n,)) {
        Err(e) => Err(e),
        // os.urandom took what `isize` did not: not seen, but then its answer stands
        // for the size too.
        Ok(bytes) => bytes.len(),
    }
}
