//! Raw random bytes: streamed through one small buffer, so any size works.

use rsecrets::{MAX_TOKEN_BYTES, Zeroizing};

use super::tokens::{Encoding, token};
use crate::cli::{BytesArgs, Global};
use crate::failure::Failure;
use crate::output::Output;

/// The most random bytes held in memory at once.
const CHUNK: usize = 64 * 1024;

/// `rsecrets bytes [NBYTES] | --stream`.
///
/// Without `--json`, `count` secrets of NBYTES bytes follow one another with nothing
/// between them (raw bytes have no lines). With `--json`, each is a line holding its
/// hex encoding.
pub(super) fn bytes(args: &BytesArgs, global: &Global, out: &mut Output) -> Result<(), Failure> {
    if args.stream {
        // clap refuses --stream with NBYTES; these two may come before `bytes`.
        if global.json {
            return Err(Failure::conflict("bytes", "--stream", "--json"));
        }
        if global.count.is_some() {
            return Err(Failure::conflict("bytes", "--stream", "--count <N>"));
        }
        return stream(out);
    }
    let count = global.count.unwrap_or(1);
    let nbytes = args.nbytes.unwrap_or(DEFAULT_BYTES);
    if out.is_json() {
        return json(nbytes, count, out);
    }
    // Sized for one secret when it is small, so `-n 1000000 bytes 16` stays cheap.
    let chunk_len = usize::try_from(nbytes).map_or(CHUNK, |n| n.min(CHUNK));
    let mut chunk = Zeroizing::new(vec![0u8; chunk_len]);
    for _ in 0..count {
        let mut left = nbytes;
        while left > 0 {
            let part = usize::try_from(left).map_or(chunk.len(), |n| n.min(chunk.len()));
            let buf = &mut chunk[..part];
            rsecrets::fill_bytes(buf);
            out.raw(buf)?;
            left -= part as u64;
        }
    }
    Ok(())
}

const DEFAULT_BYTES: u64 = rsecrets::DEFAULT_ENTROPY as u64;

/// `--stream`: random bytes until the reader closes the pipe (or writing fails).
fn stream(out: &mut Output) -> Result<(), Failure> {
    let mut chunk = Zeroizing::new(vec![0u8; CHUNK]);
    loop {
        rsecrets::fill_bytes(&mut chunk);
        out.raw(&chunk)?;
    }
}

/// `--json`: each secret hex-encoded on a line (as `hex` writes it), so NBYTES is
/// bounded as for `hex`.
fn json(nbytes: u64, count: u64, out: &mut Output) -> Result<(), Failure> {
    let Some(nbytes) = usize::try_from(nbytes)
        .ok()
        .filter(|&n| n <= MAX_TOKEN_BYTES)
    else {
        return Err(Failure::usage(
            "bytes",
            format!(
                "invalid value '{nbytes}' for '[NBYTES]': with --json, at most {MAX_TOKEN_BYTES} bytes"
            ),
        ));
    };
    token(Encoding::Hex, nbytes, count, out)
}
