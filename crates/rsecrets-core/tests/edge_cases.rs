//! Boundaries: zero and full widths, one-element ranges, negative steps, lattices.

mod common;

use common::seeded;

#[test]
fn randbits_zero_is_zero() {
    let mut s = seeded(1);
    for _ in 0..100 {
        assert_eq!(s.randbits(0).unwrap(), 0);
    }
}

#[test]
fn randbits_stays_below_two_to_the_k() {
    let mut s = seeded(2);
    for k in 1..64 {
        for _ in 0..50 {
            assert!(s.randbits(k).unwrap() < 1 << k);
        }
    }
}

/// The chance that 200 uniform 64-bit words all miss the top bit is 2^-200.
#[test]
fn randbits_64_uses_every_bit() {
    let mut s = seeded(3);
    let (mut or, mut and) = (0u64, u64::MAX);
    for _ in 0..200 {
        let x = s.randbits(64).unwrap();
        or |= x;
        and &= x;
    }
    assert_eq!(or, u64::MAX);
    assert_eq!(and, 0);
    // And for k = 12, the 12th bit is reached.
    assert!((0..200).any(|_| s.randbits(12).unwrap() >= 1 << 11));
}

#[test]
fn randbelow_one_is_zero() {
    let mut s = seeded(4);
    for _ in 0..20 {
        assert_eq!(s.randbelow(1u8).unwrap(), 0);
        assert_eq!(s.randbelow(1u32).unwrap(), 0);
        assert_eq!(s.randbelow(1u64).unwrap(), 0);
        assert_eq!(s.randbelow(1u128).unwrap(), 0);
        assert_eq!(s.randbelow(1usize).unwrap(), 0);
    }
}

#[test]
fn randbelow_max_bounds() {
    let mut s = seeded(5);
    for _ in 0..100 {
        assert!(s.randbelow(u8::MAX).unwrap() < u8::MAX);
        assert!(s.randbelow(u16::MAX).unwrap() < u16::MAX);
        assert!(s.randbelow(u32::MAX).unwrap() < u32::MAX);
        assert!(s.randbelow(u64::MAX).unwrap() < u64::MAX);
        assert!(s.randbelow(u128::MAX).unwrap() < u128::MAX);
        assert!(s.randbelow((1u128 << 64) + 1).unwrap() <= 1 << 64);
    }
}

#[test]
fn randint_single_value() {
    let mut s = seeded(6);
    assert_eq!(s.randint(7i32, 7).unwrap(), 7);
    assert_eq!(s.randint(i8::MIN, i8::MIN).unwrap(), i8::MIN);
    assert_eq!(s.randint(u128::MAX, u128::MAX).unwrap(), u128::MAX);
    assert_eq!(s.randint(isize::MAX, isize::MAX).unwrap(), isize::MAX);
    assert_eq!(s.randrange(-3i64, -2, 1).unwrap(), -3);
    assert_eq!(s.randrange(-3i64, -4, -1).unwrap(), -3);
}

/// 3000 draws from the 255 values of `i8::MIN..i8::MAX`: each end is missed
/// with probability (254/255)^3000 ≈ 8e-6 (and this seed reaches both).
#[test]
fn randrange_i8_full() {
    let mut s = seeded(7);
    let values: Vec<i8> = (0..3000)
        .map(|_| s.randrange(i8::MIN, i8::MAX, 1).unwrap())
        .collect();
    assert!(values.iter().all(|&x| x != i8::MAX));
    assert!(values.contains(&i8::MIN));
    assert!(values.contains(&(i8::MAX - 1)));
}

#[test]
fn randint_full_widths() {
    let mut s = seeded(8);
    let mut high = false;
    let mut low = false;
    for _ in 0..64 {
        let x = s.randint(u128::MIN, u128::MAX).unwrap();
        high |= x >> 127 == 1;
        low |= x < 1 << 64;
        let _: i64 = s.randint(i64::MIN, i64::MAX).unwrap();
        let _: i8 = s.randint(i8::MIN, i8::MAX).unwrap();
        let _: usize = s.randint(0, usize::MAX).unwrap();
    }
    assert!(high, "the top bit of a u128 is random");
    // Probability 2^-64 per draw: a value below 2^64 means a half-width draw.
    assert!(!low);
    let bytes: Vec<u8> = (0..2000).map(|_| s.randint(0, u8::MAX).unwrap()).collect();
    assert!(bytes.contains(&0) && bytes.contains(&u8::MAX));
}

#[test]
fn randrange_step_three() {
    let mut s = seeded(9);
    let mut seen = [false; 4];
    for _ in 0..400 {
        let x = s.randrange(1u32, 11, 3).unwrap(); // 1, 4, 7, 10
        assert_eq!(x % 3, 1);
        assert!(x < 11);
        seen[usize::try_from(x / 3).unwrap()] = true;
    }
    assert_eq!(seen, [true; 4]);
}

#[test]
fn randrange_negative_step() {
    let mut s = seeded(10);
    let mut seen = [false; 4];
    for _ in 0..400 {
        let x = s.randrange(10i16, -2, -4); // 10, 6, 2 (-2 excluded)
        let x = x.unwrap();
        assert!([10, 6, 2].contains(&x), "{x}");
        seen[usize::try_from((10 - x) / 4).unwrap()] = true;
    }
    assert_eq!(seen, [true, true, true, false]);
    // The most negative step of its type.
    for _ in 0..50 {
        let x = s.randrange(i64::MAX, i64::MIN, i64::MIN).unwrap();
        assert!(x == i64::MAX || x == -1, "{x}");
    }
}

#[test]
fn randrange_values_lie_on_the_lattice() {
    let mut s = seeded(11);
    for (start, stop, step) in [
        (-50i32, 50, 7),
        (50, -50, -7),
        (i32::MIN, i32::MAX, 1 << 20),
    ] {
        for _ in 0..200 {
            let x = s.randrange(start, stop, step).unwrap();
            let offset = i64::from(x) - i64::from(start);
            assert_eq!(offset % i64::from(step), 0);
            assert!(offset / i64::from(step) >= 0);
            if step > 0 {
                assert!(start <= x && x < stop);
            } else {
                assert!(stop < x && x <= start);
            }
        }
    }
    // Steps as wide as the type: ceil((2^128 − 1) / (2^127 − 1)) = 3 values.
    let x = s.randrange(i128::MIN, i128::MAX, i128::MAX).unwrap();
    assert!([i128::MIN, -1, i128::MAX - 1].contains(&x), "{x}");
    let x = s.randrange(0u128, u128::MAX, u128::MAX / 2).unwrap();
    assert!([0, u128::MAX / 2, u128::MAX / 2 * 2].contains(&x));
}

#[test]
fn choice_and_shuffle_small() {
    let mut s = seeded(12);
    assert_eq!(*s.choice(&[42]).unwrap(), 42);
    let mut empty: [u8; 0] = [];
    s.shuffle(&mut empty).unwrap();
    let mut one = [1];
    s.shuffle(&mut one).unwrap();
    assert_eq!(one, [1]);
}

#[cfg(feature = "alloc")]
#[test]
fn sample_none_and_all() {
    let mut s = seeded(12);
    assert!(s.sample(&[1, 2, 3], 0).unwrap().is_empty());
    let mut all: Vec<i32> = s
        .sample(&[1, 2, 3], 3)
        .unwrap()
        .into_iter()
        .copied()
        .collect();
    all.sort_unstable();
    assert_eq!(all, [1, 2, 3]);
}

#[test]
fn random_and_fill_bytes() {
    let mut s = seeded(13);
    for _ in 0..1000 {
        let x = s.random().unwrap();
        assert!((0.0..1.0).contains(&x));
        // A multiple of 2^-53.
        assert_eq!((x * 9_007_199_254_740_992.0).fract(), 0.0);
    }
    let mut empty = [];
    s.fill_bytes(&mut empty).unwrap();
    let mut buf = [0u8; 1000];
    s.fill_bytes(&mut buf).unwrap();
    assert!(buf.iter().any(|&b| b != 0));
}

#[test]
fn borrowed_generator_and_accessors() {
    let mut rng = seeded(14).into_inner();
    let mut s = rsecrets_core::Secrets::new(&mut rng);
    assert!(s.randbelow(10u8).unwrap() < 10);
    let _ = s.rng();
    assert_eq!(format!("{s:?}"), "Secrets { .. }");
}

/// A population longer than `u32::MAX` is indexed by 64-bit words. The 4 GiB are
/// zeroed pages that are never touched, so never resident.
#[cfg(target_pointer_width = "64")]
#[test]
#[allow(clippy::cast_possible_truncation)] // the halves of a u128 product
fn populations_past_u32_max_draw_64_bit_indices() {
    use rsecrets_core::rand_core::Rng as _;
    let n = (1usize << 32) + 3;
    let big = vec![0u8; n];
    let index = |x: &u8| core::ptr::from_ref(x) as usize - big.as_ptr() as usize;
    // Lemire's method on the generator's first 64-bit word (whose low half is far
    // above the threshold `2^64 mod n`, so it is accepted).
    let word = u128::from(seeded(42).rng().next_u64());
    let product = word * n as u128;
    assert!(product as u64 >= (1u64 << 33));
    let want = (product >> 64) as usize;
    assert_eq!(want, 369_263_589);
    assert_eq!(index(seeded(42).choice(&big).unwrap()), want);
    // Batched: the same word, read from the first eight bytes.
    let mut picks = Vec::new();
    seeded(42)
        .choices(&big, 1, |x| picks.push(index(x)))
        .unwrap();
    assert_eq!(picks, [want]);
}
