//! Where secrets go: one buffered, locked standard output for the whole run, written
//! as text lines, JSON lines or raw bytes, and wiped when the run ends.

use std::io::{self, BufWriter, Write as _};

use rsecrets::Zeroizing;

/// Large enough that a run of short secrets costs one system call per 64 KiB.
const CAPACITY: usize = 64 * 1024;

/// Standard output as a file of its own: a duplicate of descriptor 1. Rust's
/// `Stdout` reports a write to a closed or read-only descriptor 1 (EBADF) as a
/// success, which would lose the secrets silently; a `File` reports it.
#[cfg(unix)]
type Stdout = std::fs::File;
#[cfg(not(unix))]
type Stdout = io::Stdout;

/// See [`Stdout`].
#[cfg(unix)]
pub(crate) fn stdout() -> io::Result<Stdout> {
    use std::os::fd::AsFd as _;
    Ok(io::stdout().as_fd().try_clone_to_owned()?.into())
}

/// See [`Stdout`].
#[cfg(not(unix))]
pub(crate) fn stdout() -> io::Result<Stdout> {
    Ok(io::stdout())
}

/// A value of an extra field of a JSON line, besides `secret` and `entropy_bits`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Field<'a> {
    /// A JSON string.
    Str(&'a str),
    /// A JSON number (exact: every `u64` we write is far below 2^53).
    Int(u64),
}

impl Field<'_> {
    /// A size as a JSON number.
    pub(crate) fn size(n: usize) -> Self {
        Field::Int(u64::try_from(n).unwrap_or(u64::MAX))
    }
}

/// The run's standard output. Its buffer holds secrets: it is wiped when the output
/// is dropped, also when a panic unwinds through the run (what was not yet written
/// is then discarded, not written).
#[derive(Debug)]
pub(crate) struct Output {
    /// `None` only once dropped.
    out: Option<BufWriter<Stdout>>,
    json: bool,
}

impl Output {
    /// Standard output for the whole run; `json` selects JSON lines.
    ///
    /// # Errors
    ///
    /// If there is no standard output to write to (a closed descriptor).
    pub(crate) fn new(json: bool) -> io::Result<Self> {
        Ok(Self {
            out: Some(BufWriter::with_capacity(CAPACITY, stdout()?)),
            json,
        })
    }

    /// The buffered writer.
    fn out(&mut self) -> io::Result<&mut BufWriter<Stdout>> {
        self.out
            .as_mut()
            .ok_or_else(|| io::Error::other("standard output was closed"))
    }

    /// Whether secrets are written as JSON lines.
    pub(crate) fn is_json(&self) -> bool {
        self.json
    }

    /// Writes one secret as a line: the secret itself, or with `--json` the object
    /// `{"secret": …, "entropy_bits": …, <fields>}`.
    ///
    /// The JSON is written straight into the output buffer (serde_json escapes and
    /// formats each value), so no copy of the secret is left in memory that is not
    /// wiped, and nothing is allocated.
    pub(crate) fn secret(
        &mut self,
        secret: &str,
        entropy_bits: f64,
        fields: &[(&str, Field<'_>)],
    ) -> io::Result<()> {
        let json = self.json;
        let out = self.out()?;
        if !json {
            out.write_all(secret.as_bytes())?;
            return out.write_all(b"\n");
        }
        out.write_all(b"{\"secret\": ")?;
        serde_json::to_writer(&mut *out, secret)?;
        self.json_rest(entropy_bits, fields)
    }

    /// [`secret`](Self::secret) for a secret of ASCII digits, given as bytes with a
    /// newline after them (`line`): a text line is written in one piece, and neither
    /// form needs a UTF-8 check or escaping.
    pub(crate) fn digits(
        &mut self,
        line: &[u8],
        entropy_bits: f64,
        fields: &[(&str, Field<'_>)],
    ) -> io::Result<()> {
        debug_assert!(line.ends_with(b"\n"));
        let digits = &line[..line.len().saturating_sub(1)];
        debug_assert!(digits.iter().all(u8::is_ascii_digit));
        let json = self.json;
        let out = self.out()?;
        if !json {
            return out.write_all(line);
        }
        out.write_all(b"{\"secret\": \"")?;
        out.write_all(digits)?;
        out.write_all(b"\"")?;
        self.json_rest(entropy_bits, fields)
    }

    /// The rest of a JSON line after its secret: `entropy_bits`, the fields, `}`.
    fn json_rest(&mut self, entropy_bits: f64, fields: &[(&str, Field<'_>)]) -> io::Result<()> {
        let out = self.out()?;
        out.write_all(b", \"entropy_bits\": ")?;
        serde_json::to_writer(&mut *out, &entropy_bits)?;
        for (key, value) in fields {
            out.write_all(b", ")?;
            serde_json::to_writer(&mut *out, key)?;
            out.write_all(b": ")?;
            match value {
                Field::Str(s) => serde_json::to_writer(&mut *out, s)?,
                Field::Int(n) => serde_json::to_writer(&mut *out, n)?,
            }
        }
        out.write_all(b"}\n")
    }

    /// Writes raw bytes, as they are.
    pub(crate) fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out()?.write_all(bytes)
    }

    /// Flushes what is buffered; dropping `self` then wipes the buffer.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.out()?.flush()
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Some(out) = self.out.take() {
            // `into_parts` hands back the buffer's allocation without writing it;
            // `Zeroizing` wipes its whole capacity.
            let (_stdout, buffer) = out.into_parts();
            drop(Zeroizing::new(
                buffer.unwrap_or_else(io::WriterPanicked::into_inner),
            ));
            #[cfg(test)]
            tests::WIPED.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use core::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    pub(super) static WIPED: AtomicUsize = AtomicUsize::new(0);

    #[test]
    fn a_panic_in_mid_run_still_wipes_the_buffer() {
        let before = WIPED.load(Ordering::Relaxed);
        let unwound = std::panic::catch_unwind(|| {
            let mut out = Output::new(false).unwrap();
            out.secret("not written: the run panicked", 0.0, &[])
                .unwrap();
            panic!("a bug in mid-run");
        });
        assert!(unwound.is_err());
        assert_eq!(WIPED.load(Ordering::Relaxed), before + 1);
    }
}
