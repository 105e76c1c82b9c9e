//! `reset_url` from an arbitrary base and parameter name: refused exactly when the
//! documented rules refuse (a bad name, a `#fragment`, a base that has the
//! parameter already), and otherwise the base, the joiner the rules give, the name
//! and `=`, then the URL-safe encoding of the 32 bytes the generator served.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rsecrets_fuzz::{Served, decode_urlsafe};
use rsecrets_recipes::{Error, Invalid, reset_url};

#[derive(Debug, Arbitrary)]
struct Input {
    base: String,
    param: Option<String>,
    rng: Vec<u8>,
}

fuzz_target!(|input: Input| {
    let base = input.base.as_str();
    let param = input.param.as_deref();
    let mut rng = Served::new(&input.rng);
    let got = reset_url(&mut rng, base, param);
    let prefix = match expected_prefix(base, param) {
        Ok(prefix) => prefix,
        Err(want) => {
            assert_eq!(got, Err(Error::Invalid(want)));
            assert!(rng.log.is_empty(), "a refused URL drew bytes");
            return;
        }
    };
    let url = got.unwrap_or_else(|e| panic!("{base:?} {param:?} refused: {e:?}"));
    let token = url
        .strip_prefix(prefix.as_str())
        .unwrap_or_else(|| panic!("{:?} does not start with {prefix:?}", &*url));
    assert_eq!(token.len(), 43);
    assert_eq!(rng.log.len(), 32, "a token is 32 bytes");
    assert_eq!(decode_urlsafe(token).as_deref(), Some(rng.log.as_slice()));
});

/// What comes before the token, or the error, by the documented rules.
fn expected_prefix(base: &str, param: Option<&str>) -> Result<String, Invalid> {
    let Some(name) = param else {
        return Ok(base.to_owned());
    };
    let unreserved = |c: char| c.is_ascii_alphanumeric() || "-._~".contains(c);
    if name.is_empty() || !name.chars().all(unreserved) {
        return Err(Invalid::ParamName);
    }
    if base.contains('#') {
        return Err(Invalid::BaseHasFragment);
    }
    if let Some(at) = base.find('?') {
        let query = &base[at + 1..];
        for pair in query.split('&') {
            let key = pair.find('=').map_or(pair, |eq| &pair[..eq]);
            if key == name {
                return Err(Invalid::ParamInBase);
            }
        }
    }
    let joiner = match base.chars().last() {
        Some('?' | '&') => "",
        _ if base.contains('?') => "&",
        _ => "?",
    };
    Ok(format!("{base}{joiner}{name}="))
}
