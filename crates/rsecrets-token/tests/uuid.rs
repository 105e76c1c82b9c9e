//! Version 4 UUIDs: the format, and which bits are random.

#![cfg(feature = "alloc")]

mod common;

use proptest::prelude::*;
use rsecrets_core::Error;
use rsecrets_token::{UUID4_LEN, fill_uuid4, uuid4};

const HYPHENS: [usize; 4] = [8, 13, 18, 23];
const VERSION: usize = 14;
const VARIANT: usize = 19;

fn assert_format(id: &str) {
    assert_eq!(id.len(), UUID4_LEN, "{id}");
    for (i, c) in id.char_indices() {
        match i {
            _ if HYPHENS.contains(&i) => assert_eq!(c, '-', "{id}"),
            VERSION => assert_eq!(c, '4', "{id}"),
            VARIANT => assert!(matches!(c, '8' | '9' | 'a' | 'b'), "{id}"),
            _ => assert!(matches!(c, '0'..='9' | 'a'..='f'), "{id}"),
        }
    }
}

/// Over 2000 draws, each of the 30 free hex positions takes all 16 values and the
/// variant position all of 8, 9, a, b: 122 random bits, no stuck bit. The generator
/// is seeded, so this cannot fail by chance; on a truly random source it would fail
/// with probability below 30 * 16 * (15/16)^2000, about 1e-53.
#[test]
fn format_and_random_bits() -> Result<(), Error> {
    let mut rng = common::rng(11);
    let mut seen = [[false; 16]; UUID4_LEN];
    let mut line = [0u8; UUID4_LEN];
    for i in 0..2000 {
        let id = if i % 2 == 0 {
            uuid4(&mut rng)?
        } else {
            fill_uuid4(&mut rng, &mut line)?.to_owned().into()
        };
        assert_format(&id);
        for (pos, c) in id.chars().enumerate() {
            if let Some(nibble) = c.to_digit(16) {
                seen[pos][nibble as usize] = true;
            }
        }
    }
    for (pos, values) in seen.iter().enumerate() {
        let count = values.iter().filter(|&&v| v).count();
        let expected = match pos {
            _ if HYPHENS.contains(&pos) => 0,
            VERSION => 1,
            VARIANT => 4,
            _ => 16,
        };
        assert_eq!(count, expected, "position {pos}");
    }
    Ok(())
}

proptest! {
    /// The text is the generator's first 16 bytes, version and variant bits set.
    #[test]
    fn matches_the_generator_bytes(seed in any::<[u8; 32]>()) {
        let mut bytes = common::stream(seed, 16);
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex = common::ref_hex(&bytes);
        let expected = format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..]);
        prop_assert_eq!(&*uuid4(&mut common::rng_from(seed))?, &expected);
        let mut line = [0u8; UUID4_LEN];
        prop_assert_eq!(fill_uuid4(&mut common::rng_from(seed), &mut line)?, &expected);
    }
}
