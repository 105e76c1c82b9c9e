//! [`PasswordGenerator`]: a checked policy, ready to draw passwords.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use num_bigint::BigUint;
use num_traits::{ToPrimitive, checked_pow, pow};
use rand_core::TryCryptoRng;
use zeroize::Zeroizing;

use super::CharClass;
use super::classes::bytes_of;
use super::count::{Composition, count};
use super::sampler::Sampler;
#[cfg(doc)]
use crate::Error;

/// A checked [`PasswordPolicy`](crate::PasswordPolicy), from its
/// [`build`](crate::PasswordPolicy::build): draws passwords and knows their exact
/// entropy.
///
/// Every password the policy allows (each string of its length over its alphabet
/// that meets every minimum) is drawn with the same probability, and
/// [`entropy_bits`](Self::entropy_bits) is exactly log2 of their number. How:
///
/// - no minimum, or at least half of all strings meet the minimums: uniform strings
///   (each character an unbiased choice from the alphabet) are drawn until one
///   meets them (the first, without minimums; fewer than two tries on average),
///   which is uniform over the valid ones;
/// - otherwise: a class composition is drawn with probability proportional to
///   its number of strings (exact big-integer tables built once), the class
///   labels are shuffled, and each position gets a uniform character of its
///   class. "Insert the required characters, then shuffle" is not uniform over
///   the valid passwords, and is not used.
///
/// Not promised: constant time. The number of tries and the table searches depend
/// on the random draws (never on anything but them), as in every rejection sampler.
///
/// ```
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// use rsecrets_recipes::PasswordPolicy;
/// let generator = PasswordPolicy::new().length(16).build()?;
/// let a = generator.generate(&mut rng)?;
/// let b = generator.generate(&mut rng)?;
/// assert_eq!(a.len(), 16);
/// assert_ne!(a, b);
/// # Ok::<(), rsecrets_recipes::Error>(())
/// ```
#[derive(Clone)]
pub struct PasswordGenerator {
    length: usize,
    alphabet: String,
    sampler: Sampler,
    entropy_bits: f64,
    possible: Option<u128>,
}

impl PasswordGenerator {
    /// The generator of a checked policy: `length` characters of `set` (bit `b` for
    /// the byte `b`), at least `mins[i]` of them of class `CharClass::ALL[i]`.
    pub(crate) fn new(length: usize, set: u128, mins: [usize; 4]) -> Self {
        let alphabet: String = bytes_of(set).map(char::from).collect();
        let size = alphabet.len();
        // The classes with a minimum, in class order, then one class of every
        // other character: merging the unconstrained classes changes no count.
        let mut classes: Vec<Vec<u8>> = Vec::new();
        let mut class_mins: Vec<usize> = Vec::new();
        let mut free = 0u128;
        for (class, min) in CharClass::ALL.into_iter().zip(mins) {
            if min > 0 {
                classes.push(bytes_of(set & class.set()).collect());
                class_mins.push(min);
            } else {
                free |= set & class.set();
            }
        }
        if free != 0 {
            classes.push(bytes_of(free).collect());
            class_mins.push(0);
        }
        let rejection = Sampler::Rejection { mins };
        let (sampler, entropy_bits, possible) = if classes.len() < 2 {
            // No minimum, or one class holding every character: size^length strings.
            // Both are at most 1024: exact in an f64.
            let bits = length as f64 * libm::log2(size as f64);
            let possible = u128::try_from(size)
                .ok()
                .and_then(|s| checked_pow(s, length));
            (rejection, bits, possible)
        } else {
            let sizes: Vec<usize> = classes.iter().map(Vec::len).collect();
            let Composition { total, levels } = count(&sizes, &class_mins, length);
            // Below 94^128 < 2^840: the conversion rounds to 53 bits, 1e-16 relative.
            #[allow(clippy::expect_used)]
            let bits = libm::log2(total.to_f64().expect("a BigUint always converts to an f64"));
            let possible = total.to_u128();
            if total * 2u8 >= pow(BigUint::from(size), length) {
                (rejection, bits, possible)
            } else {
                (Sampler::Composition { classes, levels }, bits, possible)
            }
        };
        PasswordGenerator {
            length,
            alphabet,
            sampler,
            entropy_bits,
            possible,
        }
    }

    /// A new password, wiped from memory when dropped.
    ///
    /// ```
    /// # use rand_core::SeedableRng;
    /// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
    /// use rsecrets_recipes::PasswordPolicy;
    /// let generator = PasswordPolicy::new().symbols(true).min_symbols(2).build()?;
    /// let password = generator.generate(&mut rng)?;
    /// assert!(password.bytes().filter(u8::is_ascii_punctuation).count() >= 2);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`rsecrets_core::Error::Rng`] if the generator fails: the policy itself was
    /// checked by `build`, so that is the only error (and `?` turns it into an
    /// [`Error`] where one is wanted).
    pub fn generate<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
    ) -> Result<Zeroizing<String>, rsecrets_core::Error<R::Error>> {
        self.sampler
            .generate(rng, self.alphabet.as_bytes(), self.length)
    }

    /// The exact entropy of a password: log2 of the number of passwords the policy
    /// allows (within about `1e-15` relative).
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let bits = PasswordPolicy::new().build()?.entropy_bits();
    /// assert!((bits - 20.0 * 62f64.log2()).abs() < 1e-12);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn entropy_bits(&self) -> f64 {
        self.entropy_bits
    }

    /// The exact number of passwords the policy allows, when it fits a `u128`
    /// (`None` from 2^128 on: use [`entropy_bits`](Self::entropy_bits)).
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let pins = PasswordPolicy::new().alphabet("0123456789").length(4).build()?;
    /// assert_eq!(pins.possible_passwords(), Some(10_000));
    /// assert_eq!(PasswordPolicy::new().length(100).build()?.possible_passwords(), None);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn possible_passwords(&self) -> Option<u128> {
        self.possible
    }

    /// The password length, in characters (and bytes: the characters are ASCII).
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// assert_eq!(PasswordPolicy::new().build()?.length(), 20);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn length(&self) -> usize {
        self.length
    }

    /// The characters passwords are drawn from, in ASCII order.
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let generator = PasswordPolicy::new().alphabet("cab").build()?;
    /// assert_eq!(generator.alphabet(), "abc");
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn alphabet(&self) -> &str {
        &self.alphabet
    }
}

impl fmt::Debug for PasswordGenerator {
    /// The policy's shape, without the sampling tables.
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let generator = PasswordPolicy::new().alphabet("ab").length(3).build()?;
    /// assert_eq!(
    ///     format!("{generator:?}"),
    ///     "PasswordGenerator { length: 3, alphabet: \"ab\", entropy_bits: 3.0, .. }"
    /// );
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordGenerator")
            .field("length", &self.length)
            .field("alphabet", &self.alphabet)
            .field("entropy_bits", &self.entropy_bits)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CharClass, PasswordPolicy};

    fn kind(policy: PasswordPolicy) -> &'static str {
        match policy.build().unwrap().sampler {
            Sampler::Rejection { .. } => "rejection",
            Sampler::Composition { .. } => "composition",
        }
    }

    fn small(alphabet: &str, length: usize, mins: [usize; 4]) -> PasswordPolicy {
        let policy = PasswordPolicy::new().alphabet(alphabet).length(length);
        let classes = CharClass::ALL.into_iter().zip(mins);
        classes.fold(policy, |policy, (class, k)| policy.min(class, k))
    }

    /// The samplers the statistical tests mean to exercise are the ones chosen.
    #[test]
    fn sampler_choice() {
        let cpython = PasswordPolicy::new()
            .min_lower(1)
            .min_upper(1)
            .min_digits(3);
        assert_eq!(kind(PasswordPolicy::new()), "rejection"); // 100 % valid
        assert_eq!(kind(cpython.length(10)), "composition"); // 20.5 % valid
        assert_eq!(kind(cpython.length(20)), "rejection"); // 64.6 % valid
        assert_eq!(kind(small("abc", 5, [5, 0, 0, 0])), "rejection"); // 100 % valid
        assert_eq!(kind(small("abAB01!", 4, [1, 1, 1, 0])), "composition");
        assert_eq!(kind(small("ab01", 5, [1, 0, 3, 0])), "composition");
        assert_eq!(kind(small("aAB0!?", 5, [1, 2, 1, 1])), "composition");
        assert_eq!(kind(small("abAB01", 4, [1, 0, 0, 0])), "rejection");
        // At the boundary: rejection when exactly half the strings are valid.
        assert_eq!(kind(small("ab01", 1, [1, 0, 0, 0])), "rejection"); // 2 of 4
        assert_eq!(kind(small("ab012", 1, [1, 0, 0, 0])), "composition"); // 2 of 5
        assert_eq!(kind(small("ab01", 3, [0, 0, 2, 0])), "rejection"); // 32 of 64
    }
}
