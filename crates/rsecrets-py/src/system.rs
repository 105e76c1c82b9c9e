//! The operating-system draws behind `rsecrets.SystemRandom`.
//!
//! `python/rsecrets/__init__.py` subclasses `random.SystemRandom` and points its
//! `random`, `getrandbits`, `randbytes`, `_randbelow` and `choice` here: the same
//! results and exceptions as CPython's, one `getrandom` call per draw as CPython
//! makes, without CPython's Python-level arithmetic.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::cpython;
use crate::ints;
use crate::source::Source;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(os_random, m)?)?;
    m.add_function(wrap_pyfunction!(os_getrandbits, m)?)?;
    m.add_function(wrap_pyfunction!(os_randbytes, m)?)?;
    m.add_function(wrap_pyfunction!(os_randbelow, m)?)?;
    m.add_function(wrap_pyfunction!(os_choice, m)?)?;
    Ok(())
}

/// A float in [0.0, 1.0): 53 random bits from the operating system.
#[pyfunction]
fn os_random() -> PyResult<f64> {
    Source::Os.random()
}

/// An int with k random bits from the operating system.
#[pyfunction]
fn os_getrandbits<'py>(k: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    ints::bits(Source::Os, k)
}

/// n random bytes from the operating system.
#[pyfunction]
fn os_randbytes<'py>(n: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    let py = n.py();
    PyBytes::new_with(py, cpython::size(n)?, |buf| Source::Os.fill(py, buf))
}

/// A uniform int in [0, n) from the operating system.
#[pyfunction]
fn os_randbelow<'py>(n: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    ints::below(Source::Os, n)
}

/// A uniform element of a non-empty sequence, from the operating system.
#[pyfunction]
fn os_choice<'py>(seq: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    ints::pick(Source::Os, seq)
}
