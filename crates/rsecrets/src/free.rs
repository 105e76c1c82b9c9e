//! Python-shaped free functions on the default generator.

use core::cell::RefCell;
use std::sync::{Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use rsecrets_core::{Error, Secrets, UnsignedInt};
use rsecrets_entropy::FastRng;
use rsecrets_token::{IdError, Uuid7};

use rsecrets_recipes::{
    ApiKey, Error as RecipeError, Passphrase, PassphraseGenerator, PasswordGenerator,
    PasswordPolicy,
};
use zeroize::Zeroizing;

/// The generator behind the free functions, as a value you can hold.
///
/// This is [`FastRng`]: per-thread ChaCha20 seeded from the OS, with fast key
/// erasure, periodic reseeding and fork safety (see its docs and
/// `docs/security.md`). It implements [`rand_core::CryptoRng`], so it works with
/// every layer and with `rand`'s distributions, and it panics if the OS cannot seed
/// it (as `rand::rng()` does). Callers who must handle an OS failure use
/// [`rsecrets_entropy::TryFastRng`], [`crate::SystemRandom`] or [`crate::OsRng`].
///
/// ```
/// use rand_core::Rng;
/// let mut rng = rsecrets::rng();
/// let nonce = rng.next_u64();
/// # let _ = nonce;
/// ```
pub type DefaultRng = FastRng;

/// A handle on the default generator ([`DefaultRng`]).
///
/// ```
/// let mut rng = rsecrets::rng();
/// let token = rsecrets::rsecrets_token::token_hex(&mut rng, 16)?;
/// assert_eq!(token.len(), 32);
/// # Ok::<(), rsecrets::Error>(())
/// ```
#[must_use]
pub fn rng() -> DefaultRng {
    FastRng::new()
}

fn secrets() -> Secrets<DefaultRng> {
    Secrets::new(rng())
}

/// Python's `secrets.token_bytes(nbytes=None)`: `nbytes` random bytes
/// ([`DEFAULT_ENTROPY`](crate::DEFAULT_ENTROPY) = 32 when `None`), wiped from memory
/// when dropped.
///
/// ```
/// let key = rsecrets::token_bytes(16)?;
/// assert_eq!(key.len(), 16);
/// assert_eq!(rsecrets::token_bytes(None)?.len(), 32);
/// # Ok::<(), rsecrets::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::TooLarge`] when `nbytes` exceeds [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES);
/// nothing is allocated then.
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn token_bytes(nbytes: impl Into<Option<usize>>) -> Result<Zeroizing<Vec<u8>>, Error> {
    rsecrets_token::token_bytes(&mut rng(), nbytes)
}

/// Python's `secrets.token_hex(nbytes=None)`: `nbytes` random bytes as `2 * nbytes`
/// lowercase hex digits, encoded in constant time.
///
/// ```
/// let token = rsecrets::token_hex(16)?;
/// assert_eq!(token.len(), 32);
/// assert!(token.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
/// assert_eq!(rsecrets::token_hex(None)?.len(), 64);
/// # Ok::<(), rsecrets::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::TooLarge`] when `nbytes` exceeds [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES).
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn token_hex(nbytes: impl Into<Option<usize>>) -> Result<Zeroizing<String>, Error> {
    rsecrets_token::token_hex(&mut rng(), nbytes)
}

/// Python's `secrets.token_urlsafe(nbytes=None)`: `nbytes` random bytes as unpadded
/// base64url (`[A-Za-z0-9_-]`, `ceil(4 * nbytes / 3)` characters), encoded in
/// constant time.
///
/// ```
/// let token = rsecrets::token_urlsafe(None)?;
/// assert_eq!(token.len(), 43);
/// # Ok::<(), rsecrets::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::TooLarge`] when `nbytes` exceeds [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES).
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn token_urlsafe(nbytes: impl Into<Option<usize>>) -> Result<Zeroizing<String>, Error> {
    rsecrets_token::token_urlsafe(&mut rng(), nbytes)
}

/// A random (version 4) UUID in canonical lowercase form: 122 random bits.
///
/// ```
/// let id = rsecrets::uuid4();
/// assert_eq!(id.len(), 36);
/// assert_eq!(&id[14..15], "4");
/// ```
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
#[must_use]
pub fn uuid4() -> Zeroizing<String> {
    infallible(rsecrets_token::uuid4(&mut rng()))
}

/// A random (version 4) UUID as its 16 bytes, in the order of the text form: what a
/// database stores in a `uuid` or `BINARY(16)` column.
///
/// ```
/// let id = rsecrets::uuid4_bytes();
/// assert_eq!(id[6] >> 4, 4);
/// ```
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
#[must_use]
pub fn uuid4_bytes() -> [u8; 16] {
    infallible(rsecrets_token::uuid4_bytes(&mut rng()))
}

/// A time-ordered (version 7, RFC 9562) UUID in canonical lowercase form: the
/// current time in milliseconds, a counter and 62 random bits. Every call in the
/// process returns a UUID greater than the one before (as text and as bytes), from
/// any thread, even within one millisecond and if the system clock steps back.
///
/// The process keeps one [`Uuid7`](rsecrets_token::Uuid7) behind a mutex, read with
/// the system clock; see its docs for the method (a 12-bit counter in `rand_a`,
/// RFC 9562 §6.2 method 1). A UUID shows when it was made: for an identifier that
/// must not, use [`uuid4`].
///
/// ```
/// let a = rsecrets::uuid7();
/// let b = rsecrets::uuid7();
/// assert!(*a < *b);
/// assert_eq!(&a[14..15], "7");
/// ```
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
#[must_use]
pub fn uuid7() -> Zeroizing<String> {
    let mut state = uuid7_state();
    infallible(state.next(&mut rng(), unix_ms()))
}

/// [`uuid7`] as its 16 bytes, in the same process-wide order: each is greater than
/// the last UUID of either form.
///
/// ```
/// let a = rsecrets::uuid7_bytes();
/// let b = rsecrets::uuid7_bytes();
/// assert!(a < b);
/// assert_eq!(a[6] >> 4, 7);
/// ```
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
#[must_use]
pub fn uuid7_bytes() -> [u8; 16] {
    let mut state = uuid7_state();
    infallible(state.next_bytes(&mut rng(), unix_ms()))
}

/// [`uuid4`] as a [`uuid::Uuid`] (the `uuid` feature), for sqlx, diesel or serde.
///
/// ```
/// assert_eq!(rsecrets::uuid4_uuid().get_version_num(), 4);
/// ```
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
#[cfg(feature = "uuid")]
#[must_use]
pub fn uuid4_uuid() -> uuid::Uuid {
    uuid::Uuid::from_bytes(uuid4_bytes())
}

/// [`uuid7`] as a [`uuid::Uuid`] (the `uuid` feature), in the same process-wide order.
///
/// ```
/// let (a, b) = (rsecrets::uuid7_uuid(), rsecrets::uuid7_uuid());
/// assert!(a < b);
/// assert_eq!(a.get_version_num(), 7);
/// ```
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
#[cfg(feature = "uuid")]
#[must_use]
pub fn uuid7_uuid() -> uuid::Uuid {
    uuid::Uuid::from_bytes(uuid7_bytes())
}

/// The process's version 7 state. A panic while it was held (the OS had no
/// randomness) happened before the state changed, so a poisoned lock is still sound.
fn uuid7_state() -> std::sync::MutexGuard<'static, Uuid7> {
    static STATE: Mutex<Uuid7> = Mutex::new(Uuid7::new());
    STATE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Milliseconds since 1970 by the system clock; 0 for a clock set before 1970 (the
/// version 7 state then counts on from its last UUID, as for any clock that steps
/// back).
fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The value of a call on the default generator whose only error is the
/// generator's, which it never returns (it panics instead).
fn infallible<T>(result: Result<T, Error>) -> T {
    match result {
        Ok(value) => value,
        Err(Error::Rng(never)) => match never {},
        Err(e) => unreachable!("a call without arguments to get wrong failed: {e}"),
    }
}

/// A token of `nbytes` random bytes (32 when `None`) as RFC 4648 base32, upper case,
/// without padding (`ceil(8 * nbytes / 5)` characters of `A-Z 2-7`): what
/// authenticator apps take for TOTP secrets. Encoded in constant time (`base32ct`).
///
/// ```
/// let totp_secret = rsecrets::token_base32(20)?; // 160 bits, as RFC 6238 suggests
/// assert_eq!(totp_secret.len(), 32);
/// # Ok::<(), rsecrets::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::TooLarge`] when `nbytes` exceeds [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES).
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn token_base32(nbytes: impl Into<Option<usize>>) -> Result<Zeroizing<String>, Error> {
    rsecrets_token::token_base32(&mut rng(), nbytes)
}

/// A token of `nbytes` random bytes (32 when `None`) as Crockford's base32, upper
/// case, without padding (`0-9 A-Z` without `I L O U`): easy to read aloud and type.
/// Encoded in constant time.
///
/// ```
/// let code = rsecrets::token_base32_crockford(10)?;
/// assert_eq!(code.len(), 16);
/// assert!(!code.contains(['I', 'L', 'O', 'U']));
/// # Ok::<(), rsecrets::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::TooLarge`] when `nbytes` exceeds [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES).
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn token_base32_crockford(
    nbytes: impl Into<Option<usize>>,
) -> Result<Zeroizing<String>, Error> {
    rsecrets_token::token_base32_crockford(&mut rng(), nbytes)
}

/// A token of `nbytes` random bytes (32 when `None`) as standard base64 with padding,
/// on one line (`4 * ceil(nbytes / 3)` characters): `openssl rand -base64 NBYTES`.
/// Encoded in constant time (`base64ct`).
///
/// ```
/// let token = rsecrets::token_base64(None)?;
/// assert_eq!(token.len(), 44);
/// assert!(token.ends_with('='));
/// # Ok::<(), rsecrets::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::TooLarge`] when `nbytes` exceeds [`MAX_TOKEN_BYTES`](crate::MAX_TOKEN_BYTES).
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn token_base64(nbytes: impl Into<Option<usize>>) -> Result<Zeroizing<String>, Error> {
    rsecrets_token::token_base64(&mut rng(), nbytes)
}

/// An id of `len` characters drawn uniformly from `alphabet` (2 or more distinct
/// characters, any script): every string equally likely, `len × log2(n)` bits. See
/// [`rsecrets_token::Alphabet`] to check an alphabet once and draw many ids.
///
/// ```
/// let code = rsecrets::token_alphabet("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8)?;
/// assert_eq!(code.len(), 8);
/// assert!(rsecrets::token_alphabet("aa", 8).is_err());
/// # Ok::<(), rsecrets::IdError>(())
/// ```
///
/// # Errors
///
/// [`IdError::Alphabet`] for an alphabet that is empty, has one character or
/// repeats one; [`IdError::Core`] with [`Error::TooLarge`] for `len` above
/// [`MAX_ID_LEN`](rsecrets_token::MAX_ID_LEN).
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn token_alphabet(alphabet: &str, len: usize) -> Result<Zeroizing<String>, IdError> {
    rsecrets_token::token_alphabet(&mut rng(), alphabet, len)
}

/// nanoid's default id: 21 characters of `A-Z a-z 0-9 _ -`, 126 bits, URL-safe.
///
/// ```
/// let id = rsecrets::token_id();
/// assert_eq!(id.len(), 21);
/// ```
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
#[must_use]
pub fn token_id() -> Zeroizing<String> {
    infallible(rsecrets_token::token_id(&mut rng()))
}

/// Python's `secrets.randbelow(n)`: a uniformly random integer in `[0, n)`, for any
/// unsigned type up to `u128`, without modulo bias.
///
/// ```
/// let roll: u32 = rsecrets::randbelow(6)?;
/// assert!(roll < 6);
/// let big = rsecrets::randbelow(u128::MAX)?;
/// assert!(big < u128::MAX);
/// # Ok::<(), rsecrets::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::ZeroBound`] when `n == 0` (Python raises `ValueError`).
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn randbelow<T: UnsignedInt>(n: T) -> Result<T, Error> {
    secrets().randbelow(n)
}

/// Python's `secrets.randbits(k)`: an integer with `k` random bits, `k <= 64`
/// (`k == 0` gives 0).
///
/// ```
/// let x = rsecrets::randbits(12)?;
/// assert!(x < 1 << 12);
/// assert_eq!(rsecrets::randbits(0)?, 0);
/// # Ok::<(), rsecrets::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::TooManyBits`] when `k > 64`.
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn randbits(k: u32) -> Result<u64, Error> {
    secrets().randbits(k)
}

/// Python's `secrets.choice(seq)`: a uniformly random element of a non-empty slice.
///
/// ```
/// let colour = rsecrets::choice(&["red", "green", "blue"])?;
/// assert!(["red", "green", "blue"].contains(colour));
/// # Ok::<(), rsecrets::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::EmptySequence`] when `seq` is empty (Python raises `IndexError`).
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn choice<T>(seq: &[T]) -> Result<&T, Error> {
    secrets().choice(seq)
}

/// Fills `dst` with random bytes from the default generator (bulk output: keys,
/// nonces, `rsecrets bytes`).
///
/// ```
/// let mut nonce = [0u8; 12];
/// rsecrets::fill_bytes(&mut nonce);
/// ```
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn fill_bytes(dst: &mut [u8]) {
    rand_core::Rng::fill_bytes(&mut rng(), dst);
}

/// A numeric code of `digits` decimal digits, uniform over all `10^digits` strings
/// (leading zeros kept), as [`rsecrets_recipes::pin`].
///
/// ```
/// let code = rsecrets::pin(6)?;
/// assert_eq!(code.len(), 6);
/// assert!(code.bytes().all(|b| b.is_ascii_digit()));
/// # Ok::<(), rsecrets::RecipeError>(())
/// ```
///
/// # Errors
///
/// As [`rsecrets_recipes::pin`]: `digits` of 0 or above
/// [`MAX_PIN_DIGITS`](rsecrets_recipes::MAX_PIN_DIGITS).
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn pin(digits: usize) -> Result<Zeroizing<String>, RecipeError> {
    rsecrets_recipes::pin(&mut rng(), digits)
}

/// An API key in GitHub's scheme: `prefix_` + 30 random base62 characters + a
/// 6-character checksum, 178.6 bits. Check one with [`ApiKey::check`]; store its
/// [`ApiKey::sha256_hex`]. See [`rsecrets_recipes::ApiKey`].
///
/// ```
/// let key = rsecrets::api_key("acme")?;
/// assert_eq!(rsecrets::ApiKey::check(key.as_str(), Some("acme")), Ok("acme"));
/// # Ok::<(), rsecrets::RecipeError>(())
/// ```
///
/// # Errors
///
/// As [`ApiKey::generate`]: a prefix that is not 1 to 16 ASCII letters or digits.
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn api_key(prefix: &str) -> Result<ApiKey, RecipeError> {
    ApiKey::generate(&mut rng(), prefix)
}

/// Hashes a password for storage: Argon2id at the default parameters (RFC 9106's
/// 64 MiB, 3 passes, 4 lanes) with a fresh 16-byte salt, as a PHC string. Check a
/// login with [`verify_password`](crate::verify_password). See
/// [`rsecrets_hash::hash_password`].
///
/// ```
/// let phc = rsecrets::hash_password("correct horse")?;
/// assert_eq!(rsecrets::verify_password(b"correct horse", &phc), Ok(true));
/// # Ok::<(), rsecrets::HashError>(())
/// ```
///
/// # Errors
///
/// [`HashError::EmptySecret`](crate::HashError::EmptySecret) for an empty password.
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn hash_password(secret: impl AsRef<[u8]>) -> Result<String, rsecrets_hash::Error> {
    rsecrets_hash::hash_password(&mut rng(), secret.as_ref())
}

/// A password-reset style URL: `base` followed by [`token_urlsafe`]`(None)`, as in
/// CPython's recipe, or with `param` as a query parameter (`?param=` or `&param=`,
/// whichever `base` needs). See [`rsecrets_recipes::reset_url`].
///
/// ```
/// let url = rsecrets::reset_url("https://example.com/reset?user=7", Some("token"))?;
/// assert!(url.starts_with("https://example.com/reset?user=7&token="));
/// # Ok::<(), rsecrets::RecipeError>(())
/// ```
///
/// # Errors
///
/// As [`rsecrets_recipes::reset_url`].
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn reset_url(base: &str, param: Option<&str>) -> Result<Zeroizing<String>, RecipeError> {
    rsecrets_recipes::reset_url(&mut rng(), base, param)
}

/// A password drawn uniformly from every string `policy` allows (see
/// [`PasswordPolicy`]): CPython's recipes, exact and in bounded time.
///
/// ```
/// use rsecrets::PasswordPolicy;
/// // Python: ''.join(choice(ascii_letters + digits) for i in range(8))
/// let simple = rsecrets::password(PasswordPolicy::new().length(8))?;
/// assert_eq!(simple.len(), 8);
/// // Python's loop until a password has a lower, an upper and three digits:
/// let policy = PasswordPolicy::new().length(10).min_lower(1).min_upper(1).min_digits(3);
/// let strong = rsecrets::password(policy)?;
/// assert!(strong.bytes().filter(u8::is_ascii_digit).count() >= 3);
/// # Ok::<(), rsecrets::RecipeError>(())
/// ```
///
/// The generator built for a policy is kept (one per thread) and used again while
/// the same policy is asked for, so a loop of one-shot calls costs what drawing from
/// a built generator costs; a built generator (`policy.build()?`) can also be held.
///
/// # Errors
///
/// [`RecipeError::Invalid`] with the error of [`PasswordPolicy::build`]: an impossible
/// policy, or a length of 0 or above the maximum.
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn password(policy: PasswordPolicy) -> Result<Zeroizing<String>, RecipeError> {
    LAST_PASSWORD.with_borrow_mut(|last| {
        if let Some((built, generator)) = last.as_ref() {
            if *built == policy {
                return Ok(generator.generate(&mut rng())?);
            }
        }
        let generator = policy.build()?;
        let password = generator.generate(&mut rng())?;
        *last = Some((policy, generator));
        Ok(password)
    })
}

/// A passphrase of `words` words from the EFF large list (7776 words, 12.925 bits a
/// word), separated by spaces: CPython's XKCD recipe on a list made for it.
///
/// ```
/// // Python: ' '.join(choice(words) for i in range(6))
/// let phrase = rsecrets::passphrase(6)?;
/// assert_eq!(phrase.split(' ').count(), 6);
/// # Ok::<(), rsecrets::RecipeError>(())
/// ```
///
/// For another list, separator or capitalisation, build a [`Passphrase`]. As for
/// [`password`], the generator is kept (one per thread) for the next call with the
/// same number of words.
///
/// # Errors
///
/// [`RecipeError::Invalid`] with [`Invalid::Length`](rsecrets_recipes::Invalid::Length)
/// for 0 words or more than [`MAX_PASSPHRASE_WORDS`](rsecrets_recipes::MAX_PASSPHRASE_WORDS).
///
/// # Panics
///
/// Only if the operating system cannot provide randomness.
pub fn passphrase(words: usize) -> Result<Zeroizing<String>, RecipeError> {
    LAST_PASSPHRASE.with_borrow_mut(|last| {
        if let Some(generator) = last.as_ref().filter(|g| g.words() == words) {
            return Ok(generator.generate(&mut rng())?);
        }
        let generator = Passphrase::new().words(words).build()?;
        let phrase = generator.generate(&mut rng())?;
        *last = Some(generator);
        Ok(phrase)
    })
}

std::thread_local! {
    /// The generator of this thread's last [`password`] call, and its policy.
    static LAST_PASSWORD: RefCell<Option<(PasswordPolicy, PasswordGenerator)>> =
        const { RefCell::new(None) };
    /// The generator of this thread's last [`passphrase`] call.
    static LAST_PASSPHRASE: RefCell<Option<PassphraseGenerator>> = const { RefCell::new(None) };
}
