//! Ids from an alphabet of your choice (`token_alphabet`), and nanoid's default
//! (`token_id`): every string of the length equally likely.

use alloc::string::String;
use alloc::vec::Vec;
use core::convert::Infallible;
use core::fmt;

use rand_core::{TryCryptoRng, TryRng};
use rsecrets_core::{Error, Secrets};
use zeroize::Zeroizing;

use crate::MAX_TOKEN_BYTES;
use crate::encode::{CHUNK, Encoding, POOL, Sink, ascii_str, chunks, text};

/// The characters of [`token_id`]: `A-Z a-z 0-9 - _`, nanoid's 64, in base64url's
/// order, so that an id from them is base64url text and is encoded in constant time
/// (see [`Alphabet`]).
pub const ID_ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The length of a [`token_id`]: 21 characters, nanoid's default.
pub const ID_LEN: usize = 21;

/// The exact entropy of a [`token_id`]: 21 × log2(64) = 126 bits.
pub const ID_ENTROPY_BITS: f64 = 126.0;

/// The longest id [`token_alphabet`] makes, in characters: 16 Mi, as
/// [`MAX_TOKEN_BYTES`] for bytes. Longer ones give [`Error::TooLarge`] before
/// anything is allocated.
pub const MAX_ID_LEN: usize = MAX_TOKEN_BYTES;

/// [`ID_ALPHABET`] as characters, for [`token_id`] (checked against the text in a
/// test).
const ID_CHARS: [char; 64] = {
    let bytes = ID_ALPHABET.as_bytes();
    let mut chars = ['\0'; 64];
    let mut i = 0;
    while i < 64 {
        chars[i] = bytes[i] as char;
        i += 1;
    }
    chars
};

/// Why a string cannot be an id alphabet: ids drawn from it would not be uniform,
/// or could not be drawn at all.
///
/// ```
/// use rsecrets_token::{Alphabet, AlphabetError};
/// assert_eq!(Alphabet::new("abca"), Err(AlphabetError::Repeated { ch: 'a' }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AlphabetError {
    /// No character at all.
    Empty,
    /// One character (once): every id would be the same.
    OneChar {
        /// The character.
        ch: char,
    },
    /// A character more than once: it would be drawn more often than the others.
    Repeated {
        /// The first character, in the alphabet's order, that repeats one before it.
        ch: char,
    },
}

impl fmt::Display for AlphabetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AlphabetError::Empty => {
                f.write_str("the alphabet is empty: an id needs at least 2 distinct characters")
            }
            AlphabetError::OneChar { ch } => write!(
                f,
                "the alphabet has one character ({ch:?}): an id needs at least 2 distinct \
                 characters"
            ),
            AlphabetError::Repeated { ch } => write!(
                f,
                "the alphabet has {ch:?} more than once: it would be drawn more often than the \
                 other characters"
            ),
        }
    }
}

impl core::error::Error for AlphabetError {}

/// What [`token_alphabet`] can return: an alphabet that cannot be used, or an error
/// of the layer below (a length above [`MAX_ID_LEN`], or the generator failing).
///
/// ```
/// use rsecrets_token::{AlphabetError, IdError, token_alphabet};
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// let err = token_alphabet(&mut rng, "", 8).unwrap_err();
/// assert_eq!(err, IdError::Alphabet(AlphabetError::Empty));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdError<E = Infallible> {
    /// The alphabet cannot be used.
    Alphabet(AlphabetError),
    /// A length above [`MAX_ID_LEN`] ([`Error::TooLarge`]), or the generator failed
    /// ([`Error::Rng`]).
    Core(Error<E>),
}

impl<E> From<AlphabetError> for IdError<E> {
    fn from(e: AlphabetError) -> Self {
        IdError::Alphabet(e)
    }
}

impl<E> From<Error<E>> for IdError<E> {
    fn from(e: Error<E>) -> Self {
        IdError::Core(e)
    }
}

/// Transparent: the inner error's message.
impl<E: fmt::Display> fmt::Display for IdError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Alphabet(e) => fmt::Display::fmt(e, f),
            IdError::Core(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl<E: core::error::Error + 'static> core::error::Error for IdError<E> {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            IdError::Alphabet(_) => None,
            IdError::Core(e) => e.source(),
        }
    }
}

/// An alphabet for ids: 2 or more distinct characters (Unicode scalar values, any
/// script), checked once and drawn from many times.
///
/// Each character of an id is drawn uniformly and independently (core's
/// [`Secrets::choices`], rejection sampling), so every string of the length is
/// equally likely and the entropy is exactly `len × log2(alphabet size)`. Each
/// pick reads the alphabet at the drawn index, which is not constant-time; except
/// for [`ID_ALPHABET`], whose ids are the base64url text of random bytes (6 bits a
/// character, the same distribution), encoded by `base64ct` in constant time.
///
/// A character is a `char`: an alphabet holding a combining mark or half of a
/// grapheme cluster (a flag, a family emoji) gives ids in which it joins its
/// neighbour on screen. Pick characters that stand alone.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::Alphabet;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let hex = Alphabet::new("0123456789abcdef")?;
/// let id = hex.generate(&mut rng, 8)?;
/// assert_eq!(id.len(), 8);
/// assert_eq!(hex.entropy_bits(8), 32.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alphabet {
    chars: Vec<char>,
    /// The UTF-8 length of the widest character, to size ids once.
    widest: usize,
}

impl Alphabet {
    /// Checks `chars` and keeps its characters, in order.
    ///
    /// ```
    /// use rsecrets_token::{Alphabet, AlphabetError};
    ///
    /// assert_eq!(Alphabet::new("αβγ").map(|a| a.len()), Ok(3));
    /// assert_eq!(Alphabet::new(""), Err(AlphabetError::Empty));
    /// assert_eq!(Alphabet::new("x"), Err(AlphabetError::OneChar { ch: 'x' }));
    /// assert_eq!(Alphabet::new("xyzy"), Err(AlphabetError::Repeated { ch: 'y' }));
    /// ```
    ///
    /// # Errors
    ///
    /// [`AlphabetError::Empty`] for `""`, [`AlphabetError::Repeated`] for a character
    /// given twice, [`AlphabetError::OneChar`] for a single character.
    pub fn new(chars: &str) -> Result<Self, AlphabetError> {
        let chars: Vec<char> = chars.chars().collect();
        match *chars.as_slice() {
            [] => return Err(AlphabetError::Empty),
            [ch] => return Err(AlphabetError::OneChar { ch }),
            _ => {}
        }
        // Sorted with their positions, a repeat sits beside an earlier copy; the
        // first repeat in the alphabet's order is the smallest such position.
        let mut sorted: Vec<(char, usize)> = chars.iter().copied().zip(0..).collect();
        sorted.sort_unstable();
        let repeat = sorted
            .windows(2)
            .filter(|pair| pair[0].0 == pair[1].0)
            .map(|pair| pair[1].1)
            .min();
        if let Some(at) = repeat {
            return Err(AlphabetError::Repeated { ch: chars[at] });
        }
        let widest = chars.iter().map(|c| c.len_utf8()).max().unwrap_or(1);
        Ok(Self { chars, widest })
    }

    /// The number of characters (at least 2).
    ///
    /// ```
    /// assert_eq!(rsecrets_token::Alphabet::new("01").map(|a| a.len()), Ok(2));
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty, reason = "an alphabet is never empty")]
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The characters, in the order given.
    ///
    /// ```
    /// let a = rsecrets_token::Alphabet::new("ab")?;
    /// assert_eq!(a.chars(), ['a', 'b']);
    /// # Ok::<(), rsecrets_token::AlphabetError>(())
    /// ```
    #[must_use]
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The exact entropy of an id of `len` characters: `len × log2(self.len())` bits.
    ///
    /// ```
    /// let digits = rsecrets_token::Alphabet::new("0123456789")?;
    /// assert!((digits.entropy_bits(6) - 19.93).abs() < 0.01);
    /// # Ok::<(), rsecrets_token::AlphabetError>(())
    /// ```
    #[must_use]
    #[allow(
        clippy::cast_precision_loss,
        reason = "lengths and alphabet sizes far below 2^53 in practice; above, the figure is rounded"
    )]
    pub fn entropy_bits(&self, len: usize) -> f64 {
        len as f64 * libm::log2(self.chars.len() as f64)
    }

    /// An id of `len` characters, each drawn uniformly from the alphabet; wiped when
    /// dropped. Length 0 gives an empty id.
    ///
    /// See the type's docs for an example.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] for `len` above [`MAX_ID_LEN`] (nothing is allocated);
    /// [`Error::Rng`] if the generator fails.
    pub fn generate<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        len: usize,
    ) -> Result<Zeroizing<String>, Error<R::Error>> {
        draw(rng, &self.chars, self.widest, len)
    }
}

/// How an id is drawn: from [`ID_ALPHABET`] as base64url text, in constant time;
/// from any other alphabet a character at a time.
fn draw<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    chars: &[char],
    widest: usize,
    len: usize,
) -> Result<Zeroizing<String>, Error<R::Error>> {
    if len > MAX_ID_LEN {
        return Err(Error::TooLarge {
            requested: len,
            max: MAX_ID_LEN,
        });
    }
    if *chars == ID_CHARS {
        text(len, |out| base64url_prefix(rng, len, out))
    } else {
        pick_each(rng, chars, widest, len)
    }
}

/// `len` characters drawn uniformly from `chars` (whose widest takes `widest` bytes),
/// into a string allocated once at its largest size, so that no reallocation leaves a
/// copy behind. Each pick reads `chars` at the drawn index.
fn pick_each<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    chars: &[char],
    widest: usize,
    len: usize,
) -> Result<Zeroizing<String>, Error<R::Error>> {
    let mut id = Zeroizing::new(String::with_capacity(widest * len));
    Secrets::new(rng).choices(chars, len, |&c| id.push(c))?;
    Ok(id)
}

/// The first `len` characters of the base64url text of `ceil(6 len / 8)` random
/// bytes. [`ID_ALPHABET`] is base64url's alphabet in its order, so each character
/// is 6 fresh random bits, as a uniform pick from it would be; the encoder is
/// `base64ct`'s, in constant time, where picking reads the alphabet at a secret
/// index. The characters past `len` stay in the wiped pool.
fn base64url_prefix<R: TryRng + ?Sized>(
    rng: &mut R,
    len: usize,
    out: &mut Sink<'_>,
) -> Result<(), R::Error> {
    let mut left = len;
    chunks::<_, POOL>(rng, (3 * len).div_ceil(4), CHUNK, |bytes, room| {
        let n = Encoding::Urlsafe.encode(bytes, room).len().min(left);
        out.put(ascii_str(&mut room[..n]));
        left -= n;
    })
}

/// An id of `len` characters drawn uniformly from `alphabet`: every one of the
/// `n^len` strings (`n` distinct characters) equally likely, `len × log2(n)` bits.
/// Wiped when dropped; length 0 gives an empty id.
///
/// The alphabet is checked on every call; to draw many ids from one alphabet, build
/// an [`Alphabet`] once. For nanoid's default, see [`token_id`].
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::token_alphabet;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let code = token_alphabet(&mut rng, "ABCDEFGHJKMNPQRSTVWXYZ23456789", 10)?;
/// assert_eq!(code.chars().count(), 10);
/// let runes = token_alphabet(&mut rng, "ᚠᚢᚦᚨᚱᚲ", 4)?;
/// assert_eq!(runes.chars().count(), 4);
/// assert_eq!(*token_alphabet(&mut rng, "01", 0)?, "");
/// # Ok::<(), rsecrets_token::IdError>(())
/// ```
///
/// # Errors
///
/// [`IdError::Alphabet`] for an alphabet that is empty, has one character or repeats
/// one (whatever the length); [`IdError::Core`] with [`Error::TooLarge`] for `len`
/// above [`MAX_ID_LEN`], or with [`Error::Rng`] if the generator fails.
pub fn token_alphabet<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    alphabet: &str,
    len: usize,
) -> Result<Zeroizing<String>, IdError<R::Error>> {
    Ok(Alphabet::new(alphabet)?.generate(rng, len)?)
}

/// nanoid's default id: [`ID_LEN`] (21) characters of [`ID_ALPHABET`]
/// (`A-Z a-z 0-9 - _`), 126 bits, in constant time (the base64url text of 16 random
/// bytes, cut to 21 characters); the same as `token_alphabet(rng, ID_ALPHABET,
/// ID_LEN)`.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::{ID_ALPHABET, ID_LEN, token_alphabet, token_id};
///
/// let id = token_id(&mut ChaCha20Rng::from_seed([7; 32]))?;
/// assert_eq!(id.len(), 21);
/// let same = token_alphabet(&mut ChaCha20Rng::from_seed([7; 32]), ID_ALPHABET, ID_LEN)?;
/// assert_eq!(id, same);
/// # Ok::<(), rsecrets_token::IdError>(())
/// ```
///
/// # Errors
///
/// [`Error::Rng`] if the generator fails.
pub fn token_id<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
) -> Result<Zeroizing<String>, Error<R::Error>> {
    draw(rng, &ID_CHARS, 1, ID_LEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_chars_are_the_id_alphabet() {
        assert_eq!(ID_CHARS.iter().collect::<String>(), ID_ALPHABET);
        assert_eq!(Alphabet::new(ID_ALPHABET).map(|a| a.len()), Ok(64));
        assert_eq!(
            Alphabet::new(ID_ALPHABET).map(|a| a.entropy_bits(ID_LEN)),
            Ok(ID_ENTROPY_BITS)
        );
    }
}
