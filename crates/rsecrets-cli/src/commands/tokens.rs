//! Text tokens: hex, URL-safe base64 and UUIDs, each made in one buffer reused for
//! every line (nothing allocated per secret) and wiped at the end.

use rsecrets::rsecrets_token::{self, UUID4_LEN};
use rsecrets::{DefaultRng, MAX_TOKEN_BYTES, Zeroizing};

use super::byte_entropy_bits;
use crate::failure::Failure;
use crate::output::{Field, Output};

/// How a token's random bytes are written as text.
#[derive(Debug, Clone, Copy)]
pub(super) enum Encoding {
    /// Lowercase hexadecimal (`token_hex`).
    Hex,
    /// URL-safe base64 without padding (`token_urlsafe`).
    Urlsafe,
}

impl Encoding {
    /// The name given in JSON's `"encoding"`.
    fn name(self) -> &'static str {
        match self {
            Encoding::Hex => "hex",
            Encoding::Urlsafe => "base64url",
        }
    }

    /// The length of a token of `nbytes` bytes; `None` above `MAX_TOKEN_BYTES`.
    fn len(self, nbytes: usize) -> Option<usize> {
        match self {
            Encoding::Hex => rsecrets_token::hex_len(nbytes),
            Encoding::Urlsafe => rsecrets_token::urlsafe_len(nbytes),
        }
    }

    /// Writes a token of `nbytes` bytes into the start of `line`.
    fn fill<'a>(
        self,
        rng: &mut DefaultRng,
        nbytes: usize,
        line: &'a mut [u8],
    ) -> Result<&'a str, rsecrets::Error> {
        match self {
            Encoding::Hex => rsecrets_token::fill_token_hex(rng, nbytes, line),
            Encoding::Urlsafe => rsecrets_token::fill_token_urlsafe(rng, nbytes, line),
        }
    }
}

/// `rsecrets hex [NBYTES]`, `rsecrets urlsafe [NBYTES]` and `rsecrets bytes --json`:
/// tokens of NBYTES random bytes, 8·NBYTES bits.
pub(super) fn token(
    encoding: Encoding,
    nbytes: usize,
    count: u64,
    out: &mut Output,
) -> Result<(), Failure> {
    // clap keeps NBYTES within MAX_TOKEN_BYTES; the library says so again if not.
    let len = encoding.len(nbytes).ok_or(rsecrets::Error::TooLarge {
        requested: nbytes,
        max: MAX_TOKEN_BYTES,
    })?;
    let mut line = Zeroizing::new(vec![0u8; len]);
    let mut rng = rsecrets::rng();
    let bits = byte_entropy_bits(nbytes);
    let fields = [
        ("bytes", Field::size(nbytes)),
        ("encoding", Field::Str(encoding.name())),
    ];
    for _ in 0..count {
        let token = encoding.fill(&mut rng, nbytes, &mut line)?;
        out.secret(token, bits, &fields)?;
    }
    Ok(())
}

/// `rsecrets uuid`: a version 4 UUID, 122 random bits.
pub(super) fn uuid(count: u64, out: &mut Output) -> Result<(), Failure> {
    let mut line = Zeroizing::new([0u8; UUID4_LEN]);
    let mut rng = rsecrets::rng();
    let fields = [("version", Field::Int(4))];
    for _ in 0..count {
        let id = rsecrets_token::fill_uuid4(&mut rng, &mut line)?;
        out.secret(id, 122.0, &fields)?;
    }
    Ok(())
}
