//! The integer types the samplers accept, and the range arithmetic for each.
//!
//! Both public traits are sealed: their methods live in the private
//! [`sealed`] module, so the set of types (and the algorithms) stays ours.

use core::ops::{Add, Div, Mul, Sub};

use rand_core::TryRng;

use crate::Error;
use crate::uniform::{below, below_words};

pub(crate) mod sealed {
    use rand_core::TryRng;

    /// How an unsigned type is drawn uniformly, and the arithmetic ranges need.
    pub trait Unsigned:
        Copy
        + Ord
        + super::Add<Output = Self>
        + super::Sub<Output = Self>
        + super::Mul<Output = Self>
        + super::Div<Output = Self>
    {
        /// Zero.
        const ZERO: Self;
        /// One.
        const ONE: Self;
        /// `self + 1`, or `None` at the type's maximum.
        fn inc(self) -> Option<Self>;
        /// A uniform value in `[0, n)`; `n` must not be zero.
        fn below<R: TryRng + ?Sized>(rng: &mut R, n: Self) -> Result<Self, R::Error>;
        /// A uniform value over the whole type.
        fn full<R: TryRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error>;
    }

    /// An integer type, signed or not, measured in its unsigned counterpart, where
    /// every distance and step size is exact (even `MIN..MAX`, even a step of `MIN`).
    pub trait Integer: Copy + Ord {
        /// The unsigned type of the same width.
        type Unsigned: Unsigned;
        /// Zero.
        const ZERO: Self;
        /// `|self - other|`.
        fn distance(self, other: Self) -> Self::Unsigned;
        /// `self + by` (`up`) or `self - by`, for a result inside the type.
        fn step(self, by: Self::Unsigned, up: bool) -> Self;
    }
}

/// The unsigned integer types [`Secrets::randbelow`](crate::Secrets::randbelow)
/// draws: `u8`, `u16`, `u32`, `u64`, `u128` and `usize`.
///
/// This trait is sealed: it cannot be implemented outside this crate.
///
/// How each type is drawn (this is part of the value-stability promise): `u8` from
/// single bytes (Lemire's method on 8-bit words), `u16` and `u32` from 32-bit words,
/// `u64` and `usize` from 64-bit words (so `usize` results do not depend on the
/// target's pointer width), `u128` bounds up to `u64::MAX` as `u64`, larger ones by
/// masked rejection on pairs of 64-bit words.
///
/// ```
/// use rsecrets_core::UnsignedInt;
/// fn takes_unsigned<T: UnsignedInt>(_: T) {}
/// takes_unsigned(7u8);
/// takes_unsigned(7usize);
/// takes_unsigned(u128::MAX);
/// ```
pub trait UnsignedInt: Copy + sealed::Unsigned {}

/// The integer types [`Secrets::randrange`](crate::Secrets::randrange) and
/// [`Secrets::randint`](crate::Secrets::randint) accept: `i8` to `i128`, `isize`,
/// `u8` to `u128` and `usize`.
///
/// This trait is sealed: it cannot be implemented outside this crate.
///
/// ```
/// use rsecrets_core::Int;
/// fn takes_int<T: Int>(_: T) {}
/// takes_int(-7i8);
/// takes_int(7u64);
/// takes_int(i128::MIN);
/// ```
pub trait Int: Copy + sealed::Integer {}

/// Python's `randrange(start, stop, step)`: `count = ceil(width / stride)` candidates,
/// the offset `i * stride` of the chosen one at most `width - 1`, so nothing
/// overflows.
pub(crate) fn randrange<T: Int, R: TryRng + ?Sized>(
    rng: &mut R,
    start: T,
    stop: T,
    step: T,
) -> Result<T, Error<R::Error>> {
    use sealed::Unsigned as U;
    if step == T::ZERO {
        return Err(Error::ZeroStep);
    }
    let up = step > T::ZERO;
    if (up && start >= stop) || (!up && start <= stop) {
        return Err(Error::EmptyRange);
    }
    let stride = step.distance(T::ZERO);
    let one = <T::Unsigned as U>::ONE;
    let count = (start.distance(stop) - one) / stride + one;
    let i = U::below(rng, count).map_err(Error::Rng)?;
    Ok(start.step(i * stride, up))
}

/// Python's `randint(a, b)`: `a..=b`; the whole type when the count overflows.
pub(crate) fn randint<T: Int, R: TryRng + ?Sized>(
    rng: &mut R,
    a: T,
    b: T,
) -> Result<T, Error<R::Error>> {
    use sealed::Unsigned as U;
    if a > b {
        return Err(Error::EmptyRange);
    }
    let offset = match a.distance(b).inc() {
        Some(count) => U::below(rng, count),
        None => U::full(rng),
    };
    Ok(a.step(offset.map_err(Error::Rng)?, true))
}

/// `$t`: `below` from `$below` on `$via` (narrowed back: the value is below the
/// bound), `full` from `$full`.
macro_rules! unsigned {
    ($($t:ty: $below:path, $via:ty, $full:expr;)*) => {$(
        impl sealed::Unsigned for $t {
            const ZERO: Self = 0;
            const ONE: Self = 1;
            fn inc(self) -> Option<Self> {
                self.checked_add(1)
            }
            #[allow(clippy::cast_possible_truncation, clippy::unnecessary_cast)] // below `n`
            fn below<R: TryRng + ?Sized>(rng: &mut R, n: Self) -> Result<Self, R::Error> {
                $below(rng, n as $via).map(|x| x as $t)
            }
            #[allow(clippy::cast_possible_truncation, clippy::unnecessary_cast)] // low bits
            fn full<R: TryRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error> {
                $full(rng).map(|x| x as $t)
            }
        }
        impl UnsignedInt for $t {}
    )*};
}
unsigned! {
    u8: below, u8, TryRng::try_next_u32;
    u16: below, u32, TryRng::try_next_u32;
    u32: below, u32, TryRng::try_next_u32;
    u64: below, u64, TryRng::try_next_u64;
    usize: below, u64, TryRng::try_next_u64;
    u128: below_u128, u128, full_u128;
}

/// `$t`'s range arithmetic, in `$u`.
macro_rules! int {
    ($($t:ty => $u:ty),*) => {$(
        impl sealed::Integer for $t {
            type Unsigned = $u;
            const ZERO: Self = 0;
            fn distance(self, other: Self) -> $u {
                self.abs_diff(other)
            }
            // Two's complement: the wrapped result is exact, since it lies in `$t`.
            #[allow(clippy::cast_possible_wrap, clippy::unnecessary_cast)]
            fn step(self, by: $u, up: bool) -> Self {
                if up { self.wrapping_add(by as $t) } else { self.wrapping_sub(by as $t) }
            }
        }
        impl Int for $t {}
    )*};
}
int!(i8 => u8, i16 => u16, i32 => u32, i64 => u64, i128 => u128, isize => usize);
int!(u8 => u8, u16 => u16, u32 => u32, u64 => u64, u128 => u128, usize => usize);

/// A uniform `u128` in `[0, n)`: bounds that fit in a `u64` as `u64`, larger ones by
/// [`below_words`] on two 64-bit words, high first.
fn below_u128<R: TryRng + ?Sized>(rng: &mut R, n: u128) -> Result<u128, R::Error> {
    if let Ok(small) = u64::try_from(n) {
        return below(rng, small).map(u128::from);
    }
    #[allow(clippy::cast_possible_truncation)] // the low half
    let bound = [(n >> 64) as u64, n as u64];
    let mut words = [0; 2];
    below_words(rng, &bound, &mut words)?;
    Ok(u128::from(words[0]) << 64 | u128::from(words[1]))
}

/// A uniform `u128`: two 64-bit words, high half first.
fn full_u128<R: TryRng + ?Sized>(rng: &mut R) -> Result<u128, R::Error> {
    let hi = rng.try_next_u64()?;
    Ok(u128::from(hi) << 64 | u128::from(rng.try_next_u64()?))
}
