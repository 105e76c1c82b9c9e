//! Known answers and other implementations: RFC 9106's Argon2id vector, argon2-cffi
//! (libargon2) hashes and raw keys, RFC 4231's HMAC and RFC 5869's HKDF vectors,
//! and our hashes checked by argon2-cffi.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use argon2::{Algorithm, Argon2, AssociatedData, ParamsBuilder, Version};
use chacha20_rng::ChaCha20Rng;
use rand_core::SeedableRng;
use rsecrets_hash::{
    Params, derive_key, derive_subkey, hash_password_with, keyed_digest, verify_password,
};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Lines of a fixture file, comments left out, split at tabs.
fn fixture(text: &str) -> Vec<Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect()
}

#[test]
fn rfc_9106_argon2id_vector() {
    // RFC 9106 §5.3: Argon2id, v=0x13, m=32, t=3, p=4, password 32×0x01, salt
    // 16×0x02, secret 8×0x03, associated data 12×0x04, tag 32 bytes; computed by the
    // `argon2` crate configured as this layer configures it (Argon2id, version 0x13).
    let params = ParamsBuilder::new()
        .m_cost(32)
        .t_cost(3)
        .p_cost(4)
        .data(AssociatedData::new(&[4; 12]).unwrap())
        .output_len(32)
        .build()
        .unwrap();
    let argon2 =
        Argon2::new_with_secret(&[3; 8], Algorithm::Argon2id, Version::V0x13, params).unwrap();
    let mut tag = [0u8; 32];
    argon2
        .hash_password_into(&[1; 32], &[2; 16], &mut tag)
        .unwrap();
    assert_eq!(
        tag.to_vec(),
        hex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659")
    );
}

#[test]
fn argon2_cffi_hashes_verify() {
    let cases = fixture(include_str!("fixtures/argon2-cffi.txt"));
    assert_eq!(cases.len(), 8);
    for case in cases {
        let (password, phc) = (case[0].as_bytes(), case[1]);
        assert_eq!(verify_password(password, phc), Ok(true), "{phc}");
        assert_eq!(verify_password(b"not it", phc), Ok(false), "{phc}");
        let mut off_by_one = password.to_vec();
        off_by_one[0] ^= 1;
        assert_eq!(verify_password(&off_by_one, phc), Ok(false), "{phc}");
    }
}

#[test]
fn derived_keys_equal_argon2_cffi_raw_output() {
    for case in fixture(include_str!("fixtures/derive_key.txt")) {
        let params = Params {
            memory_kib: case[2].parse().unwrap(),
            iterations: case[3].parse().unwrap(),
            parallelism: case[4].parse().unwrap(),
        };
        let want = hex(case[5]);
        let key = derive_key(case[0].as_bytes(), &hex(case[1]), params, want.len()).unwrap();
        assert_eq!(*key, want);
    }
}

#[test]
fn rfc_4231_hmac_and_rfc_5869_hkdf_vectors() {
    // RFC 4231 test case 2.
    let mac = keyed_digest(b"Jefe", b"what do ya want for nothing?");
    assert_eq!(
        mac.to_vec(),
        hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    );
    // RFC 5869 test case 3: no salt, no info.
    let okm = derive_subkey(&[0x0b; 22], b"", 42).unwrap();
    assert_eq!(
        *okm,
        hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")
    );
}

/// Our hashes, checked by argon2-cffi. CI installs it and sets
/// `RSECRETS_REQUIRE_ARGON2_CFFI=1`, so the check cannot be skipped there.
#[test]
fn argon2_cffi_verifies_our_hashes() {
    let have = Command::new("python3")
        .args(["-c", "import argon2"])
        .status()
        .is_ok_and(|s| s.success());
    if !have {
        assert!(
            std::env::var_os("RSECRETS_REQUIRE_ARGON2_CFFI").is_none(),
            "argon2-cffi is required here (pip install argon2-cffi)"
        );
        eprintln!("skipped: python3 with argon2-cffi is not installed");
        return;
    }
    let mut rng = ChaCha20Rng::from_seed([9; 32]);
    let small = Params {
        memory_kib: 8192,
        iterations: 2,
        parallelism: 2,
    };
    for password in ["correct horse", "pässwörd ✓"] {
        let phc = hash_password_with(&mut rng, password.as_bytes(), small).unwrap();
        let script = "import sys, argon2\n\
                      ph = argon2.PasswordHasher()\n\
                      print(ph.verify(sys.argv[1], sys.argv[2].encode()))\n\
                      try:\n    ph.verify(sys.argv[1], b'wrong')\n    print('accepted a wrong password')\n\
                      except argon2.exceptions.VerifyMismatchError:\n    print('mismatch')";
        let out = Command::new("python3")
            .args(["-c", script, &phc, password])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            text,
            "True\nmismatch\n",
            "{phc}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
