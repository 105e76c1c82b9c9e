//! `rsecrets hash` and `rsecrets verify` through the binary: each exit code, CRLF
//! and empty input, JSON, and a hash made by argon2-cffi.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Output;

/// OWASP's (7 MiB, 5 passes): not weak, and quick.
const CHEAP: [&str; 6] = [
    "--memory",
    "7168",
    "--iterations",
    "5",
    "--parallelism",
    "1",
];

fn run(args: &[&str], stdin: &[u8]) -> Output {
    common::run_with_input(args, stdin)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn hash(stdin: &[u8]) -> String {
    let out = run(&[&["hash"][..], &CHEAP].concat(), stdin);
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8(out.stdout).unwrap().trim_end().to_owned()
}

#[test]
fn hash_then_verify_with_each_exit_code() {
    let phc = hash(b"correct horse\n");
    assert!(phc.starts_with("$argon2id$v=19$m=7168,t=5,p=1$"), "{phc}");
    // The line end is not part of the secret: LF, CRLF or none give the same match.
    for input in [
        &b"correct horse\n"[..],
        b"correct horse\r\n",
        b"correct horse",
    ] {
        let ok = run(&["verify", &phc], input);
        assert_eq!(ok.status.code(), Some(0), "{input:?}: {}", stderr(&ok));
        assert!(ok.stdout.is_empty() && ok.stderr.is_empty());
    }
    let wrong = run(&["verify", &phc], b"correct horsf\n");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(wrong.stdout.is_empty());
    assert_eq!(
        stderr(&wrong),
        "error: the secret does not match the hash\n"
    );
    // A trailing space is part of the secret.
    assert_eq!(
        run(&["verify", &phc], b"correct horse \n").status.code(),
        Some(1)
    );
    for bad in [
        "garbage",
        "$argon2id$v=19$m=7168,t=5,p=1$c2FsdA",
        "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E",
        "$argon2id$v=19$m=4294967295,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
    ] {
        let out = run(&["verify", bad], b"x\n");
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(out.stdout.is_empty());
        assert!(stderr(&out).starts_with("error: "), "{bad}");
    }
}

#[test]
fn each_hash_has_its_own_salt_and_json_gives_the_parameters() {
    assert_ne!(hash(b"pw\n"), hash(b"pw\n"));
    let out = run(&[&["hash", "--json"][..], &CHEAP].concat(), b"pw\n");
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    let phc = line.split('"').nth(3).unwrap();
    assert_eq!(
        line,
        format!(
            "{{\"hash\": \"{phc}\", \"algorithm\": \"argon2id\", \"m\": 7168, \"t\": 5, \"p\": 1}}\n"
        )
    );
    assert_eq!(run(&["verify", phc], b"pw").status.code(), Some(0));
}

#[test]
fn a_hash_from_argon2_cffi_verifies() {
    let phc = "$argon2id$v=19$m=19456,t=2,p=1$JSYnKCkqKywtLi8wMTIzNA$v+L8P1+EXLTzh/WtcYgRdRFzZFMbjv4G+zL4Oa2nsDY";
    assert_eq!(run(&["verify", phc], b"p@ssw0rd\n").status.code(), Some(0));
    assert_eq!(run(&["verify", phc], b"p@ssw0rD\n").status.code(), Some(1));
}

#[test]
fn empty_input_weak_or_impossible_costs_and_extra_flags_are_refused() {
    for input in [&b""[..], b"\n", b"\r\n"] {
        let out = run(&[&["hash"][..], &CHEAP].concat(), input);
        assert_eq!(out.status.code(), Some(1), "{input:?}");
        assert!(out.stdout.is_empty());
        assert_eq!(stderr(&out), "error: the secret is empty\n");
    }
    for args in [
        &["hash", "--memory", "1024"][..],
        &["hash", "--memory", "19455", "--iterations", "2"],
        &["hash", "--iterations", "0", "--allow-weak"],
        &["hash", "--parallelism", "65"],
        &["hash", "--memory", "4194304"],
        &["hash", "-n", "2"],
        &["verify", "-n", "2", "x"],
        &["verify", "--json", "x"],
        &["verify"],
        &["hash", "secret-on-the-command-line"],
    ] {
        let out = run(args, b"pw\n");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(stderr(&out).starts_with("error: "), "{args:?}");
    }
    // --allow-weak takes a weak cost, not an impossible one.
    let out = run(
        &[
            "hash",
            "--memory",
            "1024",
            "--iterations",
            "1",
            "--allow-weak",
        ],
        b"pw\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
}
