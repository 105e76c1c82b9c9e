//! CPython's `test_secrets.py` cases for `compare_digest`, plus an oracle property test.

use proptest::prelude::*;
use rsecrets_compare::compare_digest;

#[test]
fn equal() {
    for s in ["a", "bcd", "xyz123"] {
        let long = s.repeat(100);
        for t in [s, long.as_str()] {
            assert!(compare_digest(t, t), "{t:?} as str");
            assert!(compare_digest(t.as_bytes(), t.as_bytes()), "{t:?} as bytes");
            let (string, vec) = (String::from(t), t.as_bytes().to_vec());
            assert!(compare_digest(&string, &vec), "{t:?} as String and Vec");
            assert!(compare_digest(t, &vec), "{t:?} as str and Vec");
            assert!(compare_digest(vec, string), "{t:?} as owned Vec and String");
        }
    }
}

#[test]
fn unequal() {
    assert!(!compare_digest("abc", "abcd"));
    assert!(!compare_digest(b"abc", b"abcd"));
    for s in ["x", "mn", "a1b2c3"] {
        let s = s.repeat(100);
        let (q, k) = (format!("{s}q"), format!("{s}k"));
        assert!(!compare_digest(&q, &k), "{s:?}");
        assert!(!compare_digest(q.as_bytes(), k.as_bytes()), "{s:?}");
        assert!(!compare_digest(q.clone(), k.clone().into_bytes()), "{s:?}");
    }
}

#[test]
fn different_lengths_are_false() {
    assert!(!compare_digest("", "a"));
    assert!(!compare_digest("a", ""));
    assert!(!compare_digest(b"abcdefgh", b"abcdefghi"));
    assert!(compare_digest("", b""));
}

/// Half of the pairs are equal (`b` a copy of `a`), so both outcomes are exercised.
fn pair() -> impl Strategy<Value = (Vec<u8>, Vec<u8>)> {
    let bytes = || proptest::collection::vec(any::<u8>(), 0..80);
    prop_oneof![
        bytes().prop_map(|a| (a.clone(), a)),
        (bytes(), bytes()),
        // Same length, one byte changed: the case an early exit would get wrong.
        (
            proptest::collection::vec(any::<u8>(), 1..80),
            any::<prop::sample::Index>(),
            1..=255u8
        )
            .prop_map(|(a, i, x)| {
                let mut b = a.clone();
                b[i.index(a.len())] ^= x;
                (a, b)
            }),
    ]
}

proptest! {
    #[test]
    fn agrees_with_eq((a, b) in pair()) {
        prop_assert_eq!(compare_digest(&a, &b), a == b);
    }
}
