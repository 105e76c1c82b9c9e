//! [`PassphraseGenerator`]: a checked passphrase recipe, ready to draw.

use alloc::string::String;

use rand_core::TryCryptoRng;
use rsecrets_core::Secrets;
use zeroize::Zeroizing;

use super::MAX_WORD_BYTES;
use super::wordlist::WordList;
#[cfg(doc)]
use crate::Error;
use crate::Invalid;

/// A checked [`Passphrase`](crate::Passphrase), from its
/// [`build`](crate::Passphrase::build): draws passphrases and knows their exact
/// entropy.
///
/// ```
/// # #[cfg(feature = "std")] {
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// let generator = rsecrets_recipes::Passphrase::new().words(4).build()?;
/// let phrase = generator.generate(&mut rng)?;
/// assert_eq!(phrase.split(' ').count(), 4);
/// # }
/// # Ok::<(), rsecrets_recipes::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct PassphraseGenerator {
    list: WordList,
    words: usize,
    separator: String,
    /// The longest phrase, in bytes: every word the longest of the list.
    capacity: usize,
    entropy_bits: f64,
}

impl PassphraseGenerator {
    /// `words` (at least 1) words of `list` joined by `separator`.
    pub(crate) fn new(list: WordList, words: usize, separator: String) -> Result<Self, Invalid> {
        let longest = list.shape().longest;
        let bounded = 1..=MAX_WORD_BYTES;
        Invalid::check_length(
            "the longest word of the list",
            "bytes",
            longest,
            bounded.clone(),
        )?;
        Invalid::check_length("the separator", "bytes", separator.len(), bounded)?;
        // At most 64 × 1024 + 63 × 1024 bytes: checked before anything is allocated.
        let capacity = longest * words + separator.len() * (words - 1);
        // Exact: a word count is at most 64.
        let entropy_bits = words as f64 * list.entropy_bits_per_word();
        Ok(PassphraseGenerator {
            list,
            words,
            separator,
            capacity,
            entropy_bits,
        })
    }

    /// A new passphrase, wiped from memory when dropped: each word an unbiased
    /// `choice` from the list.
    ///
    /// The phrase is built in a buffer sized for the longest phrase the recipe can
    /// make, so it is never copied into a reallocated one.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// # use rand_core::SeedableRng;
    /// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
    /// let generator = rsecrets_recipes::Passphrase::new().build()?;
    /// let phrase = generator.generate(&mut rng)?;
    /// let list = generator.word_list();
    /// assert!(phrase.split(' ').all(|w| list.iter().any(|x| x == w)));
    /// # }
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`rsecrets_core::Error::Rng`] if the generator fails: the recipe itself was
    /// checked by `build`, so that is the only error (and `?` turns it into an
    /// [`Error`] where one is wanted).
    pub fn generate<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
    ) -> Result<Zeroizing<String>, rsecrets_core::Error<R::Error>> {
        let mut phrase = Zeroizing::new(String::with_capacity(self.capacity));
        self.list
            .choices(&mut Secrets::new(rng), self.words, |word| {
                if !phrase.is_empty() {
                    phrase.push_str(&self.separator);
                }
                phrase.push_str(word);
            })?;
        Ok(phrase)
    }

    /// The exact entropy of a passphrase: `words × log2(distinct words)` bits.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// let generator = rsecrets_recipes::Passphrase::new().build()?;
    /// assert!((generator.entropy_bits() - 6.0 * 7776f64.log2()).abs() < 1e-12);
    /// # }
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn entropy_bits(&self) -> f64 {
        self.entropy_bits
    }

    /// The number of words in a passphrase.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// assert_eq!(rsecrets_recipes::Passphrase::new().words(5).build()?.words(), 5);
    /// # }
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn words(&self) -> usize {
        self.words
    }

    /// The separator between words.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// let generator = rsecrets_recipes::Passphrase::new().separator("_").build()?;
    /// assert_eq!(generator.separator(), "_");
    /// # }
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn separator(&self) -> &str {
        &self.separator
    }

    /// The words drawn from (capitalized if the recipe asked for it).
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// let generator = rsecrets_recipes::Passphrase::new().capitalize(true).build()?;
    /// assert_eq!(generator.word_list().get(0), Some("Abacus"));
    /// # }
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn word_list(&self) -> &WordList {
        &self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list with a word of tens of MiB made `passphrase -w 64` try to allocate
    /// gigabytes: the longest word is bounded at `build`, before any allocation.
    #[test]
    fn words_and_separators_are_bounded_before_allocating() {
        let huge = "x".repeat(MAX_WORD_BYTES + 1);
        let list = WordList::parse(&alloc::format!("{huge}\nshort\n")).unwrap();
        let err = Passphrase::with_word_list(list)
            .words(64)
            .build()
            .unwrap_err();
        let Invalid::Length {
            what,
            requested,
            max,
            ..
        } = err
        else {
            panic!("{err:?}")
        };
        assert_eq!(
            (what, requested, max),
            (
                "the longest word of the list",
                MAX_WORD_BYTES + 1,
                MAX_WORD_BYTES
            )
        );
        let list = WordList::parse("a\nb\n").unwrap();
        let long = Passphrase::with_word_list(list).separator(&huge).build();
        assert!(
            matches!(
                long,
                Err(Invalid::Length {
                    what: "the separator",
                    ..
                })
            ),
            "{long:?}"
        );
    }
    use crate::Passphrase;
    use chacha20_rng::ChaCha20Rng;
    use rand_core::SeedableRng;

    /// Sized once for the longest phrase: no phrase reallocates the buffer, and a
    /// phrase of the longest words fills it exactly.
    #[test]
    fn a_phrase_is_never_reallocated() {
        let list = WordList::parse("a\nna\u{ef}ve\nzzzzzzzzzz\n").unwrap();
        let recipe = Passphrase::with_word_list(list)
            .words(3)
            .separator(" \u{b7} ");
        let generator = recipe.build().unwrap();
        assert_eq!(generator.capacity, 3 * 10 + 2 * " \u{b7} ".len());
        let mut rng = ChaCha20Rng::from_seed([5; 32]);
        let mut longest = 0;
        // P(no phrase of three "zzzzzzzzzz" in 500) = (26/27)^500 < 1e-8 (and the
        // seed is fixed).
        for _ in 0..500 {
            let phrase = generator.generate(&mut rng).unwrap();
            assert_eq!(phrase.capacity(), generator.capacity, "{}", *phrase);
            longest = longest.max(phrase.len());
        }
        assert_eq!(longest, generator.capacity);
    }
}
