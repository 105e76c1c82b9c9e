//! Random (version 4) UUIDs.

use rand_core::{TryCryptoRng, TryRng};
use rsecrets_core::Error;

use crate::encode::{Encoding, Sink, chunks, fill};

/// The length of a UUID in its canonical text form, `8-4-4-4-12` hex digits.
///
/// ```
/// let mut line = [0u8; rsecrets_token::UUID4_LEN];
/// # let _ = &mut line;
/// assert_eq!(rsecrets_token::UUID4_LEN, 36);
/// ```
pub const UUID4_LEN: usize = 36;

/// The bytes of each hyphen-separated group: `8-4-4-4-12` hex digits.
const GROUPS: [core::ops::Range<usize>; 5] = [0..4, 4..6, 6..8, 8..10, 10..16];

/// Writes a random UUID (RFC 9562, version 4) into `out` in canonical lowercase form,
/// `xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx` with `N` one of `8 9 a b`, and returns it.
///
/// 122 of the 128 bits are random: 16 bytes are drawn from `rng`, then the version
/// (`0100`) and variant (`10`) bits are set. The bytes live in a stack buffer that is
/// wiped before returning, and the hex encoder is constant-time. The returned `&str`
/// comes from a UTF-8 check of the written text made after clearing bit 7 of every
/// byte (which changes nothing in this ASCII text), so the check takes the same
/// path for every UUID.
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
/// [`Error::Rng`] if the generator fails; `out` is then left wiped.
pub fn fill_uuid4<'a, R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    out: &'a mut [u8; UUID4_LEN],
) -> Result<&'a str, Error<R::Error>> {
    fill(out, UUID4_LEN, |put| put_uuid4(rng, put))
}

/// Puts a random UUID, group by group and hyphen by hyphen (`UUID4_LEN` characters
/// in all). Each group is encoded on its own, so no text is sliced (slicing checks
/// `char` boundaries, which reads secret text).
fn put_uuid4<R: TryRng + ?Sized>(rng: &mut R, out: &mut Sink<'_>) -> Result<(), R::Error> {
    // 16 bytes, and room for the longest group's 12 digits.
    chunks::<_, 28>(rng, 16, 16, |b, room| {
        b[6] = (b[6] & 0x0f) | 0x40; // version 4
        b[8] = (b[8] & 0x3f) | 0x80; // variant 10
        for (i, group) in GROUPS.into_iter().enumerate() {
            if i > 0 {
                out.put("-");
            }
            out.encode(Encoding::Hex, &b[group], room);
        }
    })
}

/// A random UUID (RFC 9562, version 4) in canonical lowercase form, like Python's
/// `str(uuid.uuid4())` but drawn from the generator you pass.
///
/// See [`fill_uuid4`] for the format; the string is allocated once at its final
/// size and wiped when dropped. No UTF-8 check: the encoder's own text is pushed.
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
) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<R::Error>> {
    crate::encode::text(UUID4_LEN, |put| put_uuid4(rng, put))
}
