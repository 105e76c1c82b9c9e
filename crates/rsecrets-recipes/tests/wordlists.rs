//! Word lists: the built-in EFF lists, custom lists from text, readers and files,
//! and passphrases drawn from them.
#![cfg(feature = "std")]
#![allow(clippy::unwrap_used)]

mod common;

use std::io;
use std::path::PathBuf;

use common::seeded;
use rsecrets_recipes::{Invalid, MAX_WORD_LIST_BYTES, Passphrase, WordList};

/// A path in the temporary directory that no other test (or run) uses.
fn temp_path(name: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    std::env::temp_dir().join(format!(
        "rsecrets-recipes-{}-{nanos}-{name}",
        std::process::id()
    ))
}

fn words(list: &WordList) -> Vec<&str> {
    list.iter().collect()
}

#[test]
fn eff_lists_are_what_they_claim() {
    for (list, len) in [
        (WordList::eff_large(), 7776),
        (WordList::eff_short_1(), 1296),
        (WordList::eff_short_2(), 1296),
    ] {
        assert_eq!(list.len(), len);
        let mut distinct = words(&list);
        assert!(distinct.iter().all(|w| !w.is_empty() && w.trim() == *w));
        assert!(
            distinct
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        );
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), len, "the list has duplicates");
    }
    let large = WordList::eff_large();
    assert_eq!(large.get(0), Some("abacus"));
    assert_eq!(large.get(7775), Some("zoom"));
    assert!((large.entropy_bits_per_word() - 7776f64.log2()).abs() < 1e-12);
}

#[test]
fn exactly_four_eff_large_words_have_a_hyphen() {
    let large = WordList::eff_large();
    let hyphenated: Vec<&str> = large.iter().filter(|w| w.contains('-')).collect();
    assert_eq!(hyphenated, ["drop-down", "felt-tip", "t-shirt", "yo-yo"]);
    // So `-` is refused with it, and allowed with lists that have no hyphen.
    assert!(matches!(
        Passphrase::new().separator("-").build(),
        Err(Invalid::AmbiguousSeparator { .. })
    ));
    // Each short list has one: "yo-yo".
    for list in [WordList::eff_short_1(), WordList::eff_short_2()] {
        let hyphenated: Vec<&str> = list.iter().filter(|w| w.contains('-')).collect();
        assert_eq!(hyphenated, ["yo-yo"]);
        assert!(
            Passphrase::with_word_list(list)
                .separator("-")
                .build()
                .is_err()
        );
    }
    let custom = WordList::parse("alpha\nbravo\ncharlie\n").unwrap();
    let generator = Passphrase::with_word_list(custom)
        .separator("-")
        .build()
        .unwrap();
    let phrase = generator.generate(&mut seeded(1)).unwrap();
    assert_eq!(phrase.split('-').count(), 6);
}

#[test]
fn text_is_trimmed_deduplicated_and_kept_in_order() {
    let list =
        WordList::parse("\u{feff}  pear\n\napple\t\r\npear\n\n  \nfig\napple\nPear\n").unwrap();
    assert_eq!(words(&list), ["pear", "apple", "fig", "Pear"]);
    assert_eq!(list.entropy_bits_per_word(), 2.0);
    // The EFF / Diceware file layout: dice numbers, a tab, the word.
    let numbered = WordList::parse("11111\tabacus\n11112\tabdomen\n11113 abdominal\n").unwrap();
    assert_eq!(words(&numbered), ["abacus", "abdomen", "abdominal"]);
    // Numbers are kept when not every line is numbered.
    let mixed = WordList::parse("1 one\ntwo\n").unwrap();
    assert_eq!(words(&mixed), ["1 one", "two"]);
    // Lines of several words, none numbered, stay whole.
    let phrases = WordList::parse("ice cream\nhot  dog\n").unwrap();
    assert_eq!(words(&phrases), ["ice cream", "hot  dog"]);
    // A word list of numbers alone is a word list of numbers.
    assert_eq!(words(&WordList::parse("12\n34\n").unwrap()), ["12", "34"]);
}

#[test]
fn files_and_readers() {
    let path = temp_path("words.txt");
    std::fs::write(&path, "one\ntwo\n\nthree\ntwo\n").unwrap();
    let list = WordList::from_file(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(words(&list), ["one", "two", "three"]);
    let list = WordList::from_reader(&b"x\ny\n"[..]).unwrap();
    assert_eq!(words(&list), ["x", "y"]);
}

#[test]
fn a_file_that_is_not_utf8_is_named() {
    let path = temp_path("latin1.txt");
    std::fs::write(&path, b"caf\xc3\xa9\nna\xefve\nz\n").unwrap();
    let e = WordList::from_file(&path).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        e,
        Invalid::WordListNotUtf8 {
            path: Some(path.clone()),
            line: 2
        }
    );
    assert_eq!(
        e.to_string(),
        format!("the word list {path:?} is not valid UTF-8 (line 2)")
    );
    let from_reader = WordList::from_reader(&b"\xff\n"[..]).unwrap_err();
    assert_eq!(
        from_reader,
        Invalid::WordListNotUtf8 {
            path: None,
            line: 1
        }
    );
    assert_eq!(
        from_reader.to_string(),
        "the word list is not valid UTF-8 (line 1)"
    );
}

#[test]
fn a_missing_file_is_named_with_the_os_reason() {
    let path = temp_path("missing.txt");
    let e = WordList::from_file(&path).unwrap_err();
    let Invalid::WordListRead {
        path: Some(named),
        kind,
        message,
    } = &e
    else {
        panic!("{e:?}");
    };
    assert_eq!(named, &path);
    assert_eq!(*kind, io::ErrorKind::NotFound);
    let os = io::Error::from(io::ErrorKind::NotFound);
    assert!(!message.is_empty(), "{os}");
    assert_eq!(
        e.to_string(),
        format!("cannot read the word list {path:?}: {message}")
    );
    // A directory is not a word list either.
    let dir = WordList::from_file(std::env::temp_dir()).unwrap_err();
    assert!(
        matches!(dir, Invalid::WordListRead { path: Some(_), .. }),
        "{dir:?}"
    );
}

#[test]
fn a_failing_reader_is_an_error() {
    struct Broken;
    impl io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::new(io::ErrorKind::PermissionDenied, "no way"))
        }
    }
    assert_eq!(
        WordList::from_reader(Broken).unwrap_err(),
        Invalid::WordListRead {
            path: None,
            kind: io::ErrorKind::PermissionDenied,
            message: "no way".into()
        }
    );
}

#[test]
fn passphrases_are_words_of_the_list() {
    let generator = Passphrase::new().build().unwrap();
    assert!((generator.entropy_bits() - 6.0 * 7776f64.log2()).abs() < 1e-12);
    let list = generator.word_list();
    let mut rng = seeded(3);
    for _ in 0..200 {
        let phrase = generator.generate(&mut rng).unwrap();
        let parts: Vec<&str> = phrase.split(' ').collect();
        assert_eq!(parts.len(), 6);
        assert!(parts.iter().all(|p| list.iter().any(|w| w == *p)));
    }
}

#[test]
fn capitalize_upper_cases_first_letters_only() {
    let list = WordList::parse("éclair\nokay\nnice\nNice\n").unwrap();
    let generator = Passphrase::with_word_list(list)
        .capitalize(true)
        .words(3)
        .build()
        .unwrap();
    assert_eq!(words(generator.word_list()), ["Éclair", "Okay", "Nice"]);
    assert!((generator.entropy_bits() - 3.0 * 3f64.log2()).abs() < 1e-12);
}

#[test]
fn words_are_chosen_uniformly() {
    // Chi-square over the 7776 words of 6 · 20 000 draws (df = 7775) on a seeded
    // generator: deterministic; a uniform chooser fails with probability < 1e-6.
    let generator = Passphrase::new().build().unwrap();
    let list = generator.word_list();
    let index: std::collections::HashMap<&str, usize> =
        list.iter().enumerate().map(|(i, w)| (w, i)).collect();
    let mut counts = vec![0u64; list.len()];
    let mut rng = seeded(4);
    for _ in 0..20_000 {
        for word in generator.generate(&mut rng).unwrap().split(' ') {
            counts[index[word]] += 1;
        }
    }
    common::assert_fits("EFF words", &counts, &vec![1.0 / 7776.0; 7776]);
}

#[test]
fn an_endless_input_is_refused_after_the_limit() {
    // `io::repeat` never ends, as `/dev/zero` would not: the read stops one byte past
    // the limit instead of exhausting memory.
    let e = WordList::from_reader(io::repeat(b'a')).unwrap_err();
    let Invalid::WordListRead { kind, message, .. } = &e else {
        panic!("{e:?}");
    };
    assert_eq!(*kind, io::ErrorKind::FileTooLarge);
    assert_eq!(
        e.to_string(),
        format!("cannot read the word list: {message}")
    );
    assert!(
        message.contains(&MAX_WORD_LIST_BYTES.to_string()),
        "{message}"
    );
    // Exactly the limit is read and parsed (one word repeated: too few words).
    let exact = io::Read::take(io::repeat(b'a'), MAX_WORD_LIST_BYTES as u64);
    assert!(matches!(
        WordList::from_reader(exact).unwrap_err(),
        Invalid::Length { requested: 1, .. }
    ));
}

#[test]
fn a_file_with_too_few_words_is_named() {
    for (name, text, distinct) in [
        ("one.txt", "same\n same \n\n", 1),
        ("empty.txt", "\n  \n", 0),
    ] {
        let path = temp_path(name);
        std::fs::write(&path, text).unwrap();
        let e = WordList::from_file(&path).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            e,
            Invalid::WordListTooShort {
                path: path.clone(),
                distinct
            }
        );
        assert!(e.to_string().contains(&path.display().to_string()), "{e}");
        // Text has no file to name: the plain length error.
        assert!(matches!(
            WordList::parse(text).unwrap_err(),
            Invalid::Length { requested, .. } if requested == distinct
        ));
    }
}

/// Words a person cannot tell apart count once, so the entropy figure counts only
/// words that differ: NFC and NFD spellings, a zero-width space, a byte-order mark at
/// the start of a list concatenated after another.
#[test]
fn words_that_look_the_same_count_once() {
    let list =
        WordList::parse("\u{e9}clair\ne\u{301}clair\nx\u{200b}y\nxy\n\u{feff}zz\nzz\n").unwrap();
    assert_eq!(list.iter().collect::<Vec<_>>(), ["\u{e9}clair", "xy", "zz"]);
    assert_eq!(list.entropy_bits_per_word(), 3f64.log2());
    // A line made only of invisible characters is blank.
    assert_eq!(WordList::parse("a\n\u{200b}\nb\n").unwrap().len(), 2);
    // Between a line's number and its word they are blanks too: no word starts with
    // the blanks behind them (found by the `wordlist` fuzz target).
    let list = WordList::parse("1 \u{fff2}\u{c} b\n2\t\u{200b} \u{200b}c\n").unwrap();
    assert_eq!(list.iter().collect::<Vec<_>>(), ["b", "c"]);
}

/// A line ends at LF, CRLF or a lone CR (old Mac files).
#[test]
fn cr_only_line_ends_split_words() {
    let list = WordList::parse("red\rgreen\r\nblue\ncyan").unwrap();
    assert_eq!(
        list.iter().collect::<Vec<_>>(),
        ["red", "green", "blue", "cyan"]
    );
    // Numbered lines stay numbered with any line end, and behind a byte-order mark.
    let list = WordList::parse("\u{feff}11111 abacus\r11112 abdomen\r").unwrap();
    assert_eq!(list.iter().collect::<Vec<_>>(), ["abacus", "abdomen"]);
}

/// A separator is compared, and written, normalized; one that starts with a combining
/// mark would glue itself to the word before it.
#[test]
fn separators_are_normalized_and_may_not_combine() {
    let list = || WordList::parse("red\ngreen\nblue\n").unwrap();
    let combining = Passphrase::with_word_list(list())
        .separator("\u{301}-")
        .build();
    assert_eq!(combining.unwrap_err(), Invalid::CombiningSeparator);
    let invisible = Passphrase::with_word_list(list())
        .separator("\u{200b}")
        .build();
    assert_eq!(invisible.unwrap_err(), Invalid::EmptySeparator);
    let generator = Passphrase::with_word_list(list())
        .separator("\u{200b}+")
        .build()
        .unwrap();
    assert_eq!(generator.separator(), "+");
}
