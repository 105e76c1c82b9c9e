//! Mutation testing (issue 12, item 5): cargo-mutants on each library crate. A row per
//! crate: the share of viable mutants the tests catch, against the crate's threshold,
//! and every survivor explained in `docs/mutants.md` (an unexplained survivor fails
//! the row; two survivors with the same description need two entries).
//!
//! The negative control is a known-bad mutant per crate (Lemire's threshold `%` → `/`
//! in core, say) that the same run must report as caught: if it is missing from the
//! run's `caught.txt`, the run did not test what it claims to (a macro hides the code
//! from cargo-mutants, the mutant was renamed, the tests never ran), and the row fails.
//!
//! Full runs only: on 2 cores the five crates take the better part of an hour, so
//! `--quick` (CI) returns no row. The runs build with `opt-level = 1` (through
//! `CARGO_PROFILE_DEV_OPT_LEVEL`): the statistical tests then take a second instead of
//! half a minute, and overflow checks and debug assertions stay on. They build with
//! every feature, so code behind an optional feature (token's `uuid`) is mutated and
//! tested rather than compiled out and counted as a survivor.

use std::fmt::Write as _;
use std::path::Path;

use super::{Opts, Row, ensure_cargo_tool};
use crate::{Result, cargo};

/// A library crate, the share of viable mutants its tests must catch, and its control:
/// a mutant (file, cargo-mutants' description without line and column) that must be
/// caught.
struct Target {
    krate: &'static str,
    threshold: f64,
    control: (&'static str, &'static str),
    /// What the control mutant breaks, for the table.
    control_says: &'static str,
}

const TARGETS: &[Target] = &[
    Target {
        krate: "rsecrets-core",
        threshold: 95.0,
        control: (
            "crates/rsecrets-core/src/uniform.rs",
            "replace % with / in below",
        ),
        control_says: "Lemire's rejection threshold `2^bits mod n` computed with `/` (a biased sampler)",
    },
    Target {
        krate: "rsecrets-token",
        threshold: 95.0,
        control: (
            "crates/rsecrets-token/src/encode.rs",
            "replace Encoding::encode -> &'a str with \"xyzzy\"",
        ),
        control_says: "every encoded token `xyzzy`",
    },
    Target {
        krate: "rsecrets-compare",
        threshold: 95.0,
        control: (
            "crates/rsecrets-compare/src/lib.rs",
            "replace compare_digest -> bool with true",
        ),
        control_says: "`compare_digest` answering `true` for everything",
    },
    Target {
        krate: "rsecrets-entropy",
        threshold: 90.0,
        control: (
            "crates/rsecrets-entropy/src/fast.rs",
            "replace <impl TryRng for FastRng>::try_next_u32 -> Result<u32, Infallible> with Ok(1)",
        ),
        control_says: "`FastRng::try_next_u32` always 1",
    },
    Target {
        krate: "rsecrets-recipes",
        threshold: 90.0,
        control: (
            "crates/rsecrets-recipes/src/password/count.rs",
            "replace Cumulative::search -> usize with 0",
        ),
        control_says: "the password composition search always taking its first entry (a biased sampler)",
    },
];

/// What one run reported, by cargo-mutants' outcome files (`caught.txt`, …), each
/// mutant as `file: description` (line and column dropped, so a survivor's
/// explanation outlives code moving).
struct Outcome {
    caught: Vec<String>,
    missed: Vec<String>,
    timeout: Vec<String>,
    unviable: Vec<String>,
}

impl Outcome {
    fn read(dir: &Path) -> Result<Self> {
        let list = |name: &str| -> Result<Vec<String>> {
            let path = dir.join(name);
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(text.lines().filter(|l| !l.is_empty()).map(key).collect())
        };
        Ok(Outcome {
            caught: list("caught.txt")?,
            missed: list("missed.txt")?,
            timeout: list("timeout.txt")?,
            unviable: list("unviable.txt")?,
        })
    }

    /// Caught or timed out (a mutant that hangs the tests is detected), over all
    /// the mutants that built.
    fn score(&self) -> (usize, usize, f64) {
        let detected = self.caught.len() + self.timeout.len();
        let viable = detected + self.missed.len();
        #[allow(clippy::cast_precision_loss)] // counts of a few hundred
        let percent = if viable == 0 {
            0.0
        } else {
            100.0 * detected as f64 / viable as f64
        };
        (detected, viable, percent)
    }
}

/// `crates/x/src/y.rs:12:5: replace …` → `crates/x/src/y.rs: replace …`.
fn key(line: &str) -> String {
    let mut parts = line.splitn(4, ':');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(file), Some(l), Some(c), Some(rest))
            if l.chars().all(|ch| ch.is_ascii_digit())
                && c.chars().all(|ch| ch.is_ascii_digit()) =>
        {
            format!("{file}:{rest}")
        }
        _ => line.to_string(),
    }
}

pub(crate) fn run(opts: &Opts) -> Result<Vec<Row>> {
    if opts.quick {
        return Ok(Vec::new());
    }
    ensure_cargo_tool(&opts.root, "mutants", "cargo-mutants")?;
    let explained = std::fs::read_to_string(opts.root.join("docs/mutants.md"))
        .map_err(|e| format!("docs/mutants.md: {e}"))?
        // Table cells escape `|` (mutants such as `replace | with ^`).
        .replace("\\|", "|");
    let mut rows = Vec::new();
    for target in TARGETS {
        let out = opts.root.join("target/mutants").join(target.krate);
        std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let args = [
            "mutants",
            "-p",
            target.krate,
            "--all-features",
            "--jobs",
            "1",
            "--timeout-multiplier",
            "3",
            "-o",
        ];
        let mut command = cargo(&args);
        command
            .arg(&out)
            .env("CARGO_PROFILE_DEV_OPT_LEVEL", "1")
            .current_dir(&opts.root);
        println!("\n==> xtask: cargo mutants -p {} (long)", target.krate);
        let started = std::time::Instant::now();
        let status = command
            .status()
            .map_err(|e| format!("cargo mutants: cannot start: {e}"))?;
        let minutes = started.elapsed().as_secs_f64() / 60.0;
        // 0: all caught; 2: some missed; 3: some timed out. Anything else (4: the
        // unmutated tree fails its tests) means the run measured nothing.
        if !matches!(status.code(), Some(0 | 2 | 3)) {
            return Err(format!(
                "cargo mutants -p {} failed ({status})",
                target.krate
            ));
        }
        let outcome = Outcome::read(&out.join("mutants.out"))?;
        rows.push(row(target, &outcome, &explained, minutes));
    }
    Ok(rows)
}

fn row(target: &Target, outcome: &Outcome, explained: &str, minutes: f64) -> Row {
    let (detected, viable, percent) = outcome.score();
    let control = format!("{}: {}", target.control.0, target.control.1);
    let control_caught = outcome.caught.contains(&control);
    let control_seen = control_caught
        || [&outcome.missed, &outcome.timeout, &outcome.unviable]
            .iter()
            .any(|list| list.contains(&control));
    // Two mutants can share a description (two `<` in one function): each survivor
    // needs an entry of its own, so a key missed twice must be listed twice.
    let unexplained: Vec<&String> = outcome
        .missed
        .iter()
        .enumerate()
        .filter(|&(i, m)| {
            let seen = outcome.missed[..=i].iter().filter(|x| *x == m).count();
            explained.matches(&format!("`{m}`")).count() < seen
        })
        .map(|(_, m)| m)
        .collect();
    let mut figure = format!(
        "{percent:.1} % of {viable} viable mutants caught (threshold {:.0} %): {} caught, \
         {} timed out (counted as caught), {} missed; {} unviable; {minutes:.0} min",
        target.threshold,
        outcome.caught.len(),
        outcome.timeout.len(),
        outcome.missed.len(),
        outcome.unviable.len(),
    );
    if !outcome.missed.is_empty() {
        figure.push_str("\nmissed (see docs/mutants.md):");
        for m in &outcome.missed {
            figure.push('\n');
            figure.push_str(m);
        }
    }
    if !unexplained.is_empty() {
        let _ = write!(
            figure,
            "\n**{} survivor(s) not explained in docs/mutants.md**",
            unexplained.len()
        );
    }
    let verdict = if control_caught {
        "caught (flagged)"
    } else if control_seen {
        "**not caught**"
    } else {
        "**not generated**: the control names a mutant this run did not make"
    };
    Row {
        claim: format!(
            "the tests of {} notice a bug: at least {:.0} % of viable mutants caught, every \
             survivor explained",
            target.krate, target.threshold
        ),
        check: format!(
            "cargo-mutants on {}, caught (or timed out) over caught + timed out + missed",
            target.krate
        ),
        figure,
        control: format!("{} (`{control}`): {verdict}", target.control_says),
        pass: detected > 0
            && percent >= target.threshold
            && control_caught
            && unexplained.is_empty(),
        command: format!(
            "CARGO_PROFILE_DEV_OPT_LEVEL=1 cargo mutants -p {} --all-features --jobs 1 --timeout-multiplier 3 \
             -o target/mutants/{}",
            target.krate, target.krate
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_drop_line_and_column_only() {
        assert_eq!(
            key("crates/a/src/b.rs:114:42: replace % with / in below"),
            "crates/a/src/b.rs: replace % with / in below"
        );
        assert_eq!(
            key("crates/a/src/b.rs:9:5: replace f -> Option<&'a T> with None"),
            "crates/a/src/b.rs: replace f -> Option<&'a T> with None"
        );
    }

    fn outcome(caught: &[&str], missed: &[&str]) -> Outcome {
        let v = |l: &[&str]| l.iter().map(|s| (*s).to_string()).collect();
        Outcome {
            caught: v(caught),
            missed: v(missed),
            timeout: vec!["t: x".into()],
            unviable: vec!["u: y".into()],
        }
    }

    #[test]
    fn a_row_passes_only_with_the_control_caught_and_survivors_explained() {
        let target = &TARGETS[0];
        let control = format!("{}: {}", target.control.0, target.control.1);
        let mut caught: Vec<&str> = vec!["c: a"; 38];
        caught.push(&control);
        let good = outcome(&caught, &["m: survivor"]);
        assert_eq!(good.score(), (40, 41, 100.0 * 40.0 / 41.0));
        assert!(row(target, &good, "| `m: survivor` | equivalent |", 1.0).pass);
        // The survivor unexplained, the control missing, or the score too low: fail.
        assert!(!row(target, &good, "", 1.0).pass);
        let blind = outcome(&vec!["c: a"; 39], &["m: survivor"]);
        assert!(!row(target, &blind, "`m: survivor`", 1.0).pass);
        let weak = outcome(&[control.as_str()], &["m: survivor"]);
        assert!(!row(target, &weak, "`m: survivor`", 1.0).pass);
        // Two survivors with one description need two entries.
        let twice = outcome(&caught, &["m: survivor", "m: survivor"]);
        assert!(!row(target, &twice, "`m: survivor`", 1.0).pass);
        assert!(row(target, &twice, "`m: survivor` … `m: survivor`", 1.0).pass);
    }
}
