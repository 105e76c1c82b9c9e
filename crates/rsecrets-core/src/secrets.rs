//! [`Secrets`]: Python's `SystemRandom` API over any cryptographic generator.

use core::fmt;

use rand_core::TryCryptoRng;

use crate::uniform::{below_each, below_words, index, narrow_u64, widen_u32};
use crate::{Error, Int, UnsignedInt, int, permute};

/// Python's `secrets` / `random.SystemRandom` methods over any cryptographic
/// generator `R`.
///
/// `R` is any [`TryCryptoRng`]: an OS source, a seeded ChaCha for tests, an HSM.
/// A `&mut R` works too, so a generator can be lent rather than moved.
///
/// Every method promises:
///
/// - **Unbiased**: each possible result has exactly the probability it should
///   (integers by rejection sampling, never `%` on a random word).
/// - **Argument mistakes are errors, not panics**: see each method's `# Errors`.
/// - **Generator failures are passed on** as [`Error::Rng`], never papered over
///   with a weaker source. For an infallible generator (any
///   [`CryptoRng`](rand_core::CryptoRng)) the error type is plain [`Error`].
/// - **Stable values**: for a given generator output the results are fixed, and
///   changing them is a breaking change.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rsecrets_core::{Secrets, rand_core::SeedableRng};
///
/// let mut secrets = Secrets::new(ChaCha20Rng::from_seed([7; 32]));
/// let die = secrets.randint(1u8, 6)?;
/// assert!((1..=6).contains(&die));
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
pub struct Secrets<R> {
    rng: R,
}

impl<R> Secrets<R> {
    /// Wraps a generator.
    ///
    /// ```
    /// use chacha20_rng::ChaCha20Rng;
    /// use rsecrets_core::{Secrets, rand_core::SeedableRng};
    ///
    /// let secrets = Secrets::new(ChaCha20Rng::from_seed([7; 32]));
    /// # drop(secrets);
    /// ```
    pub const fn new(rng: R) -> Self {
        Self { rng }
    }

    /// The wrapped generator, to draw from it directly.
    ///
    /// ```
    /// use chacha20_rng::ChaCha20Rng;
    /// use rsecrets_core::{Secrets, rand_core::{Rng, SeedableRng}};
    ///
    /// let mut secrets = Secrets::new(ChaCha20Rng::from_seed([7; 32]));
    /// let word: u64 = secrets.rng().next_u64();
    /// # let _ = word;
    /// ```
    pub fn rng(&mut self) -> &mut R {
        &mut self.rng
    }

    /// Unwraps the generator.
    ///
    /// ```
    /// use chacha20_rng::ChaCha20Rng;
    /// use rsecrets_core::{Secrets, rand_core::SeedableRng};
    ///
    /// let rng = Secrets::new(ChaCha20Rng::from_seed([7; 32])).into_inner();
    /// # drop(rng);
    /// ```
    pub fn into_inner(self) -> R {
        self.rng
    }
}

impl<R: Default> Default for Secrets<R> {
    /// Wraps `R::default()`. `rand_core` asks generators to implement `Default`
    /// only when a default instance is itself secure (e.g. an OS source).
    ///
    /// ```
    /// # #[derive(Default)]
    /// # struct MyOsRng;
    /// use rsecrets_core::Secrets;
    /// let secrets: Secrets<MyOsRng> = Secrets::default();
    /// # drop(secrets);
    /// ```
    fn default() -> Self {
        Self::new(R::default())
    }
}

impl<R: Clone> Clone for Secrets<R> {
    /// A `Secrets` on a clone of the generator. For a handle on a generator held
    /// elsewhere (`OsRng`, `FastRng`) both draw fresh output; for a generator whose
    /// state is in the value (a seeded ChaCha), both repeat the same output.
    ///
    /// ```
    /// # #[derive(Clone, Default)]
    /// # struct MyOsRng;
    /// use rsecrets_core::Secrets;
    /// let a: Secrets<MyOsRng> = Secrets::default();
    /// let b = a.clone();
    /// # drop((a, b));
    /// ```
    fn clone(&self) -> Self {
        Self::new(self.rng.clone())
    }
}

impl<R> fmt::Debug for Secrets<R> {
    /// Prints `Secrets { .. }`: a generator's state is a secret.
    ///
    /// ```
    /// use chacha20_rng::ChaCha20Rng;
    /// use rsecrets_core::{Secrets, rand_core::SeedableRng};
    ///
    /// let secrets = Secrets::new(ChaCha20Rng::from_seed([7; 32]));
    /// assert_eq!(format!("{secrets:?}"), "Secrets { .. }");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Secrets").finish_non_exhaustive()
    }
}

impl<R: TryCryptoRng> Secrets<R> {
    /// A uniform integer in `[0, n)`: Python's `secrets.randbelow(n)`.
    ///
    /// Lemire's multiply-shift with its rejection threshold (bit-mask rejection
    /// for `u128` bounds above `u64::MAX`): every value has probability exactly
    /// `1/n`. See [`UnsignedInt`] for which words each type draws.
    ///
    /// # Errors
    ///
    /// [`Error::ZeroBound`] if `n == 0`; [`Error::Rng`] if the generator fails.
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// let x = secrets.randbelow(1_000_000u32)?;
    /// assert!(x < 1_000_000);
    /// let huge = secrets.randbelow(u128::MAX)?;
    /// assert!(huge < u128::MAX);
    /// assert!(secrets.randbelow(0u8).is_err());
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    pub fn randbelow<T: UnsignedInt>(&mut self, n: T) -> Result<T, Error<R::Error>> {
        if n == T::ZERO {
            return Err(Error::ZeroBound);
        }
        T::below(&mut self.rng, n).map_err(Error::Rng)
    }

    /// A uniform number in `[0, bound)` for a `bound` too large for `u128` (the count
    /// of the passwords a policy allows, say), as 64-bit words, most significant
    /// first; the result goes to the first `bound.len()` words of `out`, in the same
    /// layout.
    ///
    /// Masked rejection: the words from `bound`'s first nonzero word on are drawn
    /// (`u64` words, in order), the first of them masked to that word's bit length,
    /// until the number is below `bound`; at least half the candidates are accepted.
    /// For a two-word bound above `u64::MAX` this is exactly `randbelow::<u128>`.
    ///
    /// # Errors
    ///
    /// [`Error::ZeroBound`] if `bound` is zero (or empty); [`Error::BufferTooSmall`]
    /// if `out` is shorter than `bound` (lengths in bytes); [`Error::Rng`] if the
    /// generator fails (`out` may then hold anything).
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// let bound = [3, 0, 0]; // 3 · 2^128
    /// let mut x = [0u64; 3];
    /// secrets.randbelow_words(&bound, &mut x)?;
    /// assert!(x < bound);
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    pub fn randbelow_words(
        &mut self,
        bound: &[u64],
        out: &mut [u64],
    ) -> Result<(), Error<R::Error>> {
        if bound.iter().all(|&w| w == 0) {
            return Err(Error::ZeroBound);
        }
        let Some(out) = out.get_mut(..bound.len()) else {
            return Err(Error::BufferTooSmall {
                needed: size_of_val(bound),
                len: size_of_val(out),
            });
        };
        below_words(&mut self.rng, bound, out).map_err(Error::Rng)
    }

    /// An integer of `k` uniform random bits, in `[0, 2^k)`: Python's
    /// `secrets.randbits(k)`.
    ///
    /// The `k` high bits of one 64-bit word; `k == 0` gives 0 without drawing.
    ///
    /// # Errors
    ///
    /// [`Error::TooManyBits`] if `k > 64`; [`Error::Rng`] if the generator fails.
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// assert!(secrets.randbits(12)? < 1 << 12);
    /// assert_eq!(secrets.randbits(0)?, 0);
    /// assert!(secrets.randbits(65).is_err());
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    pub fn randbits(&mut self, k: u32) -> Result<u64, Error<R::Error>> {
        match k {
            0 => Ok(0),
            1..=64 => Ok(self.rng.try_next_u64().map_err(Error::Rng)? >> (64 - k)),
            _ => Err(Error::TooManyBits {
                requested: k,
                max: 64,
            }),
        }
    }

    /// A uniformly chosen element of `seq`: Python's `secrets.choice(seq)`.
    ///
    /// Each element has probability exactly `1 / seq.len()`.
    ///
    /// # Errors
    ///
    /// [`Error::EmptySequence`] if `seq` is empty; [`Error::Rng`] if the
    /// generator fails.
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// let suits = ["♠", "♥", "♦", "♣"];
    /// let suit = secrets.choice(&suits)?;
    /// assert!(suits.contains(suit));
    /// assert!(secrets.choice::<u8>(&[]).is_err());
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    pub fn choice<'a, T>(&mut self, seq: &'a [T]) -> Result<&'a T, Error<R::Error>> {
        if seq.is_empty() {
            return Err(Error::EmptySequence);
        }
        let i = index(&mut self.rng, seq.len()).map_err(Error::Rng)?;
        Ok(&seq[i])
    }

    /// `k` elements of `population`, each chosen uniformly and independently (with
    /// replacement), handed to `each` in order: Python's `random.choices(population,
    /// k=k)` without weights.
    ///
    /// Each element has probability exactly `1 / population.len()` at every draw.
    /// The draws are made as [`choice`](Self::choice)'s are (one byte each for a
    /// population of up to 255 elements, a 32-bit word each up to `u32::MAX`), but
    /// from random bytes drawn in batches, so a 20-character password or a
    /// six-word passphrase takes one request to the generator. (So the values
    /// differ from `k` calls of `choice` on the same generator.)
    ///
    /// # Errors
    ///
    /// [`Error::EmptySequence`] if `population` is empty and `k > 0`; [`Error::Rng`]
    /// if the generator fails (`each` may then have seen some of the elements).
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// let mut pin = String::new();
    /// secrets.choices(b"0123456789", 6, |&d| pin.push(char::from(d)))?;
    /// assert_eq!(pin.len(), 6);
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    pub fn choices<'a, T>(
        &mut self,
        population: &'a [T],
        k: usize,
        mut each: impl FnMut(&'a T),
    ) -> Result<(), Error<R::Error>> {
        if k == 0 {
            return Ok(());
        }
        let (rng, len) = (&mut self.rng, population.len());
        if len == 0 {
            return Err(Error::EmptySequence);
        }
        let mut pick = |i: usize| each(&population[i]);
        if let Ok(n) = u8::try_from(len) {
            below_each(rng, n, k, |i| pick(usize::from(i)))
        } else if let Ok(n) = u32::try_from(len) {
            below_each(rng, n, k, |i| pick(widen_u32(i)))
        } else {
            below_each(rng, len as u64, k, |i| pick(narrow_u64(i)))
        }
        .map_err(Error::Rng)
    }

    /// A uniform element of `start, start + step, start + 2·step, …` short of
    /// `stop`: Python's `randrange(start, stop, step)`.
    ///
    /// There are `ceil((stop - start) / step)` candidates (for a negative step,
    /// `ceil((start - stop) / -step)`), each with probability exactly one over
    /// that count. Any range of the type works, `i128::MIN..i128::MAX` included,
    /// and no input can overflow or panic.
    ///
    /// # Errors
    ///
    /// [`Error::ZeroStep`] if `step == 0`; [`Error::EmptyRange`] if there is no
    /// candidate (`start >= stop` with a positive step, `start <= stop` with a
    /// negative one); [`Error::Rng`] if the generator fails.
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// let even = secrets.randrange(0u32, 100, 2)?;
    /// assert!(even < 100 && even % 2 == 0);
    /// let down = secrets.randrange(10i8, -10, -5)?; // 10, 5, 0 or -5
    /// assert!([10, 5, 0, -5].contains(&down));
    /// assert!(secrets.randrange(5i64, 5, 1).is_err());
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    pub fn randrange<T: Int>(&mut self, start: T, stop: T, step: T) -> Result<T, Error<R::Error>> {
        int::randrange(&mut self.rng, start, stop, step)
    }

    /// A uniform integer in `a..=b`, both ends included: Python's `randint(a, b)`.
    ///
    /// Each value has probability exactly `1 / (b - a + 1)`; the full range of
    /// the type (`i64::MIN..=i64::MAX`, `u128::MIN..=u128::MAX`, …) works.
    ///
    /// # Errors
    ///
    /// [`Error::EmptyRange`] if `a > b`; [`Error::Rng`] if the generator fails.
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// let die = secrets.randint(1u8, 6)?;
    /// assert!((1..=6).contains(&die));
    /// let any = secrets.randint(i64::MIN, i64::MAX)?;
    /// # let _ = any;
    /// assert!(secrets.randint(2, 1).is_err());
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    pub fn randint<T: Int>(&mut self, a: T, b: T) -> Result<T, Error<R::Error>> {
        int::randint(&mut self.rng, a, b)
    }

    /// Shuffles `seq` in place: Python's `random.shuffle`.
    ///
    /// Fisher–Yates: each of the `len!` orders has probability exactly
    /// `1 / len!`. On an error `seq` is left partly shuffled.
    ///
    /// # Errors
    ///
    /// [`Error::Rng`] if the generator fails.
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// let mut deck: Vec<u8> = (1..=52).collect();
    /// secrets.shuffle(&mut deck)?;
    /// deck.sort_unstable();
    /// assert_eq!(deck, (1..=52).collect::<Vec<u8>>());
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    pub fn shuffle<T>(&mut self, seq: &mut [T]) -> Result<(), Error<R::Error>> {
        permute::shuffle(&mut self.rng, seq).map_err(Error::Rng)
    }

    /// `k` distinct elements of `population`, in random order: Python's
    /// `random.sample(population, k)`.
    ///
    /// Sampling is without replacement (by position: equal elements at two
    /// positions may both be chosen). Every ordered selection of `k` positions
    /// has the same probability, so the result's order is itself uniform and any
    /// prefix of it is a uniform sample too. Memory is `O(k)`, however large the
    /// population.
    ///
    /// # Errors
    ///
    /// [`Error::SampleTooLarge`] if `k > population.len()`; [`Error::TooLarge`]
    /// if `k` references could not fit in a `Vec` (only for populations of
    /// zero-sized elements); [`Error::Rng`] if the generator fails.
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// let people = ["ada", "alan", "grace", "edsger", "barbara"];
    /// let winners = secrets.sample(&people, 2)?;
    /// assert_eq!(winners.len(), 2);
    /// assert_ne!(winners[0], winners[1]);
    /// assert!(secrets.sample(&people, 6).is_err());
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    #[cfg(feature = "alloc")]
    pub fn sample<'a, T>(
        &mut self,
        population: &'a [T],
        k: usize,
    ) -> Result<alloc::vec::Vec<&'a T>, Error<R::Error>> {
        let n = population.len();
        if k > n {
            return Err(Error::SampleTooLarge { k, population: n });
        }
        // A `Vec` holds at most `isize::MAX` bytes; only zero-sized `T` get here.
        let max = (usize::MAX >> 1) / size_of::<usize>();
        if k > max {
            return Err(Error::TooLarge { requested: k, max });
        }
        let indices = permute::sample_indices(&mut self.rng, n, k).map_err(Error::Rng)?;
        Ok(indices.into_iter().map(|i| &population[i]).collect())
    }

    /// A uniform float in `[0, 1)`: Python's `random.random()`.
    ///
    /// 53 random bits (the high bits of one 64-bit word) times `2^-53`: each of
    /// the `2^53` multiples of `2^-53` in `[0, 1)` has probability exactly `2^-53`.
    ///
    /// # Errors
    ///
    /// [`Error::Rng`] if the generator fails.
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// let x = secrets.random()?;
    /// assert!((0.0..1.0).contains(&x));
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    pub fn random(&mut self) -> Result<f64, Error<R::Error>> {
        /// `2^-53`, exact in `f64`.
        const SCALE: f64 = 1.0 / 9_007_199_254_740_992.0;
        let bits = self.rng.try_next_u64().map_err(Error::Rng)? >> 11;
        #[allow(clippy::cast_precision_loss)] // below 2^53: exact
        Ok(bits as f64 * SCALE)
    }

    /// Fills `dst` with random bytes straight from the generator: Python's
    /// `secrets.token_bytes`, into a buffer of yours.
    ///
    /// # Errors
    ///
    /// [`Error::Rng`] if the generator fails (`dst` may then hold anything).
    ///
    /// ```
    /// # use rsecrets_core::{Secrets, rand_core::SeedableRng};
    /// # let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([7; 32]));
    /// let mut key = [0u8; 32];
    /// secrets.fill_bytes(&mut key)?;
    /// assert_ne!(key, [0; 32]);
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    pub fn fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Error<R::Error>> {
        self.rng.try_fill_bytes(dst).map_err(Error::Rng)
    }
}
