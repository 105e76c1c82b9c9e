//! `randbelow`, `randbits` and `choice`, for Python ints of any size and any
//! sequence.
//!
//! An exact `int` (or `bool`) takes the fast paths: one machine word, two, or
//! `randbelow_words` over as many 64-bit words as the bound needs (what CPython does
//! with `getrandbits` and a rejection loop). Anything else goes to CPython's own
//! code (see `cpython`).

use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyInt, PyList, PyTuple};
use rsecrets::Zeroizing;

use crate::cpython;
use crate::errors;
use crate::source::Source;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(randbelow, m)?)?;
    m.add_function(wrap_pyfunction!(randbits, m)?)?;
    m.add_function(wrap_pyfunction!(choice, m)?)?;
    Ok(())
}

/// Return a random int in the range [0, n).
///
/// Uniform (rejection, no modulo bias) for an int of any size; `ValueError` for
/// `n <= 0`.
#[pyfunction]
pub(crate) fn randbelow<'py>(
    exclusive_upper_bound: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    below(Source::Fast, exclusive_upper_bound)
}

/// getrandbits(k) -> x.  Generates an int with k random bits.
#[pyfunction]
pub(crate) fn randbits<'py>(k: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    bits(Source::Fast, k)
}

/// Choose a random element from a non-empty sequence.
///
/// `IndexError` for an empty one; works on anything with `len()` and integer
/// indexing, as CPython's does.
#[pyfunction]
pub(crate) fn choice<'py>(seq: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    pick(Source::Fast, seq)
}

fn is_int(n: &Bound<'_, PyAny>) -> bool {
    n.is_exact_instance_of::<PyInt>() || n.is_exact_instance_of::<PyBool>()
}

/// A uniform int in `[0, n)`: `secrets.randbelow(n)`, with its `ValueError` for
/// `n <= 0`.
pub(crate) fn below<'py>(src: Source, n: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = n.py();
    if is_int(n) {
        match n.extract::<u64>() {
            Ok(0) => {}
            Ok(v) => return Ok(src.below(v)?.into_pyobject(py)?.into_any()),
            Err(_) if n.gt(0)? => {
                if let Ok(v) = n.extract::<u128>() {
                    return Ok(src.below(v)?.into_pyobject(py)?.into_any());
                }
                return below_big(src, n);
            }
            Err(_) => {}
        }
        return Err(not_positive());
    }
    // As `secrets.randbelow` does it, with CPython's exceptions for what is not an
    // int (a float has no `bit_length`, a str no `<=` with an int).
    if n.le(0)? {
        return Err(not_positive());
    }
    cpython::system_random(py)?.call_method1(intern!(py, "_randbelow"), (n,))
}

fn not_positive() -> PyErr {
    PyValueError::new_err("Upper bound must be positive.")
}

/// `randbelow` past 128 bits: the bound as big-endian 64-bit words, one draw of
/// `randbelow_words`, and the words back into an int.
fn below_big<'py>(src: Source, n: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = n.py();
    let bit_length: usize = n.call_method0(intern!(py, "bit_length"))?.extract()?;
    let words = bit_length.div_ceil(64);
    let len = words * 8;
    let be = n.call_method1(intern!(py, "to_bytes"), (len, intern!(py, "big")))?;
    let be = be.cast::<PyBytes>()?.as_bytes();
    let mut bound = Vec::new();
    bound
        .try_reserve_exact(words)
        .map_err(|_| errors::no_memory())?;
    bound.extend(be.chunks_exact(8).map(word));
    let mut out = Vec::new();
    out.try_reserve_exact(words)
        .map_err(|_| errors::no_memory())?;
    out.resize(words, 0u64);
    let mut out = Zeroizing::new(out);
    if len >= crate::source::DETACH_AT {
        py.detach(|| src.below_words(&bound, &mut out))?;
    } else {
        src.below_words(&bound, &mut out)?;
    }
    let be = PyBytes::new_with(py, len, |buf| {
        for (dst, w) in buf.chunks_exact_mut(8).zip(out.iter()) {
            dst.copy_from_slice(&w.to_be_bytes());
        }
        Ok(())
    })?;
    from_be_bytes(&be)
}

fn word(chunk: &[u8]) -> u64 {
    chunk.iter().fold(0, |w, &b| (w << 8) | u64::from(b))
}

fn from_be_bytes<'py>(be: &Bound<'py, PyBytes>) -> PyResult<Bound<'py, PyAny>> {
    let py = be.py();
    py.get_type::<PyInt>()
        .call_method1(intern!(py, "from_bytes"), (be, intern!(py, "big")))
}

/// `getrandbits(k)`: `ValueError` for `k < 0`, any `k` that fits in memory.
pub(crate) fn bits<'py>(src: Source, k: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = k.py();
    if is_int(k) {
        if let Ok(k) = k.extract::<i64>() {
            if k < 0 {
                return Err(PyValueError::new_err("number of bits must be non-negative"));
            }
            if let Ok(small @ 0..=64) = u32::try_from(k) {
                return Ok(src.bits(small)?.into_pyobject(py)?.into_any());
            }
            if let Ok(k) = usize::try_from(k) {
                if isize::try_from(k.div_ceil(8)).is_ok() {
                    return bits_big(src, py, k);
                }
            }
        }
    }
    // A float, an int subclass, or a k whose byte count no `bytes` can hold:
    // whatever CPython's getrandbits makes of it.
    cpython::system_random(py)?.call_method1(intern!(py, "getrandbits"), (k,))
}

/// `k > 64` random bits: `ceil(k / 8)` random bytes, the excess high bits of the
/// first cleared, read as a big-endian int.
fn bits_big(src: Source, py: Python<'_>, k: usize) -> PyResult<Bound<'_, PyAny>> {
    let len = k.div_ceil(8);
    let excess = len * 8 - k;
    let be = PyBytes::new_with(py, len, |buf| {
        src.fill(py, buf)?;
        if let Some(first) = buf.first_mut() {
            *first &= 0xff >> excess;
        }
        Ok(())
    })?;
    from_be_bytes(&be)
}

/// `seq[randbelow(len(seq))]`, `IndexError` when `seq` is empty.
pub(crate) fn pick<'py>(src: Source, seq: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(list) = seq.cast_exact::<PyList>() {
        let i = index(src, list.len())?;
        return list.get_item(i);
    }
    if let Ok(tuple) = seq.cast_exact::<PyTuple>() {
        let i = index(src, tuple.len())?;
        return tuple.get_item(i);
    }
    let i = index(src, seq.len()?)?;
    seq.get_item(i)
}

fn index(src: Source, len: usize) -> PyResult<usize> {
    if len == 0 {
        return Err(PyIndexError::new_err(
            "Cannot choose from an empty sequence",
        ));
    }
    src.below(len)
}
