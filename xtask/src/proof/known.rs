//! Known answers for `FastRng` (issue 12, item 6): with a key of zeros injected, a
//! refill must be RFC 8439's ChaCha20 keystream (the next key, then the served
//! bytes). The negative control runs the same test with one key bit set, which must
//! make it fail.

use super::{Opts, Row};
use crate::{Result, cargo};

const TEST: &str = "a_refill_is_the_rfc_8439_keystream";

pub(crate) fn run(opts: &Opts) -> Result<Vec<Row>> {
    let run = |control: bool| -> Result<bool> {
        let mut test = cargo(&[
            "test",
            "--locked",
            "-q",
            "-p",
            "rsecrets-entropy",
            "--lib",
            TEST,
        ]);
        test.arg("--")
            .arg("--exact")
            .arg(format!("fast::tests::{TEST}"));
        if control {
            test.env("RSECRETS_KAT_CONTROL", "1");
        }
        let out = test
            .current_dir(&opts.root)
            .output()
            .map_err(|e| format!("cargo test: {e}"))?;
        let text = String::from_utf8_lossy(&out.stdout);
        if !text.contains("1 passed") && !text.contains("1 failed") {
            return Err(format!("the known-answer test did not run:\n{text}"));
        }
        Ok(out.status.success())
    };
    let holds = run(false)?;
    let control_flagged = !run(true)?;
    Ok(vec![Row {
        claim: "FastRng is ChaCha20 used as RFC 8439 defines it: a refill is the keystream, \
                its first 32 bytes the next key"
            .into(),
        check: "known answers: RFC 8439 A.1 #1 and #2 (zero key, blocks 0 and 1) after \
                injecting a zero key"
            .into(),
        figure: format!(
            "next key and 96 served bytes {}",
            if holds {
                "equal the vectors"
            } else {
                "**differ**"
            }
        ),
        control: format!(
            "one key bit set: {}",
            if control_flagged {
                "flagged (the test fails)"
            } else {
                "**not flagged**"
            }
        ),
        pass: holds && control_flagged,
        command: format!("cargo test -p rsecrets-entropy --lib {TEST}"),
    }])
}
