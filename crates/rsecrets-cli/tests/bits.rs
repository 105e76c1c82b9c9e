//! `--bits B`: the smallest size whose exact entropy reaches B bits.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_rsecrets");

/// The JSON line of one secret: (secret, entropy_bits).
fn made(args: &[&str]) -> (String, f64) {
    let out = Command::new(BIN).args(args).arg("--json").output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8(out.stdout).unwrap();
    let secret = line.split('"').nth(3).unwrap().to_owned();
    let bits = line.split("\"entropy_bits\": ").nth(1).unwrap();
    let bits = bits.split([',', '}']).next().unwrap().parse().unwrap();
    (secret, bits)
}

#[test]
fn the_issues_examples() {
    let (password, bits) = made(&["password", "--bits", "128"]);
    assert_eq!((password.len(), bits), (22, 22.0 * 62f64.log2()));
    let (phrase, _) = made(&["passphrase", "--bits", "100"]);
    assert_eq!(phrase.split(' ').count(), 8);
    let (hex, bits) = made(&["hex", "--bits", "129"]);
    assert_eq!((hex.len(), bits), (34, 136.0));
}

#[test]
fn the_size_is_the_smallest_that_reaches() {
    // 21 alphanumerics: 125.04 bits; 22: 130.99.
    assert_eq!(made(&["password", "--bits", "125"]).0.len(), 21);
    assert_eq!(made(&["password", "--bits", "126"]).0.len(), 22);
    // 16 bytes: 128 bits, 22 base64url characters; 17 bytes for 129.
    assert_eq!(made(&["urlsafe", "--bits", "128"]).0.len(), 22);
    assert_eq!(made(&["urlsafe", "--bits", "129"]).0.len(), 23);
    assert_eq!(made(&["hex", "--bits", "1"]).0.len(), 2);
    // 7 EFF words: 90.47 bits; 8: 103.4.
    assert_eq!(
        made(&["passphrase", "--bits", "90"]).0.split(' ').count(),
        7
    );
    assert_eq!(
        made(&["passphrase", "--bits", "91"]).0.split(' ').count(),
        8
    );
    // Minimums lower the count: the length is found from the exact figure.
    let (p, bits) = made(&["password", "--bits", "40", "--min-digits", "6"]);
    assert!(bits >= 40.0, "{bits}");
    let (shorter, less) = made(&[
        "password",
        "--length",
        &(p.len() - 1).to_string(),
        "--min-digits",
        "6",
    ]);
    assert!(less < 40.0 && shorter.len() + 1 == p.len(), "{less}");
}

#[test]
fn impossible_or_conflicting_bits_are_usage_errors() {
    for args in [
        &["password", "--bits", "0"][..],
        &["password", "--bits", "5000", "--min-digits", "1"],
        &["password", "--bits", "10", "--length", "5"],
        &["password", "--bits", "8", "--alphabet", "a"],
        &["passphrase", "--bits", "900"],
        &["passphrase", "--bits", "20", "--words", "3"],
        &["hex", "--bits", "20", "4"],
        &["urlsafe", "--bits", "134217729"],
    ] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(
            String::from_utf8_lossy(&out.stderr).starts_with("error: "),
            "{args:?}"
        );
    }
}
