//! The recipes' error type.

use core::convert::Infallible;
use core::fmt;

#[cfg(feature = "alloc")]
use alloc::string::String;
#[cfg(feature = "std")]
use std::path::PathBuf;

use crate::password::CharClass;

/// What went wrong in a recipe.
///
/// A recipe can fail because an argument is wrong (its own variants), or in the
/// layers below it ([`Error::Core`]: a size limit, or the generator itself failing).
/// The variants that carry text (a word, a file name) need the `alloc` or `std`
/// feature, which is why `Error` is `Clone` but not `Copy`.
///
/// ```
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// let err = rsecrets_recipes::pin(&mut rng, 0).unwrap_err();
/// assert_eq!(err.to_string(), "a PIN needs 1 to 1024 digits (got 0)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error<E = Infallible> {
    /// A length (digits, characters, words) outside what the recipe accepts.
    Length {
        /// What the length counts, e.g. "a PIN".
        what: &'static str,
        /// The unit, e.g. "digits".
        unit: &'static str,
        /// The length asked for.
        requested: usize,
        /// The smallest length accepted.
        min: usize,
        /// The largest length accepted.
        max: usize,
    },
    /// A query parameter name that is empty or not made of URL-unreserved characters
    /// (`A–Z a–z 0–9 - . _ ~`), so it would need escaping.
    InvalidParamName,
    /// A base URL with a `#fragment`: a query parameter added after it would be part
    /// of the fragment, not the query.
    BaseHasFragment,
    /// A password alphabet character that is not printable ASCII (`!` to `~`).
    InvalidAlphabetChar {
        /// The first such character.
        ch: char,
    },
    /// A password policy with no character to draw from: every class disabled, an
    /// empty alphabet, or only ambiguous characters left out.
    EmptyAlphabet,
    /// A password policy asking for at least `min` characters of a class it has
    /// none of (disabled, absent from the alphabet, or all excluded as ambiguous).
    MinimumForEmptyClass {
        /// The class.
        class: CharClass,
        /// The minimum asked for.
        min: usize,
    },
    /// A password policy whose minimums add up to more than its length.
    MinimumsExceedLength {
        /// The sum of the minimums (saturated at `usize::MAX`).
        minimums: usize,
        /// The password length.
        length: usize,
    },
    /// An empty passphrase separator: words run together can be read in more than
    /// one way.
    EmptySeparator,
    /// A passphrase separator that occurs in a word of the list, or contains the
    /// first or last character of one: the passphrase could be split into words in
    /// more than one way (e.g. `-` with the EFF list, which has `drop-down`).
    #[cfg(feature = "alloc")]
    AmbiguousSeparator {
        /// The separator.
        separator: String,
        /// The first word it clashes with (as it would appear in a passphrase).
        word: String,
    },
    /// A word list that is not valid UTF-8.
    #[cfg(feature = "std")]
    WordListNotUtf8 {
        /// The file, when the list was read from one.
        path: Option<PathBuf>,
        /// The line (from 1) of the first invalid byte.
        line: usize,
    },
    /// A word list that could not be read (a missing file, a permission, …).
    #[cfg(feature = "std")]
    WordListRead {
        /// The file, when the list was read from one.
        path: Option<PathBuf>,
        /// The kind of the I/O error.
        kind: std::io::ErrorKind,
        /// The operating system's description of the error.
        message: String,
    },
    /// A word-list file with fewer than two distinct words (text and readers give
    /// [`Error::Length`] instead: there is no file to name).
    #[cfg(feature = "std")]
    WordListTooShort {
        /// The file.
        path: PathBuf,
        /// Its number of distinct words (0 or 1).
        distinct: usize,
    },
    /// An error of the layers below (a size limit, or the generator failing).
    Core(rsecrets_core::Error<E>),
}

impl<E> From<rsecrets_core::Error<E>> for Error<E> {
    fn from(e: rsecrets_core::Error<E>) -> Self {
        Error::Core(e)
    }
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Length {
                what,
                unit,
                requested,
                min,
                max,
            } => {
                write!(f, "{what} needs {min} to {max} {unit} (got {requested})")
            }
            Error::InvalidParamName => f.write_str(
                "a query parameter name must be non-empty and use only A-Z a-z 0-9 - . _ ~",
            ),
            Error::BaseHasFragment => {
                f.write_str("the base URL has a #fragment, so a query parameter cannot follow it")
            }
            Error::InvalidAlphabetChar { ch } => write!(
                f,
                "a password alphabet may hold only printable ASCII characters ('!' to '~'), \
                 not {ch:?} (U+{:04X})",
                u32::from(*ch)
            ),
            Error::EmptyAlphabet => f.write_str(
                "the password policy has no characters to draw from \
                 (every class disabled, an empty alphabet, or only ambiguous characters)",
            ),
            Error::MinimumForEmptyClass { class, min } => write!(
                f,
                "the password policy asks for at least {min} {class} but has none \
                 (disabled, not in the alphabet, or excluded as ambiguous)"
            ),
            Error::MinimumsExceedLength { minimums, length } => write!(
                f,
                "the password minimums add up to {minimums} characters, \
                 more than the length of {length}"
            ),
            Error::EmptySeparator => f.write_str(
                "the passphrase separator must not be empty: \
                 words run together could be read in more than one way",
            ),
            #[cfg(feature = "alloc")]
            Error::AmbiguousSeparator { separator, word } => write!(
                f,
                "the separator {separator:?} clashes with the word {word:?} of the word list \
                 (it occurs in the word, or the word starts or ends with one of its \
                 characters), so a passphrase could be split into words in more than one way"
            ),
            #[cfg(feature = "std")]
            Error::WordListNotUtf8 { path, line } => match path {
                Some(path) => write!(
                    f,
                    "the word list {} is not valid UTF-8 (line {line})",
                    path.display()
                ),
                None => write!(f, "the word list is not valid UTF-8 (line {line})"),
            },
            #[cfg(feature = "std")]
            Error::WordListRead { path, message, .. } => match path {
                Some(path) => write!(f, "cannot read the word list {}: {message}", path.display()),
                None => write!(f, "cannot read the word list: {message}"),
            },
            #[cfg(feature = "std")]
            Error::WordListTooShort { path, distinct } => write!(
                f,
                "the word list {} has {distinct} distinct word{}; a passphrase needs at least 2",
                path.display(),
                if *distinct == 1 { "" } else { "s" }
            ),
            Error::Core(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl<E: core::error::Error + 'static> core::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Error::Core(e) => Some(e),
            _ => None,
        }
    }
}
