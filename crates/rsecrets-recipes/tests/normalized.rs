//! `normalized` is NFC without invisible characters, and a second pass changes
//! nothing (the fuzzer's find: a combining grapheme joiner between two marks).
#![allow(clippy::unwrap_used)]

use rsecrets_recipes::{WordList, normalized};

#[test]
fn a_joiner_between_marks_is_removed_before_nfc() {
    let joined = "x\u{362}\u{34f}\u{350}";
    let ordered = "x\u{350}\u{362}";
    assert_eq!(normalized(joined), ordered);
    assert_eq!(normalized(&normalized(joined)), normalized(joined));
    // The two spellings are one word of the list, not two.
    let list = WordList::parse(&format!("{joined}\n{ordered}\nother\n")).unwrap();
    assert_eq!(list.len(), 2);
}

#[test]
fn normalizing_twice_changes_nothing() {
    let samples = [
        "e\u{301}clair",
        "\u{feff}word",
        "a\u{200b}\u{301}b",
        "\u{1100}\u{1161}\u{11a8}",
        "x\u{34f}\u{301}\u{323}",
        "\u{fe0f}\u{301}e",
        "\u{e0001}tag\u{e007f}",
    ];
    for s in samples {
        let once = normalized(s);
        assert_eq!(normalized(&once), once, "{s:?}");
    }
}
