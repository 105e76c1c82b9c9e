//! Reset URLs.

use alloc::string::String;

use rand_core::TryCryptoRng;
use zeroize::Zeroizing;

use crate::{Error, Invalid};

/// A password-reset style URL: `base` followed by a 32-byte
/// [`token_urlsafe`](rsecrets_token::token_urlsafe) (256 bits, 43 characters).
///
/// With `param: None` the token is appended to `base` as it is, which is CPython's
/// recipe (`'https://example.com/reset=' + token_urlsafe()`). With `Some(name)` the
/// token becomes the value of the query parameter `name`, joined by `?` when `base`
/// has no query yet, by `&` when it has one, and by nothing when `base` already
/// ends in `?` or `&`.
///
/// ```
/// # use rand_core::SeedableRng;
/// # let mut rng = chacha20_rng::ChaCha20Rng::from_seed([7; 32]);
/// use rsecrets_recipes::reset_url;
/// let a = reset_url(&mut rng, "https://example.com/reset=", None)?;
/// assert_eq!(a.len(), "https://example.com/reset=".len() + 43);
/// let b = reset_url(&mut rng, "https://example.com/reset", Some("t"))?;
/// assert!(b.starts_with("https://example.com/reset?t="));
/// let c = reset_url(&mut rng, "https://example.com/reset?user=7", Some("t"))?;
/// assert!(c.starts_with("https://example.com/reset?user=7&t="));
/// # Ok::<(), rsecrets_recipes::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Invalid`] with [`Invalid::ParamName`] for an empty name or one outside
/// `A–Z a–z 0–9 - . _ ~`, with [`Invalid::BaseHasFragment`] when `param` is given
/// and `base` contains `#`, or with [`Invalid::ParamInBase`] when `base`'s query
/// already has the parameter;
/// [`Error::Core`] with [`rsecrets_core::Error::TooLarge`] when `base` is longer than
/// [`MAX_TOKEN_BYTES`](rsecrets_token::MAX_TOKEN_BYTES), or with
/// [`rsecrets_core::Error::Rng`] if the generator fails.
pub fn reset_url<R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    base: &str,
    param: Option<&str>,
) -> Result<Zeroizing<String>, Error<R::Error>> {
    let [joiner, name, eq] = match param {
        None => ["", "", ""],
        Some(name) => {
            let unreserved =
                |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
            if name.is_empty() || !name.bytes().all(unreserved) {
                return Err(Invalid::ParamName.into());
            }
            if base.contains('#') {
                return Err(Invalid::BaseHasFragment.into());
            }
            let query = base.split_once('?').map_or("", |(_, query)| query);
            if query
                .split('&')
                .any(|pair| pair.split('=').next() == Some(name))
            {
                return Err(Invalid::ParamInBase.into());
            }
            let joiner = if base.ends_with('?') || base.ends_with('&') {
                ""
            } else if base.contains('?') {
                "&"
            } else {
                "?"
            };
            [joiner, name, "="]
        }
    };
    let prefix_len = base.len() + joiner.len() + name.len() + eq.len();
    if prefix_len > rsecrets_token::MAX_TOKEN_BYTES {
        return Err(rsecrets_core::Error::TooLarge {
            requested: prefix_len,
            max: rsecrets_token::MAX_TOKEN_BYTES,
        }
        .into());
    }
    let token = rsecrets_token::token_urlsafe(rng, None)?;
    // Sized once, so the secret is never left behind in a reallocated buffer.
    let mut url = Zeroizing::new(String::with_capacity(prefix_len + token.len()));
    for part in [base, joiner, name, eq, token.as_str()] {
        url.push_str(part);
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chacha20_rng::ChaCha20Rng;
    use rand_core::SeedableRng;

    fn rng() -> ChaCha20Rng {
        ChaCha20Rng::from_seed([9; 32])
    }

    #[test]
    fn joins_with_the_right_separator() {
        let cases = [
            ("https://x.test/r", "https://x.test/r?tok="),
            ("https://x.test/r?", "https://x.test/r?tok="),
            ("https://x.test/r?a=1", "https://x.test/r?a=1&tok="),
            ("https://x.test/r?a=1&", "https://x.test/r?a=1&tok="),
        ];
        for (base, prefix) in cases {
            let url = reset_url(&mut rng(), base, Some("tok")).unwrap();
            assert!(url.starts_with(prefix), "{}", *url);
            assert_eq!(url.len(), prefix.len() + 43);
            assert_eq!(url.capacity(), url.len(), "sized once, exactly");
        }
        let plain = reset_url(&mut rng(), "https://x.test/reset=", None).unwrap();
        assert_eq!(plain.len(), "https://x.test/reset=".len() + 43);
    }

    #[test]
    fn refuses_bad_names_and_fragments() {
        for name in ["", "a b", "a&b", "a=b", "é", "a#"] {
            assert_eq!(
                reset_url(&mut rng(), "https://x.test/", Some(name)),
                Err(Invalid::ParamName.into()),
                "{name:?}"
            );
        }
        assert_eq!(
            reset_url(&mut rng(), "https://x.test/#top", Some("t")),
            Err(Invalid::BaseHasFragment.into())
        );
    }

    /// `?token=&token=…` would hand a server that reads the first value an empty
    /// token; a parameter of another name, or one that only starts the same, is fine.
    #[test]
    fn refuses_a_parameter_the_base_already_has() {
        for base in [
            "https://x.test/?token=",
            "https://x.test/?a=1&token",
            "https://x.test/?token=7&",
        ] {
            assert_eq!(
                reset_url(&mut rng(), base, Some("token")),
                Err(Invalid::ParamInBase.into()),
                "{base}"
            );
        }
        for base in [
            "https://x.test/?tokens=1",
            "https://x.test/token?a=1",
            "https://x.test/",
        ] {
            assert!(reset_url(&mut rng(), base, Some("token")).is_ok(), "{base}");
        }
    }

    /// The prefix may be as long as a token may: one byte more is refused.
    #[test]
    fn a_base_of_the_largest_size_is_accepted() {
        let max = rsecrets_token::MAX_TOKEN_BYTES;
        let base = "a".repeat(max);
        let url = reset_url(&mut rng(), &base, None).unwrap();
        assert_eq!(url.len(), max + 43);
        let base = "a".repeat(max + 1);
        assert_eq!(
            reset_url(&mut rng(), &base, None),
            Err(rsecrets_core::Error::TooLarge {
                requested: max + 1,
                max
            }
            .into())
        );
    }

    #[test]
    fn value_stability() {
        let url = reset_url(
            &mut ChaCha20Rng::from_seed([42; 32]),
            "https://x.test/r",
            Some("t"),
        )
        .unwrap();
        assert_eq!(
            url.as_str(),
            "https://x.test/r?t=mBkfRuWDAhZEVDaXiANpel46thseiVHU_prme6thSl8"
        );
    }
}
