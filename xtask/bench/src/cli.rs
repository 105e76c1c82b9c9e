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

/// `program` with `args`.
fn command<S: AsRef<std::ffi::OsStr>>(program: &str, args: impl IntoIterator<Item = S>) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args);
    cmd
}

/// The minimum seconds of each of two commands, run in turn for `rounds` rounds.
fn race(
    rounds: usize,
    mut first: impl FnMut() -> Command,
    mut second: impl FnMut() -> Command,
) -> (f64, f64) {
    let (mut a, mut b) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..rounds {
        if let Some(s) = seconds(&mut first()) {
            a = a.min(s);
        }
        if let Some(s) = seconds(&mut second()) {
            b = b.min(s);
        }
    }
    (a, b)
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
        let (r, p) = race(
            rounds,
            || command(bin, job.args),
            || command("python3", ["-c", job.python]),
        );
        out.push(Whole {
            what: job.what,
            command: format!("rsecrets {}", job.args.join(" ")),
            rsecrets_s: r,
            python_s: p,
        });
    }
    out
}

/// One comparison with a tool people reach for: the same work by `rsecrets` and by
/// the tool.
struct ToolJob {
    what: &'static str,
    args: &'static [&'static str],
    tool: &'static [&'static str],
}

const TOOL_JOBS: &[ToolJob] = &[
    ToolJob {
        what: "1 GiB of raw bytes",
        args: &["bytes", "1073741824"],
        tool: &["openssl", "rand", "1073741824"],
    },
    ToolJob {
        what: "16 MiB as one hex line",
        args: &["hex", "16777216"],
        tool: &["openssl", "rand", "-hex", "16777216"],
    },
    ToolJob {
        what: "100 000 passwords, 16 letters and digits",
        args: &["password", "-l", "16", "-n", "100000"],
        tool: &["pwgen", "-s", "-1", "16", "100000"],
    },
    ToolJob {
        what: "10 000 passwords, 16 with symbols",
        args: &["password", "-l", "16", "--symbols", "-n", "10000"],
        tool: &[
            "apg", "-a", "1", "-M", "SNCL", "-m", "16", "-x", "16", "-n", "10000",
        ],
    },
    ToolJob {
        what: "2 000 passphrases of 6 words",
        args: &["passphrase", "-n", "2000"],
        tool: &["xkcdpass", "-n", "6", "-c", "2000"],
    },
    ToolJob {
        what: "one random UUID (a process each)",
        args: &["uuid"],
        tool: &["uuidgen", "-r"],
    },
];

/// One comparison with a tool: minimum seconds of each side.
pub(crate) struct ToolRun {
    pub(crate) what: &'static str,
    pub(crate) command: String,
    pub(crate) tool: String,
    pub(crate) rsecrets_s: f64,
    pub(crate) tool_s: f64,
}

/// The CLI against `openssl rand`, `pwgen`, `apg`, `xkcdpass` and `uuidgen`,
/// interleaved, minimum of the rounds; a tool that is not installed is said so and
/// skipped.
pub(crate) fn compare_tools(rounds: usize) -> Vec<ToolRun> {
    let Some(bin) = BINARY.get() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for job in TOOL_JOBS {
        let (tool, tool_args) = (job.tool[0], &job.tool[1..]);
        if Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .stdout(Stdio::null())
            .status()
            .map_or(true, |s| !s.success())
        {
            eprintln!("skipping {}: `{tool}` is not installed", job.what);
            continue;
        }
        let (r, t) = race(
            rounds,
            || command(bin, job.args),
            || command(tool, tool_args),
        );
        out.push(ToolRun {
            what: job.what,
            command: format!("rsecrets {}", job.args.join(" ")),
            tool: job.tool.join(" "),
            rsecrets_s: r,
            tool_s: t,
        });
    }
    out
}
