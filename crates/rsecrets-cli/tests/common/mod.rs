//! What the binary's test files share: running `rsecrets` with arguments and input.
#![allow(clippy::expect_used, reason = "a test fails by panicking")]

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_rsecrets");

/// Runs `rsecrets ARGS` with `stdin` as its standard input.
///
/// # Panics
///
/// If the binary cannot be started.
pub(crate) fn run_with_input(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start rsecrets");
    if let Some(mut pipe) = child.stdin.take() {
        // The program may stop reading early (an overlong line): a broken pipe is fine.
        let _ = pipe.write_all(stdin);
    }
    child.wait_with_output().expect("wait for rsecrets")
}
