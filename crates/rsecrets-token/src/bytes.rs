//! Raw random tokens (`token_bytes`).

use alloc::vec::Vec;

use rand_core::TryCryptoRng;
use rsecrets_core::Error;
use zeroize::Zeroizing;

use crate::checked_nbytes;

/// A random token of `nbytes` bytes: Python's `secrets.token_bytes`.
///
/// `None` stands for [`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY) (32 bytes). The
/// bytes are drawn straight into their final buffer, which is wiped when dropped.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::token_bytes;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let key = token_bytes(&mut rng, 16)?;
/// assert_eq!(key.len(), 16);
/// assert_eq!(token_bytes(&mut rng, None)?.len(), 32);
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::TooLarge`] if `nbytes` is above [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES);
///   nothing is allocated.
/// - [`Error::Rng`] if the generator fails; the partly filled buffer is wiped.
pub fn token_bytes<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    nbytes: impl Into<Option<usize>>,
) -> Result<Zeroizing<Vec<u8>>, Error<R::Error>> {
    let mut bytes = Zeroizing::new(alloc::vec![0u8; checked_nbytes(nbytes)?]);
    rng.try_fill_bytes(&mut bytes).map_err(Error::Rng)?;
    Ok(bytes)
}
