//! The Rust side of every row: rsecrets, the local-ChaCha20 floor, `rand::rng()` and
//! `getrandom` per call, each doing the same work.

use std::hint::black_box;

use chacha20_rng::ChaCha20Rng;
use rand::rngs::SysRng;
use rand::seq::IndexedRandom;
use rand::{Rng, RngExt, SeedableRng};
use rsecrets::rsecrets_core::Secrets;
use sha2::Digest as _;

/// The systems compared, in table order.
pub(crate) const SYSTEMS: [&str; 5] = ["rsecrets", "floor", "rand::rng()", "getrandom", "CPython"];

/// One row of the table: a name, CPython's workload key, whether the figure is a
/// throughput, and one closure per Rust system (None where it does not apply).
pub(crate) struct Workload {
    pub(crate) name: &'static str,
    pub(crate) python: Option<&'static str>,
    /// Bytes per call, for rows reported in MB/s.
    pub(crate) bytes: Option<usize>,
    pub(crate) rust: [Option<Box<dyn FnMut()>>; 4],
}

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn words() -> &'static [&'static str] {
    diceware_wordlists::Wordlist::EffLong.get_list()
}

fn seeded() -> ChaCha20Rng {
    let mut seed = [0u8; 32];
    rsecrets::fill_bytes(&mut seed);
    ChaCha20Rng::from_seed(seed)
}

fn hex32(bytes: &[u8; 32]) -> String {
    base16ct::lower::encode_string(bytes)
}

fn urlsafe32(bytes: &[u8; 32]) -> String {
    use base64ct::Encoding;
    base64ct::Base64UrlUnpadded::encode_string(bytes)
}

fn uuid_string(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    // The fastest form: the five groups encoded straight into one 36-byte buffer.
    let mut out = vec![b'-'; 36];
    for (src, dst) in [
        (0..4, 0..8),
        (4..6, 9..13),
        (6..8, 14..18),
        (8..10, 19..23),
        (10..16, 24..36),
    ] {
        let _ = base16ct::lower::encode(&b[src], &mut out[dst]);
    }
    String::from_utf8(out).unwrap_or_default()
}

fn phrase(mut pick: impl FnMut() -> &'static str) -> String {
    let mut s = String::with_capacity(64);
    for i in 0..6 {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(pick());
    }
    s
}

fn password(mut pick: impl FnMut() -> u8) -> String {
    (0..16).map(|_| char::from(pick())).collect()
}

macro_rules! sys {
    ($body:expr) => {
        Some(Box::new($body) as Box<dyn FnMut()>)
    };
}

/// Every row of the design's performance table.
#[allow(clippy::too_many_lines)]
pub(crate) fn all() -> Vec<Workload> {
    let mut v = Vec::new();
    let (mut f1, mut f2, mut f3, mut f4, mut f5, mut f6) =
        (seeded(), seeded(), seeded(), seeded(), seeded(), seeded());
    v.push(Workload {
        name: "token_hex(32)",
        python: Some("token_hex"),
        bytes: None,
        rust: [
            sys!(|| {
                let _ = black_box(rsecrets::token_hex(32));
            }),
            sys!(move || {
                let mut b = [0u8; 32];
                f1.fill_bytes(&mut b);
                black_box(hex32(&b));
            }),
            sys!(|| {
                let mut b = [0u8; 32];
                rand::rng().fill_bytes(&mut b);
                black_box(hex32(&b));
            }),
            sys!(|| {
                let mut b = [0u8; 32];
                getrandom::fill(&mut b).ok();
                black_box(hex32(&b));
            }),
        ],
    });
    v.push(Workload {
        name: "token_urlsafe(32)",
        python: Some("token_urlsafe"),
        bytes: None,
        rust: [
            sys!(|| {
                let _ = black_box(rsecrets::token_urlsafe(32));
            }),
            sys!(move || {
                let mut b = [0u8; 32];
                f2.fill_bytes(&mut b);
                black_box(urlsafe32(&b));
            }),
            sys!(|| {
                let mut b = [0u8; 32];
                rand::rng().fill_bytes(&mut b);
                black_box(urlsafe32(&b));
            }),
            sys!(|| {
                let mut b = [0u8; 32];
                getrandom::fill(&mut b).ok();
                black_box(urlsafe32(&b));
            }),
        ],
    });
    let mut f7 = seeded();
    v.push(Workload {
        name: "token_hex(32), no allocation",
        python: None,
        bytes: None,
        rust: [
            sys!(|| {
                let mut out = [0u8; 64];
                let t =
                    rsecrets::rsecrets_token::fill_token_hex(&mut rsecrets::rng(), 32, &mut out);
                let _ = black_box(t.map(str::len));
            }),
            sys!(move || {
                let (mut b, mut out) = ([0u8; 32], [0u8; 64]);
                f7.fill_bytes(&mut b);
                let _ = black_box(base16ct::lower::encode(&b, &mut out).map(<[u8]>::len));
            }),
            sys!(|| {
                let (mut b, mut out) = ([0u8; 32], [0u8; 64]);
                rand::rng().fill_bytes(&mut b);
                let _ = black_box(base16ct::lower::encode(&b, &mut out).map(<[u8]>::len));
            }),
            sys!(|| {
                let (mut b, mut out) = ([0u8; 32], [0u8; 64]);
                getrandom::fill(&mut b).ok();
                let _ = black_box(base16ct::lower::encode(&b, &mut out).map(<[u8]>::len));
            }),
        ],
    });
    let mut floor = Secrets::new(seeded());
    let mut sys_rng = Secrets::new(rsecrets::OsRng);
    v.push(Workload {
        name: "randbelow(10^6)",
        python: Some("randbelow"),
        bytes: None,
        rust: [
            sys!(|| {
                let _ = black_box(rsecrets::randbelow(black_box(1_000_000u32)));
            }),
            sys!(move || {
                let _ = black_box(floor.randbelow(black_box(1_000_000u32)));
            }),
            sys!(|| {
                let _ = black_box(rand::rng().random_range(0..black_box(1_000_000u32)));
            }),
            sys!(move || {
                let _ = black_box(sys_rng.randbelow(black_box(1_000_000u32)));
            }),
        ],
    });
    let mut floor = Secrets::new(seeded());
    let policy = rsecrets::PasswordPolicy::new()
        .length(16)
        .build()
        .expect("a valid policy");
    v.push(Workload {
        name: "16-char password (62)",
        python: Some("password16"),
        bytes: None,
        rust: [
            sys!(move || {
                let _ = black_box(policy.generate(&mut rsecrets::rng()));
            }),
            sys!(move || {
                let _ = black_box(password(|| *floor.choice(ALPHABET).unwrap_or(&b'a')));
            }),
            sys!(|| {
                let mut r = rand::rng();
                black_box(password(|| *ALPHABET.choose(&mut r).unwrap_or(&b'a')));
            }),
            None,
        ],
    });
    let mut floor = Secrets::new(seeded());
    let phrases = rsecrets::Passphrase::new()
        .build()
        .expect("the default passphrase");
    v.push(Workload {
        name: "6-word passphrase (7776)",
        python: Some("passphrase6"),
        bytes: None,
        rust: [
            sys!(move || {
                let _ = black_box(phrases.generate(&mut rsecrets::rng()));
            }),
            sys!(move || {
                let _ = black_box(phrase(|| floor.choice(words()).map_or("", |w| w)));
            }),
            sys!(|| {
                let mut r = rand::rng();
                black_box(phrase(|| words().choose(&mut r).map_or("", |w| w)));
            }),
            None,
        ],
    });
    // One-shot calls, as users write them, against the draw from a generator built
    // once (in the floor's column: the goal is 1.5 times it, 2 with minimums).
    let built = rsecrets::PasswordPolicy::new()
        .length(16)
        .build()
        .expect("a valid policy");
    v.push(Workload {
        name: "password(16) one-shot (floor: built once)",
        python: Some("password16"),
        bytes: None,
        rust: [
            sys!(|| {
                let policy = rsecrets::PasswordPolicy::new().length(16);
                let _ = black_box(rsecrets::password(policy));
            }),
            sys!(move || {
                let _ = black_box(built.generate(&mut rsecrets::rng()));
            }),
            None,
            None,
        ],
    });
    let cpython_policy = || {
        rsecrets::PasswordPolicy::new()
            .length(10)
            .min_lower(1)
            .min_upper(1)
            .min_digits(3)
    };
    let built = cpython_policy().build().expect("a valid policy");
    v.push(Workload {
        name: "password(10, 1 lower, 1 upper, 3 digits) one-shot (floor: built once)",
        python: Some("password10min"),
        bytes: None,
        rust: [
            sys!(move || {
                let _ = black_box(rsecrets::password(cpython_policy()));
            }),
            sys!(move || {
                let _ = black_box(built.generate(&mut rsecrets::rng()));
            }),
            None,
            None,
        ],
    });
    let built = rsecrets::Passphrase::new()
        .build()
        .expect("the default passphrase");
    v.push(Workload {
        name: "passphrase(6) one-shot (floor: built once)",
        python: Some("passphrase6"),
        bytes: None,
        rust: [
            sys!(|| {
                let _ = black_box(rsecrets::passphrase(6));
            }),
            sys!(move || {
                let _ = black_box(built.generate(&mut rsecrets::rng()));
            }),
            None,
            None,
        ],
    });
    v.push(Workload {
        name: "pin(6) one-shot",
        python: None,
        bytes: None,
        rust: [
            sys!(|| {
                let _ = black_box(rsecrets::pin(6));
            }),
            None,
            None,
            None,
        ],
    });
    v.push(Workload {
        name: "uuid4 string",
        python: Some("uuid4"),
        bytes: None,
        rust: [
            sys!(|| {
                let _ = black_box(rsecrets::uuid4());
            }),
            sys!(move || {
                let mut b = [0u8; 16];
                f3.fill_bytes(&mut b);
                black_box(uuid_string(b));
            }),
            sys!(|| {
                let mut b = [0u8; 16];
                rand::rng().fill_bytes(&mut b);
                black_box(uuid_string(b));
            }),
            sys!(|| {
                let mut b = [0u8; 16];
                getrandom::fill(&mut b).ok();
                black_box(uuid_string(b));
            }),
        ],
    });
    // What the API's `Zeroizing<String>` adds to every owned token: zeroize wipes a
    // `String`'s contents one byte at a time when it is dropped. The floor column is
    // the same string without the wipe.
    const HEX64: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    v.push(Workload {
        name: "64-char String, wiped on drop",
        python: None,
        bytes: None,
        rust: [
            sys!(|| {
                let mut s = rsecrets::Zeroizing::new(String::with_capacity(64));
                s.push_str(black_box(HEX64));
                black_box(&s);
            }),
            sys!(|| {
                let mut s = String::with_capacity(64);
                s.push_str(black_box(HEX64));
                black_box(&s);
            }),
            None,
            None,
        ],
    });
    let (a, b) = ([7u8; 32], [7u8; 32]);
    v.push(Workload {
        name: "compare_digest 32 B",
        python: Some("compare_digest"),
        bytes: None,
        rust: [
            sys!(move || {
                let _ = black_box(rsecrets::compare_digest(black_box(&a), black_box(&b)));
            }),
            sys!(move || {
                use subtle::ConstantTimeEq;
                black_box(bool::from(black_box(&a[..]).ct_eq(black_box(&b[..]))));
            }),
            None,
            None,
        ],
    });
    let mut bufs: Vec<Vec<u8>> = (0..4).map(|_| vec![0u8; 1 << 20]).collect();
    let mut it = bufs.drain(..);
    let (mut b1, mut b2, mut b3, mut b4) = (
        it.next().unwrap_or_default(),
        it.next().unwrap_or_default(),
        it.next().unwrap_or_default(),
        it.next().unwrap_or_default(),
    );
    v.push(Workload {
        name: "fill 1 MiB",
        python: Some("fill_1mib"),
        bytes: Some(1 << 20),
        rust: [
            sys!(move || {
                rsecrets::fill_bytes(&mut b1);
                black_box(&b1);
            }),
            sys!(move || {
                f4.fill_bytes(&mut b2);
                black_box(&b2);
            }),
            sys!(move || {
                rand::rng().fill_bytes(&mut b3);
                black_box(&b3);
            }),
            sys!(move || {
                getrandom::fill(&mut b4).ok();
                black_box(&b4);
            }),
        ],
    });
    v.push(Workload {
        name: "OsRng 32 B",
        python: None,
        bytes: None,
        rust: [
            sys!(|| {
                let mut b = [0u8; 32];
                rand::TryRng::try_fill_bytes(&mut rsecrets::OsRng, &mut b).ok();
                black_box(b);
            }),
            None,
            sys!(|| {
                let mut b = [0u8; 32];
                rand::TryRng::try_fill_bytes(&mut SysRng, &mut b).ok();
                black_box(b);
            }),
            sys!(|| {
                let mut b = [0u8; 32];
                getrandom::fill(&mut b).ok();
                black_box(b);
            }),
        ],
    });
    let _ = (&mut f5, &mut f6);
    kinds(&mut v);
    storing(&mut v);
    v
}

/// nanoid's (and `token_id`'s) 64 characters.
const ID64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// 21 id characters from 21 random bytes, one byte each (64 divides 256: no
/// rejection).
fn id21(bytes: &[u8; 21]) -> String {
    bytes
        .iter()
        .map(|&b| char::from(ID64[usize::from(b & 63)]))
        .collect()
}

/// A version 7 UUID's text from 16 random bytes and the clock, without the
/// counter or its lock (the floor's share of the work).
fn uuid7_string(mut b: [u8; 16]) -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    b[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    b[6] = (b[6] & 0x0f) | 0x70;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut out = vec![b'-'; 36];
    for (src, dst) in [
        (0..4, 0..8),
        (4..6, 9..13),
        (6..8, 14..18),
        (8..10, 19..23),
        (10..16, 24..36),
    ] {
        let _ = base16ct::lower::encode(&b[src], &mut out[dst]);
    }
    String::from_utf8(out).unwrap_or_default()
}

fn base32_32(bytes: &[u8; 32]) -> String {
    use base32ct::Encoding;
    base32ct::Base32UpperUnpadded::encode_string(bytes)
}

/// The kinds of issue 13: UUIDv7, nanoid-style ids and base32 tokens.
fn kinds(v: &mut Vec<Workload>) {
    let mut f = seeded();
    v.push(Workload {
        name: "uuid7 string",
        python: None,
        bytes: None,
        rust: [
            sys!(|| {
                black_box(rsecrets::uuid7());
            }),
            sys!(move || {
                let mut b = [0u8; 16];
                f.fill_bytes(&mut b);
                black_box(uuid7_string(b));
            }),
            // The uuid crate, on rand's thread generator (its `fast-rng` feature).
            sys!(|| {
                black_box(uuid::Uuid::now_v7().to_string());
            }),
            sys!(|| {
                let mut b = [0u8; 16];
                getrandom::fill(&mut b).ok();
                black_box(uuid7_string(b));
            }),
        ],
    });
    let mut f = seeded();
    v.push(Workload {
        name: "id (21 of A-Za-z0-9-_)",
        python: Some("id21"),
        bytes: None,
        rust: [
            sys!(|| {
                black_box(rsecrets::token_id());
            }),
            sys!(move || {
                let mut b = [0u8; 21];
                f.fill_bytes(&mut b);
                black_box(id21(&b));
            }),
            // The nanoid crate on its thread-local generator (rand 0.9's ThreadRng).
            sys!(|| {
                let id: String =
                    nanoid::nanoid!(21, &nanoid::alphabet::SAFE, nanoid::rngs::thread_local);
                black_box(id);
            }),
            // The nanoid crate's default, `nanoid!()`: a generator seeded from the OS
            // for every id.
            sys!(|| {
                let id: String = nanoid::nanoid!();
                black_box(id);
            }),
        ],
    });
    let mut f = seeded();
    v.push(Workload {
        name: "token_base32(32)",
        python: Some("token_base32"),
        bytes: None,
        rust: [
            sys!(|| {
                let _ = black_box(rsecrets::token_base32(32));
            }),
            sys!(move || {
                let mut b = [0u8; 32];
                f.fill_bytes(&mut b);
                black_box(base32_32(&b));
            }),
            sys!(|| {
                let mut b = [0u8; 32];
                rand::rng().fill_bytes(&mut b);
                black_box(base32_32(&b));
            }),
            sys!(|| {
                let mut b = [0u8; 32];
                getrandom::fill(&mut b).ok();
                black_box(base32_32(&b));
            }),
        ],
    });
}

/// The base62 alphabet of API keys.
const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// API keys, token digests and password hashes (the rows of the "storing secrets"
/// and API-key work).
fn storing(v: &mut Vec<Workload>) {
    let mut f = seeded();
    v.push(Workload {
        name: "API key (ghp_ + 36 base62)",
        python: Some("api_key"),
        bytes: None,
        rust: [
            sys!(|| {
                let _ = black_box(rsecrets::api_key("ghp"));
            }),
            sys!(move || {
                // 30 unbiased base62 characters by byte rejection, the CRC-32 in 6 digits.
                let mut key = String::with_capacity(40);
                key.push_str("ghp_");
                while key.len() < 34 {
                    let b = f.next_u32() as u8;
                    if b < 248 {
                        key.push(char::from(BASE62[usize::from(b % 62)]));
                    }
                }
                let mut crc = crc32fast::hash(&key.as_bytes()[4..]);
                let mut sum = [b'0'; 6];
                for d in sum.iter_mut().rev() {
                    *d = BASE62[(crc % 62) as usize];
                    crc /= 62;
                }
                key.extend(sum.iter().map(|&c| char::from(c)));
                black_box(key);
            }),
            None,
            None,
        ],
    });
    let token = [7u8; 32];
    let stored: [u8; 32] = sha2::Sha256::digest(token).into();
    v.push(Workload {
        name: "verify_digest (SHA-256 of 32 B)",
        python: Some("verify_digest"),
        bytes: None,
        rust: [
            sys!(move || {
                black_box(rsecrets::verify_digest(black_box(&token), &stored));
            }),
            sys!(move || {
                let d: [u8; 32] = sha2::Sha256::digest(black_box(token)).into();
                black_box(subtle::ConstantTimeEq::ct_eq(&d[..], &stored[..]));
            }),
            None,
            None,
        ],
    });
    let params = argon2::Params::new(65536, 3, 4, Some(32)).expect("RFC 9106's parameters");
    let argon2 = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    v.push(Workload {
        name: "Argon2id hash (64 MiB, t=3, p=4)",
        python: Some("argon2_hash"),
        bytes: None,
        rust: [
            sys!(|| {
                let _ = black_box(rsecrets::hash_password("correct horse"));
            }),
            sys!(move || {
                let (mut salt, mut tag) = ([0u8; 16], [0u8; 32]);
                rsecrets::fill_bytes(&mut salt);
                let _ = black_box(argon2.hash_password_into(b"correct horse", &salt, &mut tag));
            }),
            None,
            None,
        ],
    });
}
