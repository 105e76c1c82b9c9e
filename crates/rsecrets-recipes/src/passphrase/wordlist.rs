//! [`WordList`]: the distinct words a passphrase draws from.

use alloc::borrow::ToOwned;
use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use rand_core::TryCryptoRng;
use rsecrets_core::Secrets;

#[cfg(feature = "std")]
use std::path::Path;

use crate::Invalid;
use crate::text::{invisible, normalized};

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
/// # Ok::<(), rsecrets_recipes::Invalid>(())
/// ```
#[derive(Clone)]
pub struct WordList {
    words: Words,
}

/// The words: a built-in list, or one read at run time. Both are slices, so a
/// word is one `choice` from it.
#[derive(Clone)]
enum Words {
    #[cfg(feature = "std")]
    Static(&'static Builtin),
    Owned(Shape, Vec<String>),
}

/// What a passphrase recipe checks of a list: its longest word, in bytes, and every
/// character its words use (sorted), so a separator that uses none of them needs no
/// scan of the words. Worked out once per list: a built-in list's on first use.
#[derive(Clone, Debug)]
pub(crate) struct Shape {
    pub(crate) longest: usize,
    pub(crate) chars: Vec<char>,
}

impl Shape {
    fn of<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut chars = BTreeSet::new();
        let mut longest = 0;
        for word in words {
            longest = longest.max(word.len());
            chars.extend(word.chars());
        }
        let chars = chars.into_iter().collect();
        Shape { longest, chars }
    }
}

/// A built-in list and its [`Shape`].
#[cfg(feature = "std")]
struct Builtin {
    words: &'static [&'static str],
    shape: std::sync::OnceLock<Shape>,
}

#[cfg(feature = "std")]
static EFF_LARGE: Builtin = Builtin::new(&diceware_wordlists::EFF_LONG_WORDLIST);
#[cfg(feature = "std")]
static EFF_SHORT_1: Builtin = Builtin::new(&diceware_wordlists::EFF_SHORT_WORDLIST_1);
#[cfg(feature = "std")]
static EFF_SHORT_2: Builtin = Builtin::new(&diceware_wordlists::EFF_SHORT_WORDLIST_2_0);

#[cfg(feature = "std")]
impl Builtin {
    const fn new(words: &'static [&'static str]) -> Self {
        Builtin {
            words,
            shape: std::sync::OnceLock::new(),
        }
    }
}

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

    /// The lists are named one by one, not through `diceware_wordlists::Wordlist`,
    /// whose lookup would link in all six of its lists: the other four (over 70 000
    /// words, the miniLock list alone 58 110) only cost a program's start, one
    /// relocation per word.
    #[cfg(feature = "std")]
    fn builtin(list: &'static Builtin) -> Self {
        WordList {
            words: Words::Static(list),
        }
    }

    /// A list from text, one word a line (a line ends at LF, CR or CRLF): each line
    /// is trimmed and [`normalized`](crate::normalized) (NFC, invisible characters
    /// removed), blank lines are skipped, and a word seen before is dropped (the first
    /// keeps its place), so words a person cannot tell apart count once. When every
    /// line is a number, blanks and a word (`11111 abacus`, the layout of the EFF's
    /// and Diceware's files), the numbers are dropped.
    ///
    /// ```
    /// use rsecrets_recipes::WordList;
    /// let list = WordList::parse("11111\tabacus\r\n11112\tabdomen\r\n")?;
    /// assert_eq!(list.iter().collect::<Vec<_>>(), ["abacus", "abdomen"]);
    /// assert!(WordList::parse("only\n only \n").is_err());
    /// # Ok::<(), rsecrets_recipes::Invalid>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Invalid::Length`] when there are fewer than two distinct words.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        // Blanks and invisible characters (a byte-order mark, say) around a line go;
        // `from_words` normalizes what is left.
        let lines: Vec<&str> = text
            .lines()
            .flat_map(|line| line.split('\r'))
            .map(|line| line.trim_matches(blank))
            .filter(|l| !l.is_empty())
            .collect();
        let numbered: Option<Vec<&str>> = lines.iter().map(|l| numbered_word(l)).collect();
        let words = numbered.unwrap_or(lines);
        Self::from_words(words.into_iter().map(ToOwned::to_owned))
    }

    /// A list from the text a reader gives, as [`parse`](Self::parse) reads it.
    ///
    /// ```
    /// use rsecrets_recipes::WordList;
    /// let list = WordList::from_reader(&b"red\ngreen\nblue\n"[..])?;
    /// assert_eq!(list.len(), 3);
    /// # Ok::<(), rsecrets_recipes::Invalid>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Invalid::WordListRead`] if reading fails or gives more than
    /// [`MAX_WORD_LIST_BYTES`], [`Invalid::WordListNotUtf8`] if the text is not
    /// UTF-8, and the errors of [`parse`](Self::parse).
    #[cfg(feature = "std")]
    pub fn from_reader<R: std::io::Read>(reader: R) -> Result<Self, Invalid> {
        Self::read(reader, None)
    }

    /// A list from a file, as [`parse`](Self::parse) reads it. Errors name the file.
    ///
    /// ```
    /// use rsecrets_recipes::{Invalid, WordList};
    /// let missing = WordList::from_file("/no/such/word-list.txt").unwrap_err();
    /// assert!(matches!(missing, Invalid::WordListRead { kind: std::io::ErrorKind::NotFound, .. }));
    /// assert!(missing.to_string().starts_with("cannot read the word list \"/no/such/word-list.txt\": "));
    /// ```
    ///
    /// # Errors
    ///
    /// [`Invalid::WordListRead`] if the file cannot be read (missing, a directory,
    /// no permission) or is larger than [`MAX_WORD_LIST_BYTES`],
    /// [`Invalid::WordListNotUtf8`] if it is not UTF-8, and
    /// [`Invalid::WordListTooShort`] if it has fewer than two distinct words.
    #[cfg(feature = "std")]
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, Invalid> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| read_error(Some(path), &e))?;
        Self::read(file, Some(path))
    }

    /// Reads at most [`MAX_WORD_LIST_BYTES`] (more is an [`Invalid::WordListRead`] of
    /// kind [`FileTooLarge`](std::io::ErrorKind::FileTooLarge)) and parses them.
    #[cfg(feature = "std")]
    fn read(reader: impl std::io::Read, path: Option<&Path>) -> Result<Self, Invalid> {
        use std::io::Read as _;
        let mut bytes = Vec::new();
        // One byte over the limit tells a list of exactly the limit from a larger one.
        reader
            .take(MAX_WORD_LIST_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| read_error(path, &e))?;
        if bytes.len() > MAX_WORD_LIST_BYTES {
            let message = alloc::format!(
                "larger than {MAX_WORD_LIST_BYTES} bytes, the most a word list may have"
            );
            let e = std::io::Error::new(std::io::ErrorKind::FileTooLarge, message);
            return Err(read_error(path, &e));
        }
        let text = core::str::from_utf8(&bytes).map_err(|e| Invalid::WordListNotUtf8 {
            path: path.map(Path::to_path_buf),
            line: bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1,
        })?;
        Self::parse(text).map_err(|e| match (e, path) {
            (
                Invalid::Length {
                    requested, min: 2, ..
                },
                Some(path),
            ) if requested < 2 => Invalid::WordListTooShort {
                path: path.to_path_buf(),
                distinct: requested,
            },
            (e, _) => e,
        })
    }

    /// De-duplicates `words` (first occurrence kept) and checks the count.
    pub(crate) fn from_words(words: impl Iterator<Item = String>) -> Result<Self, Invalid> {
        let mut seen = BTreeSet::new();
        let words = words.map(|w| normalized(&w)).filter(|w| !w.is_empty());
        let kept: Vec<String> = words.filter(|w| seen.insert(w.clone())).collect();
        Invalid::check_length("a word list", "distinct words", kept.len(), 2..=usize::MAX)?;
        Ok(WordList {
            words: Words::Owned(Shape::of(kept.iter().map(String::as_str)), kept),
        })
    }

    /// The number of distinct words (at least 2).
    ///
    /// ```
    /// let list = rsecrets_recipes::WordList::parse("a\nb\na\n")?;
    /// assert_eq!(list.len(), 2);
    /// # Ok::<(), rsecrets_recipes::Invalid>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        match &self.words {
            #[cfg(feature = "std")]
            Words::Static(list) => list.words.len(),
            Words::Owned(_, words) => words.len(),
        }
    }

    /// Always `false`: a list has at least two words.
    ///
    /// ```
    /// assert!(!rsecrets_recipes::WordList::parse("a\nb\n")?.is_empty());
    /// # Ok::<(), rsecrets_recipes::Invalid>(())
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
    /// # Ok::<(), rsecrets_recipes::Invalid>(())
    /// ```
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&str> {
        match &self.words {
            #[cfg(feature = "std")]
            Words::Static(list) => list.words.get(index).copied(),
            Words::Owned(_, words) => words.get(index).map(String::as_str),
        }
    }

    /// The words, in order.
    ///
    /// ```
    /// let list = rsecrets_recipes::WordList::parse("a\nb\n")?;
    /// assert_eq!(list.iter().collect::<String>(), "ab");
    /// # Ok::<(), rsecrets_recipes::Invalid>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// The list's [`Shape`].
    pub(crate) fn shape(&self) -> &Shape {
        match &self.words {
            #[cfg(feature = "std")]
            Words::Static(list) => list
                .shape
                .get_or_init(|| Shape::of(list.words.iter().copied())),
            Words::Owned(shape, _) => shape,
        }
    }

    /// `k` uniformly and independently chosen words, handed to `each` in order.
    pub(crate) fn choices<R: TryCryptoRng>(
        &self,
        secrets: &mut Secrets<R>,
        k: usize,
        mut each: impl FnMut(&str),
    ) -> Result<(), rsecrets_core::Error<R::Error>> {
        match &self.words {
            #[cfg(feature = "std")]
            Words::Static(list) => secrets.choices(list.words, k, |w| each(w)),
            Words::Owned(_, words) => secrets.choices(words, k, |w| each(w)),
        }
    }

    /// The entropy of one uniformly chosen word: `log2(len)` bits.
    ///
    /// ```
    /// let list = rsecrets_recipes::WordList::parse("a\nb\nc\nd\n")?;
    /// assert_eq!(list.entropy_bits_per_word(), 2.0);
    /// # Ok::<(), rsecrets_recipes::Invalid>(())
    /// ```
    #[must_use]
    pub fn entropy_bits_per_word(&self) -> f64 {
        // Exact below 2^53 words.
        libm::log2(self.len() as f64)
    }
}

impl fmt::Debug for WordList {
    /// The number of words and the first few.
    ///
    /// ```
    /// let list = rsecrets_recipes::WordList::parse("a\nb\nc\nd\n")?;
    /// assert_eq!(format!("{list:?}"), r#"WordList { len: 4, first: ["a", "b", "c"], .. }"#);
    /// # Ok::<(), rsecrets_recipes::Invalid>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first: Vec<&str> = self.iter().take(3).collect();
        f.debug_struct("WordList")
            .field("len", &self.len())
            .field("first", &first)
            .finish_non_exhaustive()
    }
}

/// What is trimmed around a line and between a line's number and its word:
/// whitespace and invisible characters (which `normalized` would remove anyway).
fn blank(c: char) -> bool {
    c.is_whitespace() || invisible(c)
}

/// The word of a `number blanks word` line, if `line` has that shape.
fn numbered_word(line: &str) -> Option<&str> {
    let (number, word) = line.split_once(char::is_whitespace)?;
    // Invisible characters count as blanks here too: a word after `1 \u{200B}` would
    // otherwise start with the blanks behind them once `normalized` removed them.
    let word = word.trim_start_matches(blank);
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) && !word.is_empty())
        .then_some(word)
}

#[cfg(feature = "std")]
fn read_error(path: Option<&Path>, e: &std::io::Error) -> Invalid {
    Invalid::WordListRead {
        path: path.map(Path::to_path_buf),
        kind: e.kind(),
        message: alloc::string::ToString::to_string(e),
    }
}
