#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use subtle::{Choice, ConstantTimeEq};

/// Width of the words compared at once: one optimisation barrier per word instead of
/// one per byte, which is what makes the comparison fast.
const WORD: usize = 8;

/// Returns `true` if `a` and `b` are equal, taking time that depends on their lengths
/// only, never on their contents.
///
/// This is Python's `hmac.compare_digest` / `secrets.compare_digest`: inputs of
/// different lengths are simply unequal (`false`, never an error), and either side
/// may be any byte string (`&str`, `String`, `&[u8]`, `Vec<u8>`, an array).
///
/// Use it to check a secret against a guess: a MAC tag, an API or reset token. The
/// lengths are not hidden (see the [crate documentation](crate)).
///
/// ```
/// use rsecrets_compare::compare_digest;
///
/// assert!(compare_digest("a1b2c3", b"a1b2c3"));
/// assert!(!compare_digest("a1b2c3q", "a1b2c3k"));
/// assert!(!compare_digest(b"short", b"longer"));
/// ```
#[must_use]
#[inline]
pub fn compare_digest(a: impl AsRef<[u8]>, b: impl AsRef<[u8]>) -> bool {
    compare_digest_choice(a, b).into()
}

/// Like [`compare_digest`], but returns a [`subtle::Choice`] for callers that keep
/// composing constant-time code (`&`, `|`, `conditional_select`) before branching.
///
/// Inputs of different lengths give `Choice::from(0)` at once, as
/// `subtle::ConstantTimeEq` on slices does.
///
/// ```
/// use rsecrets_compare::compare_digest_choice;
///
/// let both = compare_digest_choice("user-token", "user-token")
///     & compare_digest_choice([1u8, 2, 3], [1u8, 2, 4]);
/// assert!(!bool::from(both));
/// ```
#[must_use]
#[inline]
pub fn compare_digest_choice(a: impl AsRef<[u8]>, b: impl AsRef<[u8]>) -> Choice {
    ct_eq_bytes(a.as_ref(), b.as_ref())
}

/// Compares whole 8-byte words with `u64::ct_eq` and the tail with `[u8]::ct_eq`.
///
/// `subtle`'s own slice comparison passes every byte through an out-of-line
/// optimisation barrier; a word at a time keeps the same guarantee per word for an
/// eighth of the barriers (figures in docs/performance.md).
fn ct_eq_bytes(a: &[u8], b: &[u8]) -> Choice {
    if a.len() != b.len() {
        // The lengths are public (see the crate docs), as in `subtle` and Python.
        return Choice::from(0);
    }
    let (a_words, b_words) = (a.chunks_exact(WORD), b.chunks_exact(WORD));
    let tail = a_words.remainder().ct_eq(b_words.remainder());
    a_words
        .zip(b_words)
        .fold(tail, |equal, (x, y)| equal & word(x).ct_eq(&word(y)))
}

/// Reads one word; `chunk` is always `WORD` bytes long (from `chunks_exact`).
#[inline(always)]
fn word(chunk: &[u8]) -> u64 {
    let mut bytes = [0u8; WORD];
    bytes.copy_from_slice(chunk);
    u64::from_ne_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_and_every_differing_position() {
        let a = [0x5a_u8; 40];
        for len in 0..=a.len() {
            assert!(compare_digest(&a[..len], &a[..len]));
            for pos in 0..len {
                for flip in [0x01_u8, 0x80, 0xff] {
                    let mut b = a;
                    b[pos] ^= flip;
                    assert!(!compare_digest(&a[..len], &b[..len]), "len {len} pos {pos}");
                }
            }
        }
    }

    #[test]
    fn choice_agrees_with_bool() {
        assert_eq!(compare_digest_choice("x", "x").unwrap_u8(), 1);
        assert_eq!(compare_digest_choice("x", "y").unwrap_u8(), 0);
        assert_eq!(compare_digest_choice("x", "xy").unwrap_u8(), 0);
    }
}
