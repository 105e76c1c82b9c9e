//! Base-2 logarithms for entropy figures, without `std` (`f64::log2` needs it).

use num_bigint::BigUint;
use num_traits::ToPrimitive;

/// `log2(x)` for `x >= 1`, to within a few units in the last place (`0.0` for 0,
/// which no caller passes).
pub(crate) fn log2_u64(x: u64) -> f64 {
    if x <= 1 {
        return 0.0;
    }
    let exponent = 63 - x.leading_zeros();
    // 2^-exponent, built from its bits: exact for every exponent below 64.
    let scale = f64::from_bits(u64::from(1023 - exponent) << 52);
    #[allow(clippy::cast_precision_loss)] // rounding to 53 bits: 1e-16 relative
    let mut mantissa = x as f64 * scale; // in [1, 2]
    let mut whole = f64::from(exponent);
    if mantissa > core::f64::consts::SQRT_2 {
        mantissa /= 2.0;
        whole += 1.0;
    }
    // ln(m) = 2·atanh(z) = 2·(z + z³/3 + z⁵/5 + …) with z = (m − 1)/(m + 1), and
    // |z| <= 0.172 for m in [1/√2, √2]: 13 terms reach 1e-20.
    let z = (mantissa - 1.0) / (mantissa + 1.0);
    let z2 = z * z;
    let mut series = 0.0;
    for k in (0..13u8).rev() {
        series = series * z2 + 1.0 / f64::from(2 * k + 1);
    }
    whole + 2.0 * z * series * core::f64::consts::LOG2_E
}

/// `log2(x)` for `x >= 1`: the top 64 bits of `x` and the shift, so the relative
/// error stays near `1e-16` however large `x` is.
pub(crate) fn log2_big(x: &BigUint) -> f64 {
    let bits = x.bits();
    let shift = bits.saturating_sub(64);
    let top = (x >> shift).to_u64().unwrap_or(u64::MAX);
    #[allow(clippy::cast_precision_loss)] // a bit count: far below 2^53
    let shift = shift as f64;
    log2_u64(top) + shift
}

/// `log2(x)` for a `usize`.
pub(crate) fn log2_usize(x: usize) -> f64 {
    log2_u64(u64::try_from(x).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;

    #[test]
    fn agrees_with_std() {
        let mut x = 1u64;
        let mut cases = std::vec![
            0u64,
            1,
            2,
            3,
            7,
            10,
            62,
            94,
            7776,
            1296,
            u64::MAX,
            u64::MAX - 1
        ];
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            cases.push(x >> (x % 64)); // not a random word: a test's spread of magnitudes
        }
        for x in cases {
            #[allow(clippy::cast_precision_loss)]
            let want = if x == 0 { 0.0 } else { (x as f64).log2() };
            let got = log2_u64(x);
            assert!(
                (got - want).abs() <= 4.0 * f64::EPSILON * want.max(1.0),
                "{x}: {got} vs {want}"
            );
        }
        for p in 0..64 {
            assert_eq!(log2_u64(1 << p), f64::from(p));
        }
    }

    #[test]
    fn big_values() {
        let x = BigUint::from(62u32).pow(20);
        let want = 20.0 * 62f64.log2();
        assert!((log2_big(&x) - want).abs() < 1e-13);
        let y = BigUint::from(1u32) << 1000u32;
        assert_eq!(log2_big(&y), 1000.0);
        assert_eq!(log2_big(&BigUint::from(1u32)), 0.0);
    }
}
