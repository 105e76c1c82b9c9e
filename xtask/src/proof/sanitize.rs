//! miri and the sanitizers (issue 12, item 7): what runs here and what cannot.
//!
//! - LeakSanitizer runs the library crates' tests (unit and integration, not the
//!   doc tests), with rustc's own LSan runtime (it ships with rust-std: nothing to
//!   install), beside a test that leaks on purpose and must be reported.
//! - AddressSanitizer (which also checks leaks) runs the same tests in the full run
//!   only, beside a program that reads one byte past a buffer.
//! - miri is not run: it ships only with nightly toolchains, and none can be
//!   fetched here. The row says so, in rustup's words; it is not a pass. (Should
//!   miri ever be installed, the section stops with an error until it runs it.)
//!
//! Both sanitizers need `-Zsanitizer`, which the stable compiler accepts with
//! `RUSTC_BOOTSTRAP=1`, and an explicit `--target`, so that build scripts and
//! proc macros are built without them. Their builds go to `target/sanitize/<flag>`,
//! their logs to `target/sanitize/<flag>.log`. (Debian's `libclang-rt-14-dev` is not
//! needed: rustc links its own `librustc-stable_rt.{lsan,asan}.a`.)

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use super::{Opts, Row};
use crate::{Result, cargo};

/// The library crates whose tests run under the sanitizers.
const CRATES: &[&str] = &[
    "rsecrets-entropy",
    "rsecrets-core",
    "rsecrets-token",
    "rsecrets-compare",
    "rsecrets-recipes",
    "rsecrets-hash",
    "rsecrets",
];

const TARGET: &str = "x86_64-unknown-linux-gnu";

/// The leak control: a test that leaks 4096 bytes, which nothing points to after.
const LEAKING_TEST: &str = r#"
#[test]
fn leaks() {
    let leaked: &'static mut [u8] = Box::leak(vec![7u8; 4096].into_boxed_slice());
    std::hint::black_box(leaked.as_ptr());
}
"#;

/// The AddressSanitizer control: a read one byte past the end of a heap buffer.
const OVERFLOWING_TEST: &str = r#"
#[test]
fn reads_past_the_end() {
    let v = vec![1u8; 16];
    let i = std::hint::black_box(16usize);
    // SAFETY: none; this is the bug AddressSanitizer must report.
    let x = unsafe { *v.as_ptr().add(i) };
    std::hint::black_box(x);
}
"#;

/// One sanitizer, what it must report, and its control.
struct Sanitizer {
    name: &'static str,
    flag: &'static str,
    /// The line every report of this sanitizer has.
    report: &'static str,
    control_source: &'static str,
    control_what: &'static str,
}

const LEAK: Sanitizer = Sanitizer {
    name: "LeakSanitizer",
    flag: "leak",
    report: "ERROR: LeakSanitizer: detected memory leaks",
    control_source: LEAKING_TEST,
    control_what: "a test that `Box::leak`s 4096 bytes",
};

const ADDRESS: Sanitizer = Sanitizer {
    name: "AddressSanitizer",
    flag: "address",
    report: "ERROR: AddressSanitizer",
    control_source: OVERFLOWING_TEST,
    control_what: "a test that reads one byte past a 16-byte heap buffer",
};

pub(crate) fn run(opts: &Opts) -> Result<Vec<Row>> {
    let mut rows = vec![miri(opts)?];
    rows.push(sanitized_tests(opts, &LEAK)?);
    if !opts.quick {
        rows.push(sanitized_tests(opts, &ADDRESS)?);
    }
    Ok(rows)
}

/// The miri row: whether miri can run here, and if not, why, in rustup's words.
fn miri(opts: &Opts) -> Result<Row> {
    let probe = cargo(&["miri", "--version"])
        .current_dir(&opts.root)
        .output()
        .map_err(|e| format!("cargo miri --version: {e}"))?;
    if probe.status.success() {
        // Not expected on a stable toolchain: if it happens, this section must grow a
        // real miri run rather than report "not run".
        return Err(format!(
            "miri is installed ({}): run it here instead of reporting it as not run",
            String::from_utf8_lossy(&probe.stdout).trim()
        ));
    }
    let mut add = Command::new("rustup");
    add.args(["component", "add", "miri"]);
    let why = match add.output() {
        Ok(out) if out.status.success() => {
            return Err(
                "rustup installed miri: run it here instead of reporting it as not run".into(),
            );
        }
        Ok(out) => first_error(&String::from_utf8_lossy(&out.stderr))
            .unwrap_or_else(|| "rustup component add miri failed".into()),
        Err(e) => format!("rustup: {e}"),
    };
    let toolchain = rustc_version(&opts.root);
    Ok(Row::not_run(
        "No undefined behaviour in the library's tests, as miri (Rust's interpreter that \
         checks every memory access and aliasing rule) would show",
        &format!(
            "miri ships only with nightly toolchains; this machine has {toolchain} and cannot \
             fetch another (`rustup component add miri`: \"{why}\"). The sanitizer rows are \
             what runs instead."
        ),
        "rustup component add miri && cargo miri test",
    ))
}

/// The library's tests under one sanitizer, beside its control.
fn sanitized_tests(opts: &Opts, san: &Sanitizer) -> Result<Row> {
    // One target directory a sanitizer: switching flags in one would rebuild it all.
    let dir = opts.root.join("target/sanitize");
    let target_dir = dir.join(san.flag);
    let rustflags = format!("--cfg chacha20_avx512 -Zsanitizer={}", san.flag);
    let control = control(&dir, san)?;

    let mut test = cargo(&["test", "--locked", "--target", TARGET, "--tests"]);
    for krate in CRATES {
        test.args(["-p", krate]);
    }
    test.current_dir(&opts.root)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("RUSTFLAGS", &rustflags)
        .env("CARGO_TARGET_DIR", &target_dir)
        .env("ASAN_OPTIONS", "detect_leaks=1");
    println!("\n==> xtask: the library's tests under {}", san.name);
    let started = Instant::now();
    let out = test
        .output()
        .map_err(|e| format!("cargo test under {}: {e}", san.name))?;
    let seconds = started.elapsed().as_secs_f64();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let log = dir.join(format!("{}.log", san.flag));
    let _ = std::fs::write(&log, &text);
    let (binaries, passed, failed) = test_counts(&text);
    let reports = text.matches(san.report).count();
    if binaries == 0 {
        return Err(format!(
            "no test ran under {} (log: {})",
            san.name,
            log.display()
        ));
    }
    let clean = out.status.success() && reports == 0 && failed == 0;
    println!(
        "{}: {binaries} test binaries, {passed} tests passed, {failed} failed, {reports} reports ({seconds:.0} s)",
        san.name
    );

    let crates = CRATES.join(", ");
    Ok(Row {
        claim: match san.flag {
            "leak" => "The library's tests leak no memory".into(),
            _ => "The library's tests make no out-of-bounds access, use after free or leak".into(),
        },
        check: format!(
            "{} (`-Zsanitizer={}`, rustc's runtime) over the unit and integration tests of \
             {crates}",
            san.name, san.flag
        ),
        figure: format!(
            "{binaries} test binaries, {passed} tests passed, {failed} failed, {reports} {} \
             reports{} ({seconds:.0} s, build included)",
            san.name,
            if out.status.success() {
                String::new()
            } else {
                format!(
                    ", **exit {}** (log: target/sanitize/{}.log)",
                    out.status, san.flag
                )
            }
        ),
        control: format!(
            "{}, built and run the same way: {}",
            san.control_what,
            if control {
                "reported"
            } else {
                "**not reported**"
            }
        ),
        pass: clean && control,
        command: format!(
            "RUSTC_BOOTSTRAP=1 RUSTFLAGS=\"{rustflags}\" CARGO_TARGET_DIR=target/sanitize/{} \
             cargo test --target {TARGET} --tests -p {}",
            san.flag,
            CRATES.join(" -p ")
        ),
    })
}

/// Builds the control test with the sanitizer and runs it: whether the sanitizer
/// reported it (and the test binary failed).
fn control(dir: &Path, san: &Sanitizer) -> Result<bool> {
    let controls = dir.join("controls");
    std::fs::create_dir_all(&controls).map_err(|e| format!("{}: {e}", controls.display()))?;
    let source = controls.join(format!("{}.rs", san.flag));
    std::fs::write(&source, san.control_source)
        .map_err(|e| format!("{}: {e}", source.display()))?;
    let binary = controls.join(san.flag);
    let built = Command::new("rustc")
        .args(["--edition", "2024", "--test", "-g", "--target", TARGET])
        .arg(format!("-Zsanitizer={}", san.flag))
        .arg(&source)
        .arg("-o")
        .arg(&binary)
        .env("RUSTC_BOOTSTRAP", "1")
        .status()
        .map_err(|e| format!("rustc: {e}"))?;
    if !built.success() {
        return Err(format!("the {} control did not build", san.name));
    }
    let out = Command::new(&binary)
        .env("ASAN_OPTIONS", "detect_leaks=1")
        .output()
        .map_err(|e| format!("{}: {e}", binary.display()))?;
    let text = String::from_utf8_lossy(&out.stderr);
    let reported = !out.status.success() && text.contains(san.report);
    println!(
        "{} control ({}): {}",
        san.name,
        san.control_what,
        if reported { "reported" } else { "NOT reported" }
    );
    Ok(reported)
}

/// Test binaries run, tests passed and failed, from cargo test's output.
fn test_counts(text: &str) -> (usize, usize, usize) {
    let (mut binaries, mut passed, mut failed) = (0, 0, 0);
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("test result: ") else {
            continue;
        };
        binaries += 1;
        let count = |what: &str| {
            rest.split(';')
                .find_map(|part| {
                    part.trim()
                        .trim_start_matches("ok. ")
                        .trim_start_matches("FAILED. ")
                        .strip_suffix(what)
                })
                .and_then(|n| n.trim().parse::<usize>().ok())
                .unwrap_or(0)
        };
        passed += count(" passed");
        failed += count(" failed");
    }
    (binaries, passed, failed)
}

/// The first `error:` line of rustup's output, without the prefix.
fn first_error(text: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .map(str::to_owned)
}

/// `rustc --version`, or a placeholder.
fn rustc_version(root: &Path) -> String {
    Command::new("rustc")
        .arg("--version")
        .current_dir(root)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "a stable toolchain".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_tests() {
        let text = "test result: ok. 19 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 29.89s\n\
                    test result: FAILED. 3 passed; 2 failed; 0 ignored\n";
        assert_eq!(test_counts(text), (2, 22, 2));
        assert_eq!(
            first_error("info: x\nerror: component 'miri' is unavailable\n").as_deref(),
            Some("component 'miri' is unavailable")
        );
    }
}
