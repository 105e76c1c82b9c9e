//! [`WordList`]: the distinct words a passphrase draws from.

use alloc::borrow::{Cow, ToOwned};
use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use zeroize::Zeroizing;

#[cfg(feature = "std")]
use std::path::Path;
#[cfg(feature = "std")]
use std::sync::OnceLock;

use super::slots::Slots;
use crate::Error;
use crate::log2::log2_usize;

/// The most distinct words a list may have: `u32::MAX` (a word is one `u32` draw).
const MAX_WORDS: usize = u32::MAX as usize;

/// The largest word list [`WordList::from_reader`] and [`WordList::from_file`] read:
/// 64 MiB, some fifty times `/usr/share/dict/words`. A larger input (a mistyped
/// `/dev/zero`, say) is refused after reading this much, never read whole.
#[cfg(feature = "std")]
pub const MAX_WORD_LIST_BYTES: usize = 64 << 20;

/// A list of at least two distinct words for [`Passphrase`](crate::Passphrase).
///
/// The built-in lists are the [EFF's](https://www.eff.org/dice) (© Electronic
/// Frontier Foundation, CC BY 3.0 US), taken from the `diceware_wordlists` crate
/// (feature `std`): [`eff_large`](Self::eff_large) (7776 words, 12.925 bits a
/// word, the default), [`eff_short_1`](Self::eff_short_1) and
/// [`eff_short_2`](Self::eff_short_2) (1296 words, 10.34 bits a word). Custom lists
/// come from text ([`parse`](Self::parse)), a reader or a file.
///
/// ```
/// use rsecrets_recipes::WordList;
/// let list = WordList::parse("correct\nhorse\n\n  battery \nstaple\nhorse\n")?;
/// assert_eq!(list.iter().collect::<Vec<_>>(), ["correct", "horse", "battery", "staple"]);
/// assert_eq!(list.entropy_bits_per_word(), 2.0);
/// # Ok::<(), rsecrets_recipes::Error>(())
/// ```
#[derive(Clone)]
pub struct WordList {
    words: Words,
}

#[derive(Clone)]
enum Words {
    #[cfg(feature = "std")]
    Static(&'static Builtin),
    Owned(Vec<String>),
}

/// A built-in list, and its [`Slots`], laid out on first use.
///
/// The lists are named one by one, not through `diceware_wordlists::Wordlist`, whose
/// lookup would link in all six of its lists: the other four (over 70 000 words, the
/// miniLock list alone 58 110) only cost a program's start, one relocation per word.
#[cfg(feature = "std")]
struct Builtin {
    words: &'static [&'static str],
    slots: OnceLock<Option<String>>,
}

#[cfg(feature = "std")]
impl Builtin {
    const fn new(words: &'static [&'static str]) -> Self {
        Builtin {
            words,
            slots: OnceLock::new(),
        }
    }

    fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

#[cfg(feature = "std")]
static EFF_LARGE: Builtin = Builtin::new(&diceware_wordlists::EFF_LONG_WORDLIST);
#[cfg(feature = "std")]
static EFF_SHORT_1: Builtin = Builtin::new(&diceware_wordlists::EFF_SHORT_WORDLIST_1);
#[cfg(feature = "std")]
static EFF_SHORT_2: Builtin = Builtin::new(&diceware_wordlists::EFF_SHORT_WORDLIST_2_0);

impl WordList {
    /// The EFF large word list: 7776 words of 3 to 9 lowercase letters (four of
    /// them with a hyphen: `drop-down`, `felt-tip`, `t-shirt`, `yo-yo`),
    /// 12.925 bits a word.
    ///
    /// ```
    /// let list = rsecrets_recipes::WordList::eff_large();
    /// assert_eq!(list.len(), 7776);
    /// assert!((list.entropy_bits_per_word() - 12.925).abs() < 1e-3);
    /// ```
    #[cfg(feature = "std")]
    #[must_use]
    pub fn eff_large() -> Self {
        Self::builtin(&EFF_LARGE)
    }

    /// The EFF short word list 1: 1296 short words (one with a hyphen: `yo-yo`),
    /// 10.34 bits a word.
    ///
    /// ```
    /// assert_eq!(rsecrets_recipes::WordList::eff_short_1().len(), 1296);
    /// ```
    #[cfg(feature = "std")]
    #[must_use]
    pub fn eff_short_1() -> Self {
        Self::builtin(&EFF_SHORT_1)
    }

    /// The EFF short word list 2: 1296 longer words, each identified by its first
    /// three letters (one with a hyphen: `yo-yo`), 10.34 bits a word.
    ///
    /// ```
    /// assert_eq!(rsecrets_recipes::WordList::eff_short_2().len(), 1296);
    /// ```
    #[cfg(feature = "std")]
    #[must_use]
    pub fn eff_short_2() -> Self {
        Self::builtin(&EFF_SHORT_2)
    }

    #[cfg(feature = "std")]
    fn builtin(list: &'static Builtin) -> Self {
        WordList {
            words: Words::Static(list),
        }
    }

    /// A list from text, one word a line: each line is trimmed, blank lines are
    /// skipped, and a word seen before is dropped (the first keeps its place). A
    /// leading byte-order mark is ignored. When every line is a number, blanks and
    /// a word (`11111 abacus`, the layout of the EFF's and Diceware's files), the
    /// numbers are dropped.
    ///
    /// ```
    /// use rsecrets_recipes::WordList;
    /// let list = WordList::parse("11111\tabacus\r\n11112\tabdomen\r\n")?;
    /// assert_eq!(list.iter().collect::<Vec<_>>(), ["abacus", "abdomen"]);
    /// assert!(WordList::parse("only\n only \n").is_err());
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Length`] when there are fewer than two distinct words (or more than
    /// `u32::MAX`).
    pub fn parse(text: &str) -> Result<Self, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let numbered = lines.iter().all(|l| numbered_word(l).is_some());
        let words = lines.into_iter().map(|l| {
            if numbered {
                numbered_word(l).unwrap_or(l)
            } else {
                l
            }
        });
        Self::from_words(words.map(ToOwned::to_owned))
    }

    /// A list from the text a reader gives, as [`parse`](Self::parse) reads it.
    ///
    /// ```
    /// use rsecrets_recipes::WordList;
    /// let list = WordList::from_reader(&b"red\ngreen\nblue\n"[..])?;
    /// assert_eq!(list.len(), 3);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::WordListRead`] if reading fails or gives more than
    /// [`MAX_WORD_LIST_BYTES`], [`Error::WordListNotUtf8`] if the text is not UTF-8,
    /// and the errors of [`parse`](Self::parse).
    #[cfg(feature = "std")]
    pub fn from_reader<R: std::io::Read>(reader: R) -> Result<Self, Error> {
        let bytes = read_limited(reader, None)?;
        Self::from_bytes(&bytes, None)
    }

    /// A list from a file, as [`parse`](Self::parse) reads it. Errors name the file.
    ///
    /// ```
    /// use rsecrets_recipes::{Error, WordList};
    /// let missing = WordList::from_file("/no/such/word-list.txt").unwrap_err();
    /// assert!(matches!(missing, Error::WordListRead { kind: std::io::ErrorKind::NotFound, .. }));
    /// assert!(missing.to_string().starts_with("cannot read the word list /no/such/word-list.txt: "));
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::WordListRead`] if the file cannot be read (missing, a directory,
    /// no permission) or is larger than [`MAX_WORD_LIST_BYTES`],
    /// [`Error::WordListNotUtf8`] if it is not UTF-8, and
    /// [`Error::WordListTooShort`] if it has fewer than two distinct words.
    #[cfg(feature = "std")]
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| read_error(Some(path), &e))?;
        let bytes = read_limited(file, Some(path))?;
        Self::from_bytes(&bytes, Some(path))
    }

    #[cfg(feature = "std")]
    fn from_bytes(bytes: &[u8], path: Option<&Path>) -> Result<Self, Error> {
        match core::str::from_utf8(bytes) {
            Ok(text) => Self::parse(text).map_err(|e| match (e, path) {
                (
                    Error::Length {
                        requested, min: 2, ..
                    },
                    Some(path),
                ) if requested < 2 => Error::WordListTooShort {
                    path: path.to_path_buf(),
                    distinct: requested,
                },
                (e, _) => e,
            }),
            Err(e) => {
                let valid = &bytes[..e.valid_up_to()];
                let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
                Err(Error::WordListNotUtf8 {
                    path: path.map(Path::to_path_buf),
                    line,
                })
            }
        }
    }

    /// De-duplicates `words` (first occurrence kept) and checks the count.
    pub(crate) fn from_words(words: impl Iterator<Item = String>) -> Result<Self, Error> {
        let mut seen = BTreeSet::new();
        let mut kept = Vec::new();
        for word in words {
            if !seen.contains(word.as_str()) {
                seen.insert(word.clone());
                kept.push(word);
            }
        }
        if kept.len() < 2 || kept.len() > MAX_WORDS {
            return Err(Error::Length {
                what: "a word list",
                unit: "distinct words",
                requested: kept.len(),
                min: 2,
                max: MAX_WORDS,
            });
        }
        Ok(WordList {
            words: Words::Owned(kept),
        })
    }

    /// The number of distinct words (at least 2).
    ///
    /// ```
    /// let list = rsecrets_recipes::WordList::parse("a\nb\na\n")?;
    /// assert_eq!(list.len(), 2);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        match &self.words {
            #[cfg(feature = "std")]
            Words::Static(builtin) => builtin.words().len(),
            Words::Owned(words) => words.len(),
        }
    }

    /// Always `false`: a list has at least two words.
    ///
    /// ```
    /// assert!(!rsecrets_recipes::WordList::parse("a\nb\n")?.is_empty());
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The word at `index`, if there is one.
    ///
    /// ```
    /// let list = rsecrets_recipes::WordList::parse("a\nb\n")?;
    /// assert_eq!(list.get(1), Some("b"));
    /// assert_eq!(list.get(2), None);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&str> {
        match &self.words {
            #[cfg(feature = "std")]
            Words::Static(builtin) => builtin.words().get(index).copied(),
            Words::Owned(words) => words.get(index).map(String::as_str),
        }
    }

    /// The words, in order.
    ///
    /// ```
    /// let list = rsecrets_recipes::WordList::parse("a\nb\n")?;
    /// assert_eq!(list.iter().collect::<String>(), "ab");
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// The words at `picks` (each below `len`) joined by `separator`, in a
    /// buffer of the exact final size, so the phrase is never left behind in a
    /// reallocated one.
    pub(crate) fn join(&self, picks: &[u32], separator: &str) -> Zeroizing<String> {
        match &self.words {
            #[cfg(feature = "std")]
            Words::Static(builtin) => join(builtin.words(), picks, separator),
            Words::Owned(words) => join(words, picks, separator),
        }
    }

    /// The list in [`Slots`], if every word fits in one: laid out once per process
    /// for a built-in list, and on each call for any other.
    pub(crate) fn slots(&self) -> Option<Slots> {
        match &self.words {
            #[cfg(feature = "std")]
            Words::Static(builtin) => builtin
                .slots
                .get_or_init(|| {
                    Slots::layout(builtin.words().len(), builtin.words().iter().copied())
                })
                .as_deref()
                .map(|slots| Slots::new(Cow::Borrowed(slots))),
            Words::Owned(words) => Slots::layout(words.len(), words.iter().map(String::as_str))
                .map(|slots| Slots::new(Cow::Owned(slots))),
        }
    }

    /// The entropy of one uniformly chosen word: `log2(len)` bits.
    ///
    /// ```
    /// let list = rsecrets_recipes::WordList::parse("a\nb\nc\nd\n")?;
    /// assert_eq!(list.entropy_bits_per_word(), 2.0);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    #[must_use]
    pub fn entropy_bits_per_word(&self) -> f64 {
        log2_usize(self.len())
    }
}

impl fmt::Debug for WordList {
    /// The number of words and the first few.
    ///
    /// ```
    /// let list = rsecrets_recipes::WordList::parse("a\nb\nc\nd\n")?;
    /// assert_eq!(format!("{list:?}"), r#"WordList { len: 4, first: ["a", "b", "c"], .. }"#);
    /// # Ok::<(), rsecrets_recipes::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first: Vec<&str> = self.iter().take(3).collect();
        f.debug_struct("WordList")
            .field("len", &self.len())
            .field("first", &first)
            .finish_non_exhaustive()
    }
}

fn join<W: AsRef<str>>(words: &[W], picks: &[u32], separator: &str) -> Zeroizing<String> {
    let word = |pick: u32| usize::try_from(pick).map_or("", |i| words[i].as_ref());
    let length = picks.iter().map(|&p| word(p).len()).sum::<usize>();
    join_with(picks, separator, length, |phrase, pick| {
        phrase.push_str(word(pick));
    })
}

/// The words at `picks` joined by `separator`, each appended by `push_word`, in a
/// phrase allocated once: `length` is the room the words take (with any room the
/// last `push_word` needs past its word), the separators' is added here.
pub(super) fn join_with(
    picks: &[u32],
    separator: &str,
    length: usize,
    mut push_word: impl FnMut(&mut String, u32),
) -> Zeroizing<String> {
    let separators = separator.len() * picks.len().saturating_sub(1);
    let mut phrase = Zeroizing::new(String::with_capacity(length + separators));
    let capacity = phrase.capacity();
    // A one-byte separator is pushed as a byte, not copied as a slice.
    let single = match separator.as_bytes() {
        &[byte] => Some(char::from(byte)),
        _ => None,
    };
    for (i, &pick) in picks.iter().enumerate() {
        if i > 0 {
            match single {
                Some(c) => phrase.push(c),
                None => phrase.push_str(separator),
            }
        }
        push_word(&mut phrase, pick);
    }
    debug_assert_eq!(phrase.capacity(), capacity, "the phrase was reallocated");
    phrase
}

/// The word of a `number blanks word` line, if `line` has that shape.
fn numbered_word(line: &str) -> Option<&str> {
    let (number, word) = line.split_once(char::is_whitespace)?;
    let word = word.trim_start();
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) && !word.is_empty())
        .then_some(word)
}

/// Reads at most [`MAX_WORD_LIST_BYTES`]; more is an [`Error::WordListRead`] of kind
/// [`FileTooLarge`](std::io::ErrorKind::FileTooLarge).
#[cfg(feature = "std")]
fn read_limited<R: std::io::Read>(reader: R, path: Option<&Path>) -> Result<Vec<u8>, Error> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    // One byte over the limit tells a list of exactly the limit from a larger one.
    let limit = u64::try_from(MAX_WORD_LIST_BYTES).map_or(u64::MAX, |max| max + 1);
    reader
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, &e))?;
    if bytes.len() > MAX_WORD_LIST_BYTES {
        let e = std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            alloc::format!(
                "larger than {MAX_WORD_LIST_BYTES} bytes, the most a word list may have"
            ),
        );
        return Err(read_error(path, &e));
    }
    Ok(bytes)
}

#[cfg(feature = "std")]
fn read_error(path: Option<&Path>, e: &std::io::Error) -> Error {
    Error::WordListRead {
        path: path.map(Path::to_path_buf),
        kind: e.kind(),
        message: alloc::string::ToString::to_string(e),
    }
}
