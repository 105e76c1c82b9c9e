//! [`PassphraseGenerator`]: a checked passphrase recipe, ready to draw.

use alloc::string::String;

use rand_core::TryCryptoRng;
use rsecrets_core::Secrets;
use zeroize::{Zeroize, Zeroizing};

use super::policy::MAX_PASSPHRASE_WORDS;
use super::slots::Slots;
use super::wordlist::WordList;
use crate::Error;

/// A checked [`Passphrase`](crate::Passphrase), from its
/// [`build`](crate::Passphrase::build): draws passphrases and knows their exact
/// entropy.
///
/// ```
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// let generator = rsecrets_recipes::Passphrase::new().words(4).build()?;
/// let phrase = generator.generate(&mut rng)?;
/// assert_eq!(phrase.split(' ').count(), 4);
/// # Ok::<(), rsecrets_recipes::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct PassphraseGenerator {
    list: WordList,
    /// The list laid out for a faster join, when every word fits in a slot.
    slots: Option<Slots>,
    words: usize,
    separator: String,
    entropy_bits: f64,
}

impl PassphraseGenerator {
    pub(crate) fn new(list: WordList, words: usize, separator: String) -> Self {
        #[allow(clippy::cast_precision_loss)] // at most 64: exact
        let entropy_bits = words as f64 * list.entropy_bits_per_word();
        PassphraseGenerator {
            slots: list.slots(),
            list,
            words,
            separator,
            entropy_bits,
        }
    }

    /// A new passphrase, wiped from memory when dropped: each word an unbiased
    /// `choice` from the list.
    ///
    /// ```
    /// # use rand_core::SeedableRng;
    /// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
    /// let generator = rsecrets_recipes::Passphrase::new().build()?;
    /// let phrase = generator.generate(&mut rng)?;
    /// let list = generator.word_list();
    /// assert!(phrase.split(' ').all(|w| list.iter().any(|x| x == w)));
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Core`] with [`rsecrets_core::Error::Rng`] if the generator fails.
    // Not inlined: inlined into a caller that keeps the `Result` (the benchmark's
    // `black_box`), it was copied through memory twice more, in pieces that
    // stalled the loads, and took about a third longer.
    #[inline(never)]
    pub fn generate<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
    ) -> Result<Zeroizing<String>, Error<R::Error>> {
        let mut picks = [0u32; MAX_PASSPHRASE_WORDS];
        let picks = &mut picks[..self.words];
        // The `Ok` is made last, from the joined phrase: a `Result` held across the
        // wipe of `picks` was copied back out of memory, in pieces that stalled the
        // loads (about a fifth of the time of a 6-word phrase).
        if let Err(e) = self.draw(rng, picks) {
            picks.zeroize();
            return Err(e);
        }
        let phrase = match &self.slots {
            Some(slots) => slots.join(picks, &self.separator),
            None => self.list.join(picks, &self.separator),
        };
        picks.zeroize();
        Ok(phrase)
    }

    /// Draws the words' indices into `picks`.
    fn draw<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        picks: &mut [u32],
    ) -> Result<(), Error<R::Error>> {
        // One word from the generator per pick: with the default generator a word
        // costs a few nanoseconds, less than staging them in a wiped buffer.
        let mut secrets = Secrets::new(rng);
        // `randbelow` of the length is `choice`, value for value. A list has at
        // most `u32::MAX` words.
        let size = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        for pick in picks.iter_mut() {
            *pick = secrets.randbelow(size)?;
        }
        Ok(())
    }

    /// The exact entropy of a passphrase: `words × log2(distinct words)` bits.
    ///
    /// ```
    /// let generator = rsecrets_recipes::Passphrase::new().build()?;
    /// assert!((generator.entropy_bits() - 6.0 * 7776f64.log2()).abs() < 1e-12);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn entropy_bits(&self) -> f64 {
        self.entropy_bits
    }

    /// The number of words in a passphrase.
    ///
    /// ```
    /// assert_eq!(rsecrets_recipes::Passphrase::new().words(5).build()?.words(), 5);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn words(&self) -> usize {
        self.words
    }

    /// The separator between words.
    ///
    /// ```
    /// let generator = rsecrets_recipes::Passphrase::new().separator("_").build()?;
    /// assert_eq!(generator.separator(), "_");
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn separator(&self) -> &str {
        &self.separator
    }

    /// The words drawn from (capitalized if the recipe asked for it).
    ///
    /// ```
    /// let generator = rsecrets_recipes::Passphrase::new().capitalize(true).build()?;
    /// assert_eq!(generator.word_list().get(0), Some("Abacus"));
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn word_list(&self) -> &WordList {
        &self.list
    }
}
