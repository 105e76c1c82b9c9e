//! `rsecrets`: secrets from a cryptographic random number generator on the command
//! line — tokens (hex, URL-safe, raw bytes), unbiased integers, choices, PINs, reset
//! URLs and UUIDs — as lines of text or JSON.
//!
//! The contract scripts rely on (see the README, "The two commands"): usage errors
//! exit with 2 and runtime errors with 1, both with `error: …` on standard error and
//! nothing on standard output; a closed pipe ends the program quietly with 0.
//!
//! `main` parses and maps the outcome to an exit code; [`cli`] declares the command
//! line, [`parse`] checks its values, [`commands`] makes the secrets and [`output`]
//! writes them.

#![forbid(unsafe_code)]
// Doc comments on the clap types are the --help text, where URLs stay plain.
#![allow(rustdoc::bare_urls)]

#[cfg(test)]
mod tests;

mod cli;
mod commands;
mod failure;
mod input;
mod output;
mod parse;

use core::panic::AssertUnwindSafe;
use std::io::{self, Write as _};
use std::panic;
use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    if let Some(repeated) = repeated_global(std::env::args_os().skip(1)) {
        return failure::Failure::usage("", repeated).report();
    }
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => {
            // A usage error: on stderr, exit 2. (If stderr is gone too, there is no
            // one left to tell.)
            let _ = err.print();
            return ExitCode::from(2);
        }
        // Help and version: on stdout, exit 0, or 1 if they cannot be written.
        Err(help) => return print_help(&help.render().to_string()),
    };
    // The default generator panics only if the OS cannot provide randomness: a
    // runtime error, reported as one (exit 1) rather than as a crash (101).
    panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("unexpected internal failure");
        let _ = writeln!(io::stderr(), "error: {message}");
    }));
    match panic::catch_unwind(AssertUnwindSafe(|| commands::run(cli))) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(failure)) => failure.report(),
        // The hook has said why.
        Err(_) => ExitCode::FAILURE,
    }
}

/// The options every subcommand takes, given twice: clap refuses `hex -n 3 -n 2`
/// but merges `-n 3 hex -n 2` (the later wins), so the run would not make what the
/// first one asked for. Scans the arguments up to `--`.
fn repeated_global(args: impl Iterator<Item = std::ffi::OsString>) -> Option<String> {
    let (mut count, mut json) = (0, 0);
    for arg in args {
        let arg = arg.to_string_lossy();
        match &*arg {
            "--" => break,
            "--json" => json += 1,
            "--count" => count += 1,
            a if a.starts_with("--count=") || (a.starts_with("-n") && !a.starts_with("--")) => {
                count += 1;
            }
            _ => {}
        }
    }
    let twice = |name| format!("the argument '{name}' cannot be used multiple times");
    if count > 1 {
        Some(twice("--count <N>"))
    } else if json > 1 {
        Some(twice("--json"))
    } else {
        None
    }
}

/// Writes `--help` or `--version` text to standard output, reporting a failed write.
fn print_help(text: &str) -> ExitCode {
    let written = output::stdout().and_then(|mut out| out.write_all(text.as_bytes()));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => failure::Failure::from(err).report(),
    }
}
