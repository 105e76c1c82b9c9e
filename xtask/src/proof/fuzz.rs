//! Fuzzing (issue 12, item 4): the cargo-fuzz targets in `fuzz/`, each run for a
//! fixed time under libFuzzer and AddressSanitizer. A target passes when it ran
//! without a crash (a panic, a failed check, a sanitizer report, a timeout or an
//! out-of-memory). The negative control, `control`, is the `encoders` oracle on a
//! hex encoder with a chunk-boundary off-by-one: run with the same budget, it must
//! crash, or the harness cannot find what it is meant to find.
//!
//! Each run grows its corpus in `fuzz/corpus-run/<target>` (ignored by git) from the
//! committed seeds in `fuzz/corpus/<target>`; the control starts from its seeds
//! every time, so the runs it needs are a fresh search's.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use super::{Opts, Row, ensure_cargo_tool};
use crate::{Result, cargo, step};

/// The targets and the claim each checks.
const TARGETS: &[(&str, &str)] = &[
    (
        "wordlist",
        "Word lists from any bytes are an error or a list that follows the documented rules \
         (lines, trimming, NFC without invisible characters, no repeats, numbered files), \
         never a panic",
    ),
    (
        "passphrase",
        "Any passphrase recipe is refused or makes phrases of the asked number of words of \
         the list that split back in exactly one way; entropy = words × log2(distinct words)",
    ),
    (
        "password",
        "Any password policy is refused as the rules say, or makes passwords of its length, \
         alphabet and minimums; its count and entropy (log2 of the count) match an \
         independent count",
    ),
    (
        "cli",
        "The command line, given any arguments (UTF-8 or not), is an error or a parse \
         within the documented limits, never a panic",
    ),
    (
        "reset_url",
        "reset_url, for any base and parameter name, is refused as documented or is the \
         base, the right joiner and a URL-safe token of exactly the 32 bytes drawn",
    ),
    (
        "encoders",
        "token_hex, token_urlsafe and uuid4 (allocating and in place) decode, by an \
         independent decoder, to exactly the bytes drawn; small buffers and failing \
         generators are handled as documented",
    ),
];

const CONTROL: &str = "control";

/// What one libFuzzer run showed.
struct Outcome {
    /// Inputs executed.
    runs: u64,
    /// The run ended with a crash; the input that caused it, when cargo-fuzz named it.
    crash: Option<String>,
    seconds: f64,
}

pub(crate) fn run(opts: &Opts) -> Result<Vec<Row>> {
    ensure_cargo_tool(&opts.root, "fuzz", "cargo-fuzz")?;
    let dir = opts.root.join("fuzz");
    let budget = if opts.quick { 15 } else { 300 };

    let started = Instant::now();
    let build = fuzz_cargo(&dir, &["build"]);
    step(&dir, "build the fuzz targets (cargo fuzz build)", build)?;
    let build_seconds = started.elapsed().as_secs_f64();

    let control = fuzz(&dir, CONTROL, budget)?;
    let control_text = format!(
        "`{CONTROL}`: the `encoders` oracle on a hex encoder with an off-by-one on a last \
         chunk of 47 bytes, same budget: {}",
        match &control.crash {
            Some(_) => format!(
                "caught after {} runs ({:.1} s)",
                control.runs, control.seconds
            ),
            None => format!("**not caught** in {} runs", control.runs),
        }
    );
    let caught = control.crash.is_some();

    let mut rows = Vec::new();
    for (target, claim) in TARGETS {
        let outcome = fuzz(&dir, target, budget)?;
        let figure = match &outcome.crash {
            None => format!(
                "{} runs in {:.0} s, 0 crashes",
                outcome.runs, outcome.seconds
            ),
            Some(input) => format!(
                "**1 crash** after {} runs: {input} (reproduce: cargo fuzz run {target} \
                 {input})",
                outcome.runs
            ),
        };
        rows.push(Row {
            claim: (*claim).into(),
            check: format!(
                "cargo-fuzz (libFuzzer, AddressSanitizer, overflow checks) on the target \
                 `{target}`, {budget} s from the committed seeds and the corpus of earlier \
                 runs{}",
                if *target == "password" {
                    "; the independent count for policies it can walk in 2^21 steps"
                } else {
                    ""
                }
            ),
            figure,
            control: control_text.clone(),
            pass: outcome.crash.is_none() && caught,
            command: format!(
                "cd fuzz && mkdir -p corpus-run/{target} && RUSTC_BOOTSTRAP=1 cargo fuzz run \
                 {target} corpus-run/{target} corpus/{target} -- -max_total_time={budget}{}",
                if dir.join(format!("{target}.dict")).is_file() {
                    format!(" -dict={target}.dict")
                } else {
                    String::new()
                }
            ),
        });
    }
    println!(
        "fuzz: build {build_seconds:.0} s, whole section {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(rows)
}

/// `RUSTC_BOOTSTRAP=1 cargo fuzz ARGS` in `dir`: cargo-fuzz needs nightly flags
/// (`-Zsanitizer`), which the stable compiler accepts with `RUSTC_BOOTSTRAP`.
fn fuzz_cargo(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = cargo(&["fuzz"]);
    cmd.args(args).env("RUSTC_BOOTSTRAP", "1").current_dir(dir);
    cmd
}

/// Runs `target` for `seconds` and reads libFuzzer's report. An error when the run
/// could not be made or its report not read (never a quiet pass).
fn fuzz(dir: &Path, target: &str, seconds: u32) -> Result<Outcome> {
    let runs_dir = dir.join("corpus-run").join(target);
    if target == CONTROL {
        // A fresh search every time: the control's runs count from its seeds.
        let _ = std::fs::remove_dir_all(&runs_dir);
    }
    let seeds = dir.join("corpus").join(target);
    for d in [&runs_dir, &seeds] {
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    let mut cmd = fuzz_cargo(dir, &["run", target]);
    cmd.arg(&runs_dir).arg(&seeds).arg("--").args([
        format!("-max_total_time={seconds}"),
        "-print_final_stats=1".into(),
        "-timeout=10".into(),
    ]);
    let dict = dir.join(format!("{target}.dict"));
    if dict.is_file() {
        cmd.arg(format!("-dict={}", dict.display()));
    }
    println!("\n==> xtask: fuzz {target} for {seconds} s");
    let started = Instant::now();
    let out = cmd
        .output()
        .map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let log = dir.join("artifacts").join(format!("{target}.log"));
    if let Some(parent) = log.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let _ = std::fs::write(&log, &text);

    let runs = runs_of(&text).ok_or_else(|| {
        format!(
            "fuzz {target}: no run count in its report ({})",
            log.display()
        )
    })?;
    let crashed = [
        "ERROR: libFuzzer",
        "SUMMARY: libFuzzer",
        "ERROR: AddressSanitizer",
        "ERROR: LeakSanitizer",
    ]
    .iter()
    .any(|m| text.contains(m));
    let crash = match (out.status.success(), crashed) {
        (true, false) => None,
        (false, true) => Some(failing_input(&text).unwrap_or_else(|| "(not named)".into())),
        _ => {
            return Err(format!(
                "fuzz {target}: exit {} but {} crash report (log: {})",
                out.status,
                if crashed { "a" } else { "no" },
                log.display()
            ));
        }
    };
    println!(
        "fuzz {target}: {runs} runs in {seconds:.1} s, {}",
        if crash.is_some() {
            "a crash"
        } else {
            "no crash"
        }
    );
    Ok(Outcome {
        runs,
        crash,
        seconds,
    })
}

/// The inputs libFuzzer executed: `Done N runs in S second(s)` at the end of a run,
/// or `stat::number_of_executed_units: N` (`-print_final_stats`, printed on a crash).
fn runs_of(text: &str) -> Option<u64> {
    let done = text.lines().find_map(|l| {
        l.strip_prefix("Done ")?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    });
    let stat = text.lines().find_map(|l| {
        l.strip_prefix("stat::number_of_executed_units:")?
            .trim()
            .parse()
            .ok()
    });
    done.or(stat)
}

/// The crash input cargo-fuzz names (`artifacts/<target>/crash-…`), relative to `fuzz/`.
fn failing_input(text: &str) -> Option<String> {
    text.split_whitespace()
        .find(|w| w.starts_with("artifacts/") && !w.ends_with('/'))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzer_reports() {
        let done = "#2048\tpulse\nDone 26006 runs in 21 second(s)\nstat::number_of_executed_units: 26006\n";
        assert_eq!(runs_of(done), Some(26006));
        let crash = "#117\tNEW cov: 138\n==1== ERROR: libFuzzer: deadly signal\n\
                     stat::number_of_executed_units: 123\n\
                     Failing input:\n\n\tartifacts/control/crash-09df63\n";
        assert_eq!(runs_of(crash), Some(123));
        assert_eq!(
            failing_input(crash).as_deref(),
            Some("artifacts/control/crash-09df63")
        );
        assert_eq!(runs_of("error: could not compile"), None);
    }
}
