//! CPython's `Lib/test/test_secrets.py` token cases, and the behaviour it leaves open
//! (defaults, size 0) pinned as CPython 3.11 behaves.

#![cfg(feature = "alloc")]

mod common;

use rsecrets_token::{DEFAULT_ENTROPY, token_bytes, token_hex, token_urlsafe};

fn is_urlsafe(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

#[test]
fn token_bytes_lengths() -> Result<(), rsecrets_core::Error> {
    let mut rng = common::rng(1);
    for n in [1, 8, 17, 100] {
        assert_eq!(token_bytes(&mut rng, n)?.len(), n);
    }
    Ok(())
}

#[test]
fn token_hex_lengths_and_alphabet() -> Result<(), rsecrets_core::Error> {
    let mut rng = common::rng(2);
    for n in [1, 12, 25, 90] {
        let token = token_hex(&mut rng, n)?;
        assert_eq!(token.len(), 2 * n);
        assert!(
            token.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')),
            "{}",
            *token
        );
    }
    Ok(())
}

#[test]
fn token_urlsafe_lengths_and_alphabet() -> Result<(), rsecrets_core::Error> {
    let mut rng = common::rng(3);
    for n in [1, 11, 28, 76] {
        let token = token_urlsafe(&mut rng, n)?;
        assert_eq!(token.len(), (4 * n).div_ceil(3));
        assert!(token.chars().all(is_urlsafe), "{}", *token);
    }
    Ok(())
}

#[test]
fn defaults() -> Result<(), rsecrets_core::Error> {
    let mut rng = common::rng(4);
    assert_eq!(DEFAULT_ENTROPY, 32);
    assert_eq!(token_bytes(&mut rng, None)?.len(), 32);
    assert_eq!(token_hex(&mut rng, None)?.len(), 64);
    let urlsafe = token_urlsafe(&mut rng, None)?;
    assert_eq!(urlsafe.len(), 43);
    assert!(urlsafe.chars().all(is_urlsafe));
    Ok(())
}

#[test]
fn size_zero_is_empty() -> Result<(), rsecrets_core::Error> {
    let mut rng = common::rng(5);
    assert!(token_bytes(&mut rng, 0)?.is_empty());
    assert!(token_hex(&mut rng, 0)?.is_empty());
    assert!(token_urlsafe(&mut rng, 0)?.is_empty());
    Ok(())
}
