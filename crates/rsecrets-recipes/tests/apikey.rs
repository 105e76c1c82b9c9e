//! API keys: the checksum against an independent CRC-32, every single-character
//! change caught, each malformation its own error, and the secret kept out of `Debug`.
#![allow(clippy::unwrap_used)]

use chacha20_rng::ChaCha20Rng;
use rand_core::SeedableRng;
use rsecrets_recipes::{
    API_KEY_CHECKSUM_CHARS, API_KEY_RANDOM_CHARS, ApiKey, ApiKeyError, BASE62, Error, Invalid,
    MAX_API_KEY_PREFIX,
};

/// CRC-32 (IEEE 802.3, reflected, as zlib computes it), bit by bit: independent of
/// the table-driven `crc32fast` the crate uses.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Base-62 digits back to a number.
fn decode62(digits: &[u8]) -> u64 {
    digits.iter().fold(0, |n, d| {
        let v = BASE62.iter().position(|c| c == d).unwrap();
        n * 62 + u64::try_from(v).unwrap()
    })
}

#[test]
fn value_stability() {
    let mut rng = ChaCha20Rng::from_seed([42; 32]);
    let key = ApiKey::generate(&mut rng, "ghp").unwrap();
    // Checked by hand with Python: zlib.crc32(b"a67GtV05GKDaW0PTMEi67XJpzbtTfN") in base 62.
    assert_eq!(key.as_str(), "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");
    assert_eq!(key.prefix(), "ghp");
    assert_eq!(
        key.into_string().as_str(),
        "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"
    );
}

#[test]
fn the_checksum_is_the_crc32_of_the_random_part() {
    let mut rng = ChaCha20Rng::from_seed([1; 32]);
    for _ in 0..500 {
        let key = ApiKey::generate(&mut rng, "k").unwrap();
        let rest = &key.as_str().as_bytes()[2..];
        assert_eq!(rest.len(), API_KEY_RANDOM_CHARS + API_KEY_CHECKSUM_CHARS);
        let (random, sum) = rest.split_at(API_KEY_RANDOM_CHARS);
        assert!(random.iter().all(|b| BASE62.contains(b)));
        assert_eq!(decode62(sum), u64::from(crc32(random)), "{}", key.as_str());
        assert_eq!(ApiKey::check(key.as_str(), Some("k")), Ok("k"));
    }
}

#[test]
fn every_single_character_change_is_caught() {
    let mut rng = ChaCha20Rng::from_seed([2; 32]);
    let key = ApiKey::generate(&mut rng, "acme").unwrap();
    let good = key.as_str().as_bytes();
    let mut caught = 0;
    for i in 0..good.len() {
        // Each base62 character in place of each character: in the prefix it makes
        // another prefix, in place of '_' no separator, after it a checksum mismatch.
        let want = match i {
            0..4 => ApiKeyError::WrongPrefix,
            4 => ApiKeyError::MissingSeparator,
            _ => ApiKeyError::Checksum,
        };
        for &c in BASE62.iter().filter(|&&c| c != good[i]) {
            let mut bad = good.to_vec();
            bad[i] = c;
            let bad = String::from_utf8(bad).unwrap();
            assert_eq!(ApiKey::check(&bad, Some("acme")), Err(want), "{bad}");
            caught += 1;
        }
    }
    assert_eq!(caught, (good.len() - 1) * 61 + 62);
}

#[test]
fn each_malformation_is_its_own_error() {
    let mut rng = ChaCha20Rng::from_seed([3; 32]);
    let key = ApiKey::generate(&mut rng, "acme").unwrap();
    let rest = &key.as_str()[5..];
    let check = |k: &str| ApiKey::check(k, None).map(str::len);
    assert_eq!(
        check(&format!("acme{rest}")),
        Err(ApiKeyError::MissingSeparator)
    );
    assert_eq!(
        check(&format!("acme-{rest}")),
        Err(ApiKeyError::MissingSeparator)
    );
    assert_eq!(check(&format!("_{rest}")), Err(ApiKeyError::Prefix));
    assert_eq!(check(&format!("ac-me_{rest}")), Err(ApiKeyError::Prefix));
    let long = "a".repeat(MAX_API_KEY_PREFIX + 1);
    assert_eq!(check(&format!("{long}_{rest}")), Err(ApiKeyError::Prefix));
    let longest = "a".repeat(MAX_API_KEY_PREFIX);
    assert_eq!(check(&format!("{longest}_{rest}")), Ok(MAX_API_KEY_PREFIX));
    assert_eq!(
        ApiKey::check(key.as_str(), Some("acm")),
        Err(ApiKeyError::WrongPrefix)
    );
    assert_eq!(
        check(&key.as_str()[..40]),
        Err(ApiKeyError::Length { got: 35 })
    );
    assert_eq!(
        check(&format!("{}0", key.as_str())),
        Err(ApiKeyError::Length { got: 37 })
    );
    assert_eq!(check("acme_"), Err(ApiKeyError::Length { got: 0 }));
    // A second '_' is not base62; neither is a non-ASCII letter (36 characters, more bytes).
    let underscore = format!("acme_{}_{}", &rest[..10], &rest[11..]);
    assert_eq!(
        check(&underscore),
        Err(ApiKeyError::Alphabet { position: 10 })
    );
    let accented = format!("acme_{}é{}", &rest[..3], &rest[4..]);
    assert_eq!(check(&accented), Err(ApiKeyError::Alphabet { position: 3 }));
    // Messages name the problem.
    for e in [
        ApiKeyError::MissingSeparator,
        ApiKeyError::Prefix,
        ApiKeyError::WrongPrefix,
        ApiKeyError::Length { got: 3 },
        ApiKeyError::Alphabet { position: 0 },
        ApiKeyError::Checksum,
    ] {
        assert!(!e.to_string().is_empty());
    }
    assert!(
        ApiKeyError::Alphabet { position: 0 }
            .to_string()
            .contains("character 1 ")
    );
}

#[test]
fn prefixes_are_checked_when_generating() {
    let mut rng = ChaCha20Rng::from_seed([4; 32]);
    for bad in ["", "a_b", "a-b", "é", &"x".repeat(MAX_API_KEY_PREFIX + 1)] {
        assert!(
            matches!(
                ApiKey::generate(&mut rng, bad),
                Err(Error::Invalid(Invalid::ApiKeyPrefix))
            ),
            "{bad:?}"
        );
    }
    let key = ApiKey::generate(&mut rng, &"Z9".repeat(MAX_API_KEY_PREFIX / 2)).unwrap();
    assert_eq!(key.prefix().len(), MAX_API_KEY_PREFIX);
}

#[test]
fn debug_shows_the_prefix_only_and_the_digest_is_sha256() {
    let mut rng = ChaCha20Rng::from_seed([5; 32]);
    let key = ApiKey::generate(&mut rng, "acme").unwrap();
    let debug = format!("{key:?}");
    assert_eq!(debug, r#"ApiKey { prefix: "acme", .. }"#);
    assert!(!debug.contains(&key.as_str()[5..]));
    // The digest: lowercase hex, and one value checked with Python's hashlib.
    let digest = key.sha256_hex();
    assert_eq!(digest.len(), 64);
    assert!(
        digest
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    let mut rng = ChaCha20Rng::from_seed([42; 32]);
    let pinned = ApiKey::generate(&mut rng, "ghp").unwrap();
    // python3 -c "import hashlib;print(hashlib.sha256(b'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').hexdigest())"
    assert_eq!(
        pinned.sha256_hex(),
        "f5212a600169a48d755f16d874f84c29c6cc06faa7a423edc83a3bb6e801e39e"
    );
}
