//! UUIDs (RFC 9562): random ones (version 4) and time-ordered ones (version 7), as
//! text, as bytes and, with the `uuid` feature, as `uuid::Uuid`.

use core::fmt;

use rand_core::{TryCryptoRng, TryRng};
use rsecrets_core::Error;

use crate::encode::{Encoding, Sink, chunks, fill};

/// The length of a UUID in its canonical text form, `8-4-4-4-12` hex digits.
///
/// ```
/// let mut line = [0u8; rsecrets_token::UUID_LEN];
/// # let _ = &mut line;
/// assert_eq!(rsecrets_token::UUID_LEN, 36);
/// ```
pub const UUID_LEN: usize = 36;

/// [`UUID_LEN`], under its first name: the text of a version 4 UUID.
///
/// ```
/// assert_eq!(rsecrets_token::UUID4_LEN, rsecrets_token::UUID_LEN);
/// ```
pub const UUID4_LEN: usize = UUID_LEN;

/// The bytes of each hyphen-separated group: `8-4-4-4-12` hex digits.
const GROUPS: [core::ops::Range<usize>; 5] = [0..4, 4..6, 6..8, 8..10, 10..16];

/// Sets the version 4 and variant `10` bits of 16 random bytes.
fn stamp_v4(b: &mut [u8]) {
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // variant 10
}

/// Puts a UUID made of 16 random bytes, once `stamp` has set its fixed fields,
/// group by group and hyphen by hyphen (`UUID_LEN` characters in all). Each group
/// is encoded on its own, so no text is sliced (slicing checks `char` boundaries,
/// which reads secret text). `stamp` runs only once the bytes are drawn.
fn put_uuid<R: TryRng + ?Sized>(
    rng: &mut R,
    out: &mut Sink<'_>,
    mut stamp: impl FnMut(&mut [u8]),
) -> Result<(), R::Error> {
    // 16 bytes, and room for the longest group's 12 digits.
    chunks::<_, 28>(rng, 16, 16, |b, room| {
        stamp(b);
        for (i, group) in GROUPS.into_iter().enumerate() {
            if i > 0 {
                out.put("-");
            }
            out.encode(Encoding::Hex, &b[group], room);
        }
    })
}

/// 16 random bytes from `rng`, once `stamp` has set the fixed fields.
fn uuid_bytes<R: TryRng + ?Sized>(
    rng: &mut R,
    stamp: impl FnOnce(&mut [u8]),
) -> Result<[u8; 16], Error<R::Error>> {
    let mut b = [0u8; 16];
    rng.try_fill_bytes(&mut b).map_err(Error::Rng)?;
    stamp(&mut b);
    Ok(b)
}

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
/// use rsecrets_token::{UUID_LEN, fill_uuid4};
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let mut line = [0u8; UUID_LEN];
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
    out: &'a mut [u8; UUID_LEN],
) -> Result<&'a str, Error<R::Error>> {
    fill(out, UUID_LEN, |put| put_uuid(rng, put, stamp_v4))
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
    crate::encode::text(UUID_LEN, |put| put_uuid(rng, put, stamp_v4))
}

/// A random UUID (RFC 9562, version 4) as its 16 bytes, in the order of the text
/// form (network order): what a database stores in a `uuid` or `BINARY(16)` column.
///
/// The same bytes as [`uuid4`]'s text for the same generator output.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::uuid4_bytes;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let id = uuid4_bytes(&mut rng)?;
/// assert_eq!(id[6] >> 4, 4); // the version
/// assert_eq!(id[8] >> 6, 0b10); // the variant
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Rng`] if the generator fails.
pub fn uuid4_bytes<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<[u8; 16], Error<R::Error>> {
    uuid_bytes(rng, stamp_v4)
}

/// A random UUID (RFC 9562, version 4) as a [`uuid::Uuid`], for the crates that
/// store one (sqlx, diesel, serde): [`uuid4_bytes`] in the `uuid` crate's type.
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let id = rsecrets_token::uuid4_uuid(&mut rng)?;
/// assert_eq!(id.get_version_num(), 4);
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Rng`] if the generator fails.
#[cfg(feature = "uuid")]
pub fn uuid4_uuid<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<::uuid::Uuid, Error<R::Error>> {
    uuid4_bytes(rng).map(::uuid::Uuid::from_bytes)
}

/// The largest Unix time in milliseconds a version 7 UUID holds: its timestamp is
/// 48 bits, which lasts until the year 10889.
///
/// ```
/// assert_eq!(rsecrets_token::MAX_UNIX_MS, (1 << 48) - 1);
/// ```
pub const MAX_UNIX_MS: u64 = (1 << 48) - 1;

/// Bits of the counter in `rand_a`.
const COUNTER_BITS: u32 = 12;

/// The random start of the counter in a new millisecond: 11 bits, the top bit of
/// the 12 clear, so at least 2048 UUIDs fit in a millisecond before the counter
/// carries into the timestamp.
const SEED_MASK: u16 = 0x07ff;

/// The state behind time-ordered (version 7, RFC 9562) UUIDs: each UUID it makes is
/// greater than the one before, as bytes and as text, even when several are made in
/// one millisecond or the clock steps back.
///
/// # Layout and method
///
/// `unix_ts_ms` (48 bits, the time you pass), version `0111`, `rand_a` (12 bits), the
/// variant `10`, `rand_b` (62 bits, fresh from `rng` for every UUID). `rand_a` is a
/// counter, RFC 9562 §6.2 method 1 ("fixed bit-length dedicated counter"):
///
/// - when the time is later than the last UUID's timestamp, the UUID takes that
///   time and the counter starts at a random value below 2048 (11 random bits, the
///   top bit clear, so at least 2048 UUIDs fit in that millisecond);
/// - otherwise (the same millisecond, or the clock went back), the UUID takes the
///   last timestamp and the counter goes up by one; past 4095 it carries into the
///   timestamp (the timestamp and counter are one 60-bit number, incremented), so
///   the UUIDs run ahead of the clock until it catches up.
///
/// So (timestamp, counter) strictly increases from one UUID to the next, and the
/// UUIDs with it. A UUID reveals the time it was made (to the millisecond); its 62
/// bits of `rand_b` are unpredictable, and the counter's random start is shared by
/// the UUIDs of one millisecond. Times above [`MAX_UNIX_MS`] (the year 10889) are
/// taken modulo 2^48, as the 48-bit field would: the order holds until then.
///
/// One `Uuid7` orders the UUIDs it makes; for a process-wide order, share one (the
/// `rsecrets` facade keeps one behind a mutex in `rsecrets::uuid7()`).
///
/// ```
/// use chacha20_rng::ChaCha20Rng;
/// use rand_core::SeedableRng;
/// use rsecrets_token::Uuid7;
///
/// let mut rng = ChaCha20Rng::from_seed([7; 32]);
/// let mut ids = Uuid7::new();
/// # #[cfg(feature = "alloc")] {
/// let a = ids.next(&mut rng, 1_700_000_000_000)?;
/// let b = ids.next(&mut rng, 1_700_000_000_000)?; // the same millisecond
/// let c = ids.next(&mut rng, 1_699_999_999_000)?; // the clock stepped back
/// assert!(*a < *b && *b < *c);
/// assert!(a.starts_with("018bcfe5-6800-7"));
/// # }
/// # Ok::<(), rsecrets_core::Error>(())
/// ```
/// Not `Clone`: two copies of one state would each think they made the last UUID.
#[derive(Default)]
pub struct Uuid7 {
    /// The last UUID's timestamp and counter, `unix_ts_ms << 12 | rand_a`; `None`
    /// before the first.
    last: Option<u64>,
}

impl fmt::Debug for Uuid7 {
    /// Shows the last timestamp, not the counter (which carries random bits).
    ///
    /// ```
    /// assert_eq!(format!("{:?}", rsecrets_token::Uuid7::new()), "Uuid7 { unix_ms: None, .. }");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Uuid7")
            .field("unix_ms", &self.last.map(|last| last >> COUNTER_BITS))
            .finish_non_exhaustive()
    }
}

impl Uuid7 {
    /// A new state: its first UUID takes the time it is given.
    ///
    /// ```
    /// static IDS: std::sync::Mutex<rsecrets_token::Uuid7> =
    ///     std::sync::Mutex::new(rsecrets_token::Uuid7::new());
    /// # let _ = &IDS;
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self { last: None }
    }

    /// Sets the timestamp, version, counter and variant of 16 random bytes, and
    /// moves the state on (see the type's docs). No branch on the random bytes: the
    /// one comparison is of timestamps.
    fn stamp(&mut self, b: &mut [u8], unix_ms: u64) {
        let ms = unix_ms & MAX_UNIX_MS;
        let seed = u64::from(u16::from_be_bytes([b[6], b[7]]) & SEED_MASK);
        let next = match self.last {
            Some(last) if ms <= last >> COUNTER_BITS => (last + 1) & (MAX_UNIX_MS << 12 | 0xfff),
            _ => ms << COUNTER_BITS | seed,
        };
        self.last = Some(next);
        let [_, _, t0, t1, t2, t3, t4, t5] = (next >> COUNTER_BITS).to_be_bytes();
        let [_, _, _, _, _, _, a0, a1] = next.to_be_bytes();
        b[..8].copy_from_slice(&[t0, t1, t2, t3, t4, t5, 0x70 | (a0 & 0x0f), a1]);
        b[8] = (b[8] & 0x3f) | 0x80; // variant 10
    }

    /// The next UUID as its 16 bytes (network order, as in the text), made at
    /// `unix_ms` milliseconds since 1970 (UTC) by your clock.
    ///
    /// ```
    /// use chacha20_rng::ChaCha20Rng;
    /// use rand_core::SeedableRng;
    /// use rsecrets_token::Uuid7;
    ///
    /// let mut rng = ChaCha20Rng::from_seed([7; 32]);
    /// let mut ids = Uuid7::new();
    /// let a = ids.next_bytes(&mut rng, 1_700_000_000_000)?;
    /// let b = ids.next_bytes(&mut rng, 1_700_000_000_000)?;
    /// assert!(a < b);
    /// assert_eq!(a[6] >> 4, 7);
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Rng`] if the generator fails; the state is then unchanged.
    pub fn next_bytes<R: TryCryptoRng + ?Sized>(
        &mut self,
        rng: &mut R,
        unix_ms: u64,
    ) -> Result<[u8; 16], Error<R::Error>> {
        uuid_bytes(rng, |b| self.stamp(b, unix_ms))
    }

    /// Writes the next UUID into `out` in canonical lowercase form,
    /// `tttttttt-tttt-7xxx-Nxxx-xxxxxxxxxxxx` (`t` the timestamp, `N` one of
    /// `8 9 a b`), and returns it; as [`fill_uuid4`], the random bytes pass through a
    /// wiped buffer and a constant-time encoder.
    ///
    /// ```
    /// use chacha20_rng::ChaCha20Rng;
    /// use rand_core::SeedableRng;
    /// use rsecrets_token::{UUID_LEN, Uuid7};
    ///
    /// let mut rng = ChaCha20Rng::from_seed([7; 32]);
    /// let mut ids = Uuid7::new();
    /// let mut line = [0u8; UUID_LEN];
    /// let id = ids.fill(&mut rng, 1_700_000_000_000, &mut line)?;
    /// assert_eq!(&id[..15], "018bcfe5-6800-7");
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Rng`] if the generator fails; `out` is then left wiped and the state
    /// unchanged.
    pub fn fill<'a, R: TryCryptoRng + ?Sized>(
        &mut self,
        rng: &mut R,
        unix_ms: u64,
        out: &'a mut [u8; UUID_LEN],
    ) -> Result<&'a str, Error<R::Error>> {
        fill(out, UUID_LEN, |put| {
            put_uuid(rng, put, |b| self.stamp(b, unix_ms))
        })
    }

    /// The next UUID in canonical lowercase form (see [`fill`](Self::fill)), made at
    /// `unix_ms` milliseconds since 1970 (UTC) by your clock; allocated once and
    /// wiped when dropped.
    ///
    /// See the type's docs for an example.
    ///
    /// # Errors
    ///
    /// [`Error::Rng`] if the generator fails; the state is then unchanged.
    #[cfg(feature = "alloc")]
    pub fn next<R: TryCryptoRng + ?Sized>(
        &mut self,
        rng: &mut R,
        unix_ms: u64,
    ) -> Result<zeroize::Zeroizing<alloc::string::String>, Error<R::Error>> {
        crate::encode::text(UUID_LEN, |put| {
            put_uuid(rng, put, |b| self.stamp(b, unix_ms))
        })
    }

    /// The next UUID as a [`uuid::Uuid`] (see [`next_bytes`](Self::next_bytes)).
    ///
    /// ```
    /// use chacha20_rng::ChaCha20Rng;
    /// use rand_core::SeedableRng;
    ///
    /// let mut rng = ChaCha20Rng::from_seed([7; 32]);
    /// let mut ids = rsecrets_token::Uuid7::new();
    /// let id = ids.next_uuid(&mut rng, 1_700_000_000_000)?;
    /// assert_eq!(id.get_version_num(), 7);
    /// # Ok::<(), rsecrets_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Rng`] if the generator fails; the state is then unchanged.
    #[cfg(feature = "uuid")]
    pub fn next_uuid<R: TryCryptoRng + ?Sized>(
        &mut self,
        rng: &mut R,
        unix_ms: u64,
    ) -> Result<::uuid::Uuid, Error<R::Error>> {
        self.next_bytes(rng, unix_ms).map(::uuid::Uuid::from_bytes)
    }
}
