//! The integer types the samplers accept, and the range arithmetic for each.
//!
//! Both public traits are sealed: their methods live in the private
//! [`sealed`] module, so the set of types (and the algorithms) stays ours.

use rand_core::TryRng;

use crate::Error;
use crate::uniform::{below_u8, below_u32, below_u64, below_words};

pub(crate) mod sealed {
    use rand_core::TryRng;

    use crate::Error;

    /// How an unsigned type is drawn uniformly.
    pub trait Unsigned: Copy {
        /// `self == 0`.
        fn is_zero(self) -> bool;
        /// A uniform value in `[0, n)`; `n` must not be zero.
        fn below<R: TryRng + ?Sized>(rng: &mut R, n: Self) -> Result<Self, R::Error>;
        /// A uniform value over the whole type.
        fn full<R: TryRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error>;
    }

    /// Range arithmetic of an integer type, signed or not.
    pub trait Integer: Copy {
        /// Python's `randrange(start, stop, step)`.
        fn randrange<R: TryRng + ?Sized>(
            rng: &mut R,
            start: Self,
            stop: Self,
            step: Self,
        ) -> Result<Self, Error<R::Error>>;
        /// Python's `randint(a, b)`: `a..=b`.
        fn randint<R: TryRng + ?Sized>(
            rng: &mut R,
            a: Self,
            b: Self,
        ) -> Result<Self, Error<R::Error>>;
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

/// `$t`'s sampler: `below` from `$below` on `$via` (a wider or equal type, narrowed
/// back: the value is below the bound), `full` from `$full`.
macro_rules! unsigned {
    ($($t:ty: $below:path, $via:ty, $full:expr;)*) => {$(
        impl sealed::Unsigned for $t {
            fn is_zero(self) -> bool {
                self == 0
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
    u8: below_u8, u8, TryRng::try_next_u32;
    u16: below_u32, u32, TryRng::try_next_u32;
    u32: below_u32, u32, TryRng::try_next_u32;
    u64: below_u64, u64, TryRng::try_next_u64;
    usize: below_u64, u64, TryRng::try_next_u64;
    u128: below_u128, u128, full_u128;
}

/// A uniform `u128` in `[0, n)`: bounds that fit in a `u64` as `u64`, larger ones by
/// [`below_words`] on two 64-bit words, high first.
fn below_u128<R: TryRng + ?Sized>(rng: &mut R, n: u128) -> Result<u128, R::Error> {
    if let Ok(small) = u64::try_from(n) {
        return below_u64(rng, small).map(u128::from);
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

/// Range arithmetic for unsigned types: `step` is never negative.
///
/// No step can overflow: with `count = ceil((stop - start) / step)`, the offset
/// `i * step` for `i < count` is at most `stop - start - 1`.
macro_rules! unsigned_range {
    ($($t:ty),*) => {$(
        impl sealed::Integer for $t {
            fn randrange<R: TryRng + ?Sized>(
                rng: &mut R,
                start: Self,
                stop: Self,
                step: Self,
            ) -> Result<Self, Error<R::Error>> {
                if step == 0 {
                    return Err(Error::ZeroStep);
                }
                if start >= stop {
                    return Err(Error::EmptyRange);
                }
                let count = (stop - start - 1) / step + 1;
                let i = <$t as sealed::Unsigned>::below(rng, count).map_err(Error::Rng)?;
                Ok(start + i * step)
            }

            fn randint<R: TryRng + ?Sized>(
                rng: &mut R,
                a: Self,
                b: Self,
            ) -> Result<Self, Error<R::Error>> {
                if a > b {
                    return Err(Error::EmptyRange);
                }
                let offset = match (b - a).checked_add(1) {
                    Some(count) => <$t as sealed::Unsigned>::below(rng, count),
                    None => <$t as sealed::Unsigned>::full(rng),
                };
                Ok(a + offset.map_err(Error::Rng)?)
            }
        }
        impl Int for $t {}
    )*};
}
unsigned_range!(u8, u16, u32, u64, u128, usize);

/// Range arithmetic for signed types, done in the unsigned counterpart `$u`.
///
/// `abs_diff` gives the exact width of any range (even `MIN..MAX`) as `$u`, and
/// `unsigned_abs` the exact size of any step (even `MIN`), so nothing overflows;
/// the offset is at most `width - 1` and lands inside the range, where
/// `wrapping_{add,sub}_unsigned` is exact.
macro_rules! signed_range {
    ($($t:ty => $u:ty),*) => {$(
        impl sealed::Integer for $t {
            fn randrange<R: TryRng + ?Sized>(
                rng: &mut R,
                start: Self,
                stop: Self,
                step: Self,
            ) -> Result<Self, Error<R::Error>> {
                if step == 0 {
                    return Err(Error::ZeroStep);
                }
                let up = step > 0;
                if (up && start >= stop) || (!up && start <= stop) {
                    return Err(Error::EmptyRange);
                }
                let width = start.abs_diff(stop);
                let stride = step.unsigned_abs();
                let count = (width - 1) / stride + 1;
                let i = <$u as sealed::Unsigned>::below(rng, count).map_err(Error::Rng)?;
                let offset = i * stride;
                Ok(if up {
                    start.wrapping_add_unsigned(offset)
                } else {
                    start.wrapping_sub_unsigned(offset)
                })
            }

            fn randint<R: TryRng + ?Sized>(
                rng: &mut R,
                a: Self,
                b: Self,
            ) -> Result<Self, Error<R::Error>> {
                if a > b {
                    return Err(Error::EmptyRange);
                }
                let offset = match b.abs_diff(a).checked_add(1) {
                    Some(count) => <$u as sealed::Unsigned>::below(rng, count),
                    None => <$u as sealed::Unsigned>::full(rng),
                };
                Ok(a.wrapping_add_unsigned(offset.map_err(Error::Rng)?))
            }
        }
        impl Int for $t {}
    )*};
}
signed_range!(i8 => u8, i16 => u16, i32 => u32, i64 => u64, i128 => u128, isize => usize);
