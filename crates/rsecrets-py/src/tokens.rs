//! `token_bytes`, `token_hex`, `token_urlsafe` and `uuid4`, with no size cap.
//!
//! The token layer refuses sizes above `MAX_TOKEN_BYTES` (16 MiB), so that a size
//! taken from untrusted input cannot exhaust memory; CPython's `secrets` has no such
//! cap, only `MemoryError`. Larger tokens are made here from independent chunks: hex
//! of concatenated bytes is the concatenation of their hex, and base64 of
//! concatenated bytes is the concatenation of their base64 when every chunk but the
//! last is a multiple of 3 bytes. Every allocation is fallible (`MemoryError`, never
//! an abort).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rsecrets::rsecrets_token::{fill_token_hex, fill_token_urlsafe, urlsafe_len};
use rsecrets::{DEFAULT_ENTROPY, DefaultRng, MAX_TOKEN_BYTES, Zeroizing};
use zeroize::Zeroize;

use crate::cpython;
use crate::errors;
use crate::source::{DETACH_AT, Source};

/// Tokens up to this many bytes are encoded on the stack.
const SMALL: usize = 64;
/// A chunk of a large hex token, in bytes.
const HEX_CHUNK: usize = MAX_TOKEN_BYTES;
/// A chunk of a large base64url token, in bytes: a multiple of 3, so each chunk's
/// text ends on a whole base64 quantum and the chunks' texts join without padding.
const URLSAFE_CHUNK: usize = 3 << 22;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(token_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(token_hex, m)?)?;
    m.add_function(wrap_pyfunction!(token_urlsafe, m)?)?;
    m.add_function(wrap_pyfunction!(uuid4, m)?)?;
    Ok(())
}

/// `nbytes`, `None` meaning `DEFAULT_ENTROPY`, with `os.urandom`'s errors.
fn nbytes(nbytes: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    match nbytes {
        Some(n) if !n.is_none() => cpython::size(n),
        _ => Ok(DEFAULT_ENTROPY),
    }
}

/// A zeroed buffer of `len` bytes, wiped when dropped; `MemoryError` if refused.
fn buffer(len: usize) -> PyResult<Zeroizing<Vec<u8>>> {
    let mut v = Vec::new();
    v.try_reserve_exact(len).map_err(|_| errors::no_memory())?;
    v.resize(len, 0);
    Ok(Zeroizing::new(v))
}

/// Random bytes: `bytes` of `n` bytes, `DEFAULT_ENTROPY` (32) when `n` is `None`.
///
/// Filled in place (no copy to wipe); requests of 64 KiB and more release the GIL.
#[pyfunction]
#[pyo3(signature = (nbytes=None))]
pub(crate) fn token_bytes<'py>(
    py: Python<'py>,
    nbytes: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let n = self::nbytes(nbytes)?;
    PyBytes::new_with(py, n, |buf| Source::Fast.fill(py, buf))
}

/// Random text in hexadecimal: `2 * nbytes` lowercase hex digits.
#[pyfunction]
#[pyo3(signature = (nbytes=None))]
pub(crate) fn token_hex<'py>(
    py: Python<'py>,
    nbytes: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyString>> {
    let n = self::nbytes(nbytes)?;
    if n <= SMALL {
        let mut out = [0u8; 2 * SMALL];
        return small(py, &mut out, 2 * n, |out| {
            fill_token_hex(&mut rsecrets::rng(), n, out)
        });
    }
    let len = n.checked_mul(2).ok_or_else(errors::no_memory)?;
    chunked(py, n, len, HEX_CHUNK, 2 * HEX_CHUNK, fill_token_hex)
}

/// Random URL-safe text: `nbytes` random bytes in unpadded base64url
/// (`ceil(4 * nbytes / 3)` characters of `A-Z a-z 0-9 - _`).
#[pyfunction]
#[pyo3(signature = (nbytes=None))]
pub(crate) fn token_urlsafe<'py>(
    py: Python<'py>,
    nbytes: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyString>> {
    let n = self::nbytes(nbytes)?;
    if n <= SMALL {
        let mut out = [0u8; 4 * SMALL / 3 + 1];
        let len = urlsafe_len(n).unwrap_or(out.len());
        return small(py, &mut out, len, |out| {
            fill_token_urlsafe(&mut rsecrets::rng(), n, out)
        });
    }
    // ceil(4n / 3), without overflow for any n up to isize::MAX.
    let len = (n / 3) * 4 + urlsafe_len(n % 3).unwrap_or(0);
    chunked(
        py,
        n,
        len,
        URLSAFE_CHUNK,
        URLSAFE_CHUNK / 3 * 4,
        fill_token_urlsafe,
    )
}

/// A large token of `n` bytes and `len` characters, made `chunk` bytes (`text`
/// characters) at a time by `fill` into one wiped buffer, without the GIL from
/// `DETACH_AT` bytes on.
fn chunked<'py>(
    py: Python<'py>,
    n: usize,
    len: usize,
    chunk: usize,
    text: usize,
    fill: for<'a> fn(&mut DefaultRng, usize, &'a mut [u8]) -> Result<&'a str, rsecrets::Error>,
) -> PyResult<Bound<'py, PyString>> {
    let mut buf = buffer(len)?;
    let encode = |buf: &mut [u8]| -> PyResult<()> {
        let mut rng = rsecrets::rng();
        for (i, out) in buf.chunks_mut(text).enumerate() {
            fill(&mut rng, (n - i * chunk).min(chunk), out).map_err(errors::core)?;
        }
        Ok(())
    };
    if n >= DETACH_AT {
        py.detach(|| encode(&mut buf))?;
    } else {
        encode(&mut buf)?;
    }
    Ok(PyString::new(py, ascii(&buf)?))
}

/// A random (version 4) UUID as its canonical 36-character lowercase string: 122
/// random bits. `uuid.UUID(uuid4())` gives the object.
#[pyfunction]
pub(crate) fn uuid4(py: Python<'_>) -> Bound<'_, PyString> {
    PyString::new(py, &rsecrets::uuid4())
}

/// A small token encoded on the stack by `encode`, which writes the first `len`
/// bytes of `out`: only those are wiped afterwards (wiping is a volatile write a
/// byte, a large share of a small token's cost).
fn small<'py>(
    py: Python<'py>,
    out: &mut [u8],
    len: usize,
    encode: impl FnOnce(&mut [u8]) -> Result<&str, rsecrets::Error>,
) -> PyResult<Bound<'py, PyString>> {
    let token = encode(out).map(|token| PyString::new(py, token));
    let len = len.min(out.len());
    out[..len].zeroize();
    token.map_err(errors::core)
}

/// The encoders write ASCII only; the check keeps the conversion safe anyway.
fn ascii(text: &[u8]) -> PyResult<&str> {
    core::str::from_utf8(text)
        .map_err(|_| pyo3::exceptions::PySystemError::new_err("token encoder wrote non-ASCII"))
}
