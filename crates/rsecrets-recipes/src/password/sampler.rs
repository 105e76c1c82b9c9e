//! The three exact samplers a [`PasswordGenerator`](super::PasswordGenerator)
//! chooses between, at build time.

use alloc::string::String;
use alloc::vec::Vec;

use rand_core::TryCryptoRng;
use rsecrets_core::{Buffered, Secrets};
use zeroize::{Zeroize as _, Zeroizing};

use super::count::{Level, MAX_LIMBS};
use crate::Error;

/// How a generator draws its passwords. Each is exactly uniform over the passwords
/// the policy allows.
#[derive(Clone)]
pub(crate) enum Sampler {
    /// No minimum to meet: each character is a uniform choice from the alphabet.
    Uniform,
    /// Uniform strings until one meets the minimums. Chosen only when at least half
    /// of all strings do, so a password costs fewer than two tries on average.
    Rejection {
        /// The minimum of each [`CharClass`](super::CharClass), by its index.
        mins: [usize; 4],
    },
    /// A class composition drawn with probability proportional to its number of
    /// strings, a uniform arrangement of the class labels, then a uniform
    /// character of each label's class.
    Composition {
        /// The characters of each class, the last one taking what is left.
        classes: Vec<Vec<u8>>,
        /// The composition tables, one per class but the last.
        levels: Vec<Level>,
    },
}

impl Sampler {
    pub(crate) fn generate<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        alphabet: &[u8],
        length: usize,
    ) -> Result<Zeroizing<String>, Error<R::Error>> {
        // Outputs are sized once: a password is never copied into a reallocated
        // buffer. The characters' random bytes come in requests sized to the
        // password (see `RandomBytes`).
        match self {
            Sampler::Uniform => {
                let mut secrets = Secrets::new(rng);
                let mut out = Zeroizing::new(String::with_capacity(length));
                uniform(&mut secrets, alphabet, length, &mut out)?;
                Ok(out)
            }
            Sampler::Rejection { mins } => {
                let mut secrets = Secrets::new(rng);
                let mut out = Zeroizing::new(String::with_capacity(length));
                // One byte source for every try: bytes left over from a rejected
                // try serve the next one.
                let mut bytes = RandomBytes::new();
                while !rejection(&mut secrets, &mut bytes, alphabet, length, mins, &mut out)? {
                    out.clear();
                }
                Ok(out)
            }
            Sampler::Composition { classes, levels } => {
                // The composition's and the shuffle's many small draws come from
                // one generator request (see `Buffered`).
                let mut secrets = Secrets::new(Buffered::<_, 64>::new(rng));
                // The class labels go in the output buffer itself, are shuffled
                // there, and each is then replaced by a character of its class.
                let mut out = Zeroizing::new(Vec::with_capacity(length));
                compose(&mut secrets, levels, length, &mut out)?;
                secrets.shuffle(&mut out)?;
                let mut bytes = RandomBytes::new();
                for (i, byte) in out.iter_mut().enumerate() {
                    let class = &classes[usize::from(*byte)];
                    *byte = class[bytes.below(&mut secrets, class.len(), length - i)?];
                }
                Ok(Zeroizing::new(crate::pin::into_string(out)))
            }
        }
    }
}

/// `length` uniform characters of `alphabet`, pushed onto `out`.
fn uniform<R: TryCryptoRng>(
    secrets: &mut Secrets<R>,
    alphabet: &[u8],
    length: usize,
    out: &mut String,
) -> Result<(), Error<R::Error>> {
    let mut bytes = RandomBytes::new();
    for i in 0..length {
        out.push(char::from(
            alphabet[bytes.below(secrets, alphabet.len(), length - i)?],
        ));
    }
    Ok(())
}

/// One try of the rejection sampler: `length` uniform characters pushed onto
/// `out`, and whether they meet the minimums.
fn rejection<R: TryCryptoRng>(
    secrets: &mut Secrets<R>,
    bytes: &mut RandomBytes,
    alphabet: &[u8],
    length: usize,
    mins: &[usize; 4],
    out: &mut String,
) -> Result<bool, Error<R::Error>> {
    let mut counts = [0usize; 4];
    for i in 0..length {
        let byte = alphabet[bytes.below(secrets, alphabet.len(), length - i)?];
        // Branch-free tallies: the class of a random byte is unpredictable.
        let lower = usize::from(byte.wrapping_sub(b'a') < 26);
        let upper = usize::from(byte.wrapping_sub(b'A') < 26);
        let digit = usize::from(byte.wrapping_sub(b'0') < 10);
        counts[0] += lower;
        counts[1] += upper;
        counts[2] += digit;
        counts[3] += 1 - lower - upper - digit;
        out.push(char::from(byte));
    }
    let met = counts.iter().zip(mins).all(|(count, min)| count >= min);
    // The tallies say how the password is made up: wiped, as a slice (zeroize wipes
    // an array one element at a time).
    counts.as_mut_slice().zeroize();
    Ok(met)
}

/// Uniform indices below an alphabet's size (1 to 94), one random byte each where
/// `randbelow` would spend four: Lemire's method on 8-bit words. A byte `b` gives
/// `(b·n) >> 8`, rejected when `(b·n) mod 256` is below `256 mod n` (8 bytes in 256
/// for `n` = 62), which leaves every index exactly `⌊256/n⌋` bytes.
///
/// Bytes are drawn as many at a time as the characters still to make need (one
/// generator request for most passwords), wiped as they are used, and the rest
/// wiped on drop.
struct RandomBytes {
    buf: [u8; 64],
    /// The next unused byte.
    pos: usize,
    /// The end of the bytes drawn.
    end: usize,
}

impl RandomBytes {
    const fn new() -> Self {
        RandomBytes {
            buf: [0; 64],
            pos: 0,
            end: 0,
        }
    }

    /// A uniform index below `n`, which must be 1 to 255; `wanted` (at least 1) is
    /// how many indices are still to come, this one included.
    #[inline]
    fn below<R: TryCryptoRng>(
        &mut self,
        secrets: &mut Secrets<R>,
        n: usize,
        wanted: usize,
    ) -> Result<usize, Error<R::Error>> {
        debug_assert!((1..=255).contains(&n));
        let n = u16::try_from(n).unwrap_or(1);
        let threshold = 256 % n; // not a random word: the bound
        loop {
            if self.pos == self.end {
                self.refill(secrets, wanted)?;
            }
            let index = byte_index(self.buf[self.pos], n, threshold);
            self.buf[self.pos] = 0;
            self.pos += 1;
            if let Some(index) = index {
                return Ok(index);
            }
        }
    }

    /// Draws enough bytes for `wanted` indices and a few rejections.
    #[cold]
    fn refill<R: TryCryptoRng>(
        &mut self,
        secrets: &mut Secrets<R>,
        wanted: usize,
    ) -> Result<(), Error<R::Error>> {
        let want = wanted.saturating_add(wanted / 8 + 4).min(self.buf.len());
        secrets.fill_bytes(&mut self.buf[..want])?;
        self.pos = 0;
        self.end = want;
        Ok(())
    }
}

/// The index below `n` a random byte gives, or `None` if it is rejected;
/// `threshold` is `256 mod n`.
#[inline]
fn byte_index(byte: u8, n: u16, threshold: u16) -> Option<usize> {
    let m = u16::from(byte) * n;
    (m & 0xff >= threshold).then_some(usize::from(m >> 8))
}

impl Drop for RandomBytes {
    fn drop(&mut self) {
        // As a slice: zeroize wipes an array one element at a time.
        self.buf.as_mut_slice().zeroize();
    }
}

/// Pushes a composition drawn from the tables onto `labels`: `c_j` copies of `j`
/// for each class `j`, in class order, `length` in all.
fn compose<R: TryCryptoRng>(
    secrets: &mut Secrets<R>,
    levels: &[Level],
    length: usize,
    labels: &mut Vec<u8>,
) -> Result<(), Error<R::Error>> {
    let mut draw = Zeroizing::new([0u64; MAX_LIMBS]);
    let mut label = 0u8;
    for level in levels {
        let table = level.table(length - labels.len());
        let total = table.total();
        let u = &mut draw[..total.len()];
        below(secrets, total, u)?;
        let count = level.min + table.search(u);
        labels.resize(labels.len() + count, label);
        label += 1;
    }
    labels.resize(length, label);
    Ok(())
}

/// A uniform integer below `bound` into `out` (both most significant limb first,
/// same width, `bound[0]` not zero): random words masked to the bound's bit
/// length, rejected when not below it (at least half are accepted).
fn below<R: TryCryptoRng>(
    secrets: &mut Secrets<R>,
    bound: &[u64],
    out: &mut [u64],
) -> Result<(), Error<R::Error>> {
    let mask = u64::MAX >> bound[0].leading_zeros();
    loop {
        for limb in out.iter_mut() {
            *limb = secrets.randbits(64)?;
        }
        out[0] &= mask;
        if &*out < bound {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value, for every alphabet size: each index is given by exactly
    /// ⌊256/n⌋ bytes, so an accepted byte gives each index with the same chance.
    #[test]
    fn byte_indices_are_exactly_uniform() {
        for n in 1u16..=255 {
            let mut hits = [0u16; 256];
            for byte in 0..=255u8 {
                if let Some(i) = byte_index(byte, n, 256 % n) {
                    hits[i] += 1;
                }
            }
            let per_index = 256 / n;
            assert!(
                hits[..usize::from(n)].iter().all(|&h| h == per_index),
                "n = {n}"
            );
            assert!(hits[usize::from(n)..].iter().all(|&h| h == 0), "n = {n}");
        }
    }
}
