//! Random (version 4) UUIDs.

use rand_core::TryCryptoRng;
use rsecrets_core::Error;
use zeroize::Zeroize as _;
#[cfg(feature = "alloc")]
use zeroize::Zeroizing;

use crate::hex::hex;
use crate::scratch::{ascii_str, into_slice};

/// The length of a UUID in its canonical text form, `8-4-4-4-12` hex digits.
///
/// ```
/// let mut line = [0u8; rsecrets_token::UUID4_LEN];
/// # let _ = &mut line;
/// assert_eq!(rsecrets_token::UUID4_LEN, 36);
/// ```
pub const UUID4_LEN: usize = 36;

/// Where the hyphens go in the 32 hex digits: `8-4-4-4-12`.
const GROUP_ENDS: [usize; 4] = [8, 12, 16, 20];

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
    write_uuid4(rng, into_slice(out))?;
    Ok(ascii_str(out))
}

/// Passes a random UUID to `put`, piece by piece (`UUID4_LEN` characters in all);
/// nothing on an error.
fn write_uuid4<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    mut put: impl FnMut(&str),
) -> Result<(), Error<R::Error>> {
    let mut bytes = [0u8; 16];
    let mut digits = [0u8; 32];
    let filled = rng.try_fill_bytes(&mut bytes);
    if filled.is_ok() {
        set_version_and_variant(&mut bytes);
        // One encoder pass over all 16 bytes, then the hyphens between the groups.
        let text = hex(&bytes, &mut digits);
        let mut start = 0;
        for end in GROUP_ENDS {
            put(&text[start..end]);
            put("-");
            start = end;
        }
        put(&text[start..]);
    }
    // Nothing above can panic, so these wipes always run. As slices: zeroize wipes
    // a slice in one pass, an array (or a `Zeroizing` array) a byte at a time.
    bytes.as_mut_slice().zeroize();
    digits.as_mut_slice().zeroize();
    filled.map_err(Error::Rng)
}

/// Sets the version (`0100`, the high nibble of byte 6) and variant (`10`, the top
/// bits of byte 8). In one 128-bit word: single-byte stores into bytes just written
/// as one 16-byte store make the encoder's 16-byte load wait (a failed store
/// forward, about 15 cycles).
fn set_version_and_variant(bytes: &mut [u8; 16]) {
    const CLEAR: u128 = !((0xf << 76) | (0x3 << 62));
    const SET: u128 = (0x4 << 76) | (0x2 << 62);
    *bytes = ((u128::from_be_bytes(*bytes) & CLEAR) | SET).to_be_bytes();
}

/// A random UUID (RFC 9562, version 4) in canonical lowercase form, like Python's
/// `str(uuid.uuid4())` but drawn from the generator you pass.
///
/// See [`fill_uuid4`] for the format; the string is allocated once at its final
/// size and wiped when dropped.
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
    let mut text = crate::scratch::new_text(UUID4_LEN);
    write_uuid4(rng, |piece| text.push_str(piece))?;
    debug_assert_eq!(text.len(), text.capacity(), "no reallocation");
    Ok(text)
}
