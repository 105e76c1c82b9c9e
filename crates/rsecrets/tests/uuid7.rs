//! The facade's version 7 UUIDs: one order for the whole process, across threads and
//! across the text and byte forms.

#![allow(clippy::unwrap_used)] // test code: a failure should panic

use std::collections::HashSet;

fn parse(text: &str) -> [u8; 16] {
    let hex: String = text.chars().filter(|&c| c != '-').collect();
    let mut b = [0u8; 16];
    for (i, byte) in b.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
    }
    b
}

/// 8 threads × 5000 UUIDs, text and bytes by turns: each thread's UUIDs increase,
/// none repeats, and a UUID made after the threads end is greater than all of them
/// (joining orders it after each).
#[test]
fn one_order_across_threads() {
    let threads: Vec<_> = (0..8)
        .map(|t| {
            std::thread::spawn(move || {
                (0..5000)
                    .map(|i| {
                        if (i + t) % 2 == 0 {
                            parse(&rsecrets::uuid7())
                        } else {
                            rsecrets::uuid7_bytes()
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let all: Vec<Vec<[u8; 16]>> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let after = rsecrets::uuid7_bytes();
    let mut seen = HashSet::new();
    for ids in &all {
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        for id in ids {
            assert!(seen.insert(*id), "a repeat");
            assert!(*id < after);
            assert_eq!((id[6] >> 4, id[8] >> 6), (7, 0b10));
        }
    }
    assert_eq!(seen.len(), 40_000);
}

/// The timestamp is the system clock's, to the millisecond (the counter may run a
/// few milliseconds ahead under load: allow a second).
#[test]
fn the_timestamp_is_now() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis();
    let id = rsecrets::uuid7_bytes();
    let ts = id[..6].iter().fold(0u128, |t, &b| t << 8 | u128::from(b));
    assert!(ts + 1000 >= now && ts <= now + 1000, "{ts} vs {now}");
}

#[test]
fn the_other_new_kinds() {
    assert_eq!(rsecrets::uuid4_bytes()[6] >> 4, 4);
    assert_eq!(rsecrets::token_id().len(), 21);
    assert_eq!(rsecrets::token_base32(20).unwrap().len(), 32);
    assert_eq!(rsecrets::token_base32_crockford(None).unwrap().len(), 52);
    assert_eq!(rsecrets::token_base64(1).unwrap().len(), 4);
    assert_eq!(rsecrets::token_alphabet("ab", 0).unwrap().len(), 0);
    assert_eq!(
        rsecrets::token_alphabet("a", 3),
        Err(rsecrets::IdError::Alphabet(
            rsecrets::AlphabetError::OneChar { ch: 'a' }
        ))
    );
}
