//! [`Slots`]: a word list laid out so that joining a phrase copies each word in one
//! fixed-size move.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use zeroize::Zeroizing;

use super::wordlist::join_with;

/// The bytes of a slot.
const WIDTH: usize = 16;

/// The longest word a slot holds: its last byte is the word's length.
const LONGEST: usize = WIDTH - 1;

/// Every word of a list in a 16-byte slot: the word, NUL bytes up to byte 15, and
/// the word's length in byte 15.
///
/// Joining a phrase from slots copies a whole slot (one 16-byte move) and cuts the
/// padding off again, where pushing the word alone calls `memcpy` once per word
/// (those calls were about a fifth of the time of a 6-word phrase). Each slot
/// starts with a word's first byte and the padding is ASCII, so every slot boundary
/// and every word's end is a `char` boundary. A list with a word longer than 15
/// bytes has no slots and is joined word by word.
#[derive(Clone)]
pub(crate) struct Slots(Cow<'static, str>);

impl Slots {
    /// The slots of `words` (`count` of them), or `None` if a word is longer than 15
    /// bytes (or the slots would not fit in memory).
    pub(crate) fn layout<'a>(count: usize, words: impl Iterator<Item = &'a str>) -> Option<String> {
        let mut slots = String::with_capacity(count.checked_mul(WIDTH)?);
        for word in words {
            let length = u8::try_from(word.len())
                .ok()
                .filter(|&n| usize::from(n) <= LONGEST)?;
            slots.push_str(word);
            slots.extend(core::iter::repeat_n('\0', LONGEST - word.len()));
            slots.push(char::from(length));
        }
        Some(slots)
    }

    /// Slots laid out by [`layout`](Self::layout).
    pub(crate) fn new(slots: Cow<'static, str>) -> Self {
        Slots(slots)
    }

    /// The words at `picks` (each below the number of words) joined by
    /// `separator`, as [`WordList::join`](super::WordList::join) joins them, in a
    /// buffer that is never reallocated. Its spare capacity (at most 15 bytes)
    /// holds the last word's padding, and is wiped on drop with the rest.
    pub(crate) fn join(&self, picks: &[u32], separator: &str) -> Zeroizing<String> {
        let start = |pick: u32| usize::try_from(pick).map_or(usize::MAX, |i| i * WIDTH);
        let bytes = self.0.as_bytes();
        let length = |pick: u32| usize::from(bytes[start(pick) + LONGEST]);
        let words = picks.iter().map(|&p| length(p)).sum::<usize>();
        // The last slot is copied whole too: room for its padding.
        let padding = picks.last().map_or(0, |&p| WIDTH - length(p));
        join_with(picks, separator, words + padding, |phrase, pick| {
            let end = phrase.len() + length(pick);
            let at = start(pick);
            phrase.push_str(&self.0[at..at + WIDTH]);
            phrase.truncate(end);
        })
    }
}

impl fmt::Debug for Slots {
    /// The number of slots, not the words (a list's own `Debug` shows a few).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Slots")
            .field("words", &(self.0.len() / WIDTH))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use alloc::vec::Vec;

    use rand_core::SeedableRng;
    use rsecrets_core::Secrets;

    use super::super::WordList;

    /// Every list and separator joins to the same phrase, byte for byte, from its
    /// slots as word by word.
    fn same_as_word_by_word(list: &WordList, separators: &[&str]) {
        let slots = list.slots().unwrap();
        let mut secrets = Secrets::new(chacha20_rng::ChaCha20Rng::from_seed([3; 32]));
        let size = u32::try_from(list.len()).unwrap();
        let last = size - 1;
        for words in 1..=12 {
            for separator in separators {
                for round in 0..40 {
                    let mut picks: Vec<u32> = (0..words)
                        .map(|_| secrets.randbelow(size).unwrap())
                        .collect();
                    // The first and last words of the list, at both ends.
                    if round == 0 {
                        picks[0] = 0;
                        picks[words - 1] = last;
                    }
                    let phrase = slots.join(&picks, separator);
                    assert_eq!(*phrase, *list.join(&picks, separator));
                    let last_word = list.get(picks[words - 1] as usize).unwrap();
                    assert_eq!(phrase.capacity(), phrase.len() + 16 - last_word.len());
                }
            }
        }
    }

    #[test]
    fn slots_join_as_the_words_do() {
        let separators = [" ", "_", " - ", "\u{b7}", "\u{2014}\u{2014}"];
        same_as_word_by_word(&WordList::eff_large(), &separators);
        same_as_word_by_word(&WordList::eff_short_1(), &separators);
        same_as_word_by_word(&WordList::eff_short_2(), &separators);
        // Non-ASCII words, a word of exactly 15 bytes, one of a single byte, and one
        // that ends in a NUL.
        let list = WordList::parse(
            "\u{c4}pfel\nna\u{ef}ve\nfifteen-bytes!!\nx\n\u{1f511}key\n\u{3b1}\u{3b2}\nnul\0\n",
        )
        .unwrap();
        assert!(list.iter().any(|w| w.len() == 15));
        same_as_word_by_word(&list, &separators);
    }

    #[test]
    fn a_word_over_15_bytes_leaves_a_list_without_slots() {
        assert!(
            WordList::parse("sixteen-bytes!!!\nshort\n")
                .unwrap()
                .slots()
                .is_none()
        );
        assert!(
            WordList::parse("\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\nab\n")
                .unwrap()
                .slots()
                .is_none()
        );
        assert!(
            WordList::parse("fifteen-bytes!!\nshort\n")
                .unwrap()
                .slots()
                .is_some()
        );
    }
}
