//! The table (Markdown, printed and written to docs/benchmarks.md) and the chart
//! (docs/benchmarks.svg).

use std::fmt::Write as _;
use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::Row;
use crate::cli::{ToolRun, Whole};
use crate::workloads::SYSTEMS;

const RSECRETS: usize = 0;
const FLOOR: usize = 1;
const CPYTHON: usize = 4;

fn cell(row: &Row, i: usize) -> String {
    match (row.min_ns[i], row.bytes) {
        (None, _) => "—".into(),
        (Some(ns), Some(bytes)) => format!("{:.0} MB/s", bytes as f64 / ns * 1e3),
        (Some(ns), None) if ns < 100.0 => format!("{ns:.1}"),
        (Some(ns), None) => format!("{ns:.0}"),
    }
}

fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => format!("{:.2}", a / b),
        _ => "—".into(),
    }
}

/// A table of whole-process timings: the `labels` columns, then rsecrets' seconds,
/// the `other` side's seconds, and how many times slower the other side is.
fn seconds_table<const N: usize>(
    s: &mut String,
    labels: [&str; N],
    other: &str,
    rows: impl Iterator<Item = ([String; N], f64, f64)>,
) {
    let _ = writeln!(
        s,
        "| {} | rsecrets (s) | {other} (s) | {other} / rsecrets |",
        labels.join(" | ")
    );
    let _ = writeln!(s, "|{}---:|---:|---:|", "---|".repeat(N));
    for (cells, ours, theirs) in rows {
        let _ = writeln!(
            s,
            "| {} | {ours:.3} | {theirs:.3} | {:.1} × |",
            cells.join(" | "),
            theirs / ours
        );
    }
}

pub(crate) fn markdown(
    rows: &[Row],
    whole: &[Whole],
    tools: &[ToolRun],
    rounds: usize,
    cli_rounds: usize,
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Benchmarks\n");
    let _ = writeln!(
        s,
        "Measured by `cargo xtask bench` on this project's machine (2 cores). Each figure \
         is the minimum of {rounds} interleaved rounds, in ns per operation (lower is \
         better) or MB/s (higher is better). *floor* is a locally held \
         `chacha20::ChaCha20Rng` with the same encoder and no thread-local lookup, \
         reseeding or fork check; `rand::rng()` and `getrandom` use the same encoders as \
         the floor. The last two columns are rsecrets' time over the floor's (goal ≤ 1.5, \
         ≤ 2 for randbelow; for MB/s rows, the floor's time over rsecrets') and \
         CPython's time over rsecrets'.\n"
    );
    let _ = write!(s, "| work |");
    for name in SYSTEMS {
        let _ = write!(s, " {name} |");
    }
    let _ = writeln!(s, " rsecrets / floor | CPython / rsecrets |");
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|");
    for row in rows {
        let _ = write!(s, "| {} |", row.name);
        for i in 0..SYSTEMS.len() {
            let _ = write!(s, " {} |", cell(row, i));
        }
        let vs_floor = if row.bytes.is_some() {
            ratio(row.min_ns[RSECRETS], row.min_ns[FLOOR])
                .parse::<f64>()
                .map_or("—".into(), |r| format!("{:.2} (speed {:.2})", r, 1.0 / r))
        } else {
            ratio(row.min_ns[RSECRETS], row.min_ns[FLOOR])
        };
        let _ = writeln!(
            s,
            " {vs_floor} | {} |",
            ratio(row.min_ns[CPYTHON], row.min_ns[RSECRETS])
        );
    }
    let _ = writeln!(
        s,
        "\nReading the table:\n\n\
         - The rsecrets rows pay for what the floor skips: a thread-local lookup and a \
         fork check on every call, wiping each byte handed out from the generator's \
         buffer, and, for owned results, wiping the `Zeroizing` secret when it is \
         dropped. zeroize wipes a `String`'s contents one byte at a time; the row \
         *64-char String, wiped on drop* measures that alone (rsecrets column: a \
         `Zeroizing<String>`; floor column: a plain `String`).\n\
         - `compare_digest`: the *floor* column is `subtle`'s `ct_eq` on the two slices, \
         CPython's is `secrets.compare_digest`.\n\
         - `OsRng 32 B` is one `getrandom` system call either way; the `rand::rng()` \
         column there is `rand`'s `SysRng`.\n\
         - `getrandom` rows call the OS for every operation, as CPython's `secrets` does.\n\
         - The *one-shot* rows time the calls users write (`rsecrets::password(policy)`, \
         `rsecrets::passphrase(6)`), whose *floor* column is the draw from a generator \
         built once: the goal is 1.5 times it (2 with minimums).\n\
         - *API key*: the floor draws 30 base62 characters by byte rejection from the \
         local ChaCha20 and appends the CRC-32 in 6 digits; CPython's is the same recipe \
         with `secrets.choice` and `zlib.crc32`.\n\
         - *uuid7 string*: the floor draws 16 bytes from the local ChaCha20 and stamps \
         the clock's time, version and variant, with no counter and no lock; the \
         `rand::rng()` column is the `uuid` crate's `Uuid::now_v7().to_string()` (its \
         `fast-rng` feature: rand's thread generator); CPython 3.11 has no uuid7.\n\
         - *id (21 of A-Za-z0-9-_)*: `rsecrets::token_id()`; the floor maps 21 bytes of \
         the local ChaCha20 to nanoid's 64 characters; the `rand::rng()` column is the \
         `nanoid` crate on its thread-local generator (`nanoid!(21, &SAFE, \
         rngs::thread_local)`), the `getrandom` column is plain `nanoid!()`, which seeds \
         a generator from the OS for every id; CPython's is `secrets.choice` 21 times.\n\
         - *token_base32(32)*: `base32ct` in every Rust column; CPython's is \
         `base64.b32encode(token_bytes(32))` without its padding.\n\
         - *verify_digest*: floor is `sha2` and `subtle` directly; CPython's is \
         `hashlib.sha256` and `hmac.compare_digest`.\n\
         - *Argon2id hash*: the floor column is the `argon2` crate itself with the same \
         parameters and salt size; the CPython column is argon2-cffi (libargon2, C, \
         lanes on threads) with the same parameters."
    );
    if !tools.is_empty() {
        let _ = writeln!(
            s,
            "\n## The CLI against the tools people use\n\nThe same work by `rsecrets` and by \
             the tool, both writing to /dev/null; minimum of {cli_rounds} interleaved rounds, \
             in seconds. A tool that is not installed is left out (the bench says so).\n"
        );
        let rows = tools.iter().map(|t| {
            let cells = [
                t.what.to_owned(),
                format!("`{}`", t.command),
                format!("`{}`", t.tool),
            ];
            (cells, t.rsecrets_s, t.tool_s)
        });
        seconds_table(&mut s, ["work", "rsecrets", "tool"], "tool", rows);
    }
    if !whole.is_empty() {
        let _ = writeln!(
            s,
            "\n## The CLI as a whole process\n\n`rsecrets` against a CPython loop doing \
             the same work, both writing to /dev/null; minimum of {cli_rounds} interleaved \
             rounds, in seconds.\n"
        );
        let rows = whole.iter().map(|w| {
            let cells = [w.what.to_owned(), format!("`{}`", w.command)];
            (cells, w.rsecrets_s, w.python_s)
        });
        seconds_table(&mut s, ["work", "command"], "CPython", rows);
    }
    s
}

/// A grouped bar chart of ns per operation (log scale) for the per-call rows.
pub(crate) fn svg(rows: &[Row], path: &Path) {
    let rows: Vec<&Row> = rows.iter().filter(|r| r.bytes.is_none()).collect();
    let root = SVGBackend::new(path, (1100, 540)).into_drawing_area();
    let _ = root.fill(&WHITE);
    let n = rows.len();
    let max = rows
        .iter()
        .flat_map(|r| r.min_ns.iter().flatten())
        .fold(1.0f64, |m, &x| m.max(x));
    let Ok(mut chart) = ChartBuilder::on(&root)
        .caption(
            "ns per operation (log scale, lower is better)",
            ("sans-serif", 20),
        )
        .margin(12)
        .x_label_area_size(70)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0..n as f64, (1.0f64..max * 2.0).log_scale())
    else {
        return;
    };
    // The mesh's own x labels fall on round numbers, not under each group of bars:
    // the row names are drawn below, centred on their groups, one or two lines each.
    let _ = chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_desc("ns")
        .draw();
    let label_style = TextStyle::from(("sans-serif", 12))
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for (i, row) in rows.iter().enumerate() {
        let (x, y) = chart.plotting_area().map_coordinate(&(i as f64 + 0.5, 1.0));
        for (line, text) in (0i32..).zip(label_lines(row.name)) {
            let at = (x, y + 8 + 15 * line);
            let _ = root.draw(&Text::new(text.as_str(), at, &label_style));
        }
    }
    let colours = [
        RGBColor(200, 30, 30),
        RGBColor(90, 90, 90),
        RGBColor(60, 120, 200),
        RGBColor(240, 160, 40),
        RGBColor(50, 160, 80),
    ];
    let width = 0.8 / SYSTEMS.len() as f64;
    for (s, &colour) in colours.iter().enumerate() {
        let bars = rows.iter().enumerate().filter_map(|(i, r)| {
            let v = r.min_ns[s]?;
            let x0 = i as f64 + 0.1 + s as f64 * width;
            Some(Rectangle::new(
                [(x0, 1.0), (x0 + width, v)],
                colour.filled(),
            ))
        });
        if let Ok(series) = chart.draw_series(bars) {
            series.label(SYSTEMS[s]).legend(move |(x, y)| {
                Rectangle::new([(x, y - 5), (x + 10, y + 5)], colour.filled())
            });
        }
    }
    let _ = chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperRight)
        .draw();
    let _ = root.present();
}

/// A row name as one or two lines that fit under its group of bars: split at
/// ", ", before " (" (`16-char password (62)` → `16-char password`, `(62)`), or at
/// the first space of a long name (`compare_digest`, `32 B`).
fn label_lines(name: &str) -> Vec<String> {
    if let Some((first, rest)) = name.split_once(", ") {
        return vec![first.to_owned(), rest.to_owned()];
    }
    if let Some(at) = name.find(" (") {
        return vec![name[..at].to_owned(), name[at + 1..].to_owned()];
    }
    if let Some((first, rest)) = name.split_once(' ') {
        if name.len() > 14 {
            return vec![first.to_owned(), rest.to_owned()];
        }
    }
    vec![name.to_owned()]
}
