//! The `rsecrets` binary, run as a script would run it: output formats, exit codes,
//! and a reader that closes the pipe early.
//!
//! Random outputs are checked for shape, never for value; the one test that compares
//! secrets (`count_gives_distinct_lines`) fails falsely with probability < 2^-250.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails by panicking; the helpers here are only called from tests"
)]

use core::time::Duration;
use std::io::Read as _;
use std::process::{Command, Output, Stdio};
use std::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_rsecrets");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run rsecrets")
}

/// Runs a command that must succeed quietly and returns its standard output.
fn stdout(args: &[&str]) -> Vec<u8> {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{args:?}: {:?}, stderr: {stderr}",
        out.status
    );
    assert!(out.stderr.is_empty(), "{args:?}: stderr: {stderr}");
    out.stdout
}

fn lines(args: &[&str]) -> Vec<String> {
    let text = String::from_utf8(stdout(args)).expect("UTF-8 output");
    assert!(text.ends_with('\n'), "{args:?}: {text:?}");
    text.lines().map(str::to_owned).collect()
}

/// The single line of output.
fn line(args: &[&str]) -> String {
    let mut all = lines(args);
    assert_eq!(all.len(), 1, "{args:?}: {all:?}");
    all.remove(0)
}

/// The lines of a run that succeeds with the one-line warning of a weak policy.
fn weak_lines(args: &[&str]) -> Vec<String> {
    let out = run(args);
    let stderr = String::from_utf8(out.stderr).expect("UTF-8 warning");
    assert!(out.status.success(), "{args:?}: {stderr}");
    assert!(
        stderr.starts_with("warning: this pass"),
        "{args:?}: {stderr}"
    );
    assert!(
        stderr.contains(" bits of entropy, under 64"),
        "{args:?}: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    text.lines().map(str::to_owned).collect()
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    serde_json::from_str(&line(&with_json)).expect("a JSON object")
}

fn entropy(args: &[&str]) -> f64 {
    json(args)["entropy_bits"]
        .as_f64()
        .expect("entropy_bits is a number")
}

fn is_lower_hex(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn is_urlsafe(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[test]
fn hex_tokens() {
    let token = line(&["hex"]);
    assert_eq!(token.len(), 64);
    assert!(is_lower_hex(&token), "{token}");
    assert_eq!(line(&["hex", "16"]).len(), 32);
    assert_eq!(stdout(&["hex", "0"]), b"\n");
}

#[test]
fn urlsafe_tokens() {
    let token = line(&["urlsafe"]);
    assert_eq!(token.len(), 43);
    assert!(is_urlsafe(&token), "{token}");
    let token = line(&["urlsafe", "28"]);
    assert_eq!(token.len(), 38);
    assert!(is_urlsafe(&token), "{token}");
}

#[test]
fn raw_bytes() {
    assert_eq!(stdout(&["bytes"]).len(), 32);
    assert_eq!(stdout(&["bytes", "100"]).len(), 100);
    assert_eq!(stdout(&["bytes", "0"]).len(), 0);
    assert_eq!(stdout(&["bytes", "1000000"]).len(), 1_000_000);
    // Secrets follow one another, with nothing between them.
    assert_eq!(stdout(&["bytes", "10", "-n", "3"]).len(), 30);
    let value = json(&["bytes", "16"]);
    let secret = value["secret"].as_str().expect("a string");
    assert_eq!(secret.len(), 32);
    assert!(is_lower_hex(secret), "{secret}");
    assert_eq!(value["encoding"], "hex");
    assert_eq!(value["bytes"], 16);
    assert_eq!(value["entropy_bits"], 128.0);
}

#[test]
fn integers() {
    for _ in 0..20 {
        let n: u32 = line(&["int", "10"]).parse().expect("a number");
        assert!(n < 10);
    }
    assert_eq!(line(&["int", "1"]), "0");
    let max = line(&["int", "340282366920938463463374607431768211455"]);
    assert!(max.parse::<u128>().is_ok(), "{max}");
    assert_eq!(line(&["bits", "0"]), "0");
    assert!(line(&["bits", "64"]).parse::<u64>().is_ok());
    for _ in 0..20 {
        let n: u32 = line(&["bits", "3"]).parse().expect("a number");
        assert!(n < 8);
    }
    // In JSON, integers are strings: a u128 does not fit a JSON number exactly.
    let value = json(&["int", "1024"]);
    assert!(
        value["secret"]
            .as_str()
            .expect("a string")
            .parse::<u16>()
            .unwrap()
            < 1024
    );
    assert_eq!(value["below"], "1024");
    assert_eq!(json(&["bits", "12"])["bits"], 12);
}

#[test]
fn choices() {
    for _ in 0..10 {
        let item = line(&["choice", "a", "b", "c"]);
        assert!(["a", "b", "c"].contains(&item.as_str()), "{item}");
    }
    assert_eq!(line(&["choice", "only"]), "only");
    assert_eq!(line(&["choice", "--", "-x"]), "-x");
    let value = json(&["choice", "it's", "\"quoted\""]);
    assert!(["it's", "\"quoted\""].contains(&value["secret"].as_str().unwrap()));
    assert_eq!(value["items"], 2);
}

#[test]
fn uuids() {
    for id in lines(&["uuid", "-n", "20"]) {
        let b = id.as_bytes();
        assert_eq!(b.len(), 36, "{id}");
        for (i, &c) in b.iter().enumerate() {
            match i {
                8 | 13 | 18 | 23 => assert_eq!(c, b'-', "{id}"),
                14 => assert_eq!(c, b'4', "{id}"),
                19 => assert!(b"89ab".contains(&c), "{id}"),
                _ => assert!(is_lower_hex(&id[i..=i]), "{id}"),
            }
        }
    }
}

#[test]
fn pins() {
    let code = line(&["pin"]);
    assert_eq!(code.len(), 6);
    assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");
    let code = line(&["pin", "4"]);
    assert_eq!(code.len(), 4);
    assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");
    assert_eq!(json(&["pin", "8"])["digits"], 8);
}

#[test]
fn reset_urls() {
    let prefix = "https://x.test/reset?token=";
    let url = line(&["url", "https://x.test/reset", "--param", "token"]);
    assert!(url.starts_with(prefix), "{url}");
    assert_eq!(url.len(), prefix.len() + 43);
    assert!(is_urlsafe(&url[prefix.len()..]), "{url}");
    let url = line(&["url", "https://x.test/r?user=7", "--param", "t"]);
    assert!(url.starts_with("https://x.test/r?user=7&t="), "{url}");
    // Without --param: CPython's recipe, the token appended as it is.
    let url = line(&["url", "https://x.test/reset="]);
    assert_eq!(url.len(), "https://x.test/reset=".len() + 43);
    // A parameter the base already has: a server reading the first value would get
    // an empty token.
    fails(&["url", "https://x.test/?token=", "--param", "token"], 2);
}

#[test]
fn passwords() {
    let password = line(&["password"]);
    assert_eq!(password.len(), 20);
    assert!(
        password.bytes().all(|b| b.is_ascii_alphanumeric()),
        "{password}"
    );
    let password = line(&["password", "--length", "32", "--symbols"]);
    assert_eq!(password.len(), 32);
    assert!(password.bytes().all(|b| b.is_ascii_graphic()), "{password}");
    // CPython's recipe (57.3 bits: it warns): at least one lowercase, one uppercase
    // and three digits.
    let recipe = [
        "password",
        "-l",
        "10",
        "--min-lower",
        "1",
        "--min-upper",
        "1",
        "--min-digits",
        "3",
        "-n",
        "50",
    ];
    for password in weak_lines(&recipe) {
        assert_eq!(password.len(), 10);
        assert!(
            password.bytes().any(|b| b.is_ascii_lowercase()),
            "{password}"
        );
        assert!(
            password.bytes().any(|b| b.is_ascii_uppercase()),
            "{password}"
        );
        assert!(
            password.bytes().filter(u8::is_ascii_digit).count() >= 3,
            "{password}"
        );
    }
    // 70 characters of a and B with at least 69 a: 71 passwords.
    let passwords = weak_lines(&[
        "password",
        "--alphabet",
        "Ba",
        "-l",
        "70",
        "--min-lower",
        "69",
        "-n",
        "20",
    ]);
    assert_eq!(passwords.len(), 20);
    for password in passwords {
        assert_eq!(password.len(), 70);
        assert!(password.matches('B').count() <= 1, "{password}");
    }
    let password = line(&["password", "--symbols", "--exclude-ambiguous", "-l", "200"]);
    assert!(
        !password.contains(['"', '\'', '0', '1', 'I', 'O', '`', 'l', 'o', '|']),
        "{password}"
    );
    let value = json(&["password", "--alphabet", "0123456789abcdef", "-l", "32"]);
    assert_eq!(value["entropy_bits"], 128.0);
    assert_eq!(value["length"], 32);
    assert_eq!(value["alphabet"], "0123456789abcdef");
}

#[test]
fn passphrases() {
    let phrase = line(&["passphrase"]);
    assert_eq!(phrase.split(' ').count(), 6, "{phrase}");
    let phrase = line(&[
        "passphrase",
        "--words",
        "5",
        "--separator",
        ".",
        "--capitalize",
    ]);
    let words: Vec<&str> = phrase.split('.').collect();
    assert_eq!(words.len(), 5, "{phrase}");
    assert!(
        words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase())),
        "{phrase}"
    );
    let value = json(&["passphrase"]);
    assert_eq!(value["words"], 6);
    assert_eq!(value["word_list_size"], 7776);
    let bits = value["entropy_bits"].as_f64().unwrap();
    assert!((bits - 6.0 * 7776f64.log2()).abs() < 1e-12, "{bits}");
    // A custom list: trimmed, blank lines and repeats skipped.
    let path = temp_file("words.txt", b"  red \n\ngreen\nblue\nred\nwhite\n");
    let args = [
        "passphrase",
        "--wordlist",
        path.to_str().unwrap(),
        "--words",
        "40",
    ];
    let phrase = line(&args);
    std::fs::remove_file(&path).unwrap();
    let words: Vec<&str> = phrase.split(' ').collect();
    assert_eq!(words.len(), 40, "{phrase}");
    assert!(
        words
            .iter()
            .all(|w| ["red", "green", "blue", "white"].contains(w)),
        "{phrase}"
    );
}

/// Under 64 bits, a warning on stderr; the secrets still go to stdout, exit 0.
#[test]
fn weak_policies_are_flagged_on_stderr() {
    assert_eq!(weak_lines(&["password", "-l", "8"])[0].len(), 8);
    assert_eq!(
        weak_lines(&["passphrase", "--words", "4"])[0]
            .split(' ')
            .count(),
        4
    );
    assert_eq!(
        weak_lines(&["password", "--alphabet", "x", "-l", "3"]),
        ["xxx"]
    );
    // No secret asked for, no warning (`stdout` checks that stderr is empty).
    assert!(stdout(&["password", "--alphabet", "x", "-n", "0"]).is_empty());
    // With one character, a longer password does not help: the warning says so.
    let out = run(&["password", "--alphabet", "a"]);
    let warning = String::from_utf8_lossy(&out.stderr);
    assert!(
        warning.contains("ask for more characters in --alphabet"),
        "{warning}"
    );
    // 11 characters of 62 give 65.5 bits, 5 EFF words 64.6: no warning (`line`
    // checks that stderr is empty).
    assert_eq!(line(&["password", "-l", "11"]).len(), 11);
    assert_eq!(line(&["passphrase", "--words", "5"]).split(' ').count(), 5);
}

/// Word-list files: unreadable, not UTF-8 or too few words is a runtime error
/// (exit 1) naming the file.
#[test]
fn bad_word_lists_exit_1() {
    let missing = std::env::temp_dir().join("rsecrets-cli-no-such-word-list.txt");
    let not_utf8 = temp_file("latin1.txt", b"caf\xe9\nbar\n");
    let one_word = temp_file("one.txt", b"same\n same\n\n");
    for path in [&missing, &not_utf8, &one_word] {
        let out = run(&["passphrase", "--wordlist", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.stdout.is_empty(), "{path:?}");
        assert_eq!(out.status.code(), Some(1), "{path:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains(path.to_str().unwrap()), "{stderr}");
    }
    std::fs::remove_file(&not_utf8).unwrap();
    std::fs::remove_file(&one_word).unwrap();
}

/// A file in the temporary directory that no other test (or run) uses.
fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let path = std::env::temp_dir().join(format!(
        "rsecrets-cli-{}-{nanos}-{name}",
        std::process::id()
    ));
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn count_gives_distinct_lines() {
    let tokens = lines(&["hex", "-n", "5"]);
    assert_eq!(tokens.len(), 5);
    let mut unique = tokens.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 5, "{tokens:?}");
    assert_eq!(lines(&["-n", "3", "hex"]).len(), 3);
    assert_eq!(lines(&["hex", "-n", "3"]).len(), 3);
    assert_eq!(lines(&["--count", "2", "urlsafe", "8"]).len(), 2);
    assert_eq!(lines(&["pin", "--count=4"]).len(), 4);
    assert_eq!(lines(&["--json", "-n", "2", "uuid"]).len(), 2);
    assert!(stdout(&["hex", "-n", "0"]).is_empty());
    assert!(stdout(&["bytes", "-n", "0"]).is_empty());
}

#[test]
fn json_entropy_is_exact() {
    assert_eq!(entropy(&["hex", "16"]), 128.0);
    assert_eq!(entropy(&["hex"]), 256.0);
    assert_eq!(entropy(&["urlsafe", "3"]), 24.0);
    assert_eq!(entropy(&["bytes", "2"]), 16.0);
    assert_eq!(entropy(&["int", "1024"]), 10.0);
    assert_eq!(entropy(&["int", "1"]), 0.0);
    assert_eq!(
        entropy(&["int", "340282366920938463463374607431768211455"]),
        128.0
    );
    assert_eq!(entropy(&["bits", "0"]), 0.0);
    assert_eq!(entropy(&["bits", "64"]), 64.0);
    assert_eq!(entropy(&["uuid"]), 122.0);
    assert_eq!(entropy(&["url", "https://x.test/r", "--param", "t"]), 256.0);
    assert_eq!(entropy(&["choice", "a", "b", "c", "d"]), 2.0);
    assert_eq!(entropy(&["choice", "x", "x"]), 0.0);
    // a a b: the likeliest item comes out 2 times in 3, so log2(3/2) bits (its
    // min-entropy), not the Shannon entropy's 0.918.
    let h = entropy(&["choice", "a", "a", "b"]);
    assert!((h - 0.584_962_500_721_156_2).abs() < 1e-12, "{h}");
    let h = entropy(&["pin"]);
    assert!((h - 6.0 * core::f64::consts::LOG2_10).abs() < 1e-12, "{h}");
    let value = json(&["hex", "16"]);
    assert_eq!(value["bytes"], 16);
    assert_eq!(value["secret"].as_str().unwrap().len(), 32);
}

#[test]
fn version_and_help() {
    let version = line(&["--version"]);
    assert_eq!(version, format!("rsecrets {}", env!("CARGO_PKG_VERSION")));
    let help = String::from_utf8(stdout(&["--help"])).unwrap();
    assert!(help.contains("rsecrets urlsafe 16 -n 5"), "{help}");
    for sub in [
        "hex",
        "urlsafe",
        "bytes",
        "int",
        "bits",
        "choice",
        "password",
        "passphrase",
        "url",
        "pin",
        "uuid",
    ] {
        let help = String::from_utf8(stdout(&[sub, "--help"])).unwrap();
        assert!(help.contains("bits of entropy"), "{sub}: {help}");
    }
}

/// Asserts a failure: nothing on stdout, `error:` on stderr, the given exit code.
fn fails(args: &[&str], code: i32) {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.stdout.is_empty(),
        "{args:?}: stdout {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(stderr.starts_with("error:"), "{args:?}: stderr {stderr:?}");
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &["hex", "99999999999999999999"],
        &["hex", "16777217"],
        &["urlsafe", "-1"],
        &["bits", "65"],
        &["int", "0"],
        &["int", "340282366920938463463374607431768211456"],
        &["int"],
        &["choice"],
        &["pin", "0"],
        &["pin", "1025"],
        &["url", "https://x.test/#f", "--param", "t"],
        &["url", "https://x.test/", "--param", "a b"],
        &["url", "https://x.test/", "--param", ""],
        &["bytes", "--stream", "5"],
        &["bytes", "--stream", "--json"],
        &["--json", "bytes", "--stream"],
        &["-n", "2", "bytes", "--stream"],
        &["bytes", "16777217", "--json"],
        &["nosuchcommand"],
        &["hex", "--count", "x"],
        &["hex", "-n", "-1"],
        &["password", "--length", "0"],
        &["password", "--length", "1025"],
        &["password", "--length", "129", "--min-digits", "1"],
        &[
            "password",
            "--length",
            "4",
            "--min-digits",
            "3",
            "--min-upper",
            "2",
        ],
        &["password", "--min-symbols", "1"],
        &["password", "--alphabet", ""],
        &["password", "--alphabet", "abc def"],
        &["password", "--alphabet", "abc", "--symbols"],
        &["password", "--alphabet", "abc", "--min-digits", "1"],
        &["password", "--alphabet", "01Oo", "--exclude-ambiguous"],
        &["password", "--min-lower", "-1"],
        &["passphrase", "--words", "0"],
        &["passphrase", "--words", "65"],
        &["passphrase", "--separator", ""],
        &["passphrase", "--separator", "-"],
        &["passphrase", "--wordlist"],
        &[],
    ];
    for args in cases {
        fails(args, 2);
    }
}

#[test]
fn error_messages_say_what_is_wrong() {
    let out = run(&["hex", "99999999999"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "error: invalid value '99999999999' for '[NBYTES]': at most 16777216 bytes"
        ),
        "{stderr}"
    );
}

/// Runs `args` with standard output on `stdout` and expects exit 1 with
/// `error: cannot write to standard output` on stderr.
fn fails_to_write(args: &[&str], stdout: std::fs::File) {
    let out = Command::new(BIN)
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: cannot write to standard output"),
        "{args:?}: {stderr}"
    );
    assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
}

/// A write error other than a closed pipe is a runtime error: exit 1, for secrets
/// and for `--help` and `--version` alike.
#[cfg(target_os = "linux")]
#[test]
fn write_failure_exits_1() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    for args in [
        &["hex"][..],
        &["--help"],
        &["--version"],
        &["pin", "--help"],
    ] {
        fails_to_write(args, full());
    }
}

/// Standard output open for reading only: Rust's `Stdout` would report the failed
/// write (EBADF) as a success and the secret would be lost while the exit code says
/// 0. `bytes --stream` stops instead of spinning.
#[cfg(unix)]
#[test]
fn an_unwritable_stdout_is_an_error() {
    let path = temp_file("read-only-stdout.txt", b"");
    for args in [
        &["hex"][..],
        &["bytes", "--stream"],
        &["passphrase", "-n", "3"],
    ] {
        fails_to_write(args, std::fs::File::open(&path).unwrap());
    }
}

/// Reads a few KB, closes the pipe, and expects a quiet exit 0 within seconds.
fn closed_pipe_ends_quietly(args: &[&str]) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 4096];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // The pipe's read end is dropped here.
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("{args:?} still running 10 s after the pipe closed");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "{args:?}: {status:?}, stderr: {stderr}");
    assert!(stderr.is_empty(), "{args:?}: stderr: {stderr}");
}

#[test]
fn closed_pipe_stream() {
    closed_pipe_ends_quietly(&["bytes", "--stream"]);
}

#[test]
fn closed_pipe_many_lines() {
    closed_pipe_ends_quietly(&["hex", "-n", "100000000"]);
    closed_pipe_ends_quietly(&["bytes", "100000000000"]);
}

/// In plain output every secret is one line: a line break or another control
/// character in a separator, an item, a URL or a word is refused (exit 2, or for a
/// word-list file exit 1 naming it); `--json` escapes them.
#[test]
fn control_characters_would_break_the_lines() {
    fails(
        &["passphrase", "--separator", "\n", "-w", "3", "-n", "2"],
        2,
    );
    fails(&["choice", "a\nb", "c", "-n", "2"], 2);
    fails(&["url", "https://x/\n"], 2);
    let nul = temp_file("nul.txt", b"red\ngr\0een\nblue\n");
    let out = run(&["passphrase", "--wordlist", nul.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        out.stdout.is_empty() && stderr.contains(&format!("{nul:?}")),
        "{stderr}"
    );
    // With --json they are carried, escaped.
    let value = json(&["choice", "a\nb"]);
    assert_eq!(value["secret"], "a\nb");
    assert_eq!(
        json(&["passphrase", "--separator", "\n", "-w", "5"])["words"],
        5
    );
}

/// `--separator` takes a value that looks like an option only as `--separator=…`.
#[test]
fn a_separator_that_looks_like_an_option_needs_an_equals_sign() {
    fails(&["passphrase", "--separator", "--json"], 2);
    let phrase = line(&["passphrase", "--separator=--"]);
    assert_eq!(phrase.split("--").count(), 6, "{phrase}");
}

/// `--list` picks an EFF list; `--wordlist -` reads standard input.
#[test]
fn word_lists_from_the_eff_and_from_stdin() {
    let size = |args: &[&str]| json(args)["word_list_size"].as_u64().unwrap();
    assert_eq!(size(&["passphrase"]), 7776);
    assert_eq!(
        size(&["passphrase", "--list", "eff-short", "-w", "7"]),
        1296
    );
    assert_eq!(
        size(&["passphrase", "--list", "eff-short-prefix", "-w", "7"]),
        1296
    );
    fails(&["passphrase", "--list", "eff-tiny"], 2);
    let mut child = Command::new(BIN)
        .args(["passphrase", "--wordlist", "-", "-w", "4", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut child.stdin.take().unwrap(),
        b"red\ngreen\nblue\ncyan\n",
    )
    .unwrap();
    let out = child.wait_with_output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            value["word_list_size"].as_u64(),
            value["entropy_bits"].as_f64()
        ),
        (Some(4), Some(8.0))
    );
}

/// `--capitalize` counts the words that remain distinct once capitalized, and a list
/// it collapses below two words is an unusable file (exit 1) named with the option.
#[test]
fn capitalize_counts_what_can_appear() {
    let list = temp_file("apples.txt", b"apple\nApple\nbanana\n");
    let args = [
        "passphrase",
        "--wordlist",
        list.to_str().unwrap(),
        "--capitalize",
        "-w",
        "2",
        "--json",
    ];
    // (A weak phrase: its warning goes to stderr, the JSON to stdout.)
    let value: serde_json::Value = serde_json::from_slice(&run(&args).stdout).unwrap();
    assert_eq!(
        (
            value["word_list_size"].as_u64(),
            value["entropy_bits"].as_f64()
        ),
        (Some(2), Some(2.0))
    );
    let same = temp_file("same.txt", b"apple\nApple\n");
    let out = run(&[
        "passphrase",
        "--wordlist",
        same.to_str().unwrap(),
        "--capitalize",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{same:?}")) && stderr.contains("--capitalize"),
        "{stderr}"
    );
}

/// Messages name a file in quotes (a name with a line break stays on one line), and
/// say "1 symbol", not "1 symbols".
#[test]
fn messages_quote_files_and_count_right() {
    let out = run(&["passphrase", "--wordlist", "/no/such\nlist"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("\"/no/such\\nlist\""), "{stderr}");
    let out = run(&["password", "--min-symbols", "1"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 1 symbol but"));
}

/// `-n` and `--json` go before or after the subcommand's name, once: given twice in
/// any positions they are refused, as clap refuses them twice after the name.
#[test]
fn global_options_given_twice_are_refused_in_any_position() {
    fails(&["-n", "3", "hex", "-n", "2"], 2);
    fails(&["--json", "hex", "--json"], 2);
    fails(&["hex", "-n", "3", "-n", "2"], 2);
    assert_eq!(lines(&["-n", "2", "hex"]).len(), 2);
}

/// `rsecrets help`, `help COMMAND` and `help --help` print help (exit 0); an unknown
/// command is a usage error.
#[test]
fn the_help_command_takes_help_too() {
    assert!(
        String::from_utf8(stdout(&["help", "--help"]))
            .unwrap()
            .contains("Usage: rsecrets help")
    );
    assert!(
        String::from_utf8(stdout(&["help", "hex"]))
            .unwrap()
            .starts_with("A lowercase hex token")
    );
    assert!(
        String::from_utf8(stdout(&["help"]))
            .unwrap()
            .contains("Usage: rsecrets [OPTIONS] <COMMAND>")
    );
    fails(&["help", "nosuch"], 2);
}

/// A word list with a word over 1024 bytes is an unusable file (exit 1, named): a
/// list of huge words once made a phrase allocate gigabytes and abort.
#[test]
fn a_word_list_of_huge_words_is_refused() {
    let mut huge = vec![b'x'; 5000];
    huge.extend_from_slice(b"\nshort\n");
    let list = temp_file("huge-words.txt", &huge);
    let out = run(&[
        "passphrase",
        "-w",
        "64",
        "--wordlist",
        list.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        out.stdout.is_empty() && stderr.contains(&format!("{list:?}")),
        "{stderr}"
    );
    assert!(stderr.contains("1024"), "{stderr}");
}

/// Items that look the same are one item: NFC and NFD spellings, a zero-width space.
#[test]
fn choice_items_that_look_the_same_are_one() {
    assert_eq!(entropy(&["choice", "\u{e9}", "e\u{301}"]), 0.0);
    assert_eq!(entropy(&["choice", "xy", "x\u{200b}y", "z"]), 1.5f64.log2());
    assert_eq!(json(&["choice", "e\u{301}"])["secret"], "\u{e9}");
}

/// `completions SHELL` prints a script the shell accepts; bash is checked by
/// sourcing it. `man` prints a page that `man -l` renders.
#[test]
fn completions_and_the_manual_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        assert!(!stdout(&["completions", shell]).is_empty(), "{shell}");
    }
    fails(&["completions", "tcsh"], 2);
    let script = temp_file("completions.bash", &stdout(&["completions", "bash"]));
    let bash = Command::new("bash")
        .args(["-c", &format!("source {script:?} && complete -p rsecrets")])
        .output()
        .expect("bash runs");
    let said = String::from_utf8_lossy(&bash.stdout);
    assert!(
        bash.status.success() && said.contains("_rsecrets rsecrets"),
        "{said}"
    );
    let page = temp_file("rsecrets.1", &stdout(&["man"]));
    let man = Command::new("man")
        .args(["-l", page.to_str().unwrap()])
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
        .expect("man runs (.ci/run installs man-db where it is missing)");
    let text = String::from_utf8_lossy(&man.stdout);
    assert!(
        man.status.success() && text.contains("passphrase"),
        "{text}"
    );
}
