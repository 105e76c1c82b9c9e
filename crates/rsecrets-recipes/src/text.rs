//! The form in which the recipes compare text that people read: words, separators.

use alloc::string::String;

use unicode_normalization::UnicodeNormalization as _;

/// `text` in Unicode normalization form C, without invisible characters (Unicode's
/// default-ignorable code points: zero-width spaces and joiners, soft hyphens,
/// variation selectors, byte-order marks, …): two texts a person cannot tell apart
/// come out equal, so a word list's entropy counts only words that differ.
///
/// ```
/// use rsecrets_recipes::normalized;
/// assert_eq!(normalized("e\u{301}clair"), "\u{e9}clair"); // NFD to NFC
/// assert_eq!(normalized("x\u{200b}y"), "xy"); // a zero-width space
/// assert_eq!(normalized("\u{feff}word"), "word"); // a byte-order mark
/// // A joiner between two marks: removed first, so the marks are put in order.
/// assert_eq!(normalized("x\u{362}\u{34f}\u{350}"), normalized("x\u{350}\u{362}"));
/// ```
#[must_use]
pub fn normalized(text: &str) -> String {
    // ASCII is already NFC and has no invisible character: a list of 64 MiB of it
    // need not go through the normalizer a character at a time.
    if text.is_ascii() {
        return text.into();
    }
    // Invisible characters go first: one between two combining marks (U+034F, the
    // combining grapheme joiner) keeps NFC from ordering them, so removing it after
    // NFC would leave text that is not NFC, and two spellings of one word distinct.
    text.chars().filter(|&c| !invisible(c)).nfc().collect()
}

/// Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt).
pub(crate) const fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}
