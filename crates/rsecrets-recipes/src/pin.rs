//! Numeric codes.

use alloc::string::String;

use rand_core::TryCryptoRng;
use rsecrets_core::Secrets;
use zeroize::Zeroizing;

use crate::{Error, Invalid};

/// The longest PIN [`pin`] makes, in digits (3 401 bits: far past any use).
pub const MAX_PIN_DIGITS: usize = 1024;

/// A numeric code of `digits` decimal digits, uniform over all `10^digits` digit
/// strings: leading zeros are kept, so `"007"` is as likely as `"700"`.
///
/// Each digit is an unbiased choice of ten (core's `choices`, a byte a digit). The code is wiped from memory when
/// dropped.
///
/// ```
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// let code = rsecrets_recipes::pin(&mut rng, 6)?;
/// assert_eq!(code.len(), 6);
/// assert!(code.bytes().all(|b| b.is_ascii_digit()));
/// # Ok::<(), rsecrets_recipes::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Invalid`] with [`Invalid::Length`] when `digits` is 0 or above
/// [`MAX_PIN_DIGITS`];
/// [`Error::Core`] with [`rsecrets_core::Error::Rng`] if the generator fails.
pub fn pin<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    digits: usize,
) -> Result<Zeroizing<String>, Error<R::Error>> {
    Invalid::check_length("a PIN", "digits", digits, 1..=MAX_PIN_DIGITS)?;
    let mut code = Zeroizing::new(String::with_capacity(digits));
    Secrets::new(rng).choices(b"0123456789", digits, |&d| code.push(char::from(d)))?;
    Ok(code)
}

/// The exact entropy of a [`pin`] of `digits` digits: `digits × log2(10)` bits.
///
/// ```
/// let bits = rsecrets_recipes::pin_entropy_bits(6);
/// assert!((bits - 19.931_568_569_324_174).abs() < 1e-12);
/// ```
#[must_use]
pub fn pin_entropy_bits(digits: usize) -> f64 {
    // `digits` is at most a few thousand in any real use; f64 holds it exactly.
    #[allow(clippy::cast_precision_loss)]
    let d = digits as f64;
    d * core::f64::consts::LOG2_10
}

#[cfg(test)]
mod tests {
    use super::*;
    use chacha20_rng::ChaCha20Rng;
    use rand_core::SeedableRng;

    #[test]
    fn lengths_and_errors() {
        let mut rng = ChaCha20Rng::from_seed([1; 32]);
        for d in [1, 4, 6, 8, 19, 20, MAX_PIN_DIGITS] {
            let code = pin(&mut rng, d).unwrap();
            assert_eq!(code.len(), d);
            assert!(code.bytes().all(|b| b.is_ascii_digit()));
        }
        for d in [0, MAX_PIN_DIGITS + 1, usize::MAX] {
            assert!(
                matches!(pin(&mut rng, d), Err(Error::Invalid(Invalid::Length { requested, .. })) if requested == d)
            );
        }
    }

    #[test]
    fn leading_zeros_are_kept() {
        // P(no code of 2000 two-digit codes starts with '0') = 0.9^2000 < 1e-90.
        let mut rng = ChaCha20Rng::from_seed([2; 32]);
        assert!((0..2000).any(|_| pin(&mut rng, 2).unwrap().starts_with('0')));
    }

    #[test]
    fn digits_are_uniform() {
        // Chi-square over 10 digits (9 degrees of freedom) on a seeded generator:
        // deterministic; P(chi2 > 45.0) = 9.2e-7 for a uniform source.
        let mut rng = ChaCha20Rng::from_seed([3; 32]);
        let mut counts = [0u64; 10];
        for _ in 0..100 {
            for b in pin(&mut rng, MAX_PIN_DIGITS).unwrap().bytes() {
                counts[usize::from(b - b'0')] += 1;
            }
        }
        let total: u64 = counts.iter().sum();
        #[allow(clippy::cast_precision_loss)]
        let expected = total as f64 / 10.0;
        #[allow(clippy::cast_precision_loss)]
        let chi2: f64 = counts
            .iter()
            .map(|&c| (c as f64 - expected).powi(2) / expected)
            .sum();
        assert!(chi2 < 45.0, "chi2 = {chi2}, counts = {counts:?}");
    }

    #[test]
    fn value_stability() {
        let mut rng = ChaCha20Rng::from_seed([42; 32]);
        let code = pin(&mut rng, 12).unwrap();
        assert_eq!(code.as_str(), "501285002325");
    }
}
