//! The two exact samplers a [`PasswordGenerator`](super::PasswordGenerator)
//! chooses between, at build time.

use alloc::string::String;
use alloc::vec::Vec;

use rand_core::TryCryptoRng;
use rsecrets_core::{Buffered, Secrets};
use zeroize::Zeroizing;

use super::CharClass;
use super::count::{Level, MAX_LIMBS};

/// How a generator draws its passwords. Each is exactly uniform over the passwords
/// the policy allows.
#[derive(Clone)]
pub(crate) enum Sampler {
    /// Uniform strings until one meets the minimums (with no minimum, the first).
    /// Chosen only when at least half of all strings meet them, so a password costs
    /// fewer than two tries on average.
    Rejection {
        /// The minimum of each [`CharClass`], by its index.
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
    /// A password of `length` characters of `alphabet` (printable ASCII).
    pub(crate) fn generate<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        alphabet: &[u8],
        length: usize,
    ) -> Result<Zeroizing<String>, rsecrets_core::Error<R::Error>> {
        // Sized once: a password is never copied into a reallocated buffer.
        let mut out = Zeroizing::new(String::with_capacity(length));
        match self {
            Sampler::Rejection { mins } => loop {
                // A byte a character, in one or two generator requests.
                let mut secrets = Secrets::new(&mut *rng);
                secrets.choices(alphabet, length, |&c| out.push(char::from(c)))?;
                if meets(&out, mins) {
                    return Ok(out);
                }
                out.clear();
            },
            Sampler::Composition { classes, levels } => {
                // Many small draws (the composition, the shuffle, a character each):
                // one generator request covers most of them.
                let mut secrets = Secrets::new(Buffered::<_, 64>::new(rng));
                let mut labels = Zeroizing::new(Vec::with_capacity(length));
                compose(&mut secrets, levels, length, &mut labels)?;
                secrets.shuffle(&mut labels)?;
                for &label in labels.iter() {
                    let class = &classes[usize::from(label)];
                    out.push(char::from(*secrets.choice(class)?));
                }
                Ok(out)
            }
        }
    }
}

/// Whether `password` has at least `mins[i]` characters of class `CharClass::ALL[i]`
/// for every class (no counting for a minimum of 0).
fn meets(password: &str, mins: &[usize; 4]) -> bool {
    CharClass::ALL.into_iter().zip(mins).all(|(class, &min)| {
        let of_class = password
            .chars()
            .filter(|&c| CharClass::of(c) == Some(class));
        of_class.take(min).count() == min
    })
}

/// Pushes a composition drawn from the tables onto `labels`: `c_j` copies of `j`
/// for each class `j`, in class order, `length` in all.
fn compose<R: TryCryptoRng>(
    secrets: &mut Secrets<R>,
    levels: &[Level],
    length: usize,
    labels: &mut Vec<u8>,
) -> Result<(), rsecrets_core::Error<R::Error>> {
    let mut draw = Zeroizing::new([0u64; MAX_LIMBS]);
    let mut label = 0;
    for level in levels {
        let table = level.table(length - labels.len());
        let total = table.total();
        secrets.randbelow_words(total, &mut draw[..])?;
        let count = level.min + table.search(&draw[..total.len()]);
        labels.resize(labels.len() + count, label);
        label += 1;
    }
    labels.resize(length, label);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meets_counts_each_class() {
        assert!(meets("aB3$", &[1, 1, 1, 1]));
        assert!(meets("", &[0; 4]));
        assert!(!meets("aB3", &[1, 1, 1, 1]));
        assert!(meets("ab12", &[2, 0, 2, 0]));
        assert!(!meets("ab12", &[3, 0, 0, 0]));
        assert!(!meets("ab12", &[0, 0, 3, 0]));
    }
}
