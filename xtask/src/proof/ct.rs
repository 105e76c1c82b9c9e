//! Constant time, checked deterministically (issue 12, item 1): the `ct` program
//! (`xtask/proof/src/bin/ct.rs`) under valgrind's memcheck, with the secret inputs
//! marked undefined. memcheck then reports every conditional jump and every memory
//! address computed from a secret: a target passes with no error at all, and each
//! negative control (slice `==`, table and branching hex encoders, a branch on a
//! `FastRng` draw) must be reported.
//!
//! The programs are built with `--cfg rsecrets_valgrind`, which makes the entropy
//! crate mark each freshly seeded `FastRng` key secret; the control that branches on
//! a draw shows that it did. memcheck is deterministic and the targets are small, so
//! `--quick` runs the whole check too.

use std::path::Path;
use std::process::Command;

use super::{Opts, Row, build_proof_bins, ensure_apt};
use crate::Result;

/// The exit code valgrind gives when memcheck reported errors.
const ERROR_EXIT: i32 = 99;
/// The build that marks `FastRng`'s keys secret.
const CFG: &str = "rsecrets_valgrind";
/// The reports that mean "a secret decided a branch or an address".
const SECRET_DEPENDENT: [&str; 2] = [
    "Conditional jump or move depends on uninitialised value(s)",
    "Use of uninitialised value",
];
/// The first lines of memcheck's error reports, for naming what it found.
const REPORTS: [&str; 5] = [
    "Conditional jump or move depends on uninitialised value(s)",
    "Use of uninitialised value",
    "Syscall param",
    "Invalid read",
    "Invalid write",
];

/// One line of `ct --list`.
struct Target {
    name: String,
    claim: String,
    control: bool,
    about: String,
}

/// What memcheck said of one target.
struct Verdict {
    /// Errors in all (memcheck's `ERROR SUMMARY`).
    errors: u64,
    /// Distinct error contexts by report, in the order first seen.
    reports: Vec<(String, usize)>,
}

impl Verdict {
    fn flagged(&self) -> bool {
        self.errors > 0
            && self
                .reports
                .iter()
                .any(|(r, _)| SECRET_DEPENDENT.iter().any(|s| r.starts_with(s)))
    }

    fn describe(&self) -> String {
        let errors = match self.errors {
            1 => "1 error".to_owned(),
            n => format!("{n} errors"),
        };
        if self.reports.is_empty() {
            return errors;
        }
        let reports: Vec<_> = self
            .reports
            .iter()
            .map(|(r, n)| format!("{n} × \"{r}\""))
            .collect();
        format!("{errors} ({})", reports.join(", "))
    }
}

/// Each claim: the `ct --list` group behind it, and the claim in a user's words.
const CLAIMS: [(&str, &str); 3] = [
    (
        "compare",
        "compare_digest, and the token digests' verify_digest and verify_keyed_digest \
         (SHA-256, HMAC-SHA-256, then compare_digest), are constant-time: no branch and no \
         memory address depends on the compared bytes, equal or not",
    ),
    (
        "token",
        "the token encoders are constant-time: token_hex, token_urlsafe (base64url), \
         token_base32, token_base32_crockford, token_base64, uuid4, Uuid7 and ids of \
         ID_ALPHABET (token_id), owned and fill_* forms, branch and address memory independently of the secret bytes",
    ),
    (
        "fastrng",
        "FastRng's draw path is constant-time: no branch and no memory address depends on \
         its key or on the bytes it serves",
    ),
];

pub(crate) fn run(opts: &Opts) -> Result<Vec<Row>> {
    ensure_apt(&opts.root, "valgrind", &["valgrind"])?;
    let ct = build_proof_bins(opts, &[CFG])?.join("ct");
    let logs = opts.root.join("target/proof/ct");
    std::fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;

    let mut checked = Vec::new();
    for target in list(&ct)? {
        let verdict = memcheck(&ct, &target.name, &logs)?;
        println!(
            "ct {:<24} {}{}",
            target.name,
            verdict.describe(),
            if target.control { " (control)" } else { "" }
        );
        checked.push((target, verdict));
    }

    let mut rows = Vec::new();
    for (group, claim) in CLAIMS {
        let (controls, targets): (Vec<_>, Vec<_>) = checked
            .iter()
            .filter(|(t, _)| t.claim == group)
            .partition(|(t, _)| t.control);
        if targets.is_empty() || controls.is_empty() {
            return Err(format!(
                "ct --list has no target or no control for {group:?}"
            ));
        }
        let clean = targets.iter().all(|(_, v)| v.errors == 0);
        let flagged = controls.iter().all(|(_, v)| v.flagged());
        let figure: Vec<_> = targets
            .iter()
            .map(|(t, v)| format!("{}: {}", t.name, v.describe()))
            .collect();
        let control: Vec<_> = controls
            .iter()
            .map(|(t, v)| {
                format!(
                    "{} ({}): {}, {}",
                    t.name,
                    t.about,
                    v.describe(),
                    if v.flagged() {
                        "flagged"
                    } else {
                        "**not flagged**"
                    }
                )
            })
            .collect();
        let what: Vec<_> = targets
            .iter()
            .map(|(t, _)| format!("{} ({})", t.name, t.about))
            .collect();
        rows.push(Row {
            claim: claim.into(),
            check: format!(
                "valgrind memcheck, secret inputs marked undefined \
                 (VALGRIND_MAKE_MEM_UNDEFINED; FastRng's key by the --cfg {CFG} build); \
                 passes with 0 errors in each of: {}. Logs: target/proof/ct/NAME.log",
                what.join("; ")
            ),
            figure: figure.join("\n"),
            control: control.join("\n"),
            pass: clean && flagged,
            command: "cargo xtask proof --only ct".into(),
        });
    }
    Ok(rows)
}

/// The targets and controls, as `ct --list` names them.
fn list(ct: &Path) -> Result<Vec<Target>> {
    let out = Command::new(ct)
        .arg("--list")
        .output()
        .map_err(|e| format!("{}: {e}", ct.display()))?;
    if !out.status.success() {
        return Err(format!("{} --list failed ({})", ct.display(), out.status));
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(
            |line| match line.split('\t').collect::<Vec<_>>().as_slice() {
                [name, claim, kind, about] => Ok(Target {
                    name: (*name).into(),
                    claim: (*claim).into(),
                    control: *kind == "control",
                    about: (*about).into(),
                }),
                _ => Err(format!("ct --list: unreadable line {line:?}")),
            },
        )
        .collect()
}

/// Runs one target under memcheck, keeps the whole output in `logs/NAME.log`, and
/// reads the error count and the kinds of report. A target that fails for another
/// reason (a panic, a refusal to run) is an error: nothing was checked.
fn memcheck(ct: &Path, name: &str, logs: &Path) -> Result<Verdict> {
    let mut cmd = Command::new("valgrind");
    cmd.args([
        "--tool=memcheck",
        &format!("--error-exitcode={ERROR_EXIT}"),
        "--leak-check=no",
        "--track-origins=yes",
        "--num-callers=30",
    ])
    .arg(ct)
    .arg(name);
    let out = cmd
        .output()
        .map_err(|e| format!("valgrind: cannot start: {e}"))?;
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    let log = logs.join(format!("{name}.log"));
    std::fs::write(
        &log,
        format!(
            "$ {cmd:?}\n{}\n--- stdout\n{stdout}--- stderr\n{stderr}",
            out.status
        ),
    )
    .map_err(|e| format!("{}: {e}", log.display()))?;
    if !matches!(out.status.code(), Some(0 | ERROR_EXIT)) {
        return Err(format!(
            "ct {name} under valgrind failed ({}); see {}",
            out.status,
            log.display()
        ));
    }
    let errors = stderr
        .lines()
        .find_map(|line| {
            let (_, rest) = line.split_once("ERROR SUMMARY: ")?;
            rest.split_whitespace().next()?.parse::<u64>().ok()
        })
        .ok_or_else(|| format!("no ERROR SUMMARY from valgrind; see {}", log.display()))?;
    let mut reports: Vec<(String, usize)> = Vec::new();
    for line in stderr.lines() {
        // `==PID== Report...`: the first line of each error context.
        let Some((_, text)) = line.split_once("== ") else {
            continue;
        };
        if !REPORTS.iter().any(|r| text.starts_with(r)) {
            continue;
        }
        match reports.iter_mut().find(|(r, _)| r == text) {
            Some((_, n)) => *n += 1,
            None => reports.push((text.to_owned(), 1)),
        }
    }
    Ok(Verdict { errors, reports })
}
