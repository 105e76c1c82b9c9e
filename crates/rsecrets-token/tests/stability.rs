//! Value stability: what each function returns on `ChaCha20Rng::from_seed([42; 32])`,
//! so that a change of algorithm or of how bytes are drawn is caught. The values were
//! checked independently: ChaCha20 (RFC 8439, zero nonce) keystream from Python's
//! `cryptography`, encoded with Python's `bytes.hex`, `base64.urlsafe_b64encode` and
//! `uuid.UUID(bytes=..., version=4)`.
//!
//! Also: a failing generator gives `Error::Rng`, and wipes what was written.

mod common;

use common::{Broken, DeviceGone, RunsDry};
use rand_core::TryRng;
use rsecrets_core::Error;
use rsecrets_token::{UUID4_LEN, fill_token_hex, fill_token_urlsafe, fill_uuid4};
#[cfg(feature = "alloc")]
use rsecrets_token::{token_bytes, token_hex, token_urlsafe, uuid4};

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
