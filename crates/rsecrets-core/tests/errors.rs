//! Every argument mistake gives its typed error; generator failures come back as
//! `Error::Rng`; the `Display` text is written for a person.

mod common;

use core::fmt;

use common::seeded;
use rsecrets_core::Error;
use rsecrets_core::rand_core::{TryCryptoRng, TryRng};

#[test]
fn randbelow_zero_for_every_type() {
    let mut s = seeded(1);
    assert_eq!(s.randbelow(0u8), Err(Error::ZeroBound));
    assert_eq!(s.randbelow(0u16), Err(Error::ZeroBound));
    assert_eq!(s.randbelow(0u32), Err(Error::ZeroBound));
    assert_eq!(s.randbelow(0u64), Err(Error::ZeroBound));
    assert_eq!(s.randbelow(0u128), Err(Error::ZeroBound));
    assert_eq!(s.randbelow(0usize), Err(Error::ZeroBound));
}

#[test]
fn choice_empty() {
    let mut s = seeded(1);
    assert_eq!(s.choice::<u8>(&[]), Err(Error::EmptySequence));
    assert_eq!(s.choice::<String>(&[]), Err(Error::EmptySequence));
}

#[test]
fn randbits_too_many() {
    let mut s = seeded(1);
    for k in [65, 128, u32::MAX] {
        assert_eq!(
            s.randbits(k),
            Err(Error::TooManyBits {
                requested: k,
                max: 64
            })
        );
    }
}

#[test]
fn randrange_empty_and_zero_step() {
    let mut s = seeded(1);
    // start == stop, either direction.
    assert_eq!(s.randrange(5i32, 5, 1), Err(Error::EmptyRange));
    assert_eq!(s.randrange(5i32, 5, -1), Err(Error::EmptyRange));
    assert_eq!(s.randrange(5u8, 5, 1), Err(Error::EmptyRange));
    // start > stop with a positive step.
    assert_eq!(s.randrange(6i64, 5, 1), Err(Error::EmptyRange));
    assert_eq!(s.randrange(u128::MAX, 0, 1), Err(Error::EmptyRange));
    // start < stop with a negative step.
    assert_eq!(s.randrange(0i8, 10, -1), Err(Error::EmptyRange));
    assert_eq!(
        s.randrange(i128::MIN, i128::MAX, i128::MIN),
        Err(Error::EmptyRange)
    );
    // zero step, even on an empty range.
    assert_eq!(s.randrange(0i32, 10, 0), Err(Error::ZeroStep));
    assert_eq!(s.randrange(0u64, 0, 0), Err(Error::ZeroStep));
    assert_eq!(s.randrange(10isize, 0, 0), Err(Error::ZeroStep));
}

#[test]
fn randint_reversed() {
    let mut s = seeded(1);
    assert_eq!(s.randint(2i32, 1), Err(Error::EmptyRange));
    assert_eq!(s.randint(u8::MAX, 0), Err(Error::EmptyRange));
    assert_eq!(s.randint(i128::MAX, i128::MIN), Err(Error::EmptyRange));
}

#[cfg(feature = "alloc")]
#[test]
fn sample_too_large() {
    let mut s = seeded(1);
    assert_eq!(
        s.sample(&[1, 2, 3], 4),
        Err(Error::SampleTooLarge {
            k: 4,
            population: 3
        })
    );
    assert_eq!(
        s.sample::<u8>(&[], 1),
        Err(Error::SampleTooLarge {
            k: 1,
            population: 0
        })
    );
}

#[cfg(feature = "alloc")]
#[test]
fn sample_of_zero_sized_elements_never_panics() {
    let mut s = seeded(1);
    let units = vec![(); usize::MAX];
    let max = (usize::MAX >> 1) / size_of::<usize>();
    assert_eq!(
        s.sample(&units, usize::MAX),
        Err(Error::TooLarge {
            requested: usize::MAX,
            max
        })
    );
    assert_eq!(s.sample(&units, 3).unwrap().len(), 3);
}

#[test]
fn display_is_readable() {
    let cases: [(Error, &str); 7] = [
        (Error::ZeroBound, "upper bound must be positive (got 0)"),
        (Error::EmptySequence, "cannot choose from an empty sequence"),
        (
            Error::TooManyBits {
                requested: 65,
                max: 64,
            },
            "cannot draw 65 random bits: at most 64 are supported",
        ),
        (Error::ZeroStep, "zero step for randrange()"),
        (Error::EmptyRange, "empty range: no integer to choose from"),
        (
            Error::SampleTooLarge {
                k: 4,
                population: 3,
            },
            "sample of 4 is larger than the population of 3",
        ),
        (
            Error::TooLarge {
                requested: 10,
                max: 5,
            },
            "size 10 is too large: at most 5 is accepted",
        ),
    ];
    for (error, text) in cases {
        assert_eq!(error.to_string(), text);
        assert!(core::error::Error::source(&error).is_none());
    }
}

// --- a generator that fails --------------------------------------------------

/// The error of [`FailingRng`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unplugged;

impl fmt::Display for Unplugged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("entropy source unplugged")
    }
}

impl core::error::Error for Unplugged {}

/// Answers `ok_words` 32/64-bit words (all ones, which Lemire rejects least),
/// then fails forever.
#[derive(Debug)]
struct FailingRng {
    ok_words: u32,
}

impl FailingRng {
    fn word(&mut self) -> Result<(), Unplugged> {
        self.ok_words = self.ok_words.checked_sub(1).ok_or(Unplugged)?;
        Ok(())
    }
}

impl TryRng for FailingRng {
    type Error = Unplugged;
    fn try_next_u32(&mut self) -> Result<u32, Unplugged> {
        self.word().map(|()| u32::MAX)
    }
    fn try_next_u64(&mut self) -> Result<u64, Unplugged> {
        self.word().map(|()| u64::MAX)
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Unplugged> {
        self.word()?;
        dst.fill(0xff);
        Ok(())
    }
}

impl TryCryptoRng for FailingRng {}

fn failing(ok_words: u32) -> rsecrets_core::Secrets<FailingRng> {
    rsecrets_core::Secrets::new(FailingRng { ok_words })
}

#[test]
fn every_method_passes_the_generator_error_on() {
    let rng_error = Error::Rng(Unplugged);
    let mut s = failing(0);
    assert_eq!(s.randbelow(10u8).unwrap_err(), rng_error);
    assert_eq!(s.randbelow(10u16).unwrap_err(), rng_error);
    assert_eq!(s.randbelow(10u32).unwrap_err(), rng_error);
    assert_eq!(s.randbelow(10u64).unwrap_err(), rng_error);
    assert_eq!(s.randbelow(10usize).unwrap_err(), rng_error);
    assert_eq!(s.randbelow(10u128).unwrap_err(), rng_error);
    assert_eq!(s.randbelow(u128::MAX).unwrap_err(), rng_error);
    assert_eq!(s.randbits(5).unwrap_err(), rng_error);
    assert_eq!(s.choice(&[1, 2]).unwrap_err(), rng_error);
    assert_eq!(s.randrange(0i32, 10, 3).unwrap_err(), rng_error);
    assert_eq!(s.randrange(0u8, 10, 3).unwrap_err(), rng_error);
    assert_eq!(s.randint(-5i64, 5).unwrap_err(), rng_error);
    assert_eq!(s.randint(i128::MIN, i128::MAX).unwrap_err(), rng_error);
    assert_eq!(s.randint(0u16, u16::MAX).unwrap_err(), rng_error);
    assert_eq!(s.shuffle(&mut [1, 2, 3]).unwrap_err(), rng_error);
    #[cfg(feature = "alloc")]
    {
        assert_eq!(s.sample(&[1, 2, 3], 2).unwrap_err(), rng_error); // dense path
        assert_eq!(s.sample(&[0u8; 100], 2).unwrap_err(), rng_error); // sparse path
        assert_eq!(s.sample(&[1], 0), Ok(vec![])); // nothing to draw
    }
    assert_eq!(s.random().unwrap_err(), rng_error);
    assert_eq!(s.fill_bytes(&mut [0; 4]).unwrap_err(), rng_error);
    // Argument mistakes are still reported first.
    assert_eq!(s.randbelow(0u8), Err(Error::ZeroBound));
    // Nothing to draw, nothing to fail.
    assert_eq!(s.randbits(0), Ok(0));
    assert_eq!(s.shuffle(&mut [1]), Ok(()));
}

#[test]
fn a_failure_mid_way_is_passed_on() {
    // A 128-bit draw needs two words: the second one fails.
    assert_eq!(failing(1).randbelow(u128::MAX), Err(Error::Rng(Unplugged)));
    assert_eq!(
        failing(1).randint(u128::MIN, u128::MAX),
        Err(Error::Rng(Unplugged))
    );
    // A shuffle of 5 needs 4 draws.
    assert_eq!(
        failing(3).shuffle(&mut [1, 2, 3, 4, 5]),
        Err(Error::Rng(Unplugged))
    );
    assert_eq!(failing(4).shuffle(&mut [1, 2, 3, 4, 5]), Ok(()));
    // A sample of 3 needs 3 draws.
    #[cfg(feature = "alloc")]
    assert_eq!(
        failing(2).sample(&[1, 2, 3, 4], 3),
        Err(Error::Rng(Unplugged))
    );
}

#[test]
fn the_generator_error_is_shown_once() {
    // In `Display`, so not again as the `source` (an error reporter would print it
    // twice); the generator's own cause, if it had one, would be the source.
    let error = failing(0).randbelow(10u32).unwrap_err();
    assert!(matches!(error, Error::Rng(Unplugged)));
    assert!(core::error::Error::source(&error).is_none());
    assert_eq!(
        error.to_string(),
        "the random number generator failed: entropy source unplugged"
    );
}

/// A generator error with a cause of its own: the cause is what `source` shows.
#[derive(Debug)]
struct Wrapped(Unplugged);

impl fmt::Display for Wrapped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("cannot read the device")
    }
}

impl core::error::Error for Wrapped {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[test]
fn the_generator_errors_own_cause_is_the_source() {
    let error: Error<Wrapped> = Error::Rng(Wrapped(Unplugged));
    let source = core::error::Error::source(&error).expect("the generator's cause");
    assert_eq!(source.to_string(), "entropy source unplugged");
    assert!(source.is::<Unplugged>());
}

#[test]
fn randbelow_words_refuses_a_zero_bound_and_a_short_buffer() {
    let mut s = seeded(1);
    let mut out = [7u64; 3];
    assert_eq!(s.randbelow_words(&[], &mut out), Err(Error::ZeroBound));
    assert_eq!(s.randbelow_words(&[0, 0], &mut out), Err(Error::ZeroBound));
    assert_eq!(out, [7; 3], "nothing drawn");
    let short = s.randbelow_words(&[1, 0, 0], &mut out[..2]);
    assert_eq!(
        short,
        Err(Error::BufferTooSmall {
            needed: 24,
            len: 16
        })
    );
    assert_eq!(
        short.unwrap_err().to_string(),
        "the buffer is too small: the output needs 24 bytes, it has 16"
    );
    // Every word nonzero is a bound like any other.
    assert_eq!(s.randbelow_words(&[1, 2], &mut out), Ok(()));
    assert_eq!((out[0], out[2]), (0, 7));
}
