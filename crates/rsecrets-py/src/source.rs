//! The two generators behind the Python API: the module functions' fast one and
//! `SystemRandom`'s operating system.

use pyo3::prelude::*;
use rsecrets::rand_core::TryRng;
use rsecrets::{OsRng, Secrets, UnsignedInt};

use crate::errors;

/// Requests at least this large detach from the interpreter while they are drawn,
/// so other Python threads run meanwhile (a detach costs about as much as drawing a
/// few hundred bytes).
pub(crate) const DETACH_AT: usize = 64 << 10;

/// Where random numbers come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// [`rsecrets::rng`]: per-thread ChaCha20 seeded from the OS, fork-safe.
    Fast,
    /// [`OsRng`]: one `getrandom` call per draw, as CPython's `SystemRandom`.
    Os,
}

impl Source {
    /// Fills `dst`, detached from the interpreter when `dst` is large.
    pub(crate) fn fill(self, py: Python<'_>, dst: &mut [u8]) -> PyResult<()> {
        if dst.len() >= DETACH_AT {
            py.detach(|| self.fill_attached(dst))
        } else {
            self.fill_attached(dst)
        }
    }

    fn fill_attached(self, dst: &mut [u8]) -> PyResult<()> {
        match self {
            Source::Fast => {
                rsecrets::fill_bytes(dst);
                Ok(())
            }
            Source::Os => OsRng
                .try_fill_bytes(dst)
                .map_err(|e| errors::core(rsecrets::Error::Rng(e))),
        }
    }

    /// A uniform integer in `[0, n)`; `n == 0` is a `ValueError`.
    pub(crate) fn below<T: UnsignedInt>(self, n: T) -> PyResult<T> {
        match self {
            Source::Fast => rsecrets::randbelow(n).map_err(errors::core),
            Source::Os => Secrets::new(OsRng).randbelow(n).map_err(errors::core),
        }
    }

    /// A uniform integer below the multi-word `bound` (most significant word first)
    /// into `out`.
    pub(crate) fn below_words(self, bound: &[u64], out: &mut [u64]) -> PyResult<()> {
        match self {
            Source::Fast => Secrets::new(rsecrets::rng())
                .randbelow_words(bound, out)
                .map_err(errors::core),
            Source::Os => Secrets::new(OsRng)
                .randbelow_words(bound, out)
                .map_err(errors::core),
        }
    }

    /// `k <= 64` random bits.
    pub(crate) fn bits(self, k: u32) -> PyResult<u64> {
        match self {
            Source::Fast => rsecrets::randbits(k).map_err(errors::core),
            Source::Os => Secrets::new(OsRng).randbits(k).map_err(errors::core),
        }
    }

    /// A uniform float in `[0, 1)`, a multiple of `2^-53`.
    pub(crate) fn random(self) -> PyResult<f64> {
        match self {
            Source::Fast => Secrets::new(rsecrets::rng()).random().map_err(errors::core),
            Source::Os => Secrets::new(OsRng).random().map_err(errors::core),
        }
    }
}
