//! Word lists from arbitrary bytes (`WordList::from_reader`, the path of
//! `--wordlist FILE`): an error or a list, never a panic; a list is what an
//! independent reading of the documented rules gives (lines at LF, CR or CRLF,
//! trimmed, NFC without invisible characters, blanks and repeats dropped, the
//! numbers of a `number word` file dropped), and holds at least two distinct,
//! non-empty, trimmed, normalized words with `log2(len)` bits a word.

#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use rsecrets_recipes::{Invalid, WordList, normalized};

fuzz_target!(|data: &[u8]| {
    let parsed = WordList::from_reader(data);
    let Ok(text) = std::str::from_utf8(data) else {
        let Err(Invalid::WordListNotUtf8 { path: None, line }) = parsed else {
            panic!("not UTF-8 but {parsed:?}");
        };
        let valid = std::str::from_utf8(data).unwrap_err().valid_up_to();
        let newlines = data[..valid].iter().filter(|&&b| b == b'\n').count();
        assert_eq!(line, newlines + 1);
        return;
    };
    let expected = reference(text);
    let list = match parsed {
        Ok(list) => list,
        Err(Invalid::Length {
            requested, min: 2, ..
        }) => {
            assert!(requested < 2);
            assert_eq!(requested, expected.len(), "{text:?}");
            return;
        }
        Err(e) => panic!("unexpected error {e:?} for {text:?}"),
    };
    let words: Vec<&str> = list.iter().collect();
    assert_eq!(words, expected, "{text:?}");
    assert!(list.len() >= 2 && !list.is_empty());
    assert_eq!(list.len(), words.len());
    assert_eq!(list.get(list.len()), None);
    let mut seen = HashSet::new();
    for word in &words {
        assert!(seen.insert(*word), "{word:?} twice");
        assert!(!word.is_empty());
        assert_eq!(word.trim(), *word, "an untrimmed word");
        assert_eq!(normalized(word), *word, "a word not normalized");
        assert!(!word.contains(['\n', '\r']));
    }
    assert_eq!(
        list.entropy_bits_per_word(),
        (list.len() as f64).log2(),
        "log2 of the number of distinct words"
    );
});

/// The words of `text` by the documented rules, written here without the library's
/// parser (its `normalized` is the definition of "normalized").
fn reference(text: &str) -> Vec<String> {
    let blank = |c: char| c.is_whitespace() || default_ignorable(c);
    let lines: Vec<&str> = text
        .split(['\n', '\r'])
        .map(|l| l.trim_matches(blank))
        .filter(|l| !l.is_empty())
        .collect();
    let numbered = |line: &str| -> Option<String> {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &line[digits..];
        let word = rest.trim_start_matches(blank);
        (digits > 0 && rest.starts_with(char::is_whitespace) && !word.is_empty())
            .then(|| word.to_owned())
    };
    let words: Vec<String> = match lines.iter().map(|l| numbered(l)).collect() {
        Some(words) => words,
        None => lines.iter().map(|l| (*l).to_owned()).collect(),
    };
    let mut seen = HashSet::new();
    words
        .iter()
        .map(|w| normalized(w))
        .filter(|w| !w.is_empty() && seen.insert(w.clone()))
        .collect()
}

/// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, 15.1).
fn default_ignorable(c: char) -> bool {
    matches!(u32::from(c),
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}
