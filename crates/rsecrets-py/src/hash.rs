//! Argon2id password hashes, computed with the interpreter released.

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rsecrets::{Argon2Params, Zeroizing};

use crate::errors;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(hash_password, m)?)?;
    m.add_function(wrap_pyfunction!(verify_password, m)?)?;
    m.add_function(wrap_pyfunction!(needs_rehash, m)?)?;
    Ok(())
}

/// A password's bytes: a `str` as UTF-8 and `bytes` borrowed, any other bytes-like
/// object copied (it could change while the interpreter is released; the copy is
/// wiped).
enum Secret<'a> {
    Borrowed(&'a [u8]),
    Copied(Zeroizing<Vec<u8>>),
}

impl<'a> Secret<'a> {
    fn of(obj: &'a Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(Secret::Borrowed(s.to_str()?.as_bytes()));
        }
        if let Ok(b) = obj.cast_exact::<PyBytes>() {
            return Ok(Secret::Borrowed(b.as_bytes()));
        }
        match PyBuffer::<u8>::get(obj) {
            Ok(buf) => Ok(Secret::Copied(Zeroizing::new(buf.to_vec(obj.py())?))),
            Err(_) => Err(PyTypeError::new_err(format!(
                "password must be str or bytes-like, not '{}'",
                obj.get_type().name()?
            ))),
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Secret::Borrowed(b) => b,
            Secret::Copied(v) => v,
        }
    }
}

/// Hashes a password (str as UTF-8, or bytes-like) for storage: Argon2id with
/// RFC 9106's second recommended parameters (64 MiB, 3 passes, 4 lanes; those of
/// argon2-cffi) and a fresh 16-byte salt, as a PHC string. Releases the GIL.
#[pyfunction]
fn hash_password(py: Python<'_>, password: &Bound<'_, PyAny>) -> PyResult<String> {
    let secret = Secret::of(password)?;
    let secret = secret.bytes();
    py.detach(|| rsecrets::hash_password(secret))
        .map_err(errors::hash)
}

/// True if `password` matches the PHC string `phc` (argon2id, argon2i or argon2d,
/// from any implementation), False if not; ValueError for a malformed `phc`.
/// Releases the GIL.
#[pyfunction]
fn verify_password(py: Python<'_>, password: &Bound<'_, PyAny>, phc: &str) -> PyResult<bool> {
    let secret = Secret::of(password)?;
    let secret = secret.bytes();
    py.detach(|| rsecrets::verify_password(secret, phc))
        .map_err(errors::hash)
}

/// True if `phc` was not made with this package's current algorithm and parameters
/// (so the password should be hashed again at the next login).
#[pyfunction]
fn needs_rehash(phc: &str) -> PyResult<bool> {
    rsecrets::needs_rehash(phc, Argon2Params::DEFAULT).map_err(errors::hash)
}
