//! CPython's `Lib/test/test_secrets.py`, case by case, against the facade, plus the
//! behaviour that file leaves open, pinned as CPython 3.11 behaves.

use rsecrets::{Error, compare_digest};

// ---- class Compare_Digest_Tests -------------------------------------------------

#[test]
fn test_equal() {
    // Test compare_digest functionality with equal (byte/text) strings.
    for s in ["a", "bcd", "xyz123"] {
        let a = s.repeat(100);
        let b = s.repeat(100);
        assert!(compare_digest(&a, &b));
        assert!(compare_digest(a.as_bytes(), b.as_bytes()));
        assert!(compare_digest(s, s));
        assert!(compare_digest(s.as_bytes(), s.as_bytes()));
    }
}

#[test]
fn test_unequal() {
    // Test compare_digest functionality with unequal (byte/text) strings.
    assert!(!compare_digest("abc", "abcd"));
    assert!(!compare_digest(b"abc", b"abcd"));
    for s in ["x", "mn", "a1b2c3"] {
        let a = s.repeat(100) + "q";
        let b = s.repeat(100) + "k";
        assert!(!compare_digest(&a, &b));
        assert!(!compare_digest(a.as_bytes(), b.as_bytes()));
    }
}

#[test]
fn test_bad_types() {
    // CPython raises TypeError for str vs bytes and for non-ASCII str; in Rust both
    // sides are `AsRef<[u8]>`, so mixing them is allowed and compares the bytes.
    assert!(compare_digest("abc", b"abc"));
    assert!(compare_digest(String::from("abc"), vec![b'a', b'b', b'c']));
    assert!(!compare_digest("abc", b"abd"));
}

#[test]
fn test_bool() {
    // Test that compare_digest returns a bool (checked by the type system; and
    // different lengths give `false`, never an error).
    let equal: bool = compare_digest("abc", "abc");
    let unequal: bool = compare_digest("abc", "abcd");
    assert!(equal && !unequal);
    assert!(!compare_digest("", "x"));
    assert!(compare_digest("", ""));
}

// ---- class Random_Tests ---------------------------------------------------------

#[test]
fn test_randbits() {
    // Test randbits.
    for numbits in [3, 12, 30] {
        for _ in 0..10 {
            assert!(rsecrets::randbits(numbits).unwrap() < 1 << numbits);
        }
    }
    assert_eq!(rsecrets::randbits(0).unwrap(), 0);
    // A negative k is impossible by type (u32); above 64 is an error.
    assert_eq!(
        rsecrets::randbits(65),
        Err(Error::TooManyBits {
            requested: 65,
            max: 64
        })
    );
}

#[test]
fn test_choice() {
    // Test choice.
    let items = [1, 2, 4, 8, 16, 32, 64];
    for _ in 0..10 {
        assert!(items.contains(rsecrets::choice(&items).unwrap()));
    }
    let empty: [u8; 0] = [];
    assert_eq!(rsecrets::choice(&empty), Err(Error::EmptySequence));
}

#[test]
fn test_randbelow() {
    // Test randbelow.
    for i in 2u32..10 {
        assert!(rsecrets::randbelow(i).unwrap() < i);
    }
    assert_eq!(rsecrets::randbelow(0u32), Err(Error::ZeroBound));
    // Python's test also checks randbelow(-2) raises; unsigned types make it impossible.
    assert_eq!(rsecrets::randbelow(1u64).unwrap(), 0);
    assert!(rsecrets::randbelow(u128::MAX).unwrap() < u128::MAX);
}

// ---- class Token_Tests ----------------------------------------------------------

#[test]
fn test_token_defaults() {
    // Test that token_* functions handle default size correctly.
    assert_eq!(
        rsecrets::token_bytes(None).unwrap().len(),
        rsecrets::DEFAULT_ENTROPY
    );
    assert_eq!(
        rsecrets::token_hex(None).unwrap().len(),
        2 * rsecrets::DEFAULT_ENTROPY
    );
    assert_eq!(rsecrets::token_urlsafe(None).unwrap().len(), 43);
    assert_eq!(rsecrets::DEFAULT_ENTROPY, 32);
    // Size 0 gives an empty token.
    assert!(rsecrets::token_bytes(0).unwrap().is_empty());
    assert!(rsecrets::token_hex(0).unwrap().is_empty());
    assert!(rsecrets::token_urlsafe(0).unwrap().is_empty());
}

#[test]
fn test_token_bytes() {
    // Test token_bytes.
    for n in [1, 8, 17, 100] {
        assert_eq!(rsecrets::token_bytes(n).unwrap().len(), n);
    }
}

#[test]
fn test_token_hex() {
    // Test token_hex.
    for n in [1, 12, 25, 90] {
        let s = rsecrets::token_hex(n).unwrap();
        assert_eq!(s.len(), 2 * n);
        assert!(s.bytes().all(|b| b"0123456789abcdef".contains(&b)));
    }
}

#[test]
fn test_token_urlsafe() {
    // Test token_urlsafe.
    let legal = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for n in [1usize, 11, 28, 76] {
        let s = rsecrets::token_urlsafe(n).unwrap();
        assert!(s.bytes().all(|b| legal.contains(&b)));
        assert_eq!(s.len(), (4 * n).div_ceil(3));
    }
}

// ---- beyond CPython's file -----------------------------------------------------

#[test]
fn huge_tokens_are_refused_before_allocating() {
    let max = rsecrets::MAX_TOKEN_BYTES;
    for n in [max + 1, usize::MAX] {
        let err = Error::TooLarge { requested: n, max };
        assert_eq!(rsecrets::token_bytes(n).unwrap_err(), err);
        assert_eq!(rsecrets::token_hex(n).unwrap_err(), err);
        assert_eq!(rsecrets::token_urlsafe(n).unwrap_err(), err);
    }
}

#[test]
fn tokens_differ() {
    // P(two 256-bit tokens collide) = 2^-256.
    assert_ne!(
        *rsecrets::token_hex(None).unwrap(),
        *rsecrets::token_hex(None).unwrap()
    );
    assert_ne!(*rsecrets::uuid4(), *rsecrets::uuid4());
}

#[test]
fn system_random_has_the_random_api() {
    let mut sys = rsecrets::SystemRandom::default();
    for _ in 0..100 {
        let x = sys.randrange(10i32, -10, -3).unwrap();
        assert!((-9..=10).contains(&x) && (10 - x) % 3 == 0, "{x}");
        assert!((1..=6).contains(&sys.randint(1u8, 6).unwrap()));
        let f = sys.random().unwrap();
        assert!((0.0..1.0).contains(&f));
    }
    let mut v: Vec<u32> = (0..10).collect();
    sys.shuffle(&mut v).unwrap();
    v.sort_unstable();
    assert_eq!(v, (0..10).collect::<Vec<_>>());
    let pop = [1, 2, 3, 4, 5];
    let s = sys.sample(&pop, 3).unwrap();
    assert_eq!(s.len(), 3);
    assert_eq!(sys.randrange(5i64, 5, 1), Err(Error::EmptyRange));
    assert_eq!(sys.randrange(0i64, 5, 0), Err(Error::ZeroStep));
    assert_eq!(
        sys.sample(&pop, 6),
        Err(Error::SampleTooLarge {
            k: 6,
            population: 5
        })
    );
}

#[test]
fn recipes_through_the_facade() {
    let code = rsecrets::pin(6).unwrap();
    assert_eq!(code.len(), 6);
    let url = rsecrets::reset_url("https://example.com/reset=", None).unwrap();
    assert_eq!(url.len(), "https://example.com/reset=".len() + 43);
}

// ---- CPython's recipes (the `secrets` documentation) -------------------------------

#[test]
fn recipe_alphanumeric_password() {
    // ''.join(secrets.choice(string.ascii_letters + string.digits) for i in range(8))
    let pw = rsecrets::password(rsecrets::PasswordPolicy::new().length(8)).unwrap();
    assert_eq!(pw.len(), 8);
    assert!(pw.bytes().all(|b| b.is_ascii_alphanumeric()));
}

#[test]
fn recipe_password_with_minimums() {
    // while True: password = ...; if (any(c.islower() ...) and any(c.isupper() ...)
    //     and sum(c.isdigit() for c in password) >= 3): break
    let policy = rsecrets::PasswordPolicy::new()
        .length(10)
        .min_lower(1)
        .min_upper(1)
        .min_digits(3);
    for _ in 0..100 {
        let pw = rsecrets::password(policy).unwrap();
        assert_eq!(pw.len(), 10);
        assert!(pw.bytes().any(|b| b.is_ascii_lowercase()));
        assert!(pw.bytes().any(|b| b.is_ascii_uppercase()));
        assert!(pw.bytes().filter(u8::is_ascii_digit).count() >= 3);
    }
    let entropy = policy.build().unwrap().entropy_bits();
    assert!((entropy - 57.256_194_577_948_77).abs() < 1e-9, "{entropy}");
}

#[test]
fn recipe_xkcd_passphrase() {
    // ' '.join(secrets.choice(words) for i in range(4))
    let phrase = rsecrets::passphrase(4).unwrap();
    assert_eq!(phrase.split(' ').count(), 4);
    let words = rsecrets::WordList::eff_large();
    assert!(phrase.split(' ').all(|w| words.iter().any(|x| x == w)));
}

#[test]
fn recipe_reset_url() {
    // url = 'https://example.com/reset=' + secrets.token_urlsafe()
    let url = rsecrets::reset_url("https://example.com/reset=", None).unwrap();
    assert!(url.starts_with("https://example.com/reset="));
    assert_eq!(url.len(), "https://example.com/reset=".len() + 43);
}
