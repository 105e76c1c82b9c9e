//! [`PasswordPolicy`]: what a password must look like, checked once by `build`.

use super::classes::{AMBIGUOUS_SET, CharClass, set_of};
use super::generator::PasswordGenerator;
use crate::Invalid;

/// The length of [`PasswordPolicy::new`]'s passwords: 20 characters.
pub const DEFAULT_PASSWORD_LENGTH: usize = 20;

/// The longest password a policy allows: 1024 characters.
pub const MAX_PASSWORD_LENGTH: usize = 1024;

/// The longest password a policy with a minimum allows: 128 characters.
///
/// Counting such passwords exactly costs `O(L²)` big-integer products and tables
/// of that size; at 128 characters that is a few milliseconds and a few megabytes
/// at worst, once, in [`PasswordPolicy::build`].
pub const MAX_CONSTRAINED_LENGTH: usize = 128;

/// A password policy: the length, the characters to draw from, and how many of
/// each [`CharClass`] a password must have at least.
///
/// [`PasswordPolicy::new`] gives CPython's documented default shape and the CLI's:
/// 20 characters of letters and digits (62 characters, 119.1 bits), no minimums.
/// The setters apply in the order they are called; [`build`](Self::build) checks
/// the whole policy once and returns a [`PasswordGenerator`], which draws
/// passwords **uniformly over every string the policy allows** (exactly as
/// CPython's "loop until the password has enough digits" recipe does, but in
/// bounded time) and knows the exact entropy of that set.
///
/// The characters are always printable ASCII, `!` to `~`: passwords type the same
/// on every keyboard and survive every form, with no space to trim and no Unicode
/// normalisation to change them. Every printable character is in exactly one
/// [`CharClass`], and a minimum applies to the characters of its class the policy
/// has, however they were chosen (a class switch, or a custom
/// [`alphabet`](Self::alphabet)).
///
/// ```
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// use rsecrets_recipes::PasswordPolicy;
///
/// // CPython's recipe: 10 letters and digits, at least one lowercase letter, one
/// // uppercase letter and three digits.
/// let policy = PasswordPolicy::new().length(10).min_lower(1).min_upper(1).min_digits(3);
/// let generator = policy.build()?;
/// let password = generator.generate(&mut rng)?;
/// assert_eq!(password.len(), 10);
/// assert!(password.bytes().filter(u8::is_ascii_digit).count() >= 3);
/// assert_eq!(generator.possible_passwords(), Some(172_120_264_792_320_000));
/// assert!((generator.entropy_bits() - 57.256).abs() < 1e-3);
/// # Ok::<(), rsecrets_recipes::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordPolicy {
    length: usize,
    /// The characters enabled, bit `b` for the byte `b`.
    chars: u128,
    /// The minimum of each class, by [`CharClass`] index.
    mins: [usize; 4],
    exclude_ambiguous: bool,
    /// The first character of the last custom alphabet that is not printable ASCII.
    invalid: Option<char>,
}

impl Default for PasswordPolicy {
    /// [`PasswordPolicy::new`].
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// assert_eq!(PasswordPolicy::default(), PasswordPolicy::new());
    /// ```
    fn default() -> Self {
        Self::new()
    }
}

impl PasswordPolicy {
    /// 20 characters of letters and digits (`a–z A–Z 0–9`), no minimums, ambiguous
    /// characters kept: 62^20 passwords, 119.1 bits.
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let generator = PasswordPolicy::new().build()?;
    /// assert_eq!(generator.length(), 20);
    /// assert_eq!(generator.alphabet().len(), 62);
    /// assert!((generator.entropy_bits() - 119.08).abs() < 0.01);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        PasswordPolicy {
            length: DEFAULT_PASSWORD_LENGTH,
            chars: CharClass::Lower.set() | CharClass::Upper.set() | CharClass::Digit.set(),
            mins: [0; 4],
            exclude_ambiguous: false,
            invalid: None,
        }
    }

    /// The password length in characters: 1 to [`MAX_PASSWORD_LENGTH`], or to
    /// [`MAX_CONSTRAINED_LENGTH`] with a minimum (checked by `build`).
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// assert_eq!(PasswordPolicy::new().length(32).build()?.length(), 32);
    /// assert!(PasswordPolicy::new().length(0).build().is_err());
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn length(mut self, length: usize) -> Self {
        self.length = length;
        self
    }

    /// Adds (`true`) or removes (`false`) the lowercase letters `a–z`.
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let generator = PasswordPolicy::new().lower(false).build()?;
    /// assert_eq!(generator.alphabet().len(), 36);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn lower(self, on: bool) -> Self {
        self.class(CharClass::Lower, on)
    }

    /// Adds (`true`) or removes (`false`) the uppercase letters `A–Z`.
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let generator = PasswordPolicy::new().upper(false).build()?;
    /// assert_eq!(generator.alphabet(), "0123456789abcdefghijklmnopqrstuvwxyz");
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn upper(self, on: bool) -> Self {
        self.class(CharClass::Upper, on)
    }

    /// Adds (`true`) or removes (`false`) the digits `0–9`.
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let generator = PasswordPolicy::new().digits(false).build()?;
    /// assert_eq!(generator.alphabet().len(), 52);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn digits(self, on: bool) -> Self {
        self.class(CharClass::Digit, on)
    }

    /// Adds (`true`) or removes (`false`) the 32 ASCII punctuation characters
    /// ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`` (off by default). For a subset of
    /// them, list the characters you want with [`alphabet`](Self::alphabet).
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let generator = PasswordPolicy::new().symbols(true).build()?;
    /// assert_eq!(generator.alphabet().len(), 94);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn symbols(self, on: bool) -> Self {
        self.class(CharClass::Symbol, on)
    }

    /// Adds or removes a whole class.
    const fn class(mut self, class: CharClass, on: bool) -> Self {
        if on {
            self.chars |= class.set();
        } else {
            self.chars &= !class.set();
        }
        self
    }

    /// At least `k` lowercase letters (0: no minimum, the default).
    ///
    /// ```
    /// # use rand_core::SeedableRng;
    /// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
    /// use rsecrets_recipes::PasswordPolicy;
    /// let password = PasswordPolicy::new().length(8).min_lower(6).build()?.generate(&mut rng)?;
    /// assert!(password.bytes().filter(u8::is_ascii_lowercase).count() >= 6);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn min_lower(self, k: usize) -> Self {
        self.min(CharClass::Lower, k)
    }

    /// At least `k` uppercase letters (0: no minimum, the default).
    ///
    /// ```
    /// # use rand_core::SeedableRng;
    /// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
    /// use rsecrets_recipes::PasswordPolicy;
    /// let password = PasswordPolicy::new().min_upper(2).build()?.generate(&mut rng)?;
    /// assert!(password.bytes().filter(u8::is_ascii_uppercase).count() >= 2);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn min_upper(self, k: usize) -> Self {
        self.min(CharClass::Upper, k)
    }

    /// At least `k` digits (0: no minimum, the default).
    ///
    /// ```
    /// # use rand_core::SeedableRng;
    /// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
    /// use rsecrets_recipes::PasswordPolicy;
    /// let password = PasswordPolicy::new().min_digits(3).build()?.generate(&mut rng)?;
    /// assert!(password.bytes().filter(u8::is_ascii_digit).count() >= 3);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn min_digits(self, k: usize) -> Self {
        self.min(CharClass::Digit, k)
    }

    /// At least `k` symbols (0: no minimum, the default). Symbols must be enabled,
    /// or in the alphabet.
    ///
    /// ```
    /// # use rand_core::SeedableRng;
    /// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
    /// use rsecrets_recipes::PasswordPolicy;
    /// let policy = PasswordPolicy::new().symbols(true).min_symbols(1);
    /// let password = policy.build()?.generate(&mut rng)?;
    /// assert!(password.bytes().any(|b| b.is_ascii_punctuation()));
    /// assert!(PasswordPolicy::new().min_symbols(1).build().is_err()); // symbols are off
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn min_symbols(self, k: usize) -> Self {
        self.min(CharClass::Symbol, k)
    }

    /// Sets the minimum of a class.
    pub(crate) const fn min(mut self, class: CharClass, k: usize) -> Self {
        self.mins[class as usize] = k;
        self
    }

    /// Draws from exactly the characters of `chars` instead (duplicates count
    /// once; the order does not matter: the alphabet is kept in ASCII order).
    ///
    /// Only printable ASCII (`!` to `~`) is accepted; any other character makes
    /// `build` fail. The minimums still apply to the characters of each
    /// [`CharClass`] the alphabet has, so `alphabet("0123456789abcdef")` with
    /// `min_digits(2)` asks for hex strings with at least two digits. Class
    /// switches called after `alphabet` add or remove whole classes from it. A
    /// one-character alphabet is allowed: it makes one password, of 0 bits.
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let hex = PasswordPolicy::new().alphabet("fedcba9876543210ff").length(32).build()?;
    /// assert_eq!(hex.alphabet(), "0123456789abcdef");
    /// assert_eq!(hex.entropy_bits(), 128.0);
    /// assert!(PasswordPolicy::new().alphabet("ab c").build().is_err()); // a space
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn alphabet(mut self, chars: &str) -> Self {
        self.chars = set_of(chars);
        self.invalid = chars.chars().find(|&c| CharClass::of(c).is_none());
        self
    }

    /// Leaves out (`true`) the ten characters of
    /// [`AMBIGUOUS_CHARS`](crate::AMBIGUOUS_CHARS), `"'01IO`lo|`, from every
    /// class and from a custom alphabet.
    ///
    /// ```
    /// use rsecrets_recipes::PasswordPolicy;
    /// let generator = PasswordPolicy::new().exclude_ambiguous(true).build()?;
    /// assert_eq!(generator.alphabet().len(), 56);
    /// assert!(!generator.alphabet().contains(['0', 'O', 'o', '1', 'I', 'l']));
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub const fn exclude_ambiguous(mut self, on: bool) -> Self {
        self.exclude_ambiguous = on;
        self
    }

    /// Checks the policy, counts the passwords it allows, and prepares the
    /// generator (all the big-integer work happens here, once).
    ///
    /// ```
    /// use rsecrets_recipes::{Invalid, PasswordPolicy};
    /// let too_many = PasswordPolicy::new().length(4).min_digits(3).min_upper(2).build();
    /// assert_eq!(too_many.unwrap_err(), Invalid::MinimumsExceedLength { minimums: 5, length: 4 });
    /// ```
    ///
    /// # Errors
    ///
    /// In this order: [`Invalid::AlphabetChar`] for an alphabet character that
    /// is not printable ASCII; [`Invalid::Length`] for a length of 0 or above
    /// [`MAX_PASSWORD_LENGTH`]; [`Invalid::EmptyAlphabet`] when no character is
    /// left; [`Invalid::MinimumForEmptyClass`] for a minimum of a class the policy
    /// has no character of; [`Invalid::MinimumsExceedLength`] when the minimums add
    /// up to more than the length; [`Invalid::Length`] again for a policy with a
    /// minimum longer than [`MAX_CONSTRAINED_LENGTH`].
    pub fn build(&self) -> Result<PasswordGenerator, Invalid> {
        if let Some(ch) = self.invalid {
            return Err(Invalid::AlphabetChar { ch });
        }
        let length = self.length;
        Invalid::check_length("a password", "characters", length, 1..=MAX_PASSWORD_LENGTH)?;
        let mut set = self.chars;
        if self.exclude_ambiguous {
            set &= !AMBIGUOUS_SET;
        }
        if set == 0 {
            return Err(Invalid::EmptyAlphabet);
        }
        for (class, min) in CharClass::ALL.into_iter().zip(self.mins) {
            if min > 0 && set & class.set() == 0 {
                return Err(Invalid::MinimumForEmptyClass { class, min });
            }
        }
        let minimums = self.mins.iter().fold(0usize, |a, &m| a.saturating_add(m));
        if minimums > length {
            return Err(Invalid::MinimumsExceedLength { minimums, length });
        }
        if minimums > 0 {
            let what = "a password with minimums";
            Invalid::check_length(what, "characters", length, 1..=MAX_CONSTRAINED_LENGTH)?;
        }
        Ok(PasswordGenerator::new(length, set, self.mins))
    }
}
