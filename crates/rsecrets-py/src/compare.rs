//! `compare_digest` with `hmac.compare_digest`'s type rules.
//!
//! CPython's rules (`_operator._compare_digest`): two `str` (subclasses too) are
//! compared by their characters if both are ASCII, and refused with `TypeError`
//! otherwise; anything else must be bytes-like, read through the buffer protocol.
//! `__eq__` is never called. Here two `str`, and two exact `bytes` or `bytearray`,
//! are compared by [`rsecrets::compare_digest`] (time depends on the lengths only);
//! every other pair (a `memoryview`, an `array`, a `bytes` subclass, mixed or
//! invalid types) goes to `hmac.compare_digest` itself, so its exceptions and
//! messages are CPython's.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use rsecrets::Zeroizing;

use crate::cpython;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(compare_digest, m)?)?;
    Ok(())
}

/// Return 'a == b'.
///
/// This function uses an approach designed to prevent timing analysis, making it
/// appropriate for cryptography. a and b must both be of the same type: either str
/// (ASCII only), or any bytes-like object.
///
/// Note: If a and b are of different lengths, or if an error occurs, a timing
/// attack could theoretically reveal information about the types and lengths of a
/// and b--but not their values.
#[pyfunction]
#[pyo3(signature = (a, b, /))]
pub(crate) fn compare_digest(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<bool> {
    if let (Ok(a), Ok(b)) = (a.cast::<PyString>(), b.cast::<PyString>()) {
        return match (ascii(a), ascii(b)) {
            (Some(a), Some(b)) => Ok(rsecrets::compare_digest(a, b)),
            _ => Err(PyTypeError::new_err(
                "comparing strings with non-ASCII characters is not supported",
            )),
        };
    }
    if let (Some(a), Some(b)) = (Bytes::of(a), Bytes::of(b)) {
        return Ok(rsecrets::compare_digest(a.as_slice(), b.as_slice()));
    }
    cpython::compare_digest(a.py())?.call1((a, b))?.extract()
}

/// The text of an ASCII `str` (one byte a character, as CPython compares them).
fn ascii<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a str> {
    s.to_str().ok().filter(|s| s.is_ascii())
}

/// The contents of an exact `bytes` (borrowed) or `bytearray` (copied: it can change
/// under us, and the copy is wiped).
enum Bytes<'a> {
    Borrowed(&'a [u8]),
    Copied(Zeroizing<Vec<u8>>),
}

impl<'a> Bytes<'a> {
    fn of(obj: &'a Bound<'_, PyAny>) -> Option<Self> {
        if let Ok(b) = obj.cast_exact::<PyBytes>() {
            Some(Bytes::Borrowed(b.as_bytes()))
        } else if let Ok(b) = obj.cast_exact::<PyByteArray>() {
            Some(Bytes::Copied(Zeroizing::new(b.to_vec())))
        } else {
            None
        }
    }

    fn as_slice(&self) -> &[u8] {
        match self {
            Bytes::Borrowed(b) => b,
            Bytes::Copied(v) => v,
        }
    }
}
