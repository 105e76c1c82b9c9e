//! The Python package `rsecrets`: CPython's `secrets` module on rsecrets, and the
//! recipes `secrets` only describes in its documentation.
//!
//! This crate is the extension module `rsecrets._rsecrets`; `python/rsecrets/` is
//! the package around it (the `SystemRandom` class, `__all__`, type stubs). maturin
//! builds the two into one wheel: `pip install crates/rsecrets-py`.
//!
//! - **Drop-in**: `import rsecrets as secrets` keeps every program that uses CPython's
//!   `secrets` working, with CPython's exception types and messages. Inputs outside
//!   the fast paths (an `int` subclass, a float, a huge or negative size) are handed
//!   to CPython's own code, so their behaviour is CPython's by construction.
//! - **Generator**: the module functions draw from [`rsecrets::rng`] (per-thread
//!   ChaCha20 with fast key erasure, reseeded on `fork()`); `SystemRandom` draws
//!   from the operating system on every call, as CPython's does.
//! - **Threads**: calls that do real work (Argon2id, megabytes of tokens) detach
//!   from the interpreter, and the module declares itself free-threading safe
//!   (`gil_used = false`): it keeps no state but per-thread generators and
//!   immutable objects.
//! - **Memory**: buffers this crate fills on the Rust side are wiped when dropped;
//!   Python's `bytes`, `str` and `int` objects are immutable and are freed by Python
//!   without wiping, as CPython's own are.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod compare;
mod cpython;
mod errors;
mod hash;
mod ints;
mod recipes;
mod source;
mod system;
mod tokens;

use pyo3::prelude::*;

/// The extension module: the functions and classes `python/rsecrets/__init__.py`
/// re-exports.
#[pymodule(gil_used = false)]
fn _rsecrets(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("DEFAULT_ENTROPY", rsecrets::DEFAULT_ENTROPY)?;
    m.add(
        "API_KEY_ENTROPY_BITS",
        rsecrets::rsecrets_recipes::API_KEY_ENTROPY_BITS,
    )?;
    m.add("UUID4_ENTROPY_BITS", 122)?;
    tokens::register(m)?;
    ints::register(m)?;
    compare::register(m)?;
    system::register(m)?;
    recipes::register(m)?;
    hash::register(m)?;
    Ok(())
}
