//! The encoders against plain reference encoders (the oracle) and the crates'
//! decoders, on the bytes a seeded generator produces; and the size limits.

#![cfg(feature = "alloc")]

mod common;

use base32ct::{Base32UpperUnpadded, Encoding as _};
use base64ct::{Base64, Base64UrlUnpadded, Encoding};
use common::{
    CROCKFORD_BASE32, RFC4648_BASE32, decode_base32, ref_base32, ref_base64, ref_hex, ref_urlsafe,
    rng_from, stream,
};
use proptest::prelude::*;
use rsecrets_core::Error;
use rsecrets_token::{
    MAX_TOKEN_BYTES, base32_len, base64_len, fill_token_base32, fill_token_base32_crockford,
    fill_token_base64, fill_token_hex, fill_token_urlsafe, hex_len, token_base32,
    token_base32_crockford, token_base64, token_bytes, token_hex, token_urlsafe, urlsafe_len,
};

/// Around the internal chunk sizes (48 bytes, 40 for base32) and their multiples,
/// plus odd sizes.
const EDGE_SIZES: [usize; 20] = [
    0, 1, 2, 3, 4, 5, 39, 40, 41, 47, 48, 49, 79, 80, 95, 96, 97, 192, 1000, 4099,
];

fn check_size(seed: [u8; 32], n: usize) -> Result<(), TestCaseError> {
    let expected = stream(seed, n);
    prop_assert_eq!(&token_bytes(&mut rng_from(seed), n)?[..], &expected[..]);

    let hex = token_hex(&mut rng_from(seed), n)?;
    prop_assert_eq!(&*hex, &ref_hex(&expected));
    prop_assert_eq!(Some(hex.len()), hex_len(n));
    let mut decoded = vec![0; n];
    prop_assert_eq!(
        base16ct::lower::decode(&*hex, &mut decoded).ok(),
        Some(&expected[..])
    );

    let urlsafe = token_urlsafe(&mut rng_from(seed), n)?;
    prop_assert_eq!(&*urlsafe, &ref_urlsafe(&expected));
    prop_assert_eq!(Some(urlsafe.len()), urlsafe_len(n));
    prop_assert_eq!(
        Base64UrlUnpadded::decode(&*urlsafe, &mut decoded).ok(),
        Some(&expected[..])
    );

    let base32 = token_base32(&mut rng_from(seed), n)?;
    prop_assert_eq!(&*base32, &ref_base32(&expected, RFC4648_BASE32));
    prop_assert_eq!(Some(base32.len()), base32_len(n));
    prop_assert_eq!(
        decode_base32(&base32, RFC4648_BASE32),
        Some(expected.clone())
    );
    prop_assert_eq!(
        Base32UpperUnpadded::decode(&*base32, &mut decoded).ok(),
        Some(&expected[..])
    );

    let crockford = token_base32_crockford(&mut rng_from(seed), n)?;
    prop_assert_eq!(&*crockford, &ref_base32(&expected, CROCKFORD_BASE32));
    prop_assert_eq!(
        decode_base32(&crockford, CROCKFORD_BASE32),
        Some(expected.clone())
    );

    let base64 = token_base64(&mut rng_from(seed), n)?;
    prop_assert_eq!(&*base64, &ref_base64(&expected));
    prop_assert_eq!(Some(base64.len()), base64_len(n));
    prop_assert_eq!(
        Base64::decode(&*base64, &mut decoded).ok(),
        Some(&expected[..])
    );

    // The buffer forms write the same text, and leave the rest of `out` alone.
    for (text, fill) in [
        (
            &base32,
            fill_token_base32::<chacha20_rng::ChaCha20Rng> as Fill,
        ),
        (&crockford, fill_token_base32_crockford),
        (&base64, fill_token_base64),
    ] {
        let mut out = vec![b'#'; text.len() + 7];
        prop_assert_eq!(fill(&mut rng_from(seed), Some(n), &mut out)?, &***text);
        prop_assert!(out[text.len()..].iter().all(|&c| c == b'#'));
    }
    let mut out = vec![b'#'; 2 * n + 7];
    prop_assert_eq!(fill_token_hex(&mut rng_from(seed), n, &mut out)?, &*hex);
    prop_assert!(out[2 * n..].iter().all(|&c| c == b'#'));
    let mut out = vec![b'#'; urlsafe.len() + 7];
    prop_assert_eq!(
        fill_token_urlsafe(&mut rng_from(seed), n, &mut out)?,
        &*urlsafe
    );
    prop_assert!(out[urlsafe.len()..].iter().all(|&c| c == b'#'));
    Ok(())
}

/// A `fill_token_*` function.
type Fill = for<'a> fn(
    &mut chacha20_rng::ChaCha20Rng,
    Option<usize>,
    &'a mut [u8],
) -> Result<&'a str, Error>;

#[test]
fn edge_sizes_match_the_oracle() -> Result<(), TestCaseError> {
    for n in EDGE_SIZES {
        check_size([9; 32], n)?;
    }
    Ok(())
}

/// Every size from 0 to 300, each encoder against the reference encoders and the
/// independent decoders.
#[test]
fn every_size_to_300_matches_the_oracle() -> Result<(), TestCaseError> {
    for n in 0usize..=300 {
        check_size([n.to_le_bytes()[0]; 32], n)?;
    }
    Ok(())
}

/// The Crockford encoder's arithmetic, value by value, against the alphabet.
#[test]
fn crockford_digits_are_the_alphabet() -> Result<(), Error<common::DeviceGone>> {
    // Five bytes holding the 5-bit values 0..8, 8..16, ...: each byte string below
    // is the big-endian packing of eight consecutive values.
    for first in (0usize..32).step_by(8) {
        let packed = (0..8).fold(0u64, |n, i| n << 5 | (first + i) as u64);
        let bytes = &packed.to_be_bytes()[3..];
        let mut rng = common::Replay(bytes.to_vec());
        let text = token_base32_crockford(&mut rng, 5)?;
        let want: String = (first..first + 8)
            .map(|v| char::from(CROCKFORD_BASE32[v]))
            .collect();
        assert_eq!(*text, want);
    }
    Ok(())
}

proptest! {
    #[test]
    fn round_trips(seed in any::<[u8; 32]>(), n in 0usize..300) {
        check_size(seed, n)?;
    }

    /// No size, up to `usize::MAX`, panics or overflows; an answer is a token of
    /// the documented length, `TooLarge` above the limit, or `BufferTooSmall` with
    /// the exact lengths, and then nothing is written.
    #[test]
    fn never_panics(n in prop_oneof![any::<usize>(), 0usize..600, Just(usize::MAX)], out_len in 0usize..1300) {
        let mut out = vec![b'#'; out_len];
        let mut rng = common::rng(0);
        for (result, len) in [
            (fill_token_hex(&mut rng, n, &mut out).map(str::len), hex_len(n)),
            (fill_token_urlsafe(&mut rng, n, &mut out).map(str::len), urlsafe_len(n)),
            (fill_token_base32(&mut rng, n, &mut out).map(str::len), base32_len(n)),
            (fill_token_base32_crockford(&mut rng, n, &mut out).map(str::len), base32_len(n)),
            (fill_token_base64(&mut rng, n, &mut out).map(str::len), base64_len(n)),
        ] {
            match (result, len) {
                (Ok(written), Some(len)) => prop_assert_eq!(written, len),
                (Err(Error::TooLarge { requested, max }), None) => {
                    prop_assert_eq!((requested, max), (n, MAX_TOKEN_BYTES));
                }
                (Err(Error::BufferTooSmall { needed, len: have }), Some(len)) => {
                    prop_assert_eq!((needed, have), (len, out_len));
                    prop_assert!(len > out_len);
                }
                (other, len) => prop_assert!(false, "{other:?} for length {len:?}"),
            }
        }
    }
}

#[test]
fn too_large_is_refused() {
    let mut rng = common::rng(0);
    let mut out = [0u8; 64];
    for n in [MAX_TOKEN_BYTES + 1, usize::MAX / 2 + 1, usize::MAX] {
        let refused = Error::TooLarge {
            requested: n,
            max: MAX_TOKEN_BYTES,
        };
        assert_eq!(token_bytes(&mut rng, n), Err(refused));
        assert_eq!(token_hex(&mut rng, n), Err(refused));
        assert_eq!(token_urlsafe(&mut rng, n), Err(refused));
        assert_eq!(fill_token_hex(&mut rng, n, &mut out), Err(refused));
        assert_eq!(fill_token_urlsafe(&mut rng, n, &mut out), Err(refused));
        assert_eq!(token_base32(&mut rng, n), Err(refused));
        assert_eq!(token_base32_crockford(&mut rng, n), Err(refused));
        assert_eq!(token_base64(&mut rng, n), Err(refused));
        assert_eq!(fill_token_base32(&mut rng, n, &mut out), Err(refused));
        assert_eq!(
            fill_token_base32_crockford(&mut rng, n, &mut out),
            Err(refused)
        );
        assert_eq!(fill_token_base64(&mut rng, n, &mut out), Err(refused));
        assert_eq!(hex_len(n), None);
        assert_eq!(urlsafe_len(n), None);
        assert_eq!(base32_len(n), None);
        assert_eq!(base64_len(n), None);
    }
}

#[test]
fn the_limit_itself_is_accepted() -> Result<(), Error> {
    let mut rng = common::rng(0);
    assert_eq!(
        token_bytes(&mut rng, MAX_TOKEN_BYTES)?.len(),
        MAX_TOKEN_BYTES
    );
    assert_eq!(hex_len(MAX_TOKEN_BYTES), Some(2 * MAX_TOKEN_BYTES));
    assert_eq!(
        urlsafe_len(MAX_TOKEN_BYTES),
        Some((4 * MAX_TOKEN_BYTES).div_ceil(3))
    );
    assert_eq!(
        base32_len(MAX_TOKEN_BYTES),
        Some((8 * MAX_TOKEN_BYTES).div_ceil(5))
    );
    assert_eq!(base64_len(MAX_TOKEN_BYTES), Some(22_369_624)); // 4 * ceil(2^24 / 3)
    Ok(())
}

#[test]
fn buffer_too_small_says_what_it_needs() {
    let mut rng = common::rng(0);
    let mut out = [0u8; 64];
    let too_small =
        |needed, len| Err(Error::<core::convert::Infallible>::BufferTooSmall { needed, len });
    assert_eq!(fill_token_hex(&mut rng, 33, &mut out), too_small(66, 64));
    assert_eq!(
        fill_token_hex(&mut rng, 32, &mut out[..63]),
        too_small(64, 63)
    );
    assert_eq!(
        fill_token_urlsafe(&mut rng, 49, &mut out),
        too_small(66, 64)
    );
    assert_eq!(
        fill_token_urlsafe(&mut rng, 1, &mut out[..1]),
        too_small(2, 1)
    );
    assert_eq!(
        too_small(66, 64).unwrap_err().to_string(),
        "the buffer is too small: the output needs 66 bytes, it has 64"
    );
    assert_eq!(fill_token_base32(&mut rng, 41, &mut out), too_small(66, 64));
    assert_eq!(
        fill_token_base32_crockford(&mut rng, 41, &mut out),
        too_small(66, 64)
    );
    assert_eq!(fill_token_base64(&mut rng, 49, &mut out), too_small(68, 64));
    assert_eq!(out, [0; 64], "nothing written on a refusal");
    assert_eq!(fill_token_hex(&mut rng, 0, &mut []), Ok(""));
    assert_eq!(
        fill_token_urlsafe(&mut rng, None, &mut out[..43]).map(str::len),
        Ok(43)
    );
}
