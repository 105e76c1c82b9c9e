//! [`PasswordGenerator`]: a checked policy, ready to draw passwords.

use alloc::string::String;
use core::fmt;

use rand_core::TryCryptoRng;
use zeroize::Zeroizing;

use super::sampler::Sampler;
use crate::Error;

/// A checked [`PasswordPolicy`](crate::PasswordPolicy), from its
/// [`build`](crate::PasswordPolicy::build): draws passwords and knows their exact
/// entropy.
///
/// Every password the policy allows (each string of its length over its alphabet
/// that meets every minimum) is drawn with the same probability, and
/// [`entropy_bits`](Self::entropy_bits) is exactly log2 of their number. How:
///
/// - no minimum: each character is an unbiased choice from the alphabet (no big
///   integer anywhere);
/// - at least half of all strings meet the minimums: uniform strings are drawn
///   until one does (fewer than two tries on average), which is uniform over the
///   valid ones;
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
    pub(crate) fn new(
        length: usize,
        alphabet: String,
        sampler: Sampler,
        entropy_bits: f64,
        possible: Option<u128>,
    ) -> Self {
        PasswordGenerator {
            length,
            alphabet,
            sampler,
            entropy_bits,
            possible,
        }
    }

    /// The sampler chosen at build time.
    #[cfg(test)]
    pub(crate) fn sampler(&self) -> &Sampler {
        &self.sampler
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
    /// [`Error::Core`] with [`rsecrets_core::Error::Rng`] if the generator fails
    /// (the policy itself was checked by `build`).
    pub fn generate<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
    ) -> Result<Zeroizing<String>, Error<R::Error>> {
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
