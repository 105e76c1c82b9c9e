//! Hashing, verifying and deriving: round trips, every refusal, and parameters
//! bounded before anything is allocated.
#![allow(clippy::unwrap_used)]

use chacha20_rng::ChaCha20Rng;
use rand_core::SeedableRng;
use rsecrets_hash::{
    Error, Params, derive_key, derive_subkey, digest, hash_password, hash_password_with,
    keyed_digest, needs_rehash, verify_digest, verify_keyed_digest, verify_password,
};

const SMALL: Params = Params {
    memory_kib: 64,
    iterations: 1,
    parallelism: 1,
};

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::from_seed([3; 32])
}

#[test]
fn the_default_hash_round_trips_with_its_parameters() {
    let phc = hash_password(&mut rng(), b"correct horse").unwrap();
    assert!(phc.starts_with("$argon2id$v=19$m=65536,t=3,p=4$"), "{phc}");
    // 16 bytes of salt and 32 of tag, unpadded base64: 22 and 43 characters.
    let parts: Vec<&str> = phc.split('$').collect();
    assert_eq!((parts[4].len(), parts[5].len()), (22, 43));
    assert_eq!(verify_password(b"correct horse", &phc), Ok(true));
    assert_eq!(verify_password(b"correct horsf", &phc), Ok(false));
    assert_eq!(needs_rehash(&phc, Params::DEFAULT), Ok(false));
    assert_eq!(needs_rehash(&phc, SMALL), Ok(true));
}

#[test]
fn each_hash_gets_a_fresh_salt() {
    let mut rng = rng();
    let a = hash_password_with(&mut rng, b"pw", SMALL).unwrap();
    let b = hash_password_with(&mut rng, b"pw", SMALL).unwrap();
    assert_ne!(a, b);
    assert_eq!(verify_password(b"pw", &a), Ok(true));
    assert_eq!(verify_password(b"pw", &b), Ok(true));
}

#[test]
fn empty_secrets_and_bad_parameters_are_refused() {
    assert_eq!(hash_password(&mut rng(), b""), Err(Error::EmptySecret));
    for (m, t, p) in [
        (7, 1, 1),
        (64, 0, 1),
        (64, 1, 0),
        (2 * 1024 * 1024 + 1, 1, 1),
        (64, 101, 1),
        (1024, 1, 65),
    ] {
        let params = Params {
            memory_kib: m,
            iterations: t,
            parallelism: p,
        };
        assert_eq!(
            hash_password_with(&mut rng(), b"pw", params),
            Err(Error::Params {
                memory_kib: m,
                iterations: t,
                parallelism: p
            }),
            "{params:?}"
        );
    }
}

#[test]
fn malformed_and_unsupported_strings_are_errors_not_mismatches() {
    let good = hash_password_with(&mut rng(), b"pw", SMALL).unwrap();
    // Every truncation is refused ("$a" names another algorithm) or, cut inside the
    // tag, is a shorter tag that cannot match.
    for cut in 0..good.len() {
        let r = verify_password(b"pw", &good[..cut]);
        let refused = matches!(r, Err(Error::Malformed | Error::Unsupported));
        assert!(refused || r == Ok(false), "{cut}: {r:?}");
    }
    for bad in [
        "",
        "argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ",
        "$argon2id$v=19$m=64,t=1,p=1",
        "$argon2id$v=19$m=64,t=1,p=1$!!!$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=sixty,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=64,t=1,p=1,x=2$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
    ] {
        assert_eq!(verify_password(b"pw", bad), Err(Error::Malformed), "{bad}");
    }
    for other in [
        "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E",
        "$argon2x$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=20$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
    ] {
        assert_eq!(
            verify_password(b"pw", other),
            Err(Error::Unsupported),
            "{other}"
        );
    }
}

#[test]
fn absurd_parameters_are_refused_before_allocating() {
    // 4 TiB, or a million passes: refused at once (this test would abort or hang
    // otherwise).
    for (phc, m, t, p) in [
        (
            "$argon2id$v=19$m=4294967295,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            4_294_967_295,
            1,
            1,
        ),
        (
            "$argon2id$v=19$m=64,t=1000000,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            64,
            1_000_000,
            1,
        ),
        (
            "$argon2id$v=19$m=65536,t=1,p=255$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            65536,
            1,
            255,
        ),
    ] {
        let refused = Err(Error::Params {
            memory_kib: m,
            iterations: t,
            parallelism: p,
        });
        assert_eq!(verify_password(b"pw", phc), refused, "{phc}");
        assert_eq!(needs_rehash(phc, Params::DEFAULT), refused, "{phc}");
    }
}

#[test]
fn rehash_when_anything_differs() {
    let phc = hash_password_with(&mut rng(), b"pw", SMALL).unwrap();
    assert_eq!(needs_rehash(&phc, SMALL), Ok(false));
    for other in [
        Params {
            memory_kib: 128,
            ..SMALL
        },
        Params {
            iterations: 2,
            ..SMALL
        },
        Params {
            parallelism: 2,
            memory_kib: 64,
            iterations: 1,
        },
    ] {
        assert_eq!(needs_rehash(&phc, other), Ok(true), "{other:?}");
    }
    // Argon2i, an old version, a short tag: rehash even at equal cost.
    let argon2i = "$argon2i$v=19$m=4096,t=3,p=1$ubq7vL2+v8DBwsPExcbHyA$7+BYeERslZ7fBGvpd8Bej4BWwFo54biSPo0Odt40SLU";
    let four_k = Params {
        memory_kib: 4096,
        iterations: 3,
        parallelism: 1,
    };
    assert_eq!(needs_rehash(argon2i, four_k), Ok(true));
    let short_tag = "$argon2id$v=19$m=16,t=1,p=2$AwQFBgcICQoLDA0ODxAREg$INEvaF9kdlubSaeQDyb7IA";
    let sixteen = Params {
        memory_kib: 16,
        iterations: 1,
        parallelism: 2,
    };
    assert_eq!(needs_rehash(short_tag, sixteen), Ok(true));
}

#[test]
fn weak_means_below_every_owasp_configuration() {
    for o in Params::OWASP {
        assert!(!o.is_weak(), "{o:?}");
        // One KiB less is below every configuration: each is the least memory for its t.
        let less = Params {
            memory_kib: o.memory_kib - 1,
            ..o
        };
        assert!(less.is_weak(), "{less:?}");
    }
    assert!(
        Params {
            memory_kib: 7_167,
            iterations: 100,
            parallelism: 1
        }
        .is_weak()
    );
    assert!(
        Params {
            memory_kib: 47_103,
            iterations: 1,
            parallelism: 1
        }
        .is_weak()
    );
    assert!(
        !Params {
            memory_kib: 19_456,
            iterations: 2,
            parallelism: 1
        }
        .is_weak()
    );
    assert!(
        Params {
            memory_kib: 19_455,
            iterations: 2,
            parallelism: 1
        }
        .is_weak()
    );
    assert!(!Params::DEFAULT.is_weak());
}

#[test]
fn digests_compare_in_full() {
    // FIPS 180-2's "abc".
    let d = digest(b"abc");
    assert_eq!(d[..4], [0xba, 0x78, 0x16, 0xbf]);
    assert!(verify_digest(b"abc", &d));
    assert!(!verify_digest(b"abd", &d));
    assert!(!verify_digest(b"abc", &d[..31]));
    let mut flipped = d;
    flipped[31] ^= 1;
    assert!(!verify_digest(b"abc", &flipped));
    let k = keyed_digest(b"pepper", b"abc");
    assert_ne!(k, d);
    assert!(verify_keyed_digest(b"pepper", b"abc", &k));
    assert!(!verify_keyed_digest(b"pepper", b"abc", &d));
}

#[test]
fn derivation_refuses_what_it_cannot_make_well() {
    let salt = [1u8; 16];
    assert_eq!(derive_key(b"", &salt, SMALL, 32), Err(Error::EmptySecret));
    assert_eq!(
        derive_key(b"pw", &salt[..15], SMALL, 32),
        Err(Error::SaltLength { len: 15 })
    );
    assert_eq!(
        derive_key(b"pw", &[0; 65], SMALL, 32),
        Err(Error::SaltLength { len: 65 })
    );
    assert_eq!(
        derive_key(b"pw", &salt, SMALL, 15),
        Err(Error::KeyLength {
            requested: 15,
            min: 16,
            max: 1024
        })
    );
    assert_eq!(
        derive_key(b"pw", &salt, SMALL, 1025),
        Err(Error::KeyLength {
            requested: 1025,
            min: 16,
            max: 1024
        })
    );
    assert_eq!(derive_key(b"pw", &salt, SMALL, 16).unwrap().len(), 16);
    assert_eq!(
        derive_subkey(&[0; 15], b"c", 32),
        Err(Error::WeakMasterKey { len: 15 })
    );
    assert_eq!(
        derive_subkey(&[0; 16], b"c", 0),
        Err(Error::KeyLength {
            requested: 0,
            min: 1,
            max: 8160
        })
    );
    assert_eq!(
        derive_subkey(&[0; 16], b"c", 8161),
        Err(Error::KeyLength {
            requested: 8161,
            min: 1,
            max: 8160
        })
    );
    assert_eq!(derive_subkey(&[0; 16], b"c", 8160).unwrap().len(), 8160);
    let a = derive_subkey(&[5; 32], b"a", 32).unwrap();
    let b = derive_subkey(&[5; 32], b"b", 32).unwrap();
    assert_ne!(*a, *b);
}

#[test]
fn messages_name_the_problem() {
    let e: Error = Error::Params {
        memory_kib: 1,
        iterations: 2,
        parallelism: 3,
    };
    assert_eq!(
        e.to_string(),
        "Argon2 parameters m=1 t=2 p=3 are outside what is accepted (m from 8·p to 2097152 KiB, t from 1 to 100, p from 1 to 64)"
    );
    assert_eq!(
        Error::<core::convert::Infallible>::Malformed.to_string(),
        "the stored hash is not a valid PHC string"
    );
}
