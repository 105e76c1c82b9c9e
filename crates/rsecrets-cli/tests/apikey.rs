//! `rsecrets apikey`: making keys, and checking them with each exit code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Output;

use rsecrets::ApiKey;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    common::run_with_input(args, stdin)
}

fn text(bytes: &[u8]) -> &str {
    core::str::from_utf8(bytes).unwrap()
}

#[test]
fn keys_are_well_formed_and_distinct() {
    let out = run(&["apikey", "--prefix", "ghp", "-n", "50"], b"");
    assert!(out.status.success());
    let keys: Vec<&str> = text(&out.stdout).lines().collect();
    assert_eq!(keys.len(), 50);
    for key in &keys {
        assert_eq!(key.len(), 4 + 36);
        assert_eq!(ApiKey::check(key, Some("ghp")), Ok("ghp"), "{key}");
    }
    let mut unique = keys.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 50);
}

#[test]
fn json_adds_the_prefix_and_the_sha256() {
    let out = run(&["apikey", "--prefix", "acme", "--json"], b"");
    assert!(out.status.success());
    let line = text(&out.stdout);
    let secret = line.split('"').nth(3).unwrap();
    assert!(line.starts_with(&format!(r#"{{"secret": "{secret}", "entropy_bits": 178.62588931160624, "prefix": "acme", "sha256": ""#)));
    let digest = line.split('"').nth(13).unwrap();
    assert_eq!(digest.len(), 64);
    assert!(digest.bytes().all(|b| b.is_ascii_hexdigit()));
}

#[test]
fn check_exits_0_for_a_good_key_and_1_with_the_reason_otherwise() {
    let key = String::from_utf8(run(&["apikey", "--prefix", "acme"], b"").stdout).unwrap();
    let key = key.trim_end();
    let ok = run(&["apikey", "--check", key], b"");
    assert!(ok.status.success());
    assert!(ok.stdout.is_empty() && ok.stderr.is_empty());
    let with_prefix = run(&["apikey", "--check", key, "--prefix", "acme"], b"");
    assert!(with_prefix.status.success());
    // One character changed in the random part: the checksum catches it.
    let mut bad = key.as_bytes().to_vec();
    bad[7] = if bad[7] == b'a' { b'b' } else { b'a' };
    let bad = String::from_utf8(bad).unwrap();
    for (args, message) in [
        (
            vec!["apikey", "--check", &bad],
            "error: the API key's checksum does not match",
        ),
        (
            vec!["apikey", "--check", key, "--prefix", "ghp"],
            "error: the API key has another prefix",
        ),
        (
            vec!["apikey", "--check", "acme_"],
            "error: not an API key: 36 characters must follow",
        ),
        (
            vec!["apikey", "--check", "nothing"],
            "error: not an API key: no '_'",
        ),
    ] {
        let out = run(&args, b"");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(
            text(&out.stderr).starts_with(message),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn check_reads_the_key_from_stdin_with_lf_or_crlf() {
    let key = String::from_utf8(run(&["apikey", "--prefix", "k"], b"").stdout).unwrap();
    let key = key.trim_end();
    for input in [format!("{key}\n"), format!("{key}\r\n"), key.to_owned()] {
        let out = run(&["apikey", "--check", "-"], input.as_bytes());
        assert!(out.status.success(), "{input:?}: {}", text(&out.stderr));
    }
    let out = run(&["apikey", "--check", "-"], format!("{key}x\n").as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let long = vec![b'a'; 70_000];
    let out = run(&["apikey", "--check", "-"], &long);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("longer than 65536 bytes"));
    let out = run(&["apikey", "--check", "-"], b"k_\xff\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not UTF-8"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["apikey"],
        vec!["apikey", "--prefix", ""],
        vec!["apikey", "--prefix", "a_b"],
        vec!["apikey", "--prefix", "seventeen-chars-x"],
        vec!["apikey", "--prefix", "abcdefghijklmnopq"],
        vec!["apikey", "--check", "k_x", "-n", "2"],
        vec!["apikey", "--check", "k_x", "--json"],
    ] {
        let out = run(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(text(&out.stderr).starts_with("error: "), "{args:?}");
    }
}
