//! The recipes' errors: [`Invalid`] for a recipe that cannot be made, and [`Error`]
//! for everything a recipe that draws can return.

use core::convert::Infallible;
use core::fmt;
use core::ops::RangeInclusive;

#[cfg(feature = "alloc")]
use alloc::string::String;
#[cfg(feature = "std")]
use std::path::PathBuf;

use crate::password::CharClass;

/// A recipe that cannot be made: a mistake in its arguments or its word list, found
/// before anything is drawn.
///
/// It is what [`PasswordPolicy::build`](crate::PasswordPolicy::build),
/// [`Passphrase::build`](crate::Passphrase::build) and the
/// [`WordList`](crate::WordList) constructors return; a recipe that draws returns it
/// inside [`Error::Invalid`]. The variants that carry text (a word, a file name) need
/// the `alloc` or `std` feature, which is why `Invalid` is `Clone` but not `Copy`.
///
/// ```
/// use rsecrets_recipes::{Invalid, PasswordPolicy};
/// let err = PasswordPolicy::new().length(4).min_digits(5).build().unwrap_err();
/// assert_eq!(err, Invalid::MinimumsExceedLength { minimums: 5, length: 4 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Invalid {
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
        /// The largest length accepted (`usize::MAX`: no upper bound).
        max: usize,
    },
    /// A query parameter name that is empty or not made of URL-unreserved characters
    /// (`A–Z a–z 0–9 - . _ ~`), so it would need escaping.
    ParamName,
    /// A base URL with a `#fragment`: a query parameter added after it would be part
    /// of the fragment, not the query.
    BaseHasFragment,
    /// A base URL whose query already has the parameter: a server that reads the
    /// first value would see that one (often empty), not the token.
    ParamInBase,
    /// An API key prefix that is empty, longer than
    /// [`MAX_API_KEY_PREFIX`](crate::MAX_API_KEY_PREFIX), or not ASCII letters and
    /// digits.
    #[cfg(feature = "alloc")]
    ApiKeyPrefix,
    /// A password alphabet character that is not printable ASCII (`!` to `~`).
    AlphabetChar {
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
    /// A passphrase separator that starts with a combining mark: it would combine
    /// with the last character of the word before it.
    CombiningSeparator,
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
    /// [`Invalid::Length`] instead: there is no file to name).
    #[cfg(feature = "std")]
    WordListTooShort {
        /// The file.
        path: PathBuf,
        /// Its number of distinct words (0 or 1).
        distinct: usize,
    },
}

impl Invalid {
    /// `Ok` if the length `requested` is in `accepted`, else [`Invalid::Length`].
    pub(crate) fn check_length(
        what: &'static str,
        unit: &'static str,
        requested: usize,
        accepted: RangeInclusive<usize>,
    ) -> Result<(), Invalid> {
        if accepted.contains(&requested) {
            return Ok(());
        }
        let (&min, &max) = (accepted.start(), accepted.end());
        Err(Invalid::Length {
            what,
            unit,
            requested,
            min,
            max,
        })
    }
}

/// What went wrong in a recipe that draws: the recipe cannot be made
/// ([`Error::Invalid`]), or a layer below failed ([`Error::Core`]: a size limit, or
/// the generator itself). `E` is the generator's error type.
///
/// Both convert with `?`, so a function drawing from a caller's generator can build
/// a recipe and draw from it in one body:
///
/// ```
/// use rand_core::TryCryptoRng;
/// use rsecrets_core::Secrets;
/// use rsecrets_recipes::{Error, PasswordPolicy};
///
/// fn login<R: TryCryptoRng>(rng: &mut R) -> Result<(String, u8), Error<R::Error>> {
///     let generator = PasswordPolicy::new().length(12).build()?; // an `Invalid`
///     let password = generator.generate(rng)?; // an `Error<R::Error>`
///     let slot = Secrets::new(rng).randbelow(8u8)?; // a core `Error<R::Error>`
///     Ok((password.to_string(), slot))
/// }
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// let (password, slot) = login(&mut rng)?;
/// assert_eq!((password.len(), slot < 8), (12, true));
///
/// let err = rsecrets_recipes::pin(&mut rng, 0).unwrap_err();
/// assert_eq!(err.to_string(), "a PIN needs 1 to 1024 digits (got 0)");
/// # Ok::<(), Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error<E = Infallible> {
    /// The recipe cannot be made.
    Invalid(Invalid),
    /// An error of the layers below (a size limit, or the generator failing).
    Core(rsecrets_core::Error<E>),
}

impl<E> From<Invalid> for Error<E> {
    fn from(e: Invalid) -> Self {
        Error::Invalid(e)
    }
}

impl<E> From<rsecrets_core::Error<E>> for Error<E> {
    fn from(e: rsecrets_core::Error<E>) -> Self {
        Error::Core(e)
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Invalid::Length {
                what,
                unit,
                requested,
                min,
                max,
            } => match max {
                &usize::MAX => write!(f, "{what} needs at least {min} {unit} (got {requested})"),
                max => write!(f, "{what} needs {min} to {max} {unit} (got {requested})"),
            },
            Invalid::ParamName => f.write_str(
                "a query parameter name must be non-empty and use only A-Z a-z 0-9 - . _ ~",
            ),
            Invalid::BaseHasFragment => {
                f.write_str("the base URL has a #fragment, so a query parameter cannot follow it")
            }
            #[cfg(feature = "alloc")]
            Invalid::ApiKeyPrefix => write!(
                f,
                "an API key prefix must be 1 to {} ASCII letters or digits",
                crate::MAX_API_KEY_PREFIX
            ),
            Invalid::ParamInBase => f.write_str(
                "the base URL's query already has this parameter: a server reading the first \
                 value would not see the token",
            ),
            Invalid::AlphabetChar { ch } => write!(
                f,
                "a password alphabet may hold only printable ASCII characters ('!' to '~'), \
                 not {ch:?} (U+{:04X})",
                u32::from(*ch)
            ),
            Invalid::EmptyAlphabet => f.write_str(
                "the password policy has no characters to draw from \
                 (every class disabled, an empty alphabet, or only ambiguous characters)",
            ),
            Invalid::MinimumForEmptyClass { class, min } => {
                write!(f, "the password policy asks for at least {min} ")?;
                match min {
                    1 => f.write_str(class.singular())?,
                    _ => write!(f, "{class}")?,
                }
                f.write_str(
                    " but has none (disabled, not in the alphabet, or excluded as ambiguous)",
                )
            }
            Invalid::MinimumsExceedLength { minimums, length } => write!(
                f,
                "the password minimums add up to {minimums} characters, \
                 more than the length of {length}"
            ),
            Invalid::CombiningSeparator => f.write_str(
                "the passphrase separator starts with a combining mark, which would join the \
                 word before it",
            ),
            Invalid::EmptySeparator => f.write_str(
                "the passphrase separator must not be empty: \
                 words run together could be read in more than one way",
            ),
            #[cfg(feature = "alloc")]
            Invalid::AmbiguousSeparator { separator, word } => write!(
                f,
                "the separator {separator:?} clashes with the word {word:?} of the word list \
                 (it occurs in the word, or the word starts or ends with one of its \
                 characters), so a passphrase could be split into words in more than one way"
            ),
            #[cfg(feature = "std")]
            Invalid::WordListNotUtf8 { path, line } => match path {
                Some(path) => write!(f, "the word list {path:?} is not valid UTF-8 (line {line})"),
                None => write!(f, "the word list is not valid UTF-8 (line {line})"),
            },
            #[cfg(feature = "std")]
            Invalid::WordListRead { path, message, .. } => match path {
                Some(path) => write!(f, "cannot read the word list {path:?}: {message}"),
                None => write!(f, "cannot read the word list: {message}"),
            },
            #[cfg(feature = "std")]
            Invalid::WordListTooShort { path, distinct } => write!(
                f,
                "the word list {path:?} has {distinct} distinct word{}; a passphrase needs at least 2",
                if *distinct == 1 { "" } else { "s" }
            ),
        }
    }
}

impl core::error::Error for Invalid {}

/// Transparent: each variant shows its inner error's message, and `source` is that
/// error's own source, so an error reporter shows each message once.
impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Invalid(e) => fmt::Display::fmt(e, f),
            Error::Core(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl<E: core::error::Error + 'static> core::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Error::Invalid(_) => None,
            Error::Core(e) => e.source(),
        }
    }
}
