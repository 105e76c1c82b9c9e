//! Value stability: what each function returns on `ChaCha20Rng::from_seed([42; 32])`,
//! so that a change of algorithm or of how bytes are drawn is caught. The values were
//! checked independently: ChaCha20 (RFC 8439, zero nonce) keystream from Python's
//! `cryptography`, encoded with Python's `bytes.hex`, `base64.urlsafe_b64encode`,
//! `base64.b32encode` (translated to Crockford's alphabet), `base64.b64encode` and
//! `uuid.UUID(bytes=..., version=4)`; the version 7 fields and the ids (`token_id`:
//! base64url of 16 bytes cut to 21 characters; other alphabets, core's `choices`:
//! batches of `k + k/4` bytes, each call served whole 32-bit words, Lemire's
//! `(b·n) >> 8` with its threshold) were set by a few lines of Python on the same
//! keystream.
//!
//! Also: a failing generator gives `Error::Rng`, and wipes what was written.

mod common;

use common::{Broken, DeviceGone, RunsDry};
use rand_core::TryRng;
use rsecrets_core::Error;
use rsecrets_token::{
    UUID4_LEN, Uuid7, fill_token_base32, fill_token_base32_crockford, fill_token_base64,
    fill_token_hex, fill_token_urlsafe, fill_uuid4, uuid4_bytes,
};
#[cfg(feature = "alloc")]
use rsecrets_token::{
    token_alphabet, token_base32, token_base32_crockford, token_base64, token_bytes, token_hex,
    token_id, token_urlsafe, uuid4,
};

/// 2023-11-14 22:13:20 UTC.
const T0: u64 = 1_700_000_000_000;

#[cfg(feature = "alloc")]
#[test]
fn value_stability_of_base32_base64_uuid7_and_ids() -> Result<(), Error> {
    let mut rng = common::rng(42);
    assert_eq!(
        *token_base32(&mut rng, 20)?,
        "TAMR6RXFQMBBMRCUG2LYQA3JPJPDVNQ3"
    );
    assert_eq!(
        *token_base32_crockford(&mut rng, 16)?,
        "3T4N3N7YKBK7QAV199FQQZ7XEM"
    );
    assert_eq!(*token_base64(&mut rng, 16)?, "RLEHjdo5fO9F3y5t5Jh0aA==");
    let mut ids = Uuid7::new();
    assert_eq!(
        *ids.next(&mut rng, T0)?,
        "018bcfe5-6800-72d0-8eba-9d0236f00e57"
    );
    assert_eq!(
        *ids.next(&mut rng, T0)?,
        "018bcfe5-6800-72d1-990f-56c6940b5937"
    );
    assert_eq!(*token_id(&mut rng)?, "aI7fA8T9OQiuxAK-o5QrB");
    let three = token_alphabet(&mut rng, "αβγ", 8).map_err(|_| Error::EmptySequence)?;
    assert_eq!(*three, "βαγββγββ");
    let seven = token_alphabet(&mut rng, "0123456", 10).map_err(|_| Error::EmptySequence)?;
    assert_eq!(*seven, "4625320635");
    Ok(())
}

/// The buffer and byte forms give the same values.
#[test]
fn fill_and_byte_forms_of_the_new_encoders_are_value_stable() -> Result<(), Error> {
    let mut rng = common::rng(42);
    let mut out = [0u8; 64];
    assert_eq!(
        fill_token_base32(&mut rng, 20, &mut out)?,
        "TAMR6RXFQMBBMRCUG2LYQA3JPJPDVNQ3"
    );
    assert_eq!(
        fill_token_base32_crockford(&mut rng, 16, &mut out)?,
        "3T4N3N7YKBK7QAV199FQQZ7XEM"
    );
    assert_eq!(
        fill_token_base64(&mut rng, 16, &mut out)?,
        "RLEHjdo5fO9F3y5t5Jh0aA=="
    );
    let mut ids = Uuid7::new();
    assert_eq!(
        common::ref_hex(&ids.next_bytes(&mut rng, T0)?),
        "018bcfe5680072d08eba9d0236f00e57"
    );
    let mut line = [0u8; UUID4_LEN];
    assert_eq!(
        ids.fill(&mut rng, T0, &mut line)?,
        "018bcfe5-6800-72d1-990f-56c6940b5937"
    );
    // uuid4 in bytes: the text of `value_stability`'s first uuid4.
    let mut rng = common::rng(42);
    let Ok(()) = rng.try_fill_bytes(&mut [0u8; 16 + 32 + 16 + 32 + 16 + 32]);
    assert_eq!(
        common::ref_hex(&uuid4_bytes(&mut rng)?),
        "9e679df96c754d5fa18525b5a40a51b2"
    );
    Ok(())
}

#[cfg(feature = "alloc")]
#[test]
fn value_stability() -> Result<(), Error> {
    let mut rng = common::rng(42);
    assert_eq!(
        &token_bytes(&mut rng, 16)?[..],
        [
            0x98, 0x19, 0x1f, 0x46, 0xe5, 0x83, 0x02, 0x16, 0x44, 0x54, 0x36, 0x97, 0x88, 0x03,
            0x69, 0x7a
        ]
    );
    assert_eq!(
        common::ref_hex(&token_bytes(&mut rng, None)?),
        "5e3ab61b1e8951d4fe9ae67bab614a5f7bfcfd7544b1078dda397cef45df2e6d"
    );
    assert_eq!(
        *token_hex(&mut rng, 16)?,
        "e498746805081ebc8fb90ad04eba9d02"
    );
    assert_eq!(
        *token_hex(&mut rng, None)?,
        "36f00e57d42f871e3987e832d90f56c6940b5937688edf03c4fd3908aec402be"
    );
    assert_eq!(*token_urlsafe(&mut rng, 16)?, "o5QrBqYBt42U43Zy40nrLQ");
    assert_eq!(
        *token_urlsafe(&mut rng, None)?,
        "ot1P0HFoGeB_xmGQssFti1vJJNdgnnVp5CwjS7mm0yw"
    );
    assert_eq!(*uuid4(&mut rng)?, "9e679df9-6c75-4d5f-a185-25b5a40a51b2");
    assert_eq!(*uuid4(&mut rng)?, "15734c67-00fe-4cae-8d92-b72ffbea9546");
    Ok(())
}

#[test]
fn fill_forms_are_value_stable_too() -> Result<(), Error> {
    // The same tokens as `value_stability`: the bytes between them are skipped.
    let mut out = [0u8; 64];
    let mut rng = common::rng(42);
    let Ok(()) = rng.try_fill_bytes(&mut [0u8; 48]);
    assert_eq!(
        fill_token_hex(&mut rng, 16, &mut out)?,
        "e498746805081ebc8fb90ad04eba9d02"
    );
    let Ok(()) = rng.try_fill_bytes(&mut [0u8; 32]);
    assert_eq!(
        fill_token_urlsafe(&mut rng, 16, &mut out)?,
        "o5QrBqYBt42U43Zy40nrLQ"
    );
    let Ok(()) = rng.try_fill_bytes(&mut [0u8; 32]);
    let mut line = [0u8; UUID4_LEN];
    assert_eq!(
        fill_uuid4(&mut rng, &mut line)?,
        "9e679df9-6c75-4d5f-a185-25b5a40a51b2"
    );
    Ok(())
}

#[test]
fn a_failing_generator_gives_rng_errors() {
    let failed = Error::Rng(DeviceGone);
    let mut out = [0u8; 100];
    let mut line = [0u8; UUID4_LEN];
    assert_eq!(fill_token_hex(&mut Broken, 7, &mut out), Err(failed));
    assert_eq!(fill_token_urlsafe(&mut Broken, 7, &mut out), Err(failed));
    assert_eq!(fill_uuid4(&mut Broken, &mut line), Err(failed));
    assert_eq!(line, [0; UUID4_LEN]);
    // Size zero draws nothing, so it cannot fail.
    assert_eq!(fill_token_hex(&mut Broken, 0, &mut out), Ok(""));
    // A dyn generator works too.
    let dyn_rng: &mut dyn rand_core::TryCryptoRng<Error = DeviceGone> = &mut Broken;
    assert_eq!(fill_token_hex(dyn_rng, 1, &mut out), Err(failed));
    #[cfg(feature = "alloc")]
    {
        assert_eq!(token_bytes(&mut Broken, 1), Err(failed));
        assert_eq!(token_hex(&mut Broken, None), Err(failed));
        assert_eq!(token_urlsafe(&mut Broken, 5), Err(failed));
        assert_eq!(uuid4(&mut Broken), Err(failed));
        assert_eq!(token_hex(&mut Broken, 0).map(|t| t.len()), Ok(0));
    }
    assert_eq!(
        format!("{}", Error::<DeviceGone>::Rng(DeviceGone)),
        "the random number generator failed: device gone"
    );
}

/// A generator that fails in mid-token (after four 48-byte chunks): what was
/// already written into the caller's buffer is wiped, and the rest left alone.
#[test]
fn a_failure_in_mid_token_wipes_the_partial_token() {
    let mut out = [b'#'; 1000];
    let failed = Error::Rng(DeviceGone);
    assert_eq!(
        fill_token_hex(&mut RunsDry { budget: 200 }, 300, &mut out),
        Err(failed)
    );
    assert!(out[..600].iter().all(|&c| c == 0) && out[600..].iter().all(|&c| c == b'#'));

    let mut out = [b'#'; 1000];
    assert_eq!(
        fill_token_urlsafe(&mut RunsDry { budget: 200 }, 300, &mut out),
        Err(failed)
    );
    assert!(out[..400].iter().all(|&c| c == 0) && out[400..].iter().all(|&c| c == b'#'));

    #[cfg(feature = "alloc")]
    assert_eq!(
        token_urlsafe(&mut RunsDry { budget: 200 }, 300),
        Err(failed)
    );
    #[cfg(feature = "alloc")]
    assert_eq!(
        token_hex(&mut RunsDry { budget: 192 }, 192).map(|t| t.len()),
        Ok(384)
    );
}
