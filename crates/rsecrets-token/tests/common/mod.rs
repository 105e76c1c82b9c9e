//! Helpers shared by the test binaries.

#![allow(dead_code, unreachable_pub)]

use chacha20_rng::ChaCha20Rng;
use rand_core::{SeedableRng, TryCryptoRng, TryRng};

pub fn rng(seed: u8) -> ChaCha20Rng {
    ChaCha20Rng::from_seed([seed; 32])
}

pub fn rng_from(seed: [u8; 32]) -> ChaCha20Rng {
    ChaCha20Rng::from_seed(seed)
}

/// The bytes a fresh generator with this seed yields first.
pub fn stream(seed: [u8; 32], len: usize) -> Vec<u8> {
    let mut bytes = vec![0; len];
    let Ok(()) = ChaCha20Rng::from_seed(seed).try_fill_bytes(&mut bytes);
    bytes
}

/// Plain reference encoders: short enough to check by eye.
pub fn ref_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn ref_urlsafe(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for group in bytes.chunks(3) {
        let mut n = [0u8; 3];
        n[..group.len()].copy_from_slice(group);
        let bits = u32::from(n[0]) << 16 | u32::from(n[1]) << 8 | u32::from(n[2]);
        for i in 0..=group.len() {
            out.push(char::from(ALPHABET[(bits >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// RFC 4648 base32 of `bytes` in `alphabet` (32 characters), unpadded, by the
/// textbook method: the bytes as one big-endian bit string, cut into 5-bit digits.
pub fn ref_base32(bytes: &[u8], alphabet: &[u8; 32]) -> String {
    let bits: Vec<u8> = bytes
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| b >> i & 1))
        .collect();
    bits.chunks(5)
        .map(|digit| {
            let v = (0..5).fold(0, |v, i| v << 1 | digit.get(i).copied().unwrap_or(0));
            char::from(alphabet[usize::from(v)])
        })
        .collect()
}

pub const RFC4648_BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
pub const CROCKFORD_BASE32: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Decodes unpadded base32 in `alphabet` (another method than `ref_base32`: 40-bit
/// groups in a `u64`), refusing a character outside it, a length no encoding has,
/// and non-zero bits after the last byte.
pub fn decode_base32(text: &str, alphabet: &[u8; 32]) -> Option<Vec<u8>> {
    let values: Vec<u64> = text
        .bytes()
        .map(|c| alphabet.iter().position(|&a| a == c).map(|v| v as u64))
        .collect::<Option<_>>()?;
    let nbytes = values.len() * 5 / 8;
    if (8 * nbytes).div_ceil(5) != values.len() {
        return None;
    }
    let mut out = Vec::new();
    for group in values.chunks(8) {
        let mut n = 0u64;
        for i in 0..8 {
            n = n << 5 | group.get(i).copied().unwrap_or(0);
        }
        let bytes = n.to_be_bytes();
        let take = group.len() * 5 / 8;
        if bytes[3 + take..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[3..3 + take]);
    }
    (out.len() == nbytes).then_some(out)
}

/// Standard base64 with `=` padding, by the textbook method.
pub fn ref_base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for group in bytes.chunks(3) {
        let mut n = [0u8; 3];
        n[..group.len()].copy_from_slice(group);
        let bits = u32::from(n[0]) << 16 | u32::from(n[1]) << 8 | u32::from(n[2]);
        for i in 0..4 {
            if i <= group.len() {
                out.push(char::from(ALPHABET[(bits >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A generator that fails on every call.
#[derive(Debug)]
pub struct Broken;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeviceGone;

impl core::fmt::Display for DeviceGone {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("device gone")
    }
}

impl core::error::Error for DeviceGone {}

impl TryRng for Broken {
    type Error = DeviceGone;
    fn try_next_u32(&mut self) -> Result<u32, DeviceGone> {
        Err(DeviceGone)
    }
    fn try_next_u64(&mut self) -> Result<u64, DeviceGone> {
        Err(DeviceGone)
    }
    fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<(), DeviceGone> {
        Err(DeviceGone)
    }
}

impl TryCryptoRng for Broken {}

/// A generator that serves `budget` bytes, then fails: an error in mid-token.
#[derive(Debug)]
pub struct RunsDry {
    pub budget: usize,
}

impl TryRng for RunsDry {
    type Error = DeviceGone;
    fn try_next_u32(&mut self) -> Result<u32, DeviceGone> {
        let mut b = [0; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }
    fn try_next_u64(&mut self) -> Result<u64, DeviceGone> {
        let mut b = [0; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), DeviceGone> {
        self.budget = self.budget.checked_sub(dst.len()).ok_or(DeviceGone)?;
        dst.fill(0xa5);
        Ok(())
    }
}

impl TryCryptoRng for RunsDry {}

/// A generator that serves the given bytes, in order, then fails.
#[derive(Debug)]
pub struct Replay(pub Vec<u8>);

impl TryRng for Replay {
    type Error = DeviceGone;
    fn try_next_u32(&mut self) -> Result<u32, DeviceGone> {
        let mut b = [0; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }
    fn try_next_u64(&mut self) -> Result<u64, DeviceGone> {
        let mut b = [0; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), DeviceGone> {
        if dst.len() > self.0.len() {
            return Err(DeviceGone);
        }
        let rest = self.0.split_off(dst.len());
        dst.copy_from_slice(&self.0);
        self.0 = rest;
        Ok(())
    }
}

impl TryCryptoRng for Replay {}
