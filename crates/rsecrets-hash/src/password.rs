//! Password hashes: Argon2id in PHC strings, through RustCrypto's `argon2`.

use alloc::string::{String, ToString as _};

use argon2::{
    Algorithm, Argon2, PasswordHash, PasswordHasher as _, PasswordVerifier as _, Version,
};
use rand_core::TryCryptoRng;

use crate::Error;

/// Bytes of salt a new hash gets, fresh from the caller's generator: 128 bits, what
/// RFC 9106 recommends.
pub const SALT_LEN: usize = 16;

/// The bytes of hash a PHC string stores (RFC 9106's tag length).
const TAG_LEN: usize = 32;

/// Argon2 cost parameters.
///
/// [`Params::DEFAULT`] is RFC 9106's second recommended option (§4: 64 MiB, 3
/// passes, 4 lanes), which is also argon2-cffi's default: a Python user's stored
/// hashes keep their cost. [`Params::is_weak`] says whether parameters fall below
/// every one of OWASP's recommended Argon2id configurations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Params {
    /// Memory, in KiB (at least 8 per lane).
    pub memory_kib: u32,
    /// Passes over the memory (Argon2's `t`).
    pub iterations: u32,
    /// Lanes (Argon2's `p`): computed on threads with the `parallel` feature (on in
    /// the `rsecrets` facade), one after another without it; the result is the same.
    pub parallelism: u32,
}

impl Params {
    /// RFC 9106's second recommended option: m = 64 MiB, t = 3, p = 4.
    pub const DEFAULT: Params = Params {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 4,
    };

    /// The largest parameters this crate hashes or verifies with: 2 GiB (RFC 9106's
    /// first recommended option), 100 passes, 64 lanes. A stored hash asking for
    /// more is refused before any memory is allocated, so a hostile PHC string
    /// cannot exhaust the machine.
    pub const MAX: Params = Params {
        memory_kib: 2 * 1024 * 1024,
        iterations: 100,
        parallelism: 64,
    };

    /// OWASP's Password Storage Cheat Sheet's Argon2id configurations, equal in
    /// defence: (m, t) = (46 MiB, 1), (19 MiB, 2), (12 MiB, 3), (9 MiB, 4), (7 MiB, 5),
    /// each with p = 1.
    pub const OWASP: [Params; 5] = [
        Params::owasp(47_104, 1),
        Params::owasp(19_456, 2),
        Params::owasp(12_288, 3),
        Params::owasp(9_216, 4),
        Params::owasp(7_168, 5),
    ];

    const fn owasp(memory_kib: u32, iterations: u32) -> Params {
        Params {
            memory_kib,
            iterations,
            parallelism: 1,
        }
    }

    /// Whether these parameters cost less than every one of [`Params::OWASP`]'s
    /// configurations (less memory, or fewer passes, than each).
    ///
    /// ```
    /// use rsecrets_hash::Params;
    /// assert!(!Params::DEFAULT.is_weak());
    /// assert!(Params { memory_kib: 19_456, iterations: 1, parallelism: 1 }.is_weak());
    /// assert!(!Params { memory_kib: 47_104, iterations: 1, parallelism: 1 }.is_weak());
    /// ```
    #[must_use]
    pub fn is_weak(&self) -> bool {
        !Params::OWASP
            .iter()
            .any(|o| self.memory_kib >= o.memory_kib && self.iterations >= o.iterations)
    }

    /// Whether this layer hashes with these parameters: at least Argon2's minimums
    /// (t ≥ 1, p ≥ 1, m ≥ 8·p KiB) and at most [`Params::MAX`]. Says nothing of
    /// strength: see [`Params::is_weak`].
    ///
    /// ```
    /// use rsecrets_hash::{Error, Params};
    /// assert_eq!(Params::DEFAULT.check(), Ok(()));
    /// let zero = Params { iterations: 0, ..Params::DEFAULT };
    /// assert!(matches!(zero.check(), Err(Error::Params { .. })));
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Params`] for parameters outside those bounds.
    pub fn check(&self) -> Result<(), Error> {
        self.argon2(TAG_LEN).map(drop)
    }

    /// The `argon2` crate's parameters, after checking them against Argon2's minimums
    /// and [`Params::MAX`].
    pub(crate) fn argon2<E>(self, output_len: usize) -> Result<argon2::Params, Error<E>> {
        let refused = Error::Params {
            memory_kib: self.memory_kib,
            iterations: self.iterations,
            parallelism: self.parallelism,
        };
        let max = Params::MAX;
        if self.memory_kib > max.memory_kib
            || self.iterations > max.iterations
            || self.parallelism > max.parallelism
        {
            return Err(refused);
        }
        argon2::Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(output_len),
        )
        .map_err(|_| refused)
    }
}

impl Default for Params {
    fn default() -> Self {
        Params::DEFAULT
    }
}

/// Hashes a password with Argon2id at [`Params::DEFAULT`] and a fresh 16-byte salt
/// from `rng`, as a PHC string (`$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>`) to
/// store. Argon2's working memory is wiped when it is done.
///
/// ```
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// let phc = rsecrets_hash::hash_password(&mut rng, b"correct horse")?;
/// assert!(phc.starts_with("$argon2id$v=19$m=65536,t=3,p=4$"));
/// assert_eq!(rsecrets_hash::verify_password(b"correct horse", &phc), Ok(true));
/// # Ok::<(), rsecrets_hash::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::EmptySecret`] for an empty password; [`Error::Rng`] if the generator
/// fails.
pub fn hash_password<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    secret: &[u8],
) -> Result<String, Error<R::Error>> {
    hash_password_with(rng, secret, Params::DEFAULT)
}

/// [`hash_password`] with other parameters (check them with [`Params::is_weak`]).
///
/// # Errors
///
/// As [`hash_password`], and [`Error::Params`] for parameters below Argon2's
/// minimums or above [`Params::MAX`].
pub fn hash_password_with<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    secret: &[u8],
    params: Params,
) -> Result<String, Error<R::Error>> {
    if secret.is_empty() {
        return Err(Error::EmptySecret);
    }
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.argon2(TAG_LEN)?);
    let mut salt = [0u8; SALT_LEN];
    rng.try_fill_bytes(&mut salt).map_err(Error::Rng)?;
    // With checked parameters, a 16-byte salt and a 32-byte tag nothing here can fail
    // but an allocation, which aborts.
    let hash = argon2
        .hash_password_with_salt(secret, &salt)
        .map_err(|_| Error::Malformed)?;
    Ok(hash.to_string())
}

/// Checks a password against a stored PHC string: `Ok(true)` if it matches,
/// `Ok(false)` if not. Reads Argon2id, Argon2i and Argon2d hashes from any
/// implementation (libargon2, argon2-cffi, PHP's `password_hash`), with the
/// parameters the string names, up to [`Params::MAX`]. The tags are compared in
/// constant time.
///
/// # Errors
///
/// [`Error::Malformed`] for a string that is not a complete Argon2 PHC string,
/// [`Error::Unsupported`] for another algorithm or version, [`Error::Params`] for
/// parameters past [`Params::MAX`] (refused before any memory is allocated).
pub fn verify_password(secret: &[u8], phc: &str) -> Result<bool, Error> {
    let (hash, _) = parse(phc)?;
    match Argon2::default().verify_password(secret, &hash) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
        Err(_) => Err(Error::Malformed),
    }
}

/// Whether a stored hash should be replaced by a new one with `params` (at the
/// user's next login, when the password is at hand): it is not Argon2id version 19,
/// its parameters differ from `params`, or its salt or tag is shorter than ours.
///
/// ```
/// use rsecrets_hash::{needs_rehash, Params};
/// let old = "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$BSmyXLs3XAkyQp6z8WVkHcdDw5ulQW6pKHeFLhKsrDI";
/// assert_eq!(needs_rehash(old, Params::DEFAULT), Ok(true));
/// ```
///
/// # Errors
///
/// As [`verify_password`] for a string it cannot read.
pub fn needs_rehash(phc: &str, params: Params) -> Result<bool, Error> {
    let (hash, stored) = parse(phc)?;
    let current = hash.algorithm.as_str() == "argon2id"
        && hash.version == Some(Version::V0x13.into())
        && stored == params
        && hash.salt.as_ref().is_some_and(|s| s.len() >= SALT_LEN)
        && hash.hash.as_ref().is_some_and(|h| h.len() >= TAG_LEN);
    Ok(!current)
}

/// Parses and bounds a stored PHC string before anything is computed.
fn parse(phc: &str) -> Result<(PasswordHash, Params), Error> {
    let hash = PasswordHash::new(phc).map_err(|_| Error::Malformed)?;
    Algorithm::try_from(hash.algorithm.as_str()).map_err(|_| Error::Unsupported)?;
    if let Some(version) = hash.version {
        Version::try_from(version).map_err(|_| Error::Unsupported)?;
    }
    if hash.salt.is_none() || hash.hash.is_none() {
        return Err(Error::Malformed);
    }
    let parsed = argon2::Params::try_from(&hash).map_err(|_| Error::Malformed)?;
    let params = Params {
        memory_kib: parsed.m_cost(),
        iterations: parsed.t_cost(),
        parallelism: parsed.p_cost(),
    };
    params.argon2::<core::convert::Infallible>(parsed.output_len().unwrap_or(TAG_LEN))?;
    Ok((hash, params))
}
