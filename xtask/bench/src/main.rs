//! `cargo xtask bench`: rsecrets side by side with CPython's `secrets`, `rand::rng()`,
//! `getrandom` per call and the floor (a locally held `ChaCha20Rng` with the same
//! encoder, no thread-local lookup, reseeding or fork check), in one run.
//!
//! The machines this runs on swing between a quiet and a busy state for seconds at a
//! time, so the systems are interleaved in rounds and each figure is the minimum over
//! the rounds. Then the `rsecrets` CLI, as a whole process, against a CPython loop
//! doing the same work, also interleaved, minimum of the rounds.
#![forbid(unsafe_code)]
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::std_instead_of_core,
    clippy::std_instead_of_alloc,
    missing_docs
)]

use std::time::{Duration, Instant};

mod cli;
mod python;
mod report;
mod workloads;

/// Each measurement runs for about this long.
const TARGET: Duration = Duration::from_millis(4);

fn main() {
    let mut rounds = 15usize;
    let mut cli_rounds = 3usize;
    let mut out_dir = None;
    let mut only = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--cli-rounds" => {
                cli_rounds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(cli_rounds);
            }
            "--out" => out_dir = args.next(),
            "--only" => only = args.next(),
            "--cli" => cli::set_binary(args.next().expect("--cli PATH")),
            _ => {
                eprintln!(
                    "usage: rsecrets-bench [--rounds N] [--cli-rounds N] [--cli PATH] [--out DIR] [--only ROW]"
                );
                std::process::exit(2);
            }
        }
    }
    let table = library(rounds, only.as_deref());
    let (whole, tools) = if only.is_some() {
        (Vec::new(), Vec::new())
    } else {
        (cli::compare(cli_rounds), cli::compare_tools(cli_rounds))
    };
    let text = report::markdown(&table, &whole, &tools, rounds, cli_rounds);
    println!("{text}");
    if let Some(dir) = out_dir {
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).expect("create the output directory");
        std::fs::write(dir.join("benchmarks.md"), &text).expect("write benchmarks.md");
        report::svg(&table, &dir.join("benchmarks.svg"));
        eprintln!("wrote {}/benchmarks.md and benchmarks.svg", dir.display());
    }
}

/// A row's minimum ns per operation for each system (None: not measured).
pub(crate) struct Row {
    pub(crate) name: &'static str,
    pub(crate) bytes: Option<usize>,
    pub(crate) min_ns: [Option<f64>; 5],
}

fn calibrate(f: &mut dyn FnMut()) -> u64 {
    let mut n = 1u64;
    loop {
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        if t.elapsed() >= TARGET / 4 || n >= 1 << 30 {
            return (n * 4).max(1);
        }
        n *= 2;
    }
}

fn time(iters: u64, f: &mut dyn FnMut()) -> f64 {
    let t = Instant::now();
    for _ in 0..iters {
        f();
    }
    t.elapsed().as_nanos() as f64 / iters as f64
}

fn library(rounds: usize, only: Option<&str>) -> Vec<Row> {
    let mut py = python::Python::start();
    if py.is_none() {
        eprintln!("python3 not found: the CPython column stays empty");
    }
    let mut work = workloads::all();
    work.retain(|w| only.is_none_or(|o| w.name.contains(o)));
    let mut iters: Vec<[u64; 5]> = Vec::new();
    for w in &mut work {
        let mut row = [0u64; 5];
        for (i, f) in w.rust.iter_mut().enumerate() {
            if let Some(f) = f {
                row[i] = calibrate(f.as_mut());
            }
        }
        if let (Some(p), Some(key)) = (py.as_mut(), w.python) {
            let per = p.time(key, 10).unwrap_or(1e6).max(1.0);
            row[4] = ((TARGET.as_nanos() as f64 / per) as u64).max(3);
        }
        iters.push(row);
    }
    let mut rows: Vec<Row> = work
        .iter()
        .map(|w| Row {
            name: w.name,
            bytes: w.bytes,
            min_ns: [None; 5],
        })
        .collect();
    for round in 0..rounds {
        eprint!("\rround {}/{rounds}", round + 1);
        for ((w, row), n) in work.iter_mut().zip(&mut rows).zip(&iters) {
            for (i, f) in w.rust.iter_mut().enumerate() {
                if let Some(f) = f {
                    let ns = time(n[i], f.as_mut());
                    row.min_ns[i] = Some(row.min_ns[i].map_or(ns, |m: f64| m.min(ns)));
                }
            }
            if let (Some(p), Some(key)) = (py.as_mut(), w.python) {
                if let Some(ns) = p.time(key, n[4]) {
                    row.min_ns[4] = Some(row.min_ns[4].map_or(ns, |m: f64| m.min(ns)));
                }
            }
        }
    }
    eprintln!();
    rows
}
