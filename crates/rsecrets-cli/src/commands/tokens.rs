//! Text tokens: hex, URL-safe base64, base32, base64 and UUIDs, each made in one
//! buffer reused for every line (nothing allocated per secret) and wiped at the end;
//! and ids from an alphabet.

use std::time::{SystemTime, UNIX_EPOCH};

use rsecrets::rsecrets_token::{self, ID_ALPHABET, MAX_ID_LEN, UUID_LEN, Uuid7};
use rsecrets::{Alphabet, DefaultRng, MAX_TOKEN_BYTES, Zeroizing};

use super::recipes::plain_line;
use super::{byte_entropy_bits, size_for_bits};
use crate::cli::IdArgs;
use crate::failure::Failure;
use crate::output::{Field, Output};

/// How a token's random bytes are written as text.
#[derive(Debug, Clone, Copy)]
pub(super) enum Encoding {
    /// Lowercase hexadecimal (`token_hex`).
    Hex,
    /// URL-safe base64 without padding (`token_urlsafe`).
    Urlsafe,
    /// RFC 4648 base32, upper case, without padding (`token_base32`).
    Base32,
    /// Crockford's base32 (`token_base32_crockford`).
    Crockford,
    /// Standard base64 with padding (`token_base64`).
    Base64,
}

impl Encoding {
    /// The name given in JSON's `"encoding"`.
    fn name(self) -> &'static str {
        match self {
            Encoding::Hex => "hex",
            Encoding::Urlsafe => "base64url",
            Encoding::Base32 => "base32",
            Encoding::Crockford => "base32-crockford",
            Encoding::Base64 => "base64",
        }
    }

    /// The length of a token of `nbytes` bytes; `None` above `MAX_TOKEN_BYTES`.
    fn len(self, nbytes: usize) -> Option<usize> {
        match self {
            Encoding::Hex => rsecrets_token::hex_len(nbytes),
            Encoding::Urlsafe => rsecrets_token::urlsafe_len(nbytes),
            Encoding::Base32 | Encoding::Crockford => rsecrets_token::base32_len(nbytes),
            Encoding::Base64 => rsecrets_token::base64_len(nbytes),
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
            Encoding::Base32 => rsecrets_token::fill_token_base32(rng, nbytes, line),
            Encoding::Crockford => rsecrets_token::fill_token_base32_crockford(rng, nbytes, line),
            Encoding::Base64 => rsecrets_token::fill_token_base64(rng, nbytes, line),
        }
    }
}

/// `rsecrets hex [NBYTES]`, `urlsafe`, `base32`, `base64` and `bytes --json`: tokens
/// of NBYTES random bytes, 8·NBYTES bits.
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

/// `rsecrets uuid [--v7]`: a version 4 UUID, 122 random bits, or a version 7 one, 62
/// random bits, each greater than the one before in the run.
pub(super) fn uuid(v7: bool, count: u64, out: &mut Output) -> Result<(), Failure> {
    let mut line = Zeroizing::new([0u8; UUID_LEN]);
    let mut rng = rsecrets::rng();
    if !v7 {
        let fields = [("version", Field::Int(4))];
        for _ in 0..count {
            let id = rsecrets_token::fill_uuid4(&mut rng, &mut line)?;
            out.secret(id, 122.0, &fields)?;
        }
        return Ok(());
    }
    let mut ids = Uuid7::new();
    let fields = [("version", Field::Int(7))];
    for _ in 0..count {
        let id = ids.fill(&mut rng, unix_ms(), &mut line)?;
        out.secret(id, 62.0, &fields)?;
    }
    Ok(())
}

/// Milliseconds since 1970 by the system clock; 0 for a clock set before 1970 (the
/// UUIDs then count on from the last one, as for any clock that steps back).
fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// `rsecrets id [--length L] [--alphabet CHARS]`: L characters drawn uniformly from
/// CHARS, L·log2(|CHARS|) bits.
pub(super) fn id(args: IdArgs, count: u64, out: &mut Output) -> Result<(), Failure> {
    let alphabet = match args.alphabet {
        Some(alphabet) => alphabet,
        None => Alphabet::new(ID_ALPHABET).map_err(|e| Failure::usage("id", e))?,
    };
    let chars: String = alphabet.chars().iter().collect();
    if !out.is_json() {
        plain_line("id", "--alphabet", &chars)?;
    }
    let length = match args.bits {
        None => args.length,
        Some(bits) => size_for_bits("id", "characters", bits, MAX_ID_LEN, |len| {
            Some(alphabet.entropy_bits(len))
        })?,
    };
    let bits = alphabet.entropy_bits(length);
    let fields = [
        ("length", Field::size(length)),
        ("alphabet", Field::Str(&chars)),
    ];
    let mut rng = rsecrets::rng();
    for _ in 0..count {
        let id = alphabet.generate(&mut rng, length)?;
        out.secret(&id, bits, &fields)?;
    }
    Ok(())
}
