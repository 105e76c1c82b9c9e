//! The commands of issue 13 through the binary: `uuid --v7`, `id`, `base32` and
//! `base64`, their output, JSON and `--bits`, and their usage errors (exit 2).
//!
//! Random outputs are checked for shape and decoded, never compared with a value.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails by panicking; the helpers here are only called from tests"
)]

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_rsecrets");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run rsecrets")
}

/// The lines of a run that must succeed quietly.
fn lines(args: &[&str]) -> Vec<String> {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {stderr}");
    assert!(out.stderr.is_empty(), "{args:?}: {stderr}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with('\n'), "{args:?}: {text:?}");
    text.lines().map(str::to_owned).collect()
}

fn line(args: &[&str]) -> String {
    let all = lines(args);
    assert_eq!(all.len(), 1, "{args:?}");
    all.into_iter().next().unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    serde_json::from_str(&line(&with_json)).unwrap()
}

/// A usage error: exit 2, nothing on stdout, `error:` on stderr.
fn usage_error(args: &[&str]) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?}");
    assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
    stderr
}

/// Decodes unpadded base32 in `alphabet` (bits most significant first), refusing
/// any other character and leftover bits that are not zero.
fn decode_base32(text: &str, alphabet: &str) -> Option<Vec<u8>> {
    let (mut acc, mut bits, mut out) = (0u32, 0, Vec::new());
    for c in text.chars() {
        acc = acc << 5 | u32::try_from(alphabet.find(c)?).ok()?;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from(acc >> bits).ok()?);
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0).then_some(out)
}

const RFC4648: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const CROCKFORD: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BASE64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Decodes padded base64, refusing anything else.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 != 0 {
        return None;
    }
    let body = text.trim_end_matches('=');
    if text.len() - body.len() > 2 {
        return None;
    }
    let (mut acc, mut bits, mut out) = (0u32, 0, Vec::new());
    for c in body.chars() {
        acc = acc << 6 | u32::try_from(BASE64.find(c)?).ok()?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from(acc >> bits).ok()?);
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0).then_some(out)
}

fn is_uuid(id: &str, version: char) -> bool {
    id.len() == 36
        && id.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            14 => c == version,
            19 => matches!(c, '8' | '9' | 'a' | 'b'),
            _ => matches!(c, '0'..='9' | 'a'..='f'),
        })
}

#[test]
fn uuid_v7_increases_within_a_run() {
    let ids = lines(&["uuid", "--v7", "-n", "5000"]);
    assert_eq!(ids.len(), 5000);
    assert!(ids.iter().all(|id| is_uuid(id, '7')), "{:?}", &ids[..3]);
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
    // The timestamp is now, to within a minute.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis();
    let ts = u128::from_str_radix(&ids[0].replace('-', "")[..12], 16).unwrap();
    assert!(ts.abs_diff(now) < 60_000, "{ts} vs {now}");

    let v = json(&["uuid", "--v7"]);
    assert_eq!(
        (v["version"].as_u64(), v["entropy_bits"].as_f64()),
        (Some(7), Some(62.0))
    );
    assert!(is_uuid(v["secret"].as_str().unwrap(), '7'));
    let v = json(&["uuid"]);
    assert_eq!(
        (v["version"].as_u64(), v["entropy_bits"].as_f64()),
        (Some(4), Some(122.0))
    );
    assert!(is_uuid(&line(&["uuid"]), '4'));
}

#[test]
fn ids() {
    let id_chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for id in lines(&["id", "-n", "50"]) {
        assert_eq!(id.len(), 21);
        assert!(id.chars().all(|c| id_chars.contains(c)), "{id}");
    }
    let v = json(&["id"]);
    assert_eq!(v["entropy_bits"].as_f64(), Some(126.0));
    assert_eq!(
        (v["length"].as_u64(), v["alphabet"].as_str()),
        (Some(21), Some(id_chars))
    );

    let runes = line(&["id", "--alphabet", "ᚠᚢᚦ", "--length", "30"]);
    assert_eq!(runes.chars().count(), 30);
    assert!(runes.chars().all(|c| "ᚠᚢᚦ".contains(c)));
    let v = json(&["id", "--alphabet", "0123456", "-l", "12"]);
    assert!((v["entropy_bits"].as_f64().unwrap() - 12.0 * 7f64.log2()).abs() < 1e-9);
    // Every character of a two-letter alphabet turns up.
    let coin = lines(&["id", "--alphabet", "HT", "-l", "64", "-n", "4"]).concat();
    assert!(coin.contains('H') && coin.contains('T'));
}

#[test]
fn id_bits_gives_the_shortest_length() {
    // 21 of 64: 126 bits; 22: 132.
    let v = json(&["id", "--bits", "126"]);
    assert_eq!(v["secret"].as_str().unwrap().len(), 21);
    let v = json(&["id", "--bits", "127"]);
    assert_eq!(
        (
            v["secret"].as_str().unwrap().len(),
            v["entropy_bits"].as_f64()
        ),
        (22, Some(132.0))
    );
    // 3 characters: log2(3) = 1.585 bits each; 81 reach 128.38, 80 do not.
    let v = json(&["id", "--alphabet", "abc", "--bits", "128"]);
    assert_eq!(v["length"].as_u64(), Some(81));
}

#[test]
fn base32_tokens() {
    for token in lines(&["base32", "-n", "20"]) {
        assert_eq!(token.len(), 52);
        assert_eq!(decode_base32(&token, RFC4648).map(|b| b.len()), Some(32));
    }
    let totp = line(&["base32", "20"]);
    assert_eq!(totp.len(), 32);
    assert_eq!(decode_base32(&totp, RFC4648).map(|b| b.len()), Some(20));
    for token in lines(&["base32", "--crockford", "-n", "20", "7"]) {
        assert_eq!(token.len(), 12);
        assert_eq!(decode_base32(&token, CROCKFORD).map(|b| b.len()), Some(7));
    }
    assert_eq!(line(&["base32", "0"]), "");
    let v = json(&["base32", "--crockford", "--bits", "100"]);
    assert_eq!(
        (
            v["bytes"].as_u64(),
            v["encoding"].as_str(),
            v["entropy_bits"].as_f64()
        ),
        (Some(13), Some("base32-crockford"), Some(104.0))
    );
    assert_eq!(json(&["base32"])["encoding"].as_str(), Some("base32"));
}

#[test]
fn base64_tokens() {
    for token in lines(&["base64", "-n", "20"]) {
        assert_eq!(token.len(), 44);
        assert!(token.ends_with('='));
        assert_eq!(decode_base64(&token).map(|b| b.len()), Some(32));
    }
    for n in ["1", "2", "3", "16", "100"] {
        let token = line(&["base64", n]);
        let n: usize = n.parse().unwrap();
        assert_eq!(token.len(), 4 * n.div_ceil(3));
        assert_eq!(decode_base64(&token).map(|b| b.len()), Some(n));
    }
    let v = json(&["base64", "--bits", "129"]);
    assert_eq!(
        (
            v["bytes"].as_u64(),
            v["encoding"].as_str(),
            v["entropy_bits"].as_f64()
        ),
        (Some(17), Some("base64"), Some(136.0))
    );
}

#[test]
fn usage_errors() {
    for args in [
        &["id", "--alphabet", ""][..],
        &["id", "--alphabet", "a"],
        &["id", "--alphabet", "abca"],
        &["id", "--alphabet", "ééa"],
        &["id", "--length", "0"],
        &["id", "--length", "-3"],
        &["id", "--length", "x"],
        &["id", "--length", "16777217"],
        &["id", "--bits", "0"],
        &["id", "--bits", "20", "--length", "5"],
        &["id", "--alphabet", "01", "--bits", "16777217"],
        &["id", "--alphabet", "a\tb"],
        &["base32", "-1"],
        &["base32", "16777217"],
        &["base32", "--bits", "20", "4"],
        &["base64", "x"],
        &["base64", "16777217"],
        &["base64", "--bits", "0"],
        &["uuid", "--v7", "7"],
        &["uuid", "--v8"],
    ] {
        usage_error(args);
    }
    let stderr = usage_error(&["id", "--alphabet", "abca"]);
    assert!(
        stderr.contains("the alphabet has 'a' more than once"),
        "{stderr}"
    );
    let stderr = usage_error(&["id", "--alphabet", "x"]);
    assert!(
        stderr.contains("at least 2 distinct characters"),
        "{stderr}"
    );
    // A control character is fine in JSON, which escapes it.
    let v = json(&["id", "--alphabet", "a\tb", "-l", "4"]);
    assert_eq!(v["secret"].as_str().map(str::len), Some(4));
}

#[test]
fn help_names_the_new_commands() {
    let help = String::from_utf8(run(&["--help"]).stdout).unwrap();
    for name in ["base32", "base64", "id", "uuid"] {
        assert!(help.contains(&format!("\n  {name} ")), "{name}: {help}");
    }
    for cmd in ["base32", "base64", "id", "uuid"] {
        let out = run(&[cmd, "--help"]);
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Entropy"),
            "{cmd}"
        );
    }
}
