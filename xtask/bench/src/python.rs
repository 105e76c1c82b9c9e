//! CPython's `secrets` doing the same work, timed in a python3 process that stays up
//! for the whole run, so its rounds interleave with the Rust ones.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

const DRIVER: &str = r#"
import base64, hashlib, hmac, secrets, string, sys, time, uuid, zlib
alphabet = string.ascii_letters + string.digits
ID64 = string.ascii_letters + string.digits + "_-"
words = ["w%d" % i for i in range(7776)]
a = secrets.token_bytes(32); b = bytes(a)
work = {
    "token_hex": lambda: secrets.token_hex(32),
    "token_urlsafe": lambda: secrets.token_urlsafe(32),
    "randbelow": lambda: secrets.randbelow(10**6),
    "password16": lambda: "".join(secrets.choice(alphabet) for i in range(16)),
    "passphrase6": lambda: " ".join(secrets.choice(words) for i in range(6)),
    "password10min": lambda: next(p for p in iter(lambda: "".join(secrets.choice(alphabet) for i in range(10)), None)
        if any(c.islower() for c in p) and any(c.isupper() for c in p) and sum(c.isdigit() for c in p) >= 3),
    "uuid4": lambda: str(uuid.uuid4()),
    "compare_digest": lambda: secrets.compare_digest(a, b),
    "fill_1mib": lambda: secrets.token_bytes(1 << 20),
    "id21": lambda: "".join(secrets.choice(ID64) for i in range(21)),
    "token_base32": lambda: base64.b32encode(secrets.token_bytes(32)).rstrip(b"=").decode(),
}
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
def api_key():
    body = "".join(secrets.choice(B62) for i in range(30))
    crc, sum6 = zlib.crc32(body.encode()), ""
    for i in range(6):
        crc, d = divmod(crc, 62)
        sum6 = B62[d] + sum6
    return "ghp_" + body + sum6
work["api_key"] = api_key
token = bytes(32); stored = hashlib.sha256(token).digest()
work["verify_digest"] = lambda: hmac.compare_digest(hashlib.sha256(token).digest(), stored)
try:  # argon2-cffi (libargon2) at its default, RFC 9106's 64 MiB, t=3, p=4
    import argon2
    ph = argon2.PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)
    work["argon2_hash"] = lambda: ph.hash("correct horse")
except ImportError:
    pass
for line in sys.stdin:
    name, n = line.split()
    if name not in work:  # e.g. argon2-cffi not installed
        print("-", flush=True)
        continue
    f, n = work[name], int(n)
    t = time.perf_counter_ns()
    for _ in range(n):
        f()
    print((time.perf_counter_ns() - t) / n, flush=True)
"#;

/// A running CPython timing process.
pub(crate) struct Python {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Python {
    /// Starts `python3`, or `None` if it is not installed.
    pub(crate) fn start() -> Option<Python> {
        let mut child = Command::new("python3")
            .args(["-c", DRIVER])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .ok()?;
        let stdin = child.stdin.take()?;
        let stdout = BufReader::new(child.stdout.take()?);
        Some(Python {
            child,
            stdin,
            stdout,
        })
    }

    /// ns per call of workload `name`, over `iters` calls.
    pub(crate) fn time(&mut self, name: &str, iters: u64) -> Option<f64> {
        writeln!(self.stdin, "{name} {iters}").ok()?;
        let mut line = String::new();
        self.stdout.read_line(&mut line).ok()?;
        line.trim().parse().ok()
    }
}

impl Drop for Python {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
