//! Integers and choices: `int`, `bits` and `choice`.

use rsecrets::rsecrets_core::Buffered;
use rsecrets::rsecrets_recipes::normalized;
use rsecrets::{Secrets, Zeroizing};

use crate::failure::Failure;
use crate::output::{Field, Output};

/// Digits of `u128::MAX`, and a newline.
const LINE_LEN: usize = 39 + 1;

/// The default generator, asked for 64 bytes at a time: one thread-local lookup per
/// eight 64-bit draws instead of one per draw (docs/performance.md). The buffer is
/// wiped as it is read and when dropped.
fn buffered() -> Secrets<Buffered<rsecrets::DefaultRng, 64>> {
    Secrets::new(Buffered::new(rsecrets::rng()))
}

/// `rsecrets int N`: `randbelow(N)`, log2(N) bits.
///
/// The integer is written as a decimal string, in JSON too: a `u128` does not fit a
/// JSON number exactly.
pub(super) fn int(below: u128, count: u64, out: &mut Output) -> Result<(), Failure> {
    let mut secrets = buffered();
    let bits = int_entropy_bits(below);
    let bound = below.to_string();
    let fields = [("below", Field::Str(&bound))];
    let mut line = Zeroizing::new([0u8; LINE_LEN]);
    for _ in 0..count {
        let n = secrets.randbelow(below)?;
        out.digits(decimal_line(n, &mut line), bits, &fields)?;
    }
    Ok(())
}

/// `rsecrets bits K`: `randbits(K)`, K bits; a decimal string as for [`int`].
pub(super) fn bits(k: u32, count: u64, out: &mut Output) -> Result<(), Failure> {
    let mut secrets = buffered();
    let fields = [("bits", Field::Int(k.into()))];
    let mut line = Zeroizing::new([0u8; LINE_LEN]);
    for _ in 0..count {
        let n = secrets.randbits(k)?;
        out.digits(decimal_line(n.into(), &mut line), k.into(), &fields)?;
    }
    Ok(())
}

/// `rsecrets choice ITEM...`: one of the items, each position equally likely.
pub(super) fn choice(items: &[String], count: u64, out: &mut Output) -> Result<(), Failure> {
    if !out.is_json() {
        for item in items {
            super::recipes::plain_line("choice", "the ITEM", item)?;
        }
    }
    // As a person reads them (NFC, nothing invisible), so items that look the same
    // are the same item, for the entropy figure and in the output.
    let items: Vec<String> = items.iter().map(|i| normalized(i)).collect();
    let items = &items[..];
    let mut secrets = buffered();
    let bits = choice_entropy_bits(items);
    let fields = [("items", Field::size(items.len()))];
    for _ in 0..count {
        let item = secrets.choice(items)?;
        out.secret(item, bits, &fields)?;
    }
    Ok(())
}

/// Writes `n` in decimal and a newline at the end of `buf` (so the secret lives only
/// in memory that is wiped) and returns them.
///
/// Digits come from `u64` arithmetic, 19 at a time: dividing a `u64` by 10 is a
/// multiplication, dividing a `u128` a library call.
fn decimal_line(mut n: u128, buf: &mut [u8; LINE_LEN]) -> &[u8] {
    /// 10^19, the largest power of ten below 2^64.
    const CHUNK: u128 = 10_000_000_000_000_000_000;
    let mut start = buf.len() - 1;
    buf[start] = b'\n';
    loop {
        let (rest, mut low) = split(n, CHUNK);
        // A chunk with more digits above it is written out to all 19 digits.
        let width = if rest == 0 { 1 } else { 19 };
        let mut written = 0;
        while written < width || low != 0 {
            start -= 1;
            #[allow(clippy::cast_possible_truncation, reason = "low % 10 < 10")]
            let digit = (low % 10) as u8;
            buf[start] = b'0' + digit;
            low /= 10;
            written += 1;
        }
        if rest == 0 {
            break;
        }
        n = rest;
    }
    &buf[start..]
}

/// `n / chunk` and `n % chunk` (below 2^64), without a `u128` division when `n`
/// already fits in the low part.
fn split(n: u128, chunk: u128) -> (u128, u64) {
    let (rest, low) = if n < chunk {
        (0, n)
    } else {
        (n / chunk, n % chunk)
    };
    #[allow(clippy::cast_possible_truncation, reason = "low < chunk <= 2^64")]
    (rest, low as u64)
}

/// The entropy of `randbelow(n)`: log2(n) bits.
///
/// `n as f64` rounds to 53 significant bits, a relative error below 2^-53, which moves
/// log2 by less than 2^-53 / ln 2 ≈ 1.6e-16 bits: below the spacing of f64 values
/// near any result above 1 (and exact for n < 2^53 and for powers of two).
fn int_entropy_bits(n: u128) -> f64 {
    #[allow(
        clippy::cast_precision_loss,
        reason = "the error is negligible, see above"
    )]
    let n = n as f64;
    n.log2()
}

/// The min-entropy of `choice(items)`, in bits: what a secret's strength is, since a
/// guesser tries the likeliest outcome first.
///
/// An item that appears c times out of n comes out with probability c/n, so the
/// likeliest has probability m/n for the largest count m, and the min-entropy is
/// log2(n / m): exactly log2(n) for distinct items, and 0 for one item, however often.
fn choice_entropy_bits(items: &[String]) -> f64 {
    let mut sorted: Vec<&str> = items.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    let most = sorted
        .chunk_by(|a, b| a == b)
        .map(<[&str]>::len)
        .max()
        .unwrap_or(1);
    #[allow(clippy::cast_precision_loss, reason = "counts of command-line items")]
    let (n, most) = (items.len() as f64, most as f64);
    (n / most).log2()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn decimal_formats_every_width() {
        let mut buf = [0u8; LINE_LEN];
        let decimal = |n: u128, buf: &mut [u8; LINE_LEN]| {
            let line = decimal_line(n, buf);
            assert_eq!(line.last(), Some(&b'\n'));
            String::from_utf8(line[..line.len() - 1].to_vec()).unwrap()
        };
        let chunk = 10_000_000_000_000_000_000u128;
        for n in [0, 7, 10, 1234567890, u128::from(u64::MAX), u128::MAX] {
            assert_eq!(decimal(n, &mut buf), n.to_string());
        }
        // Around the 19-digit chunks: zeros inside a number must be written.
        for base in [chunk, chunk * chunk] {
            for n in [base - 1, base, base + 1, base * 3 + 5, base + chunk / 10] {
                assert_eq!(decimal(n, &mut buf), n.to_string());
            }
        }
        let mut x = 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c834_u128;
        for _ in 0..10_000 {
            x = x
                .wrapping_mul(0x2360_ed05_1fc6_5da4_4385_df64_9fcc_f645)
                .wrapping_add(1);
            for n in [x, x >> 40, x >> 70, x >> 100] {
                assert_eq!(decimal(n, &mut buf), n.to_string());
            }
        }
    }

    #[test]
    fn int_entropy_is_log2() {
        assert_eq!(int_entropy_bits(1), 0.0);
        assert_eq!(int_entropy_bits(1024), 10.0);
        assert_eq!(int_entropy_bits(1 << 100), 100.0);
        assert_eq!(int_entropy_bits(u128::MAX), 128.0);
        assert!((int_entropy_bits(10) - core::f64::consts::LOG2_10).abs() < 1e-15);
    }

    #[test]
    fn choice_entropy_is_the_min_entropy() {
        assert_eq!(choice_entropy_bits(&strings(&["a", "b", "c", "d"])), 2.0);
        assert_eq!(choice_entropy_bits(&strings(&["a", "b", "c"])), 3f64.log2());
        assert_eq!(choice_entropy_bits(&strings(&["x"])), 0.0);
        assert_eq!(choice_entropy_bits(&strings(&["x", "x", "x"])), 0.0);
        // a b a: `a` comes out 2 times in 3, so log2(3/2) = 0.585, not Shannon's 0.918.
        let h = choice_entropy_bits(&strings(&["a", "b", "a"]));
        assert_eq!(h, 1.5f64.log2());
        assert!((h - 0.584_962_500_721_156_2).abs() < 1e-15, "{h}");
        assert_eq!(
            choice_entropy_bits(&strings(&["a", "a", "a", "b", "b", "c"])),
            1.0
        );
    }
}
