//! The four character classes of printable ASCII, and the ambiguous characters.

use core::fmt;

/// The ambiguous characters that
/// [`PasswordPolicy::exclude_ambiguous`](crate::PasswordPolicy::exclude_ambiguous)
/// leaves out, in ASCII order: `"` `'` `0` `1` `I` `O` `` ` `` `l` `o` `|`.
///
/// They are the pairs and triples people misread when they copy a password by
/// hand: zero and the letters O and o; one, capital I, small l and the bar `|`;
/// and the three quote marks `"` `'` `` ` ``.
///
/// ```
/// assert_eq!(rsecrets_recipes::AMBIGUOUS_CHARS, "\"'01IO`lo|");
/// ```
pub const AMBIGUOUS_CHARS: &str = "\"'01IO`lo|";

/// One of the four classes that split printable ASCII (`!` to `~`, 94 characters)
/// between them: every printable character is in exactly one class.
///
/// ```
/// use rsecrets_recipes::CharClass;
/// assert_eq!(CharClass::Digit.chars(), "0123456789");
/// assert_eq!(CharClass::of('%'), Some(CharClass::Symbol));
/// assert_eq!(CharClass::of(' '), None);
/// assert_eq!(CharClass::Upper.to_string(), "uppercase letters");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CharClass {
    /// `a` to `z` (26).
    Lower,
    /// `A` to `Z` (26).
    Upper,
    /// `0` to `9` (10).
    Digit,
    /// The 32 ASCII punctuation characters ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~``.
    Symbol,
}

impl CharClass {
    /// The four classes, in the order policies list them.
    ///
    /// ```
    /// use rsecrets_recipes::CharClass;
    /// let total: usize = CharClass::ALL.iter().map(|c| c.chars().len()).sum();
    /// assert_eq!(total, 94);
    /// ```
    pub const ALL: [CharClass; 4] = [
        CharClass::Lower,
        CharClass::Upper,
        CharClass::Digit,
        CharClass::Symbol,
    ];

    /// The class's characters, in ASCII order.
    ///
    /// ```
    /// use rsecrets_recipes::CharClass;
    /// assert_eq!(CharClass::Symbol.chars(), "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
    /// ```
    #[must_use]
    pub const fn chars(self) -> &'static str {
        match self {
            CharClass::Lower => "abcdefghijklmnopqrstuvwxyz",
            CharClass::Upper => "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            CharClass::Digit => "0123456789",
            CharClass::Symbol => "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
        }
    }

    /// The class of `ch`, or `None` if `ch` is not printable ASCII.
    ///
    /// ```
    /// use rsecrets_recipes::CharClass;
    /// assert_eq!(CharClass::of('q'), Some(CharClass::Lower));
    /// assert_eq!(CharClass::of('é'), None);
    /// ```
    #[must_use]
    pub const fn of(ch: char) -> Option<CharClass> {
        match ch {
            'a'..='z' => Some(CharClass::Lower),
            'A'..='Z' => Some(CharClass::Upper),
            '0'..='9' => Some(CharClass::Digit),
            '!'..='~' => Some(CharClass::Symbol),
            _ => None,
        }
    }

    #[cfg(feature = "alloc")]
    /// The class's characters as a set (bit `b` for the byte `b`).
    pub(crate) const fn set(self) -> u128 {
        set_of(self.chars())
    }
}

impl CharClass {
    /// The name of one character of the class, as in "at least 1 digit".
    ///
    /// ```
    /// assert_eq!(rsecrets_recipes::CharClass::Symbol.singular(), "symbol");
    /// ```
    #[must_use]
    pub const fn singular(self) -> &'static str {
        match self {
            CharClass::Lower => "lowercase letter",
            CharClass::Upper => "uppercase letter",
            CharClass::Digit => "digit",
            CharClass::Symbol => "symbol",
        }
    }
}

impl fmt::Display for CharClass {
    /// The class's plural name, as in "at least 2 digits".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CharClass::Lower => "lowercase letters",
            CharClass::Upper => "uppercase letters",
            CharClass::Digit => "digits",
            CharClass::Symbol => "symbols",
        })
    }
}

#[cfg(feature = "alloc")]
/// The set of the ASCII characters of `s` (bit `b` for the byte `b`); other
/// characters are ignored.
pub(crate) const fn set_of(s: &str) -> u128 {
    let bytes = s.as_bytes();
    let mut set = 0u128;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 128 {
            set |= 1 << bytes[i];
        }
        i += 1;
    }
    set
}

#[cfg(feature = "alloc")]
/// The ambiguous characters as a set.
pub(crate) const AMBIGUOUS_SET: u128 = set_of(AMBIGUOUS_CHARS);

#[cfg(feature = "alloc")]
/// The bytes of a set, in ASCII order.
pub(crate) fn bytes_of(set: u128) -> impl Iterator<Item = u8> {
    (0u8..128).filter(move |&b| set >> b & 1 == 1)
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::*;

    #[test]
    fn classes_split_printable_ascii() {
        let mut all = 0u128;
        for class in CharClass::ALL {
            assert_eq!(all & class.set(), 0, "{class} overlaps");
            all |= class.set();
            for ch in class.chars().chars() {
                assert_eq!(CharClass::of(ch), Some(class));
            }
        }
        assert_eq!(
            all,
            set_of(
                "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
            )
        );
        assert_eq!(all.count_ones(), 94);
        assert_eq!(CharClass::Symbol.chars().len(), 32);
        assert!(
            CharClass::Symbol
                .chars()
                .bytes()
                .all(|b| b.is_ascii_punctuation())
        );
        assert_eq!(AMBIGUOUS_SET.count_ones(), 10);
        // A class's discriminant is its position in `ALL` (policies index by it).
        for (i, class) in CharClass::ALL.into_iter().enumerate() {
            assert_eq!(class as usize, i);
        }
    }
}
