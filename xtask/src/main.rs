//! Project automation for rsecrets (the cargo-xtask pattern): `cargo xtask <task>`.
//!
//! - `ci`: everything CI runs, in order, ending with `proof --quick`; `.ci/run` calls
//!   exactly this.
//! - `man`: the CLI's manual page, `target/man/rsecrets.1`.
//! - `bench`: rsecrets against CPython, `rand`, `getrandom` and a local-ChaCha20
//!   floor, interleaved; prints the table and writes `docs/benchmarks.md` and
//!   `docs/benchmarks.svg`. Extra arguments go to the bench (`--rounds N`). Then,
//!   unless `--only ROW` is given, the Python package against CPython's `secrets`
//!   (`crates/rsecrets-py/bench.py`), appended to `docs/benchmarks.md`.
//! - `proof`: the checks behind the project's claims, each with a negative control;
//!   writes `docs/proof.md` (`--quick`, the short forms CI runs, and `--only` write
//!   `target/proof/quick.md`).

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

mod proof;
mod tidy;

/// The toolchain our `rust-version` promises; `ci` checks the libraries, the CLI and
/// xtask build on it.
const MSRV: &str = "1.85";

/// The feature sets the crates document besides their defaults (which the workspace
/// run covers): `no_std` without `alloc`, `alloc` without `std`, and token's `uuid`.
const FEATURE_SETS: &[(&str, &str)] = &[
    ("rsecrets-core", ""),
    ("rsecrets-token", ""),
    ("rsecrets-token", "alloc,uuid"),
    ("rsecrets-entropy", ""),
    ("rsecrets-recipes", "alloc"),
];

fn main() -> ExitCode {
    let task = env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "ci" => ci(),
        "bench" => bench(),
        "man" => man(),
        "proof" => proof::proof(&env::args().skip(2).collect::<Vec<_>>()),
        _ => {
            eprintln!(
                "usage: cargo xtask <task>\n\ntasks:\n  ci     fmt, clippy, tests, docs, MSRV, cargo-deny: what CI runs\n  bench  rsecrets vs CPython, rand, getrandom and the ChaCha20 floor, then the Python package vs CPython's secrets; writes docs/benchmarks.*\n  man    writes target/man/rsecrets.1, the CLI's manual page\n  proof  [--quick] [--only SECTION]: the checks behind the claims; writes docs/proof.md (--quick, --only: target/proof/quick.md)"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {task}: error: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T = ()> = std::result::Result<T, String>;

/// Everything CI runs, fastest feedback first.
fn ci() -> Result {
    let root = workspace_root();
    step(&root, "format", cargo(&["fmt", "--all", "--check"]))?;
    step(&root, "clippy", clippy(&["--workspace", "--all-targets"]))?;
    // Each documented feature set of the layers, linted and tested on its own.
    for (krate, features) in FEATURE_SETS {
        let mut args = vec!["-p", krate, "--no-default-features"];
        if !features.is_empty() {
            args.extend(["--features", features]);
        }
        let name = format!("{krate} with features [{features}]");
        let mut lint = args.clone();
        lint.push("--all-targets");
        step(&root, &format!("clippy: {name}"), clippy(&lint))?;
        let mut test = cargo(&["test", "--locked"]);
        test.args(&args);
        step(&root, &format!("tests: {name}"), test)?;
    }
    step(&root, "tests", cargo(&["test", "--workspace", "--locked"]))?;
    // The CLI's binary is also called `rsecrets`, and rustdoc writes it where it
    // writes the facade (cargo#6313): documented in one run, the two race for the
    // same files. So the binary is documented on its own, in its own directory.
    step(
        &root,
        "rustdoc",
        rustdoc(&["--workspace", "--exclude", "rsecrets-cli"]),
    )?;
    step(
        &root,
        "rustdoc (the CLI)",
        rustdoc(&["-p", "rsecrets-cli", "--target-dir", "target/doc-cli"]),
    )?;
    // The Python package: built into a venv by maturin, then its pytest suite
    // (CPython's own test_secrets against it, parity, fork, recipes).
    step(
        &root,
        "python package (crates/rsecrets-py/ci.sh)",
        Command::new(root.join("crates/rsecrets-py/ci.sh")),
    )?;
    msrv(&root)?;
    deny(&root)?;
    // The short forms of the proof: constant-time checks, batteries, fuzzing.
    proof::proof(&["--quick".to_owned()])?;
    println!("xtask ci: all checks passed");
    Ok(())
}

/// Builds the bench and the CLI in release mode and runs the bench.
fn bench() -> Result {
    let root = workspace_root();
    step(
        &root,
        "build (release)",
        cargo(&[
            "build",
            "--release",
            "--locked",
            "-p",
            "rsecrets-bench",
            "-p",
            "rsecrets-cli",
        ]),
    )?;
    let release = root.join("target/release");
    let args: Vec<String> = env::args().skip(2).collect();
    let mut run = Command::new(release.join("rsecrets-bench"));
    run.arg("--cli")
        .arg(release.join("rsecrets"))
        .arg("--out")
        .arg(root.join("docs"));
    run.args(&args);
    step(&root, "bench", run)?;
    if args.iter().any(|a| a == "--only") {
        return Ok(());
    }
    python_bench(&root)
}

/// The Python section of `bench`: the package built and installed into
/// `target/python-venv` (`crates/rsecrets-py/install.sh`), then `bench.py` (timeit,
/// the package against CPython's `secrets` in interleaved rounds), its table printed
/// and appended to `docs/benchmarks.md`.
fn python_bench(root: &Path) -> Result {
    let name = "python bench (crates/rsecrets-py/install.sh, bench.py)";
    println!("\n==> xtask: {name}");
    let run = |cmd: &mut Command| -> Result<String> {
        let out = cmd
            .current_dir(root)
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("{name}: cannot start: {e}"))?;
        if !out.status.success() {
            return Err(format!("{name} failed ({})", out.status));
        }
        String::from_utf8(out.stdout).map_err(|e| format!("{name}: {e}"))
    };
    let installed = run(&mut Command::new(
        root.join("crates/rsecrets-py/install.sh"),
    ))?;
    let python = installed.lines().last().unwrap_or_default().trim();
    let table = run(Command::new(python).arg(root.join("crates/rsecrets-py/bench.py")))?;
    println!("{table}");
    let path = root.join("docs/benchmarks.md");
    let mut text =
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.push_str(
        "\n## Python: the rsecrets package against CPython's `secrets`\n\n\
         `crates/rsecrets-py/bench.py` in the same `cargo xtask bench` run: each call \
         timed with `timeit` for both modules in interleaved rounds, the best round of \
         each quoted, with the median of the per-round ratios beside it. The goals are \
         the package's (`crates/rsecrets-py/README.md`).\n\n",
    );
    text.push_str(&table);
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(())
}

/// Writes the CLI's manual page, `target/man/rsecrets.1`, from its clap definition
/// (the hidden `rsecrets man`).
fn man() -> Result {
    let root = workspace_root();
    let dir = root.join("target/man");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let page = dir.join("rsecrets.1");
    let file = std::fs::File::create(&page).map_err(|e| format!("{}: {e}", page.display()))?;
    let mut run = cargo(&[
        "run",
        "--quiet",
        "--locked",
        "-p",
        "rsecrets-cli",
        "--",
        "man",
    ]);
    run.stdout(file);
    step(&root, "manual page", run)?;
    println!("wrote {}", page.display());
    Ok(())
}

/// Builds the published crates (libraries and the CLI) and xtask on the MSRV toolchain.
fn msrv(root: &Path) -> Result {
    let toolchain = format!("{MSRV}-x86_64-unknown-linux-gnu");
    let have = Command::new("rustup")
        .args(["run", &toolchain, "rustc", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        let mut install = Command::new("rustup");
        install.args(["toolchain", "install", MSRV, "--profile", "minimal"]);
        step(root, "install MSRV toolchain", install)?;
    }
    let mut check = Command::new("rustup");
    check.args([
        "run", &toolchain, "cargo", "check", "--locked", "--lib", "--bins",
    ]);
    for krate in published_crates(root)? {
        check.args(["-p", &krate]);
    }
    check.args(["-p", "xtask"]);
    // A separate target dir: artefacts of two compilers do not mix. Without the
    // AVX-512 backend (.cargo/config.toml), whose intrinsics need Rust 1.89: an empty
    // RUSTFLAGS replaces the config's flags.
    check.env("CARGO_TARGET_DIR", root.join("target/msrv"));
    check.env("RUSTFLAGS", "");
    step(root, &format!("MSRV {MSRV}"), check)
}

/// `cargo deny check bans licenses sources`, installing cargo-deny when it is missing.
/// (Advisories need a database download that CI machines cannot make.)
fn deny(root: &Path) -> Result {
    let have = Command::new("cargo")
        .args(["deny", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        step(
            root,
            "install cargo-deny",
            cargo(&["install", "--locked", "cargo-deny"]),
        )?;
    }
    step(
        root,
        "cargo deny",
        cargo(&["deny", "check", "bans", "licenses", "sources"]),
    )
}

fn cargo(args: &[&str]) -> Command {
    let mut cmd = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.args(args);
    cmd
}

/// `cargo clippy --locked ARGS -- -D warnings`.
fn clippy(args: &[&str]) -> Command {
    let mut cmd = cargo(&["clippy", "--locked"]);
    cmd.args(args).args(["--", "-D", "warnings"]);
    cmd
}

/// `cargo doc --no-deps --locked ARGS`, with rustdoc's warnings as errors.
fn rustdoc(args: &[&str]) -> Command {
    let mut cmd = cargo(&["doc", "--no-deps", "--locked"]);
    cmd.args(args).env("RUSTDOCFLAGS", "-D warnings");
    cmd
}

fn step(root: &Path, name: &str, mut cmd: Command) -> Result {
    println!("\n==> xtask: {name}");
    let status = cmd
        .current_dir(root)
        .status()
        .map_err(|e| format!("{name}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{name} failed ({status})"))
    }
}

fn workspace_root() -> PathBuf {
    // xtask lives one level below the root.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The crates under `crates/`, by package name (the directory name).
fn published_crates(root: &Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    let dir = root.join("crates");
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.path().join("Cargo.toml").is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}
