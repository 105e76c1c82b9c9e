//! [`Passphrase`]: how many words, from which list, joined how.

use alloc::string::{String, ToString};

use unicode_normalization::char::is_combining_mark;

use super::generator::PassphraseGenerator;
use super::wordlist::WordList;
use crate::Invalid;
use crate::text::normalized;

/// The number of words of [`Passphrase`]'s default: 6 (77.5 bits with the EFF
/// large list, the EFF's own advice).
pub const DEFAULT_PASSPHRASE_WORDS: usize = 6;

/// The most words a passphrase may have: 64.
pub const MAX_PASSPHRASE_WORDS: usize = 64;

/// The longest word (and separator) a passphrase recipe accepts, in bytes: 1024, far
/// past any real word. So the longest phrase is bounded (about 127 KiB) and checked
/// by `build`, before anything is allocated, however a list was made.
pub const MAX_WORD_BYTES: usize = 1024;

/// A passphrase recipe: CPython's `' '.join(choice(words) for i in range(n))`,
/// with a checked word list and separator.
///
/// Each word is an unbiased, independent choice from the list, so the entropy is
/// exactly `words × log2(distinct words)`. [`build`](Self::build) refuses a
/// separator that could make a passphrase readable as two different sequences of
/// words: an empty one, one that occurs inside a word of the list, or one that
/// contains a word's first or last character. So `-` is refused with the EFF
/// lists (the large list has four hyphenated words, `drop-down`, `felt-tip`,
/// `t-shirt` and `yo-yo`; each short list has `yo-yo`) and allowed with a list
/// without hyphens; `" "` (the default), `"."`, `"_"` or `" - "` are fine with
/// every EFF list.
///
/// ```
/// # #[cfg(feature = "std")] {
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// use rsecrets_recipes::{Passphrase, WordList};
///
/// let generator = Passphrase::new().build()?; // 6 EFF words, 77.5 bits
/// let phrase = generator.generate(&mut rng)?;
/// assert_eq!(phrase.split(' ').count(), 6);
/// assert!((generator.entropy_bits() - 77.549).abs() < 1e-3);
///
/// assert!(Passphrase::new().separator("-").build().is_err()); // "drop-down"
/// let colours = WordList::parse("red\ngreen\nblue\ncyan\n")?;
/// let generator = Passphrase::with_word_list(colours).words(4).separator("-").build()?;
/// assert_eq!(generator.entropy_bits(), 8.0);
/// # }
/// # Ok::<(), rsecrets_recipes::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Passphrase {
    list: WordList,
    words: usize,
    separator: String,
    capitalize: bool,
}

#[cfg(feature = "std")]
impl Default for Passphrase {
    /// [`Passphrase::new`].
    ///
    /// ```
    /// let generator = rsecrets_recipes::Passphrase::default().build()?;
    /// assert_eq!(generator.words(), 6);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    fn default() -> Self {
        Self::new()
    }
}

impl Passphrase {
    /// Six words of the EFF large list ([`WordList::eff_large`]) joined by spaces,
    /// as typed: 77.5 bits.
    ///
    /// ```
    /// let generator = rsecrets_recipes::Passphrase::new().build()?;
    /// assert_eq!(generator.separator(), " ");
    /// assert_eq!(generator.word_list().len(), 7776);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[cfg(feature = "std")]
    #[must_use]
    pub fn new() -> Self {
        Self::with_word_list(WordList::eff_large())
    }

    /// Six words of `list` joined by spaces.
    ///
    /// ```
    /// use rsecrets_recipes::{Passphrase, WordList};
    /// let list = WordList::parse("yes\nno\n")?;
    /// assert_eq!(Passphrase::with_word_list(list).build()?.entropy_bits(), 6.0);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn with_word_list(list: WordList) -> Self {
        Passphrase {
            list,
            words: DEFAULT_PASSPHRASE_WORDS,
            separator: " ".to_string(),
            capitalize: false,
        }
    }

    /// Draws from `list` instead.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// use rsecrets_recipes::{Passphrase, WordList};
    /// let generator = Passphrase::new().word_list(WordList::eff_short_1()).build()?;
    /// assert_eq!(generator.word_list().len(), 1296);
    /// # }
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn word_list(mut self, list: WordList) -> Self {
        self.list = list;
        self
    }

    /// The number of words: 1 to [`MAX_PASSPHRASE_WORDS`] (checked by `build`).
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// let generator = rsecrets_recipes::Passphrase::new().words(8).build()?;
    /// assert!((generator.entropy_bits() - 103.4).abs() < 0.01);
    /// assert!(rsecrets_recipes::Passphrase::new().words(0).build().is_err());
    /// # }
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn words(mut self, words: usize) -> Self {
        self.words = words;
        self
    }

    /// The text between two words (default `" "`); see the type's docs for the
    /// separators `build` refuses.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// # use rand_core::SeedableRng;
    /// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
    /// let generator = rsecrets_recipes::Passphrase::new().separator(".").build()?;
    /// assert_eq!(generator.generate(&mut rng)?.split('.').count(), 6);
    /// # }
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn separator(mut self, separator: &str) -> Self {
        self.separator = separator.to_string();
        self
    }

    /// Upper-cases the first letter of every word (`true`), for sites that ask for
    /// capitals. It is the same for every passphrase, so it adds no entropy (and
    /// words that become equal, such as `Nice` and `nice`, count once).
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// # use rand_core::SeedableRng;
    /// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
    /// let generator = rsecrets_recipes::Passphrase::new().capitalize(true).build()?;
    /// let phrase = generator.generate(&mut rng)?;
    /// assert!(phrase.split(' ').all(|w| w.starts_with(|c: char| c.is_ascii_uppercase())));
    /// assert!((generator.entropy_bits() - 77.549).abs() < 1e-3);
    /// # }
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn capitalize(mut self, on: bool) -> Self {
        self.capitalize = on;
        self
    }

    /// Checks the recipe and prepares the generator.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// use rsecrets_recipes::{Invalid, Passphrase};
    /// let err = Passphrase::new().separator("-").build().unwrap_err();
    /// assert_eq!(
    ///     err,
    ///     Invalid::AmbiguousSeparator { separator: "-".into(), word: "drop-down".into() }
    /// );
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Invalid::Length`] for 0 words or more than [`MAX_PASSPHRASE_WORDS`], when
    /// capitalizing leaves fewer than two distinct words, or for a word of the list
    /// or a separator longer than [`MAX_WORD_BYTES`]; [`Invalid::EmptySeparator`];
    /// [`Invalid::AmbiguousSeparator`] for a separator that clashes with a word.
    pub fn build(&self) -> Result<PassphraseGenerator, Invalid> {
        let words = self.words;
        Invalid::check_length("a passphrase", "words", words, 1..=MAX_PASSPHRASE_WORDS)?;
        // Compared, and written, as the words are: NFC, nothing invisible.
        let separator = normalized(&self.separator);
        if separator.is_empty() {
            return Err(Invalid::EmptySeparator);
        }
        // A combining mark first would glue itself to the word before.
        if separator.starts_with(is_combining_mark) {
            return Err(Invalid::CombiningSeparator);
        }
        let list = if self.capitalize {
            WordList::from_words(self.list.iter().map(capitalized))?
        } else {
            self.list.clone()
        };
        // A separator that uses no character of the list's words cannot clash.
        let chars = &list.shape().chars;
        let shared = separator.chars().any(|c| chars.binary_search(&c).is_ok());
        let clash = if shared {
            list.iter().find(|w| clashes(w, &separator))
        } else {
            None
        };
        if let Some(word) = clash {
            return Err(Invalid::AmbiguousSeparator {
                separator,
                word: word.to_string(),
            });
        }
        PassphraseGenerator::new(list, words, separator)
    }
}

/// `word` with its first character upper-cased.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether `separator` could be confused with part of `word`. If no word contains
/// the separator, and none starts or ends with one of its characters, then the
/// separators are the only occurrences of the separator in a passphrase (any other
/// occurrence would have to overlap a word's first or last character, or lie
/// inside a word), so the passphrase splits back into its words in one way only.
fn clashes(word: &str, separator: &str) -> bool {
    let ends = [word.chars().next(), word.chars().next_back()];
    word.contains(separator) || ends.into_iter().flatten().any(|c| separator.contains(c))
}
