//! The `rsecrets` CLI as a whole process against a CPython loop doing the same work,
//! both writing to /dev/null, interleaved, minimum of the rounds.

use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Instant;

static BINARY: OnceLock<String> = OnceLock::new();

pub(crate) fn set_binary(path: String) {
    let _ = BINARY.set(path);
}

/// One comparison: what is made, the CLI's arguments, and the CPython program.
struct Job {
    what: &'static str,
    args: &'static [&'static str],
    python: &'static str,
}

const JOBS: &[Job] = &[
    Job {
        what: "200 000 hex tokens",
        args: &["hex", "-n", "200000"],
        python: "import secrets,sys\nw=sys.stdout.write\nfor _ in range(200000): w(secrets.token_hex(32)+'\\n')",
    },
    Job {
        what: "200 000 urlsafe tokens",
        args: &["urlsafe", "-n", "200000"],
        python: "import secrets,sys\nw=sys.stdout.write\nfor _ in range(200000): w(secrets.token_urlsafe(32)+'\\n')",
    },
    Job {
        what: "100 000 passwords (20 of 62)",
        args: &["password", "-n", "100000"],
        python: "import secrets,string,sys\na=string.ascii_letters+string.digits\nw=sys.stdout.write\nfor _ in range(100000): w(''.join(secrets.choice(a) for i in range(20))+'\\n')",
    },
    Job {
        what: "100 000 passphrases (6 of 7776)",
        args: &["passphrase", "-n", "100000"],
        python: "import secrets,sys\nws=['w%d'%i for i in range(7776)]\nw=sys.stdout.write\nfor _ in range(100000): w(' '.join(secrets.choice(ws) for i in range(6))+'\\n')",
    },
    Job {
        what: "100 000 integers below 10^6",
        args: &["int", "1000000", "-n", "100000"],
        python: "import secrets,sys\nw=sys.stdout.write\nfor _ in range(100000): w('%d\\n' % secrets.randbelow(10**6))",
    },
    Job {
        what: "256 MiB of raw bytes",
        args: &["bytes", "268435456"],
        python: "import secrets,sys\no=sys.stdout.buffer\nfor _ in range(256): o.write(secrets.token_bytes(1<<20))",
    },
];

/// One comparison's result: minimum seconds of each side.
pub(crate) struct Whole {
    pub(crate) what: &'static str,
    pub(crate) command: String,
    pub(crate) rsecrets_s: f64,
    pub(crate) python_s: f64,
}

fn seconds(cmd: &mut Command) -> Option<f64> {
    let t = Instant::now();
    let ok = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?
        .success();
    ok.then(|| t.elapsed().as_secs_f64())
}

pub(crate) fn compare(rounds: usize) -> Vec<Whole> {
    let Some(bin) = BINARY.get() else {
        eprintln!("no --cli binary given: skipping the whole-process comparison");
        return Vec::new();
    };
    let mut out: Vec<Whole> = Vec::new();
    for job in JOBS {
        // Subcommands that do not exist yet are skipped, not failed.
        if seconds(Command::new(bin).args([job.args[0], "--help"])).is_none() {
            eprintln!("skipping `rsecrets {}`: not available", job.args.join(" "));
            continue;
        }
        let (mut r, mut p) = (f64::INFINITY, f64::INFINITY);
        for _ in 0..rounds {
            if let Some(s) = seconds(Command::new(bin).args(job.args)) {
                r = r.min(s);
            }
            if let Some(s) = seconds(Command::new("python3").args(["-c", job.python])) {
                p = p.min(s);
            }
        }
        out.push(Whole {
            what: job.what,
            command: format!("rsecrets {}", job.args.join(" ")),
            rsecrets_s: r,
            python_s: p,
        });
    }
    out
}
