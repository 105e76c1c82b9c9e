//! [`OsRng`]: the operating system's generator, one call per request.

use core::fmt;

use rand_core::{TryCryptoRng, TryRng};

/// The operating system's cryptographic random number generator.
///
/// Each call asks the OS (through the `getrandom` crate) for fresh bytes; no state
/// is kept in the process, so there is nothing to leak, to duplicate on `fork()` or
/// to restore from a VM snapshot beyond what the OS itself does. That safety costs
/// a system call per request (hundreds of nanoseconds), which is why the facade's free
/// functions use a faster generator by default and `rsecrets::SystemRandom` uses
/// this one.
///
/// `OsRng` implements the fallible traits: its [`TryRng::Error`] is [`Error`].
/// For the infallible [`rand_core::CryptoRng`], wrap it explicitly:
/// [`UnwrapErr`](rand_core::UnwrapErr)`(OsRng)` panics if the OS fails.
///
/// ```
/// use rand_core::TryRng;
/// use rsecrets_entropy::OsRng;
///
/// let mut buf = [0u8; 16];
/// OsRng.try_fill_bytes(&mut buf)?;
/// # Ok::<(), rsecrets_entropy::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OsRng;

impl TryRng for OsRng {
    type Error = Error;

    #[inline]
    fn try_next_u32(&mut self) -> Result<u32, Error> {
        getrandom::u32().map_err(Error::from)
    }

    #[inline]
    fn try_next_u64(&mut self) -> Result<u64, Error> {
        getrandom::u64().map_err(Error::from)
    }

    #[inline]
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Error> {
        getrandom::fill(dst).map_err(Error::from)
    }
}

impl TryCryptoRng for OsRng {}

/// A generator could not be had from the operating system.
///
/// Small and `Copy`, like `getrandom`'s own error; its `Display` says what failed.
///
/// ```
/// use rsecrets_entropy::Error;
/// fn describe(e: Error) -> String { format!("entropy unavailable: {e}") }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The OS random number generator failed; `getrandom`'s error says how (its
    /// `raw_os_error` is `errno` on Unix).
    Os(getrandom::Error),
    /// The OS refused memory for a fast generator's state.
    NoMemory,
    /// The fork handler could not be registered (`pthread_atfork`), so a fast
    /// generator would not notice a `fork()`: none is made.
    NoForkGuard,
}

impl From<getrandom::Error> for Error {
    fn from(e: getrandom::Error) -> Self {
        Error::Os(e)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Os(e) => write!(
                f,
                "the operating system's random number generator failed: {e}"
            ),
            Error::NoMemory => {
                f.write_str("the operating system refused memory for a generator's state")
            }
            Error::NoForkGuard => f.write_str(
                "cannot register the fork handler (pthread_atfork), so no generator is made",
            ),
        }
    }
}

/// `getrandom`'s message is part of `Display`, so it is not a `source` as well: an
/// error reporter shows it once.
impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_every_length() {
        for len in [0usize, 1, 7, 32, 255, 256, 257, 4096, 1 << 20] {
            let mut a = alloc_vec(len);
            let mut b = alloc_vec(len);
            OsRng.try_fill_bytes(&mut a).unwrap();
            OsRng.try_fill_bytes(&mut b).unwrap();
            // Two independent 16+-byte draws collide with probability 2^-128.
            if len >= 16 {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn words_differ() {
        // P(false failure) = 2^-64 per pair.
        assert_ne!(OsRng.try_next_u64().unwrap(), OsRng.try_next_u64().unwrap());
        // P(all eight 32-bit words equal) = 2^-224.
        let first = OsRng.try_next_u32().unwrap();
        assert!((0..7).any(|_| OsRng.try_next_u32().unwrap() != first));
    }

    #[test]
    fn error_display_names_the_os() {
        let e = Error::from(getrandom::Error::UNSUPPORTED);
        let text = alloc_string(&e);
        assert!(text.starts_with("the operating system's random number generator failed"));
        assert!(text.ends_with(&alloc_string(&getrandom::Error::UNSUPPORTED)));
        // Shown once: in `Display`, not again as the source.
        assert!(core::error::Error::source(&e).is_none());
    }

    extern crate alloc;
    fn alloc_vec(len: usize) -> alloc::vec::Vec<u8> {
        alloc::vec![0; len]
    }
    fn alloc_string(e: &dyn fmt::Display) -> alloc::string::String {
        alloc::format!("{e}")
    }
}
