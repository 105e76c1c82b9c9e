//! Constant time, checked deterministically: run under valgrind's memcheck with the
//! secret inputs marked undefined (`VALGRIND_MAKE_MEM_UNDEFINED`), a target must
//! give no "Conditional jump or move depends on uninitialised value(s)" (a branch
//! on a secret) and no "Use of uninitialised value" (an address computed from a
//! secret, as in a table lookup). Arithmetic on secrets is fine; memcheck only
//! complains when a secret decides where the program goes or what it reads.
//!
//! ```text
//! valgrind --error-exitcode=99 ct TARGET    check one target
//! ct --list                                 the targets: name, claim, kind, what it runs
//! ```
//!
//! Each target marks its secret inputs undefined, runs the code under test, marks
//! the outputs defined again (they are the result, meant to be seen) and prints
//! them. The negative controls (`control-*`) do the same with code that is known to
//! leak, and memcheck must flag each of them.
//!
//! `FastRng`'s key comes from the OS, which memcheck sees as defined; a build with
//! `--cfg rsecrets_valgrind` marks each freshly seeded key undefined (a hook in the
//! entropy crate's `os` module), so everything the generator serves is secret.
//! `cargo xtask proof` builds this program that way and turns the error counts into
//! rows.

use core::ffi::c_int;
use core::hint::black_box;
use std::process::ExitCode;

use rsecrets::rand_core::Rng as _;
use rsecrets::rsecrets_compare::compare_digest_choice;
use rsecrets::rsecrets_entropy::{FastRng, TryFastRng};
use rsecrets::rsecrets_token::{
    ID_ALPHABET, UUID_LEN, UUID4_LEN, Uuid7, base32_len, base64_len, fill_token_base32,
    fill_token_base32_crockford, fill_token_base64, fill_token_hex, fill_token_urlsafe, fill_uuid4,
    hex_len, token_alphabet, token_base32, token_base32_crockford, token_base64, token_hex,
    token_id, token_urlsafe, urlsafe_len, uuid4,
};
use rsecrets::{Error, Zeroizing};
use rsecrets_proof::Replay;
use rsecrets_proof::control::{branchy_hex, leaky_eq, table_hex};

// SAFETY: `memcheck.c` (built by build.rs) defines both functions with these C
// signatures. `rsecrets_ct_mark` hands its range to a valgrind client request and
// nothing else: natively that is a no-op, and under valgrind it changes memcheck's
// shadow bits only, never the memory, so any pointer and length are safe to pass.
unsafe extern "C" {
    safe fn rsecrets_ct_mark(addr: *mut u8, len: usize, secret: c_int);
    safe fn rsecrets_ct_memcheck() -> c_int;
}

/// Marks `bytes` secret (undefined): memcheck now reports any branch or address
/// that depends on them.
fn secret(bytes: &mut [u8]) {
    rsecrets_ct_mark(bytes.as_mut_ptr(), bytes.len(), 1);
}

/// Marks `bytes` public (defined) again: an output, about to be printed.
///
/// A `&mut` borrow, so the compiler reloads the bytes from memory afterwards
/// instead of reusing a register copy that memcheck still sees as secret.
fn public(bytes: &mut [u8]) {
    rsecrets_ct_mark(bytes.as_mut_ptr(), bytes.len(), 0);
}

/// [`public`] for text.
fn public_str(text: &mut str) {
    rsecrets_ct_mark(text.as_mut_ptr(), text.len(), 0);
}

/// A public boolean from a secret one: through memory, marked defined.
fn public_bool(secret_bool: bool) -> bool {
    let mut cell = [u8::from(secret_bool)];
    public(&mut cell);
    cell[0] != 0
}

/// Secret bytes: a fixed pattern (memcheck tracks where values come from, not what
/// they are), marked undefined.
fn secret_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    for (i, b) in (0u8..).zip(bytes.iter_mut()) {
        *b = i.wrapping_mul(151).wrapping_add(7);
    }
    secret(&mut bytes);
    bytes
}

/// The random bytes behind a token: 100, so hex and base64url span several of the
/// encoder's 48-byte chunks and base64url ends in a partial group.
const TOKEN: usize = 100;
/// The compared inputs: 37 bytes, four whole words and a 5-byte tail, so both of
/// `compare_digest`'s paths run.
const DIGEST: usize = 37;

/// What a target gives: nothing, or why it could not run.
type Outcome = Result<(), String>;

/// A library error, as text.
fn fail(e: impl core::fmt::Display) -> String {
    e.to_string()
}

/// Which claim a target stands behind.
#[derive(Clone, Copy)]
enum Claim {
    Compare,
    Token,
    FastRng,
}

impl Claim {
    fn name(self) -> &'static str {
        match self {
            Claim::Compare => "compare",
            Claim::Token => "token",
            Claim::FastRng => "fastrng",
        }
    }
}

/// A target: name, claim, whether it is a negative control, what it runs, the code.
type Target = (&'static str, Claim, bool, &'static str, fn() -> Outcome);

const TARGETS: &[Target] = &[
    (
        "compare-equal",
        Claim::Compare,
        false,
        "compare_digest and compare_digest_choice on two equal 37-byte secrets",
        compare_equal,
    ),
    (
        "compare-unequal",
        Claim::Compare,
        false,
        "compare_digest and compare_digest_choice on 37-byte secrets differing in byte 20",
        compare_unequal,
    ),
    (
        "verify-digest",
        Claim::Compare,
        false,
        "verify_digest and verify_keyed_digest (SHA-256, HMAC-SHA-256) of a secret 37-byte token against a secret stored digest",
        verify_digest,
    ),
    (
        "hex",
        Claim::Token,
        false,
        "token_hex(100) from secret bytes",
        hex,
    ),
    (
        "hex-fill",
        Claim::Token,
        false,
        "fill_token_hex(100) into a buffer, from secret bytes",
        hex_fill,
    ),
    (
        "urlsafe",
        Claim::Token,
        false,
        "token_urlsafe(100) (base64url) from secret bytes",
        urlsafe,
    ),
    (
        "urlsafe-fill",
        Claim::Token,
        false,
        "fill_token_urlsafe(100) into a buffer, from secret bytes",
        urlsafe_fill,
    ),
    (
        "uuid4",
        Claim::Token,
        false,
        "uuid4() from secret bytes",
        uuid,
    ),
    (
        "uuid4-fill",
        Claim::Token,
        false,
        "fill_uuid4() into a buffer, from secret bytes",
        uuid_fill,
    ),
    (
        "base32",
        Claim::Token,
        false,
        "token_base32(100) (RFC 4648, base32ct) from secret bytes",
        base32,
    ),
    (
        "base32-fill",
        Claim::Token,
        false,
        "fill_token_base32(100) into a buffer, from secret bytes",
        base32_fill,
    ),
    (
        "crockford",
        Claim::Token,
        false,
        "token_base32_crockford(100) (our branch-free encoder) from secret bytes",
        crockford,
    ),
    (
        "crockford-fill",
        Claim::Token,
        false,
        "fill_token_base32_crockford(100) into a buffer, from secret bytes",
        crockford_fill,
    ),
    (
        "base64",
        Claim::Token,
        false,
        "token_base64(100) (padded, base64ct) from secret bytes",
        base64,
    ),
    (
        "base64-fill",
        Claim::Token,
        false,
        "fill_token_base64(100) into a buffer, from secret bytes",
        base64_fill,
    ),
    (
        "id",
        Claim::Token,
        false,
        "token_id() and token_alphabet(ID_ALPHABET, 133) (base64url text, base64ct) from secret bytes",
        id,
    ),
    (
        "uuid7",
        Claim::Token,
        false,
        "Uuid7::next twice in one millisecond (a public time) from secret bytes",
        uuid7,
    ),
    (
        "uuid7-fill",
        Claim::Token,
        false,
        "Uuid7::fill twice in one millisecond into a buffer, from secret bytes",
        uuid7_fill,
    ),
    (
        "fastrng",
        Claim::FastRng,
        false,
        "FastRng from a secret key: next_u32, next_u64, small fills across refills, a \
         large (direct) fill, a reseed, and the facade's token_hex",
        fastrng,
    ),
    (
        "control-leaky-eq",
        Claim::Compare,
        true,
        "slice == (memcmp) on the equal secrets of compare-equal",
        control_leaky_eq,
    ),
    (
        "control-table-hex",
        Claim::Token,
        true,
        "hex through a lookup table, on the secret bytes of hex",
        control_table_hex,
    ),
    (
        "control-branchy-hex",
        Claim::Token,
        true,
        "hex with a branch on each nibble, on the secret bytes of hex",
        control_branchy_hex,
    ),
    (
        "control-fastrng-branch",
        Claim::FastRng,
        true,
        "a branch on the low bit of a FastRng draw (shows the key is marked secret)",
        control_fastrng_branch,
    ),
];

fn compare_both(a: &[u8], b: &[u8]) -> bool {
    let by_bool = public_bool(rsecrets::compare_digest(a, b));
    let by_choice = public_bool(compare_digest_choice(a, b).into());
    assert_eq!(by_bool, by_choice);
    by_bool
}

fn compare_equal() -> Outcome {
    let a = secret_bytes::<DIGEST>();
    let b = secret_bytes::<DIGEST>();
    println!("equal: {}", compare_both(&a, &b));
    Ok(())
}

fn compare_unequal() -> Outcome {
    let a = secret_bytes::<DIGEST>();
    let mut b = a;
    b[20] ^= 0x10;
    secret(&mut b);
    println!("equal: {}", compare_both(&a, &b));
    Ok(())
}

fn verify_digest() -> Outcome {
    let token = secret_bytes::<DIGEST>();
    let pepper = secret_bytes::<32>();
    // The stored digests, computed from the secret token: secret too.
    let stored = rsecrets::digest(&token);
    let keyed = rsecrets::keyed_digest(&pepper, &token);
    let plain = public_bool(rsecrets::verify_digest(&token, &stored));
    let with_pepper = public_bool(rsecrets::verify_keyed_digest(&pepper, &token, &keyed));
    println!("verified: {plain} {with_pepper}");
    Ok(())
}

fn hex() -> Outcome {
    let bytes = secret_bytes::<TOKEN>();
    let mut text = token_hex(&mut Replay::new(&bytes), TOKEN).map_err(fail)?;
    public_str(text.as_mut_str());
    println!("{}", *text);
    Ok(())
}

fn hex_fill() -> Outcome {
    let bytes = secret_bytes::<TOKEN>();
    let mut out = [0u8; 2 * TOKEN];
    assert_eq!(hex_len(TOKEN), Some(out.len()));
    let len = fill_token_hex(&mut Replay::new(&bytes), TOKEN, &mut out)
        .map_err(fail)?
        .len();
    public(&mut out[..len]);
    println!("{}", String::from_utf8_lossy(&out[..len]));
    Ok(())
}

fn urlsafe() -> Outcome {
    let bytes = secret_bytes::<TOKEN>();
    let mut text = token_urlsafe(&mut Replay::new(&bytes), TOKEN).map_err(fail)?;
    public_str(text.as_mut_str());
    println!("{}", *text);
    Ok(())
}

fn urlsafe_fill() -> Outcome {
    let bytes = secret_bytes::<TOKEN>();
    let mut out = [0u8; 136];
    assert_eq!(urlsafe_len(TOKEN), Some(134));
    let len = fill_token_urlsafe(&mut Replay::new(&bytes), TOKEN, &mut out)
        .map_err(fail)?
        .len();
    public(&mut out[..len]);
    println!("{}", String::from_utf8_lossy(&out[..len]));
    Ok(())
}

fn id() -> Outcome {
    let bytes = secret_bytes::<TOKEN>();
    let mut short = token_id(&mut Replay::new(&bytes)).map_err(fail)?;
    public_str(short.as_mut_str());
    // 133 characters: 100 bytes, two whole chunks and a tail cut short.
    let mut long = token_alphabet(&mut Replay::new(&bytes), ID_ALPHABET, 133).map_err(fail)?;
    public_str(long.as_mut_str());
    println!("{} {}", *short, *long);
    Ok(())
}

fn uuid() -> Outcome {
    let bytes = secret_bytes::<16>();
    let mut text = uuid4(&mut Replay::new(&bytes)).map_err(fail)?;
    public_str(text.as_mut_str());
    println!("{}", *text);
    Ok(())
}

fn uuid_fill() -> Outcome {
    let bytes = secret_bytes::<16>();
    let mut out = [0u8; UUID4_LEN];
    let len = fill_uuid4(&mut Replay::new(&bytes), &mut out)
        .map_err(fail)?
        .len();
    public(&mut out[..len]);
    println!("{}", String::from_utf8_lossy(&out[..len]));
    Ok(())
}

/// An owned token of [`TOKEN`] secret bytes, printed.
fn owned(make: fn(&mut Replay<'_>, usize) -> Result<Zeroizing<String>, Error>) -> Outcome {
    let bytes = secret_bytes::<TOKEN>();
    let mut text = make(&mut Replay::new(&bytes), TOKEN).map_err(fail)?;
    public_str(text.as_mut_str());
    println!("{}", *text);
    Ok(())
}

/// A `fill_*` token of [`TOKEN`] secret bytes, `len` characters, printed.
fn filled(
    len: Option<usize>,
    make: for<'a> fn(&mut Replay<'_>, usize, &'a mut [u8]) -> Result<&'a str, Error>,
) -> Outcome {
    let bytes = secret_bytes::<TOKEN>();
    let mut out = [0u8; 2 * TOKEN];
    let len = len.ok_or("no length")?;
    let written = make(&mut Replay::new(&bytes), TOKEN, &mut out)
        .map_err(fail)?
        .len();
    assert_eq!(written, len);
    public(&mut out[..len]);
    println!("{}", String::from_utf8_lossy(&out[..len]));
    Ok(())
}

fn base32() -> Outcome {
    owned(|rng, n| token_base32(rng, n))
}

fn base32_fill() -> Outcome {
    filled(base32_len(TOKEN), |rng, n, out| {
        fill_token_base32(rng, n, out)
    })
}

fn crockford() -> Outcome {
    owned(|rng, n| token_base32_crockford(rng, n))
}

fn crockford_fill() -> Outcome {
    filled(base32_len(TOKEN), |rng, n, out| {
        fill_token_base32_crockford(rng, n, out)
    })
}

fn base64() -> Outcome {
    owned(|rng, n| token_base64(rng, n))
}

fn base64_fill() -> Outcome {
    filled(base64_len(TOKEN), |rng, n, out| {
        fill_token_base64(rng, n, out)
    })
}

/// 2023-11-14 22:13:20 UTC: the time is public, the random bytes secret.
const T0: u64 = 1_700_000_000_000;

fn uuid7() -> Outcome {
    let bytes = secret_bytes::<32>();
    let mut rng = Replay::new(&bytes);
    let mut ids = Uuid7::new();
    for _ in 0..2 {
        let mut text = ids.next(&mut rng, T0).map_err(fail)?;
        public_str(text.as_mut_str());
        println!("{}", *text);
    }
    Ok(())
}

fn uuid7_fill() -> Outcome {
    let bytes = secret_bytes::<32>();
    let mut rng = Replay::new(&bytes);
    let mut ids = Uuid7::new();
    for _ in 0..2 {
        let mut out = [0u8; UUID_LEN];
        let len = ids.fill(&mut rng, T0, &mut out).map_err(fail)?.len();
        public(&mut out[..len]);
        println!("{}", String::from_utf8_lossy(&out[..len]));
    }
    Ok(())
}

/// Hex of public bytes, for printing.
fn show(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn fastrng() -> Outcome {
    let mut rng = FastRng::new();
    let mut words = [0u8; 12];
    words[..4].copy_from_slice(&rng.next_u32().to_le_bytes());
    words[4..].copy_from_slice(&rng.next_u64().to_le_bytes());
    // 16-byte draws from the buffer, across two refills of its 3040 bytes.
    let mut small = [0u8; 16];
    for _ in 0..400 {
        rng.fill_bytes(&mut small);
        black_box(&mut small);
    }
    // A large request, filled straight into the caller's memory under a one-time key.
    let mut large = vec![0u8; 4096];
    rng.fill_bytes(&mut large);
    TryFastRng::new().reseed().map_err(fail)?;
    let mut after = [0u8; 16];
    rng.fill_bytes(&mut after);
    let mut token = rsecrets::token_hex(32).map_err(fail)?;

    public(&mut words);
    public(&mut small);
    public(&mut large);
    public(&mut after);
    public_str(token.as_mut_str());
    println!("words {}", show(&words));
    println!("small {}", show(&small));
    println!("large {}...", show(&large[..16]));
    println!("after reseed {}", show(&after));
    println!("token_hex {}", *token);
    Ok(())
}

fn control_leaky_eq() -> Outcome {
    let a = secret_bytes::<DIGEST>();
    let b = secret_bytes::<DIGEST>();
    println!("equal: {}", public_bool(leaky_eq(&a, &b)));
    Ok(())
}

fn control_table_hex() -> Outcome {
    let bytes = secret_bytes::<TOKEN>();
    let mut text = table_hex(&bytes);
    public_str(text.as_mut_str());
    println!("{text}");
    Ok(())
}

fn control_branchy_hex() -> Outcome {
    let bytes = secret_bytes::<TOKEN>();
    let mut text = branchy_hex(&bytes);
    public_str(text.as_mut_str());
    println!("{text}");
    Ok(())
}

fn control_fastrng_branch() -> Outcome {
    let draw = FastRng::new().next_u32();
    let parity = if draw & 1 == 1 {
        black_box("odd")
    } else {
        "even"
    };
    println!("{}", public_bool(parity == "odd"));
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [arg] = args.as_slice() else {
        eprintln!("usage: ct TARGET | ct --list");
        return ExitCode::from(2);
    };
    if arg == "--list" {
        for (name, claim, control, about, _) in TARGETS {
            let kind = if *control { "control" } else { "target" };
            println!("{name}\t{}\t{kind}\t{about}", claim.name());
        }
        return ExitCode::SUCCESS;
    }
    let Some((_, claim, _, _, run)) = TARGETS.iter().find(|t| t.0 == arg) else {
        eprintln!("ct: no target {arg:?} (ct --list names them)");
        return ExitCode::from(2);
    };
    match rsecrets_ct_memcheck() {
        0 => {
            eprintln!(
                "ct: built without valgrind's memcheck.h, so nothing can be marked: \
                 install valgrind and rebuild"
            );
            return ExitCode::from(3);
        }
        1 => eprintln!("ct: not running under valgrind: nothing is checked"),
        _ => {}
    }
    if matches!(claim, Claim::FastRng) && !cfg!(rsecrets_valgrind) {
        eprintln!(
            "ct: built without --cfg rsecrets_valgrind, so FastRng's key is not marked \
             secret and {arg} would check nothing"
        );
        return ExitCode::from(3);
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ct: {arg}: {e}");
            ExitCode::FAILURE
        }
    }
}
