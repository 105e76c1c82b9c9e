//! What the fuzz targets share: a generator that serves the fuzzer's bytes and keeps
//! a record of what it served, decoders written here independently of the library's
//! encoders, an independent count of the passwords a policy allows, and the broken
//! encoder of the negative control.
//!
//! Nothing here is random or secret: the targets decide every "random" byte, so a
//! check can compare an output with the bytes it was made from.

use core::fmt;

use rand_core::{TryCryptoRng, TryRng};

/// The error of a [`Served`] generator told to fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failed;

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the served generator was told to fail")
    }
}

impl core::error::Error for Failed {}

/// A "generator" that serves the fuzzer's bytes, then a SplitMix64 stream seeded
/// from them (so rejection loops always end), and records every byte it served.
/// With `fail_after`, it fails once that many bytes have been served.
#[derive(Debug, Clone)]
pub struct Served<'a> {
    bytes: &'a [u8],
    pos: usize,
    state: u64,
    fail_after: Option<usize>,
    /// Every byte served, in order.
    pub log: Vec<u8>,
}

impl<'a> Served<'a> {
    /// Serves `bytes`, then a stream seeded from them; never fails.
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Self {
        // FNV-1a of the bytes: two inputs that differ go on differently.
        let state = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        Served {
            bytes,
            pos: 0,
            state,
            fail_after: None,
            log: Vec::new(),
        }
    }

    /// Fails (with [`Failed`]) on the request that would take it past `n` bytes.
    #[must_use]
    pub fn failing_after(mut self, n: usize) -> Self {
        self.fail_after = Some(n);
        self
    }

    fn next_byte(&mut self) -> u8 {
        if let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            return b;
        }
        // SplitMix64, one byte of each output (slow, simple, never cycles soon).
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) as u8
    }
}

impl TryRng for Served<'_> {
    type Error = Failed;

    fn try_next_u32(&mut self) -> Result<u32, Failed> {
        let mut b = [0; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, Failed> {
        let mut b = [0; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Failed> {
        if self
            .fail_after
            .is_some_and(|n| self.log.len() + dst.len() > n)
        {
            return Err(Failed);
        }
        for d in dst {
            *d = self.next_byte();
            self.log.push(*d);
        }
        Ok(())
    }
}

impl TryCryptoRng for Served<'_> {}

/// Lowercase hex, decoded by hand: `None` for an odd length or any other character
/// (upper case included: the encoders promise lower case).
#[must_use]
pub fn decode_hex(text: &str) -> Option<Vec<u8>> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks(2)
        .map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?))
        .collect()
}

/// URL-safe base64 without padding (RFC 4648 §5), decoded by hand: `None` for a
/// character outside `A-Z a-z 0-9 - _`, a length of 1 mod 4, or unused trailing bits
/// that are not zero (the encoding of a byte string is unique).
#[must_use]
pub fn decode_urlsafe(text: &str) -> Option<Vec<u8>> {
    fn sextet(c: u8) -> Option<u32> {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        Some(u32::from(v))
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for group in text.as_bytes().chunks(4) {
        let mut acc = 0u32;
        for &c in group {
            acc = acc << 6 | sextet(c)?;
        }
        let (bits, keep) = match group.len() {
            4 => (24, 3),
            3 => (18, 2),
            2 => (12, 1),
            _ => return None,
        };
        let unused = bits - 8 * keep;
        if acc & ((1 << unused) - 1) != 0 {
            return None;
        }
        let value = acc >> unused;
        for i in (0..keep).rev() {
            out.push((value >> (8 * i)) as u8);
        }
    }
    Some(out)
}

/// A canonical lowercase UUID, `8-4-4-4-12` hex digits, decoded by hand.
#[must_use]
pub fn decode_uuid(text: &str) -> Option<[u8; 16]> {
    let b = text.as_bytes();
    if b.len() != 36 || [8, 13, 18, 23].iter().any(|&i| b[i] != b'-') {
        return None;
    }
    let digits: String = text.chars().filter(|&c| c != '-').collect();
    decode_hex(&digits)?.try_into().ok()
}

/// What a version 4 UUID made from `bytes` holds: the version nibble set to 4 and
/// the variant bits to `10` (RFC 9562 §5.4).
#[must_use]
pub fn uuid4_of(mut bytes: [u8; 16]) -> [u8; 16] {
    bytes[6] = bytes[6] & 0x0f | 0x40;
    bytes[8] = bytes[8] & 0x3f | 0x80;
    bytes
}

/// The number of strings of `length` characters over classes of `sizes` characters
/// with at least `mins[j]` characters of class `j`, counted independently of the
/// library (which sums over class compositions): a walk over the positions whose
/// state is how many characters of each class with a minimum it has so far, capped
/// at the minimum.
///
/// Returns the exact count when it is below 2^128 (`None` from 2^128 on), and the
/// count as an `f64`; or nothing when the walk would take more than `budget` steps.
#[must_use]
pub fn count_passwords(
    length: usize,
    sizes: [usize; 4],
    mins: [usize; 4],
    budget: usize,
) -> Option<(Option<u128>, f64)> {
    let constrained: Vec<usize> = (0..4).filter(|&j| mins[j] > 0).collect();
    let free: usize = (0..4).filter(|&j| mins[j] == 0).map(|j| sizes[j]).sum();
    // A mixed-radix state: digit j runs over 0..=mins[j].
    let mut states = 1usize;
    for &j in &constrained {
        states = states.checked_mul(mins[j] + 1)?;
    }
    let steps = states
        .checked_mul(length)?
        .checked_mul(constrained.len() + 1)?;
    if steps > budget {
        return None;
    }
    // `None`: at least 2^128. A state that can still be completed counts prefixes of
    // distinct valid strings, so when it overflows, so does the final count.
    let mut exact: Vec<Option<u128>> = vec![Some(0); states];
    let mut approx = vec![0f64; states];
    exact[0] = Some(1);
    approx[0] = 1.0;
    for _ in 0..length {
        let mut next_exact: Vec<Option<u128>> = vec![Some(0); states];
        let mut next_approx = vec![0f64; states];
        for s in 0..states {
            if exact[s] == Some(0) {
                continue;
            }
            let mut add = |to: usize, weight: usize| {
                let w = weight as u128;
                next_exact[to] = match (next_exact[to], exact[s]) {
                    (Some(a), Some(x)) => x.checked_mul(w).and_then(|p| a.checked_add(p)),
                    _ => None,
                };
                next_approx[to] += approx[s] * weight as f64;
            };
            if free > 0 {
                add(s, free);
            }
            let mut radix = 1;
            for &j in &constrained {
                let digit = s / radix % (mins[j] + 1);
                let to = if digit < mins[j] { s + radix } else { s };
                add(to, sizes[j]);
                radix *= mins[j] + 1;
            }
        }
        exact = next_exact;
        approx = next_approx;
    }
    Some((exact[states - 1], approx[states - 1]))
}

/// The negative control: a chunked hex encoder (48 random bytes a draw, as the
/// library's) with an off-by-one: a last chunk of 47 bytes is encoded from one
/// byte further on, so its last digit pair is a stale byte of the buffer.
#[must_use]
pub fn broken_token_hex<R: TryRng>(rng: &mut R, nbytes: usize) -> Option<String> {
    const CHUNK: usize = 48;
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [0u8; CHUNK + 1];
    let mut text = String::with_capacity(2 * nbytes);
    for start in (0..nbytes).step_by(CHUNK) {
        let len = CHUNK.min(nbytes - start);
        rng.try_fill_bytes(&mut buf[..len]).ok()?;
        let from = usize::from(len == CHUNK - 1); // the bug
        for &b in &buf[from..from + len] {
            text.push(char::from(DIGITS[usize::from(b >> 4)]));
            text.push(char::from(DIGITS[usize::from(b & 15)]));
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoders_know_the_rfc_4648_vectors() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff], "-_8"),
        ] {
            assert_eq!(decode_urlsafe(text).as_deref(), Some(bytes), "{text}");
        }
        assert_eq!(decode_urlsafe("Zh"), None); // trailing bits set
        assert_eq!(decode_urlsafe("Zm9vY"), None); // 1 mod 4
        assert_eq!(decode_urlsafe("Zm+v"), None);
        assert_eq!(decode_hex("00ff7a"), Some(vec![0, 255, 0x7a]));
        assert_eq!(decode_hex("0F"), None);
        assert_eq!(decode_hex("0"), None);
        assert_eq!(
            decode_uuid("00112233-4455-6677-8899-aabbccddeeff"),
            Some([
                0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd,
                0xee, 0xff
            ])
        );
        assert_eq!(decode_uuid("00112233-4455-6677-8899aaabbccddeeff"), None);
    }

    #[test]
    fn counts_match_hand_counts() {
        // CPython's recipe: 10 of 62 letters and digits, >= 1 lower, 1 upper, 3 digits;
        // the library's doc example gives the same number.
        let (exact, approx) = count_passwords(10, [26, 26, 10, 0], [1, 1, 3, 0], 1 << 30).unwrap();
        assert_eq!(exact, Some(172_120_264_792_320_000));
        assert!((approx / 172_120_264_792_320_000.0 - 1.0).abs() < 1e-12);
        // No minimum: size^length, exact below 2^128 (94^19 < 2^128 < 94^20).
        assert_eq!(
            count_passwords(3, [2, 0, 0, 0], [0; 4], 100).unwrap().0,
            Some(8)
        );
        let all = [26, 26, 10, 32];
        assert_eq!(
            count_passwords(19, all, [0; 4], 1000).unwrap().0,
            Some(94u128.pow(19))
        );
        assert_eq!(count_passwords(20, all, [0; 4], 1000).unwrap().0, None);
        // A minimum that keeps the count below 2^128 though 94^20 is above it.
        let (exact, _) = count_passwords(20, [26, 26, 10, 32], [0, 0, 20, 0], 1000).unwrap();
        assert_eq!(exact, Some(10u128.pow(20)));
        // Two of "ab" with at least one a: ab, ba, aa.
        assert_eq!(
            count_passwords(2, [1, 1, 0, 0], [1, 0, 0, 0], 100)
                .unwrap()
                .0,
            Some(3)
        );
    }

    #[test]
    fn the_control_is_broken_only_for_a_last_chunk_of_47() {
        for n in [0, 1, 46, 48, 94, 96, 4999] {
            let mut rng = Served::new(&[1, 2, 3]);
            let text = broken_token_hex(&mut rng, n).unwrap();
            assert_eq!(decode_hex(&text).unwrap(), rng.log, "{n}");
        }
        for n in [47, 95, 4991] {
            let mut rng = Served::new(&[1, 2, 3]);
            let text = broken_token_hex(&mut rng, n).unwrap();
            assert_ne!(decode_hex(&text).unwrap(), rng.log, "{n}");
        }
    }
}
