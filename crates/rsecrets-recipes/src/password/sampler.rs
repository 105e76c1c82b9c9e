//! The three exact samplers a [`PasswordGenerator`](super::PasswordGenerator)
//! chooses between, at build time.

use alloc::string::String;
use alloc::vec::Vec;

use rand_core::TryCryptoRng;
use rsecrets_core::{Buffered, Secrets};
use zeroize::Zeroizing;

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
        // One request to the generator covers 16 characters' draws (see `Buffered`).
        let mut secrets = Secrets::new(Buffered::<_, 64>::new(rng));
        // Sized once: the password is never copied into a reallocated buffer.
        match self {
            Sampler::Uniform => {
                let mut out = Zeroizing::new(String::with_capacity(length));
                uniform(&mut secrets, alphabet, length, &mut out)?;
                Ok(out)
            }
            Sampler::Rejection { mins } => {
                let mut out = Zeroizing::new(String::with_capacity(length));
                while !rejection(&mut secrets, alphabet, length, mins, &mut out)? {
                    out.clear();
                }
                Ok(out)
            }
            Sampler::Composition { classes, levels } => {
                // The class labels go in the output buffer itself, are shuffled
                // there, and each is then replaced by a character of its class.
                let mut out = Zeroizing::new(Vec::with_capacity(length));
                compose(&mut secrets, levels, length, &mut out)?;
                secrets.shuffle(&mut out)?;
                for byte in out.iter_mut() {
                    let class = &classes[usize::from(*byte)];
                    *byte = class[widen(secrets.randbelow(alphabet_size(class))?)];
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
    // `randbelow` of the length is `choice`, value for value; it inlines better.
    let size = alphabet_size(alphabet);
    for _ in 0..length {
        out.push(char::from(alphabet[widen(secrets.randbelow(size)?)]));
    }
    Ok(())
}

/// One try of the rejection sampler: `length` uniform characters pushed onto
/// `out`, and whether they meet the minimums.
fn rejection<R: TryCryptoRng>(
    secrets: &mut Secrets<R>,
    alphabet: &[u8],
    length: usize,
    mins: &[usize; 4],
    out: &mut String,
) -> Result<bool, Error<R::Error>> {
    let size = alphabet_size(alphabet);
    let mut counts = Zeroizing::new([0usize; 4]);
    for _ in 0..length {
        let byte = alphabet[widen(secrets.randbelow(size)?)];
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
    Ok(counts.iter().zip(mins).all(|(count, min)| count >= min))
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

/// The size of an alphabet of printable ASCII: at most 94.
fn alphabet_size(alphabet: &[u8]) -> u32 {
    u32::try_from(alphabet.len()).unwrap_or(u32::MAX)
}

/// A `u32` index below 94 as a `usize`.
fn widen(i: u32) -> usize {
    usize::try_from(i).unwrap_or(usize::MAX)
}
