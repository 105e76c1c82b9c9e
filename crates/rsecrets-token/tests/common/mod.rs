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
