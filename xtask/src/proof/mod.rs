//! `cargo xtask proof [--quick] [--only SECTION]`: the checks behind the project's
//! claims, each beside a negative control it must flag. Writes one table: to
//! `docs/proof.md` after a full run, to `target/proof/quick.md` after `--quick`.
//!
//! Every section returns rows; a row passes when its check holds and its negative
//! control was flagged. A section that cannot run at all (a tool that cannot be
//! installed) is an error, never a quiet pass.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Result, cargo, step, workspace_root};

mod battery;
mod ct;
mod dudect;
mod fuzz;
mod known;
mod mutants;
mod sanitize;

/// One claim, checked.
pub(crate) struct Row {
    /// What the project claims, in a user's words.
    pub(crate) claim: String,
    /// How it is checked.
    pub(crate) check: String,
    /// What the check measured.
    pub(crate) figure: String,
    /// The deliberately broken variant and what the check said of it.
    pub(crate) control: String,
    /// The check held and the control was flagged.
    pub(crate) pass: bool,
    /// The command that reproduces the row.
    pub(crate) command: String,
}

/// What a section is asked to do.
pub(crate) struct Opts {
    /// The workspace root.
    pub(crate) root: PathBuf,
    /// `--quick`: the short forms CI runs.
    pub(crate) quick: bool,
}

/// What a "not run" row has as its check: a check this machine cannot run (a tool
/// that cannot be installed here). Such a row says why and how to run it elsewhere;
/// it neither passes nor fails the proof, and the table lists it apart.
const NOT_RUN: &str = "not run";

impl Row {
    /// A check that cannot run on this machine: `why`, and the `command` that runs it
    /// where it can.
    pub(crate) fn not_run(claim: &str, why: &str, command: &str) -> Row {
        Row {
            claim: claim.into(),
            check: NOT_RUN.into(),
            figure: why.into(),
            control: "—".into(),
            pass: false,
            command: command.into(),
        }
    }

    fn ran(&self) -> bool {
        self.check != NOT_RUN
    }
}

type Section = (&'static str, fn(&Opts) -> Result<Vec<Row>>);

const SECTIONS: &[Section] = &[
    ("known", known::run),
    ("ct", ct::run),
    ("dudect", dudect::run),
    ("battery", battery::run),
    ("fuzz", fuzz::run),
    ("sanitize", sanitize::run),
    ("mutants", mutants::run),
];

pub(crate) fn proof(args: &[String]) -> Result {
    let mut quick = false;
    let mut only = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => quick = true,
            "--only" => only = Some(args.next().ok_or("--only needs a section name")?.clone()),
            other => return Err(format!("proof: unknown argument {other:?}")),
        }
    }
    if let Some(name) = &only {
        if !SECTIONS.iter().any(|(n, _)| n == name) {
            let names: Vec<_> = SECTIONS.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "proof: no section {name:?} (sections: {})",
                names.join(", ")
            ));
        }
    }
    let opts = Opts {
        root: workspace_root(),
        quick,
    };
    let started = std::time::Instant::now();
    let mut rows = Vec::new();
    for (name, run) in SECTIONS {
        if only.as_ref().is_some_and(|o| o != name) {
            continue;
        }
        println!("\n==> proof: {name}");
        rows.extend(run(&opts)?);
    }
    let table = table(&rows, quick, &provenance(&opts.root, started.elapsed()));
    print!("{table}");
    let out = if quick || only.is_some() {
        opts.root.join("target/proof/quick.md")
    } else {
        opts.root.join("docs/proof.md")
    };
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&out, &table).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("wrote {}", out.display());
    let failed: Vec<_> = rows
        .iter()
        .filter(|r| r.ran() && !r.pass)
        .map(|r| r.claim.as_str())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} claim(s) not shown: {}",
            failed.len(),
            failed.join("; ")
        ))
    }
}

/// When, on what commit and machine, and how long: the line that dates the table.
fn provenance(root: &Path, took: std::time::Duration) -> String {
    let output = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let date = output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_else(|| "?".into());
    let commit = output("git", &["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "?".into());
    let dirty = match output("git", &["status", "--porcelain", "--untracked-files=no"]) {
        Some(changes) if changes.is_empty() => "",
        Some(_) => " with uncommitted changes",
        None => " (git status unknown)",
    };
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "an unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!(
        "Ran {date} at commit {commit}{dirty}, on {cores} cores of {cpu}, in {:.0} min \
         (installs and builds included).",
        took.as_secs_f64() / 60.0
    )
}

fn table(rows: &[Row], quick: bool, provenance: &str) -> String {
    let mut s = String::new();
    let form = if quick {
        "cargo xtask proof --quick"
    } else {
        "cargo xtask proof"
    };
    let _ = writeln!(s, "# Proof\n");
    let _ = writeln!(
        s,
        "Written by `{form}`. Each row is a claim, the check that shows it, what the check \
         measured, and a deliberately broken variant (the negative control) that the same \
         check must flag: a check that passes its control is broken. A row passes only when \
         the check holds **and** the control is flagged.\n"
    );
    let _ = writeln!(s, "{provenance}\n");
    let _ = writeln!(
        s,
        "| claim | check | figure | negative control | pass | reproduce |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|");
    for r in rows.iter().filter(|r| r.ran()) {
        let cell = |t: &str| t.replace('|', "\\|").replace('\n', "<br>");
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | `{}` |",
            cell(&r.claim),
            cell(&r.check),
            cell(&r.figure),
            cell(&r.control),
            if r.pass { "yes" } else { "**no**" },
            cell(&r.command),
        );
    }
    let not_run: Vec<_> = rows.iter().filter(|r| !r.ran()).collect();
    if !not_run.is_empty() {
        let _ = writeln!(s, "\n## Not run on this machine\n");
        for r in not_run {
            let _ = writeln!(
                s,
                "- **{}** {} Where it can run: `{}`",
                r.claim, r.figure, r.command
            );
        }
    }
    s
}

/// Builds the proof programs (`xtask/proof`) in release mode and returns the directory
/// they are in. `cfgs` are extra `--cfg` flags; a build with any gets its own target
/// directory, so it never mixes with the normal one.
pub(crate) fn build_proof_bins(opts: &Opts, cfgs: &[&str]) -> Result<PathBuf> {
    let mut build = cargo(&["build", "--release", "--locked", "-p", "rsecrets-proof"]);
    let target = if cfgs.is_empty() {
        opts.root.join("target")
    } else {
        // RUSTFLAGS replaces `.cargo/config.toml`'s flags: keep the AVX-512 backend.
        let mut flags = String::from("--cfg chacha20_avx512");
        for cfg in cfgs {
            flags.push_str(" --cfg ");
            flags.push_str(cfg);
        }
        build.env("RUSTFLAGS", flags);
        let dir = opts.root.join("target/proof").join(cfgs.join("-"));
        build.env("CARGO_TARGET_DIR", &dir);
        dir
    };
    step(&opts.root, "build the proof programs (release)", build)?;
    Ok(target.join("release"))
}

/// Whether `program` runs (`program --version` or the given probe arguments).
pub(crate) fn have(program: &str, probe: &[&str]) -> bool {
    Command::new(program).args(probe).output().is_ok()
}

/// Installs Debian packages with apt when `program` is missing (CI machines start
/// bare). An install that fails is an error: a check is never skipped in silence.
pub(crate) fn ensure_apt(root: &Path, program: &str, packages: &[&str]) -> Result {
    if have(program, &["--version"]) {
        return Ok(());
    }
    let mut update = Command::new("apt-get");
    update.args(["update", "-qq"]);
    step(root, "apt-get update", update)?;
    let mut install = Command::new("apt-get");
    install.args(["install", "-y", "-qq"]).args(packages);
    install.env("DEBIAN_FRONTEND", "noninteractive");
    step(root, &format!("install {}", packages.join(" ")), install)?;
    if have(program, &["--version"]) {
        Ok(())
    } else {
        Err(format!(
            "{program} is still missing after installing {}",
            packages.join(" ")
        ))
    }
}

/// Installs a cargo subcommand (`cargo install --locked CRATE`) when it is missing.
#[allow(dead_code)] // until every section uses it
pub(crate) fn ensure_cargo_tool(root: &Path, subcommand: &str, krate: &str) -> Result {
    let present = cargo(&[subcommand, "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if present {
        return Ok(());
    }
    step(
        root,
        &format!("install {krate}"),
        cargo(&["install", "--locked", krate]),
    )
}
