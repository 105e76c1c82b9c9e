//! Property tests: no input makes a sampler panic or overflow, and every result
//! is one the arguments allow (or the error they call for).

mod common;

use proptest::prelude::*;
use rsecrets_core::Error;

/// What `randrange(start, stop, step)` must do, checked on the unsigned
/// distances so that it works for every type up to 128 bits: `$u` is the
/// unsigned counterpart of `$t`.
macro_rules! check_randrange {
    ($s:expr, $start:expr, $stop:expr, $step:expr, $t:ty, $u:ty) => {{
        let (start, stop, step): ($t, $t, $t) = ($start, $stop, $step);
        let result = $s.randrange(start, stop, step);
        #[allow(unused_comparisons)] // `step < 0` for unsigned types
        let negative = step < 0;
        if step == 0 {
            prop_assert_eq!(result, Err(Error::ZeroStep));
        } else if (!negative && start >= stop) || (negative && start <= stop) {
            prop_assert_eq!(result, Err(Error::EmptyRange));
        } else {
            let x = result.unwrap();
            // Distance from `start` in the direction of the step, and the step's size.
            let (distance, stride): ($u, $u) = if negative {
                prop_assert!(stop < x && x <= start, "{} not in ({}, {}]", x, stop, start);
                (start.abs_diff(x), step.unsigned_abs())
            } else {
                prop_assert!(start <= x && x < stop, "{} not in [{}, {})", x, start, stop);
                (x.abs_diff(start), step.abs_diff(0))
            };
            prop_assert_eq!(distance % stride, 0, "{} is off the lattice", x);
        }
    }};
}

/// `unsigned_abs` for unsigned types, so one macro serves both.
trait UnsignedAbs {
    fn unsigned_abs(self) -> Self;
}
impl UnsignedAbs for u8 {
    fn unsigned_abs(self) -> Self {
        self
    }
}
impl UnsignedAbs for u128 {
    fn unsigned_abs(self) -> Self {
        self
    }
}

/// Small values near the ends and the middle of a type, where the edge cases are.
fn near_edges_i64() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        -20i64..20,
        (i64::MIN..i64::MIN + 20),
        (i64::MAX - 20..=i64::MAX),
    ]
}

fn near_edges_i128() -> impl Strategy<Value = i128> {
    prop_oneof![
        any::<i128>(),
        -20i128..20,
        (i128::MIN..i128::MIN + 20),
        (i128::MAX - 20..=i128::MAX),
    ]
}

fn near_edges_u128() -> impl Strategy<Value = u128> {
    prop_oneof![any::<u128>(), 0u128..40, (u128::MAX - 40..=u128::MAX)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn randrange_i64(seed: u8, start in near_edges_i64(), stop in near_edges_i64(), step in near_edges_i64()) {
        let mut s = common::seeded(seed);
        check_randrange!(s, start, stop, step, i64, u64);
    }

    #[test]
    fn randrange_i128(seed: u8, start in near_edges_i128(), stop in near_edges_i128(), step in near_edges_i128()) {
        let mut s = common::seeded(seed);
        check_randrange!(s, start, stop, step, i128, u128);
    }

    #[test]
    fn randrange_u8(seed: u8, start: u8, stop: u8, step: u8) {
        let mut s = common::seeded(seed);
        check_randrange!(s, start, stop, step, u8, u8);
    }

    #[test]
    fn randrange_u128(seed: u8, start in near_edges_u128(), stop in near_edges_u128(), step in near_edges_u128()) {
        let mut s = common::seeded(seed);
        check_randrange!(s, start, stop, step, u128, u128);
    }

    #[test]
    fn randint_i64_and_u128(seed: u8, a in near_edges_i64(), b in near_edges_i64(), c in near_edges_u128(), d in near_edges_u128()) {
        let mut s = common::seeded(seed);
        match s.randint(a, b) {
            Ok(x) => prop_assert!(a <= x && x <= b),
            Err(e) => prop_assert!(a > b && e == Error::EmptyRange),
        }
        match s.randint(c, d) {
            Ok(x) => prop_assert!(c <= x && x <= d),
            Err(e) => prop_assert!(c > d && e == Error::EmptyRange),
        }
    }

    #[test]
    fn randbelow_is_below(seed: u8, a: u8, b: u16, c: u32, d: u64, e: usize, f in near_edges_u128()) {
        let mut s = common::seeded(seed);
        macro_rules! check {
            ($n:expr) => {
                match s.randbelow($n) {
                    Ok(x) => prop_assert!(x < $n),
                    Err(err) => prop_assert!($n == 0 && err == Error::ZeroBound),
                }
            };
        }
        check!(a);
        check!(b);
        check!(c);
        check!(d);
        check!(e);
        check!(f);
    }

    #[test]
    fn randbits_is_below(seed: u8, k in 0u32..=80) {
        let mut s = common::seeded(seed);
        match s.randbits(k) {
            Ok(x) => prop_assert!(k <= 64 && u128::from(x) < 1u128 << k),
            Err(e) => {
                prop_assert!(k > 64);
                prop_assert_eq!(e, Error::TooManyBits { requested: k, max: 64 });
            }
        }
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn sample_never_panics(seed: u8, len in 0usize..300, k in 0usize..400) {
        let mut s = common::seeded(seed);
        let population: Vec<usize> = (0..len).collect();
        match s.sample(&population, k) {
            Ok(chosen) => {
                prop_assert_eq!(chosen.len(), k);
                let mut distinct: Vec<usize> = chosen.into_iter().copied().collect();
                distinct.sort_unstable();
                distinct.dedup();
                prop_assert_eq!(distinct.len(), k);
            }
            Err(e) => prop_assert_eq!(e, Error::SampleTooLarge { k, population: len }),
        }
    }

    #[test]
    fn shuffle_is_a_permutation(seed: u8, mut items in proptest::collection::vec(any::<u16>(), 0..100)) {
        let mut s = common::seeded(seed);
        let mut sorted = items.clone();
        sorted.sort_unstable();
        s.shuffle(&mut items).unwrap();
        items.sort_unstable();
        prop_assert_eq!(items, sorted);
    }

    #[test]
    fn choice_is_an_element(seed: u8, items in proptest::collection::vec(any::<u16>(), 0..50)) {
        let mut s = common::seeded(seed);
        match s.choice(&items) {
            Ok(x) => prop_assert!(items.contains(x)),
            Err(e) => prop_assert!(items.is_empty() && e == Error::EmptySequence),
        }
    }
}
