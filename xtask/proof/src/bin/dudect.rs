//! dudect (Reparaz, Balasch and Verbauwhede, "Dude, is my code constant time?", 2016)
//! on rsecrets' constant-time paths, through the `dudect-bencher` crate, beside the
//! negative controls that the same measurement must flag.
//!
//! ```text
//! dudect [--secs S] TARGET     measure TARGET for S seconds (default 10)
//! dudect --list                the targets
//! ```
//!
//! Each target times one function on two classes of secret input, drawn at random
//! sample by sample so the classes interleave (whatever else the machine does falls
//! on both alike), and Welch's t-test compares the two timing distributions, whole
//! and cropped at about 100 percentiles. After every batch the crate prints the
//! running largest |t| (`max t = ...`); the last such line is the result. A |t| that
//! stays small says the classes could not be told apart by time; a large one is a
//! leak. The secret inputs of both classes sit in the same fresh buffer, one slot per
//! measurement, so neither class is favoured by the cache. `calibrate_token_hex` is
//! an A/A test (random bytes in both classes): the |t| the harness gives when no
//! difference exists.
//!
//! `cargo xtask proof` runs every target and turns the figures into rows.

use core::sync::atomic::{AtomicUsize, Ordering};
use core::time::Duration;
use std::io::Write as _;
use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Instant;

use dudect_bencher::ctbench::{BenchFn, BenchMetadata, BenchName, BenchOpts, run_benches_console};
use dudect_bencher::rand::{Rng, RngExt};
use dudect_bencher::{BenchRng, Class, CtRunner};
use rsecrets::rsecrets_token::{token_hex, token_urlsafe, uuid4};
use rsecrets_proof::Replay;
use rsecrets_proof::control::{branchy_hex, leaky_eq, table_hex};

/// Measurements a batch: about a tenth of a second to a second each.
const BATCH: usize = 200_000;
/// The length of the compared digests (a SHA-512 digest; see `equal_or_early`).
const DIGEST: usize = 64;
/// The secret bytes behind a token: `DEFAULT_ENTROPY`.
const TOKEN: usize = 32;
/// The random bytes behind a UUID.
const UUID: usize = 16;

/// A target: its name, the function that measures it, and a line for `--list`.
type Target = (&'static str, BenchFn, &'static str);

/// The targets, in the order `--list` gives them.
const TARGETS: &[Target] = &[
    (
        "compare_digest",
        compare_digest,
        "rsecrets::compare_digest on 64-byte inputs: equal vs differing in the first byte",
    ),
    (
        "token_hex",
        hex,
        "token_hex(32) from a Replay generator: all-zero vs random bytes",
    ),
    (
        "token_urlsafe",
        urlsafe,
        "token_urlsafe(32) from a Replay generator: all-zero vs random bytes",
    ),
    (
        "uuid4",
        uuid,
        "uuid4() from a Replay generator: all-zero vs random bytes",
    ),
    (
        "control_slice_eq",
        slice_eq,
        "negative control: slice == on compare_digest's inputs",
    ),
    (
        "control_branchy_hex",
        branchy,
        "negative control: hex with a branch on each nibble, all-zero vs random bytes",
    ),
    (
        "calibrate_token_hex",
        calibrate,
        "calibration: token_hex(32), random vs random bytes (an A/A test: no difference exists)",
    ),
    (
        "control_table_hex",
        table,
        "hex through a 16-byte table (a secret-indexed load), all-zero vs random bytes",
    ),
];

/// When the measurement stops, set once before it starts.
static DEADLINE: OnceLock<(Instant, Duration)> = OnceLock::new();
/// Measurements taken so far.
static MEASURED: AtomicUsize = AtomicUsize::new(0);

fn main() -> ExitCode {
    let mut secs = 10.0;
    let mut target = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--list" => {
                for (name, _, what) in TARGETS {
                    println!("{name:<20} {what}");
                }
                return ExitCode::SUCCESS;
            }
            "--secs" => match args.next().and_then(|s| s.parse::<f64>().ok()) {
                Some(s) if s > 0.0 && s < 1e6 => secs = s,
                _ => return usage("--secs needs a positive number of seconds"),
            },
            name if target.is_none() && !name.starts_with('-') => target = Some(arg),
            other => return usage(&format!("unexpected argument {other:?}")),
        }
    }
    let Some(target) = target else {
        return usage("which target? (--list names them)");
    };
    let Some(&(name, benchfn, _)) = TARGETS.iter().find(|(n, _, _)| *n == target) else {
        return usage(&format!("no target {target:?} (--list names them)"));
    };
    let _ = DEADLINE.set((Instant::now(), Duration::from_secs_f64(secs)));
    let bench = BenchMetadata {
        name: BenchName(name),
        seed: None,
        benchfn,
    };
    // Continuous: one batch after another, the statistics carried over, until the
    // deadline ends the process (see `measure`).
    let opts = BenchOpts {
        continuous: true,
        ..BenchOpts::default()
    };
    match run_benches_console(opts, vec![bench]) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dudect: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("dudect: {problem}\nusage: dudect [--secs S] TARGET | --list");
    ExitCode::from(2)
}

/// Runs one batch: `BATCH` measurements of `f` on slots of `width` bytes that `fill`
/// prepares for a class drawn at random. Ends the process, after a summary line,
/// once the deadline has passed: `dudect-bencher`'s continuous mode has no other exit
/// but Ctrl-C, and its last printed line already holds the whole run's statistics.
fn measure<T>(
    runner: &mut CtRunner,
    rng: &mut BenchRng,
    width: usize,
    fill: impl Fn(Class, &mut [u8], &mut BenchRng),
    f: impl Fn(&[u8]) -> T,
) {
    if let Some(&(start, limit)) = DEADLINE.get() {
        let spent = start.elapsed();
        if spent >= limit {
            println!(
                "\ndudect: {} measurements in {:.1} s",
                MEASURED.load(Ordering::Relaxed),
                spent.as_secs_f64()
            );
            let _ = std::io::stdout().flush();
            std::process::exit(0);
        }
    }
    let mut classes = Vec::with_capacity(BATCH);
    let mut slots = vec![0u8; BATCH * width];
    for slot in slots.chunks_exact_mut(width) {
        let class = if rng.random::<bool>() {
            Class::Left
        } else {
            Class::Right
        };
        fill(class, slot, rng);
        classes.push(class);
    }
    for (class, slot) in classes.into_iter().zip(slots.chunks_exact(width)) {
        runner.run_one(class, || f(slot));
    }
    MEASURED.fetch_add(BATCH, Ordering::Relaxed);
}

/// Two digests side by side: equal (Left), or differing in the first byte (Right), the
/// case where a comparison that stops early is fastest. 64 bytes gives an early exit
/// more to skip than 32 would, so a leak shows sooner.
fn equal_or_early(class: Class, slot: &mut [u8], rng: &mut BenchRng) {
    let (a, b) = slot.split_at_mut(DIGEST);
    rng.fill_bytes(a);
    b.copy_from_slice(a);
    if let Class::Right = class {
        b[0] ^= 1 + rng.random::<u8>() % 255;
    }
}

/// The secret bytes behind a token: all zero (Left) or random (Right), the usual
/// dudect fixed-vs-random classes.
fn zero_or_random(class: Class, slot: &mut [u8], rng: &mut BenchRng) {
    match class {
        Class::Left => slot.fill(0),
        Class::Right => rng.fill_bytes(slot),
    }
}

/// Random bytes for both classes: the calibration, where any |t| is the harness's own.
fn random_both(_: Class, slot: &mut [u8], rng: &mut BenchRng) {
    rng.fill_bytes(slot);
}

fn compare_digest(runner: &mut CtRunner, rng: &mut BenchRng) {
    measure(runner, rng, 2 * DIGEST, equal_or_early, |s| {
        let (a, b) = s.split_at(DIGEST);
        rsecrets::compare_digest(a, b)
    });
}

fn slice_eq(runner: &mut CtRunner, rng: &mut BenchRng) {
    measure(runner, rng, 2 * DIGEST, equal_or_early, |s| {
        let (a, b) = s.split_at(DIGEST);
        leaky_eq(a, b)
    });
}

fn hex(runner: &mut CtRunner, rng: &mut BenchRng) {
    measure(runner, rng, TOKEN, zero_or_random, |s| {
        token_hex(&mut Replay::new(s), TOKEN)
    });
}

fn urlsafe(runner: &mut CtRunner, rng: &mut BenchRng) {
    measure(runner, rng, TOKEN, zero_or_random, |s| {
        token_urlsafe(&mut Replay::new(s), TOKEN)
    });
}

fn uuid(runner: &mut CtRunner, rng: &mut BenchRng) {
    measure(runner, rng, UUID, zero_or_random, |s| {
        uuid4(&mut Replay::new(s))
    });
}

fn calibrate(runner: &mut CtRunner, rng: &mut BenchRng) {
    measure(runner, rng, TOKEN, random_both, |s| {
        token_hex(&mut Replay::new(s), TOKEN)
    });
}

fn branchy(runner: &mut CtRunner, rng: &mut BenchRng) {
    measure(runner, rng, TOKEN, zero_or_random, branchy_hex);
}

fn table(runner: &mut CtRunner, rng: &mut BenchRng) {
    measure(runner, rng, TOKEN, zero_or_random, table_hex);
}
