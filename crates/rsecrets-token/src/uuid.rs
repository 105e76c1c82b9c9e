//! Random (version 4) UUIDs.

use rand_core::TryCryptoRng;
use rsecrets_core::Error;
use zeroize::Zeroize as _;
#[cfg(feature = "alloc")]
use zeroize::Zeroizing;

use crate::scratch::ascii_str;

/// The length of a UUID in its canonical text form, `8-4-4-4-12` hex digits.
///
/// ```
/// let mut line = [0u8; rsecrets_token::UUID4_LEN];
/// # let _ = &mut line;
/// assert_eq!(rsecrets_token::UUID4_LEN, 36);
/// ```
pub const UUID4_LEN: usize = 36;

/// Where each run of random bytes goes in the text: (first byte, end byte, first
/// character). The hyphens sit between them, at 8, 13, 18 and 23.
const GROUPS: [(usize, usize, usize); 5] =
    [(0, 4, 0), (4, 6, 9), (6, 8, 14), (8, 10, 19), (10, 16, 24)];
const HYPHENS: [usize; 4] = [8, 13, 18, 23];

/// Writes a random UUID (RFC 9562, version 4) into `out` in canonical lowercase form,
/// `xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx` with `N` one of `8 9 a b`, and returns it.
///
/// 122 of the 128 bits are random: 16 bytes are drawn from `rng`, then the version
/// (`0100`) and variant (`10`) bits are set. The bytes live in a stack buffer that is
/// wiped before returning, and the hex encoder is constant-time.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::{UUID4_LEN, fill_uuid4};
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let mut line = [0u8; UUID4_LEN];
/// let id = fill_uuid4(&mut rng, &mut line)?;
/// assert_eq!(&id[14..15], "4");
/// assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"));
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Rng`] if the generator fails; `out` is then left untouched.
pub fn fill_uuid4<'a, R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    out: &'a mut [u8; UUID4_LEN],
) -> Result<&'a str, Error<R::Error>> {
    write_uuid4(rng, out)?;
    Ok(ascii_str(out))
}

/// Fills `out` (exactly `UUID4_LEN` bytes long) with a random UUID.
fn write_uuid4<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    out: &mut [u8],
) -> Result<(), Error<R::Error>> {
    let mut bytes = [0u8; 16];
    let filled = rng.try_fill_bytes(&mut bytes);
    if filled.is_ok() {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        for (start, end, at) in GROUPS {
            let encoded =
                base16ct::lower::encode(&bytes[start..end], &mut out[at..at + 2 * (end - start)]);
            debug_assert!(encoded.is_ok());
        }
        for at in HYPHENS {
            out[at] = b'-';
        }
    }
    // Nothing above can panic, so this wipe always runs. As a slice: zeroize wipes
    // a slice in one pass, an array (or a `Zeroizing` array) a byte at a time.
    bytes.as_mut_slice().zeroize();
    filled.map_err(Error::Rng)
}

/// A random UUID (RFC 9562, version 4) in canonical lowercase form, like Python's
/// `str(uuid.uuid4())` but drawn from the generator you pass.
///
/// See [`fill_uuid4`] for the format; the string is built in place and wiped when
/// dropped.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::uuid4;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let id = uuid4(&mut rng)?;
/// assert_eq!(id.len(), 36);
/// assert_eq!(id.matches('-').count(), 4);
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Rng`] if the generator fails.
#[cfg(feature = "alloc")]
pub fn uuid4<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
) -> Result<Zeroizing<alloc::string::String>, Error<R::Error>> {
    let mut text = Zeroizing::new(alloc::vec![0u8; UUID4_LEN]);
    write_uuid4(rng, &mut text)?;
    Ok(crate::scratch::ascii_string(text))
}
