//! Version 7 UUIDs: the layout, strict order over 100 000 calls and across threads
//! with a clock that stalls and steps back, the counter's start and carry, the byte
//! and text forms agreeing, and a failing generator leaving the state alone.

#![cfg(feature = "alloc")]
#![allow(clippy::unwrap_used, clippy::std_instead_of_alloc)] // test code: a failure should panic

mod common;

use core::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use common::{Broken, DeviceGone};
use rsecrets_core::Error;
use rsecrets_token::{MAX_UNIX_MS, UUID_LEN, Uuid7, uuid4_bytes};

const T0: u64 = 1_700_000_000_000;

/// The canonical text of 16 bytes.
fn text_of(b: &[u8; 16]) -> String {
    let hex = common::ref_hex(b);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

fn timestamp(b: &[u8; 16]) -> u64 {
    b[..6].iter().fold(0, |t, &x| t << 8 | u64::from(x))
}

fn counter(b: &[u8; 16]) -> u16 {
    u16::from_be_bytes([b[6], b[7]]) & 0x0fff
}

fn assert_layout(b: &[u8; 16]) {
    assert_eq!(b[6] >> 4, 7, "version: {b:02x?}");
    assert_eq!(b[8] >> 6, 0b10, "variant: {b:02x?}");
}

/// A clock that runs, stalls for a while, and steps back, by turns: for call `i`,
/// the time in ms.
fn wobbly_clock(i: u64) -> u64 {
    match i % 1000 {
        0..400 => T0 + i / 50,        // runs: 50 calls a millisecond
        400..700 => T0 + 400 / 50,    // stalls
        700..800 => T0 + i / 50 - 30, // steps back 30 ms
        _ => T0 + i / 50,
    }
}

/// 100 000 UUIDs from one state on a clock that runs, stalls and steps back: each is
/// greater than the one before, as bytes and as text, and well formed.
#[test]
fn strictly_increasing_over_100_000_calls() -> Result<(), Error> {
    let mut rng = common::rng(3);
    let mut ids = Uuid7::new();
    let mut last_bytes = [0u8; 16];
    let mut last_text = String::new();
    let mut line = [0u8; UUID_LEN];
    for i in 0..100_000u64 {
        let now = wobbly_clock(i);
        let (bytes, text) = match i % 3 {
            0 => {
                let b = ids.next_bytes(&mut rng, now)?;
                (b, text_of(&b))
            }
            1 => {
                let t = ids.next(&mut rng, now)?.to_string();
                (parse(&t), t)
            }
            _ => {
                let t = ids.fill(&mut rng, now, &mut line)?.to_owned();
                (parse(&t), t)
            }
        };
        assert_layout(&bytes);
        assert_eq!(text, text_of(&bytes));
        assert!(timestamp(&bytes) >= now.min(timestamp(&last_bytes)));
        if i > 0 {
            assert!(bytes > last_bytes, "call {i}: {text} after {last_text}");
            assert!(text > last_text, "call {i}: {text} after {last_text}");
        }
        (last_bytes, last_text) = (bytes, text);
    }
    Ok(())
}

fn parse(text: &str) -> [u8; 16] {
    let hex: String = text.chars().filter(|&c| c != '-').collect();
    let mut b = [0u8; 16];
    for (i, byte) in b.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
    }
    b
}

/// Threads sharing one state behind a mutex, on a shared clock that one of them
/// moves forward, stalls and steps back: in the order the lock hands them out, every
/// UUID is greater than the one before, and none repeats.
#[test]
fn strictly_increasing_across_threads() {
    let shared = Arc::new(Mutex::new((Uuid7::new(), Vec::<[u8; 16]>::new())));
    let clock = Arc::new(AtomicU64::new(T0));
    let threads: Vec<_> = (0..4u8)
        .map(|t| {
            let (shared, clock) = (Arc::clone(&shared), Arc::clone(&clock));
            std::thread::spawn(move || {
                let mut rng = common::rng(100 + t);
                for i in 0..5_000u64 {
                    if t == 0 {
                        clock.store(wobbly_clock(i), Ordering::Relaxed);
                    }
                    let mut guard = shared.lock().unwrap();
                    let now = clock.load(Ordering::Relaxed);
                    let id = guard.0.next_bytes(&mut rng, now).unwrap();
                    guard.1.push(id);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let ids = &shared.lock().unwrap().1;
    assert_eq!(ids.len(), 20_000);
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
}

/// In a new millisecond the counter starts below 2048 (its top bit clear) at a
/// random value; within the millisecond it counts up by one; past 4095 it carries
/// into the timestamp.
#[test]
fn the_counter_starts_at_random_and_carries() -> Result<(), Error> {
    let mut rng = common::rng(5);
    let mut starts = std::collections::HashSet::new();
    for ms in 0..200 {
        let mut ids = Uuid7::new();
        let first = ids.next_bytes(&mut rng, T0 + ms)?;
        assert!(counter(&first) < 2048);
        starts.insert(counter(&first));
    }
    // 200 draws of 11 bits: all equal with probability 2^-2189 on a real source.
    assert!(starts.len() > 150, "{} distinct starts", starts.len());

    let mut ids = Uuid7::new();
    let first = ids.next_bytes(&mut rng, T0)?;
    let mut last = first;
    for _ in 0..5000 {
        let id = ids.next_bytes(&mut rng, T0)?;
        let (t, c) = (timestamp(&id), counter(&id));
        if timestamp(&last) == t {
            assert_eq!(c, counter(&last) + 1);
        } else {
            // The carry: one millisecond ahead of the clock, counter from 0.
            assert_eq!((t, c, counter(&last)), (timestamp(&last) + 1, 0, 0xfff));
        }
        last = id;
    }
    assert_eq!(timestamp(&last), T0 + 1, "5000 in one ms carried once");
    // When the clock passes the carried timestamp, it is taken again.
    let later = ids.next_bytes(&mut rng, T0 + 2)?;
    assert_eq!(timestamp(&later), T0 + 2);
    assert!(counter(&later) < 2048);
    Ok(())
}

/// The clock stepping back an hour: the UUIDs keep the last timestamp and count on.
#[test]
fn a_clock_that_steps_back_keeps_the_last_timestamp() -> Result<(), Error> {
    let mut rng = common::rng(6);
    let mut ids = Uuid7::new();
    let a = ids.next_bytes(&mut rng, T0)?;
    let b = ids.next_bytes(&mut rng, T0 - 3_600_000)?;
    assert_eq!(timestamp(&b), T0);
    assert_eq!(counter(&b), counter(&a) + 1);
    assert!(b > a);
    Ok(())
}

/// The first UUID of a state takes any time given, 0 and the last millisecond of the
/// 48-bit field included; past it the time wraps, as the field does.
#[test]
fn edge_times() -> Result<(), Error> {
    let mut rng = common::rng(7);
    assert_eq!(timestamp(&Uuid7::new().next_bytes(&mut rng, 0)?), 0);
    assert_eq!(
        timestamp(&Uuid7::new().next_bytes(&mut rng, MAX_UNIX_MS)?),
        MAX_UNIX_MS
    );
    assert_eq!(
        timestamp(&Uuid7::new().next_bytes(&mut rng, MAX_UNIX_MS + 6)?),
        5
    );
    let mut ids = Uuid7::new();
    let a = ids.next_bytes(&mut rng, 0)?;
    let b = ids.next_bytes(&mut rng, 0)?;
    assert!(b > a);
    Ok(())
}

/// The random parts: over 2000 UUIDs in distinct milliseconds, every bit of
/// `rand_b` and of the counter's 11-bit start takes both values. The generator is
/// seeded, so this cannot fail by chance (on a real source: 73 · 2 · 2^-2000).
#[test]
fn random_bits_are_random() -> Result<(), Error> {
    let mut rng = common::rng(8);
    let mut ids = Uuid7::new();
    let (mut ones, mut zeros) = ([0u32; 128], [0u32; 128]);
    for ms in 0..2000 {
        let id = ids.next_bytes(&mut rng, T0 + ms)?;
        for bit in 0..128 {
            if id[bit / 8] >> (7 - bit % 8) & 1 == 1 {
                ones[bit] += 1;
            } else {
                zeros[bit] += 1;
            }
        }
    }
    // Bits 0..48 are the timestamp, which moves here; the rest are fixed or random.
    for bit in 48..128 {
        let random = (53..64).contains(&bit) || bit >= 66;
        assert_eq!(ones[bit] > 0 && zeros[bit] > 0, random, "bit {bit}");
    }
    Ok(())
}

/// A failing generator: an error, and the state as it was (the next UUID follows the
/// last one made).
#[test]
fn a_failing_generator_leaves_the_state_alone() -> Result<(), Error> {
    let mut ids = Uuid7::new();
    let a = ids.next_bytes(&mut common::rng(9), T0 + 5)?;
    let failed = Error::Rng(DeviceGone);
    assert_eq!(ids.next_bytes(&mut Broken, T0 + 10), Err(failed));
    assert_eq!(ids.next(&mut Broken, T0 + 10), Err(failed));
    let mut line = [b'#'; UUID_LEN];
    assert_eq!(ids.fill(&mut Broken, T0 + 10, &mut line), Err(failed));
    assert_eq!(line, [0; UUID_LEN], "wiped");
    let b = ids.next_bytes(&mut common::rng(9), T0)?;
    assert_eq!((timestamp(&b), counter(&b)), (T0 + 5, counter(&a) + 1));
    assert_eq!(uuid4_bytes(&mut Broken), Err(failed));
    assert_eq!(
        format!("{ids:?}"),
        format!("Uuid7 {{ unix_ms: Some({}), .. }}", T0 + 5)
    );
    Ok(())
}

#[cfg(feature = "uuid")]
#[test]
fn uuid_values() -> Result<(), Error> {
    let mut ids = Uuid7::new();
    let id = ids.next_uuid(&mut common::rng(10), T0)?;
    assert_eq!(id.get_version_num(), 7);
    assert_eq!(id.get_variant(), uuid::Variant::RFC4122);
    let (secs, _) = id.get_timestamp().unwrap().to_unix();
    assert_eq!(secs, T0 / 1000);
    let same = Uuid7::new().next_bytes(&mut common::rng(10), T0)?;
    assert_eq!(id.as_bytes(), &same);
    let v4 = rsecrets_token::uuid4_uuid(&mut common::rng(10))?;
    assert_eq!(v4.get_version_num(), 4);
    assert_eq!(v4.as_bytes(), &uuid4_bytes(&mut common::rng(10))?);
    Ok(())
}
