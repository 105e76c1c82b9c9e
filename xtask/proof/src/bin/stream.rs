//! Byte streams for the statistical batteries (dieharder, rngtest, ent): the raw
//! output of `FastRng` and `OsRng`, the recipes' draws decoded back to uniform
//! bytes, and negative controls that the batteries must flag.
//!
//! ```text
//! stream SOURCE [--bytes N]    write SOURCE's bytes to stdout: N of them, or until the
//!                              reader closes the pipe (a clean exit)
//! stream --list                the sources: name, kind (raw, recipe, control), what it is
//! ```
//!
//! A recipe's output is text (a password, a passphrase, a PIN) or a number below
//! some `n`; a battery wants uniform bytes. Each draw is decoded to its index
//! (`0..n`: the character's place in the alphabet, the word's in the list, the
//! digit) and the indices are packed by [`Radix`]: `k` indices make one number `v`
//! below `n^k`, and when `v` is below the largest multiple of `256^b` that fits
//! (`b` the most whole bytes `n^k` holds), its low `b` bytes are written; otherwise
//! the group is dropped. The drop depends only on `v`, so if the draws are uniform
//! and independent the bytes are exactly uniform and independent (`v` is then
//! uniform below a multiple of `256^b`), and any bias in the draws shows in them.
//! For a power-of-two `n` nothing is ever dropped.
//!
//! Every source draws through the public API, as a user would; only the controls
//! are built here, deliberately wrong.

use std::collections::HashMap;
use std::io::{ErrorKind, Write as _};
use std::process::ExitCode;

use rsecrets::rand_core::{Rng as _, TryRng as _};
use rsecrets::rsecrets_entropy::FastRng;
use rsecrets::{OsRng, Passphrase, PasswordPolicy, Secrets, WordList};

type Result<T = ()> = core::result::Result<T, String>;

/// How much a write to stdout carries.
const CHUNK: usize = 1 << 16;

/// Packs indices below `n` into uniform bytes, exactly (see the crate doc).
#[derive(Debug, Clone)]
struct Radix {
    n: u128,
    k: u32,
    /// Bytes written per accepted group.
    bytes: usize,
    /// Groups at or above this are dropped: `floor(n^k / 256^bytes) · 256^bytes`.
    limit: u128,
    acc: u128,
    have: u32,
}

impl Radix {
    /// Groups of `k` indices below `n`; `n^k` must be at least 256 and fit a `u128`.
    fn new(n: u128, k: u32) -> Self {
        let span = n
            .checked_pow(k)
            .filter(|&s| n >= 2 && s >= 256)
            .unwrap_or_else(|| panic!("Radix: {n}^{k} must be in 256..2^128"));
        // The most whole bytes below `span`, at most 15 (so 256^bytes fits a u128).
        let bytes = (1..=15u32)
            .take_while(|&b| 256u128.pow(b) <= span)
            .last()
            .unwrap_or(1);
        let unit = 256u128.pow(bytes);
        Radix {
            n,
            k,
            bytes: bytes as usize,
            limit: span / unit * unit,
            acc: 0,
            have: 0,
        }
    }

    /// One index (`< n`); completes a group every `k` calls.
    fn push(&mut self, index: u128, out: &mut Vec<u8>) {
        debug_assert!(index < self.n);
        self.acc = self.acc * self.n + index;
        self.have += 1;
        if self.have == self.k {
            if self.acc < self.limit {
                out.extend_from_slice(&self.acc.to_le_bytes()[..self.bytes]);
            }
            self.acc = 0;
            self.have = 0;
        }
    }
}

/// Something that writes bytes: appends at least one byte per call on average.
trait Source {
    fn produce(&mut self, out: &mut Vec<u8>) -> Result;
}

/// One request to a raw generator.
#[derive(Clone, Copy)]
enum Request {
    U32,
    U64,
    Fill(usize),
}

/// The requests the raw sources cycle through, each taking an equal share of the
/// stream. `FastRng` serves requests under 2 KiB from its buffer and fills larger
/// ones directly, so both paths are in the stream.
const FAST_REQUESTS: [Request; 9] = [
    Request::U32,
    Request::U64,
    Request::Fill(1),
    Request::Fill(7),
    Request::Fill(32),
    Request::Fill(100),
    Request::Fill(2047),
    Request::Fill(2048),
    Request::Fill(65536),
];
/// `OsRng` makes a system call per request: its small requests are few, or the
/// stream crawls.
const OS_REQUESTS: [Request; 6] = [
    Request::U32,
    Request::U64,
    Request::Fill(32),
    Request::Fill(256),
    Request::Fill(4096),
    Request::Fill(65536),
];

/// A raw generator, through its public draws.
struct Raw<F> {
    requests: &'static [Request],
    turn: usize,
    draw: F,
}

/// One draw of a raw generator: `(request, out)` appends the request's bytes.
trait Draw: FnMut(Request, &mut Vec<u8>) -> Result {}
impl<F: FnMut(Request, &mut Vec<u8>) -> Result> Draw for F {}

impl<F: Draw> Source for Raw<F> {
    fn produce(&mut self, out: &mut Vec<u8>) -> Result {
        let request = self.requests[self.turn % self.requests.len()];
        self.turn += 1;
        // An equal share of bytes per request kind: 64 KiB of it.
        let share = CHUNK;
        let start = out.len();
        while out.len() - start < share {
            (self.draw)(request, out)?;
        }
        Ok(())
    }
}

fn fast_draw(request: Request, out: &mut Vec<u8>) -> Result {
    let mut rng = FastRng::new();
    match request {
        Request::U32 => out.extend_from_slice(&rng.next_u32().to_le_bytes()),
        Request::U64 => out.extend_from_slice(&rng.next_u64().to_le_bytes()),
        Request::Fill(n) => {
            let start = out.len();
            out.resize(start + n, 0);
            rng.fill_bytes(&mut out[start..]);
        }
    }
    Ok(())
}

fn os_draw(request: Request, out: &mut Vec<u8>) -> Result {
    let os = |e| format!("OsRng: {e}");
    match request {
        Request::U32 => out.extend_from_slice(&OsRng.try_next_u32().map_err(os)?.to_le_bytes()),
        Request::U64 => out.extend_from_slice(&OsRng.try_next_u64().map_err(os)?.to_le_bytes()),
        Request::Fill(n) => {
            let start = out.len();
            out.resize(start + n, 0);
            OsRng.try_fill_bytes(&mut out[start..]).map_err(os)?;
        }
    }
    Ok(())
}

/// A recipe: draws, each decoded to indices, packed by a [`Radix`].
struct Recipe<F> {
    radix: Radix,
    draw: F,
}

impl<F: FnMut(&mut dyn FnMut(u128)) -> Result> Source for Recipe<F> {
    fn produce(&mut self, out: &mut Vec<u8>) -> Result {
        let radix = &mut self.radix;
        (self.draw)(&mut |index| radix.push(index, out))
    }
}

fn recipe<F: FnMut(&mut dyn FnMut(u128)) -> Result + 'static>(
    n: u128,
    k: u32,
    draw: F,
) -> Box<dyn Source> {
    Box::new(Recipe {
        radix: Radix::new(n, k),
        draw,
    })
}

/// `rsecrets::password` over `alphabet` (no minimums: each character an
/// independent uniform choice), each character decoded to its place.
fn password(alphabet: &str, length: usize, k: u32) -> Result<Box<dyn Source>> {
    let policy = PasswordPolicy::new().alphabet(alphabet).length(length);
    let sorted = policy.build().map_err(|e| e.to_string())?;
    let places = places(sorted.alphabet().bytes());
    let n = sorted.alphabet().len() as u128;
    Ok(recipe(n, k, move |push| {
        let pw = rsecrets::password(policy).map_err(|e| e.to_string())?;
        for b in pw.bytes() {
            push(places[usize::from(b)].ok_or("a character outside the alphabet")?);
        }
        Ok(())
    }))
}

/// Each byte's place in `alphabet`.
fn places(alphabet: impl Iterator<Item = u8>) -> [Option<u128>; 256] {
    let mut places = [None; 256];
    for (i, b) in alphabet.enumerate() {
        places[usize::from(b)] = Some(i as u128);
    }
    places
}

/// A passphrase generator over `list`, each word decoded to its place in the list.
fn passphrase(list: Option<WordList>, k: u32) -> Result<Box<dyn Source>> {
    let policy = match list {
        Some(list) => Passphrase::with_word_list(list),
        None => Passphrase::new(),
    };
    let generator = policy
        .words(8)
        .separator(" ")
        .build()
        .map_err(|e| e.to_string())?;
    let index: HashMap<String, u128> = (0u128..)
        .zip(generator.word_list().iter())
        .map(|(i, w)| (w.to_owned(), i))
        .collect();
    if index.keys().any(|w| w.contains(' ')) {
        return Err("a word holds the separator".into());
    }
    let n = index.len() as u128;
    Ok(recipe(n, k, move |push| {
        let phrase = generator
            .generate(&mut rsecrets::rng())
            .map_err(|e| e.to_string())?;
        for word in phrase.split(' ') {
            push(*index.get(word).ok_or("a word not in the list")?);
        }
        Ok(())
    }))
}

/// 256 distinct words, `aa` to `pp`.
fn word_list_256() -> Result<WordList> {
    let mut text = String::new();
    for a in b'a'..=b'p' {
        for b in b'a'..=b'p' {
            text.extend([char::from(a), char::from(b), '\n']);
        }
    }
    let list = WordList::parse(&text).map_err(|e| e.to_string())?;
    if list.len() == 256 {
        Ok(list)
    } else {
        Err(format!("the 256-word list has {} words", list.len()))
    }
}

/// The Lehmer code of a permutation of `0..N`: its rank in `0..N!`.
fn lehmer_rank<const N: usize>(perm: &[u8; N]) -> u128 {
    let mut rank = 0u128;
    for i in 0..N {
        let smaller_after = perm[i + 1..].iter().filter(|&&x| x < perm[i]).count();
        rank = rank * (N - i) as u128 + smaller_after as u128;
    }
    rank
}

/// `%` on a raw byte: the modulo bias every exact sampler exists to avoid.
fn control_modulo_pin() -> Box<dyn Source> {
    let mut bytes = [0u8; 4096];
    recipe(10, 3, move |push| {
        FastRng::new().fill_bytes(&mut bytes);
        for b in bytes {
            push(u128::from(b % 10));
        }
        Ok(())
    })
}

/// `FastRng`'s bytes with every zero byte dropped: 255 values, not 256.
struct MissingZero;

impl Source for MissingZero {
    fn produce(&mut self, out: &mut Vec<u8>) -> Result {
        let mut bytes = [0u8; 4096];
        FastRng::new().fill_bytes(&mut bytes);
        out.extend(bytes.iter().filter(|&&b| b != 0));
        Ok(())
    }
}

/// The recipe sources in turn, 4 KiB of each.
struct RoundRobin {
    sources: Vec<Box<dyn Source>>,
    turn: usize,
}

impl Source for RoundRobin {
    fn produce(&mut self, out: &mut Vec<u8>) -> Result {
        let i = self.turn % self.sources.len();
        self.turn += 1;
        let start = out.len();
        while out.len() - start < 4096 {
            self.sources[i].produce(out)?;
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Raw,
    Recipe,
    Control,
}

/// Every source: name, kind, what it is.
const SOURCES: &[(&str, Kind, &str)] = &[
    (
        "fast",
        Kind::Raw,
        "FastRng: next_u32, next_u64 and fill_bytes of 1 B to 64 KiB, equal shares (buffered and direct paths)",
    ),
    (
        "os",
        Kind::Raw,
        "OsRng: next_u32, next_u64 and fill_bytes of 32 B to 64 KiB, equal shares",
    ),
    (
        "password16",
        Kind::Recipe,
        "rsecrets::password, 64 characters of 0-9a-f: 4 bits a character, nothing dropped",
    ),
    (
        "password64",
        Kind::Recipe,
        "rsecrets::password, 64 characters of A-Za-z0-9 and -_: 6 bits a character, nothing dropped",
    ),
    (
        "password62",
        Kind::Recipe,
        "rsecrets::password with the default policy (20 of A-Za-z0-9): 4 characters (62^4) to 2 bytes",
    ),
    (
        "passphrase256",
        Kind::Recipe,
        "a Passphrase of 8 words from a 256-word WordList: a byte a word, nothing dropped",
    ),
    (
        "passphrase-eff",
        Kind::Recipe,
        "a Passphrase of 8 words from the EFF large list (7776): a word to a byte below 7680",
    ),
    (
        "pin",
        Kind::Recipe,
        "rsecrets::pin(60): 3 digits to a byte below 768",
    ),
    (
        "choice3",
        Kind::Recipe,
        "rsecrets::choice of 3 items: 10 picks (3^10) to a byte",
    ),
    (
        "shuffle5",
        Kind::Recipe,
        "Secrets::shuffle of 5 items: 2 permutations (120^2) by Lehmer code to a byte",
    ),
    (
        "randbelow32",
        Kind::Recipe,
        "rsecrets::randbelow(10^6 as u32): 2 bytes below 15 · 2^16",
    ),
    (
        "randbelow64",
        Kind::Recipe,
        "rsecrets::randbelow(3^40 as u64, above 2^63: a third of words rejected): 7 bytes",
    ),
    (
        "randbelow128",
        Kind::Recipe,
        "rsecrets::randbelow(2^101 + 1 as u128, the masked path): 12 bytes",
    ),
    (
        "recipes",
        Kind::Recipe,
        "every recipe source above in turn, 4 KiB of each",
    ),
    (
        "control-missing-zero",
        Kind::Control,
        "FastRng's bytes with every 0x00 dropped (255 values)",
    ),
    (
        "control-modulo-pin",
        Kind::Control,
        "a PIN whose digits are a FastRng byte % 10 (0-5 drawn 26/256, 6-9 25/256), decoded as pin",
    ),
];

fn source(name: &str) -> Result<Box<dyn Source>> {
    const N64: u64 = 12_157_665_459_056_928_801; // 3^40
    const N128: u128 = (1 << 101) + 1;
    Ok(match name {
        "fast" => Box::new(Raw {
            requests: &FAST_REQUESTS,
            turn: 0,
            draw: fast_draw,
        }),
        "os" => Box::new(Raw {
            requests: &OS_REQUESTS,
            turn: 0,
            draw: os_draw,
        }),
        "password16" => password("0123456789abcdef", 64, 2)?,
        "password64" => password(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
            64,
            4,
        )?,
        "password62" => {
            let default = PasswordPolicy::new();
            let alphabet = default.build().map_err(|e| e.to_string())?;
            password(alphabet.alphabet(), 20, 4)?
        }
        "passphrase256" => passphrase(Some(word_list_256()?), 1)?,
        "passphrase-eff" => passphrase(None, 1)?,
        "pin" => recipe(10, 3, |push| {
            let code = rsecrets::pin(60).map_err(|e| e.to_string())?;
            for d in code.bytes() {
                push(u128::from(d - b'0'));
            }
            Ok(())
        }),
        "choice3" => recipe(3, 10, |push| {
            for _ in 0..64 {
                push(*rsecrets::choice(&[0u128, 1, 2]).map_err(|e| e.to_string())?);
            }
            Ok(())
        }),
        "shuffle5" => {
            let mut secrets = Secrets::new(rsecrets::rng());
            recipe(120, 2, move |push| {
                for _ in 0..16 {
                    let mut items = [0u8, 1, 2, 3, 4];
                    secrets.shuffle(&mut items).map_err(|e| e.to_string())?;
                    push(lehmer_rank(&items));
                }
                Ok(())
            })
        }
        "randbelow32" => recipe(1_000_000, 1, |push| {
            for _ in 0..64 {
                push(u128::from(
                    rsecrets::randbelow(1_000_000u32).map_err(|e| e.to_string())?,
                ));
            }
            Ok(())
        }),
        "randbelow64" => recipe(u128::from(N64), 1, |push| {
            for _ in 0..64 {
                push(u128::from(
                    rsecrets::randbelow(N64).map_err(|e| e.to_string())?,
                ));
            }
            Ok(())
        }),
        "randbelow128" => recipe(N128, 1, |push| {
            for _ in 0..64 {
                push(rsecrets::randbelow(N128).map_err(|e| e.to_string())?);
            }
            Ok(())
        }),
        "recipes" => {
            let names = SOURCES
                .iter()
                .filter(|(n, kind, _)| *kind == Kind::Recipe && *n != "recipes");
            let sources = names.map(|(n, ..)| source(n)).collect::<Result<_>>()?;
            Box::new(RoundRobin { sources, turn: 0 })
        }
        "control-missing-zero" => Box::new(MissingZero),
        "control-modulo-pin" => control_modulo_pin(),
        other => return Err(format!("no source {other:?} (stream --list)")),
    })
}

/// Writes `source`'s bytes to stdout: `limit` of them, or until the reader leaves.
fn run(mut source: Box<dyn Source>, limit: Option<u64>) -> Result {
    let mut stdout = std::io::stdout().lock();
    let mut buf = Vec::with_capacity(2 * CHUNK + 70_000);
    let mut left = limit.unwrap_or(u64::MAX);
    while left > 0 {
        while buf.len() < CHUNK {
            source.produce(&mut buf)?;
        }
        let take = usize::try_from(left).map_or(CHUNK, |l| l.min(CHUNK));
        match stdout.write_all(&buf[..take]) {
            Ok(()) => {}
            // The battery read what it needed and closed the pipe: done.
            Err(e) if e.kind() == ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(format!("stdout: {e}")),
        }
        buf.drain(..take);
        left -= take as u64;
    }
    match stdout.flush() {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(format!("stdout: {e}")),
        _ => Ok(()),
    }
}

fn list() -> Result {
    for (name, kind, about) in SOURCES {
        let kind = match kind {
            Kind::Raw => "raw",
            Kind::Recipe => "recipe",
            Kind::Control => "control",
        };
        println!("{name}\t{kind}\t{about}");
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--list"] => list(),
        [name] => source(name).and_then(|s| run(s, None)),
        [name, "--bytes", n] => n
            .parse()
            .map_err(|e| format!("--bytes {n}: {e}"))
            .and_then(|n| source(name).and_then(|s| run(s, Some(n)))),
        _ => Err("usage: stream SOURCE [--bytes N] | stream --list".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stream: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every group value once: every byte string comes out equally often.
    fn exhaustive(n: u128, k: u32) {
        let mut radix = Radix::new(n, k);
        let mut out = Vec::new();
        for v in 0..n.pow(k) {
            let mut digits = Vec::new();
            let mut x = v;
            for _ in 0..k {
                digits.push(x % n);
                x /= n;
            }
            for d in digits.into_iter().rev() {
                radix.push(d, &mut out);
            }
        }
        let mut counts = HashMap::new();
        for group in out.chunks(radix.bytes) {
            *counts.entry(group.to_vec()).or_insert(0u64) += 1;
        }
        let unit = 256u128.pow(u32::try_from(radix.bytes).unwrap_or(0));
        assert_eq!(counts.len() as u128, unit, "{n}^{k}");
        let per = radix.limit / unit;
        assert!(counts.values().all(|&c| u128::from(c) == per), "{n}^{k}");
    }

    #[test]
    fn radix_is_exactly_uniform() {
        for (n, k) in [
            (10, 3),
            (16, 2),
            (3, 6),
            (7776, 1),
            (120, 2),
            (62, 2),
            (256, 1),
        ] {
            exhaustive(n, k);
        }
    }

    #[test]
    fn radix_sizes() {
        let r = Radix::new(64, 4);
        assert_eq!((r.bytes, r.limit), (3, 1 << 24));
        let r = Radix::new(10, 3);
        assert_eq!((r.bytes, r.limit), (1, 768));
        let r = Radix::new(1_000_000, 1);
        assert_eq!((r.bytes, r.limit), (2, 15 << 16));
        let r = Radix::new((1 << 101) + 1, 1);
        assert_eq!((r.bytes, r.limit), (12, 1 << 101));
    }

    #[test]
    fn lehmer_ranks_every_permutation_once() {
        let mut seen = [false; 24];
        let mut perm = [0u8, 1, 2, 3];
        // Heap's algorithm, iteratively.
        let mut c = [0usize; 4];
        seen[usize::try_from(lehmer_rank(&perm)).unwrap_or(99)] = true;
        let mut i = 0;
        while i < 4 {
            if c[i] < i {
                perm.swap(if i % 2 == 0 { 0 } else { c[i] }, i);
                seen[usize::try_from(lehmer_rank(&perm)).unwrap_or(99)] = true;
                c[i] += 1;
                i = 0;
            } else {
                c[i] = 0;
                i += 1;
            }
        }
        assert!(seen.iter().all(|&s| s));
        assert_eq!(lehmer_rank(&[0u8, 1, 2, 3]), 0);
        assert_eq!(lehmer_rank(&[3u8, 2, 1, 0]), 23);
    }

    #[test]
    fn every_source_builds_and_streams() {
        for (name, ..) in SOURCES {
            let mut s = source(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            let mut out = Vec::new();
            while out.len() < 1000 {
                s.produce(&mut out)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }

    #[test]
    fn the_missing_zero_control_has_no_zero() {
        let mut out = Vec::new();
        MissingZero
            .produce(&mut out)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!out.is_empty() && !out.contains(&0));
    }
}
