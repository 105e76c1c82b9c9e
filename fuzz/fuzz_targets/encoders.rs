//! Each token encoder (hex, URL-safe base64, UUID v4), allocating and in place,
//! against a decoder written here: the text decodes to exactly the bytes the
//! generator served, every one of them, and no more were drawn. In place, a buffer
//! too small is refused untouched, the bytes past the token are left alone, and a
//! generator that fails leaves the token's part of the buffer wiped.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rsecrets::Zeroizing;
use rsecrets_core::Error;
use rsecrets_fuzz::{Failed, Served, decode_hex, decode_urlsafe, decode_uuid, uuid4_of};
use rsecrets_token::{
    DEFAULT_ENTROPY, UUID4_LEN, fill_token_hex, fill_token_urlsafe, fill_uuid4, hex_len,
    token_bytes, token_hex, token_urlsafe, urlsafe_len, uuid4,
};

#[derive(Debug, Arbitrary)]
struct Input {
    /// `None`: the default size.
    nbytes: Option<u16>,
    /// The in-place buffer's size, relative to the token's.
    slack: i8,
    /// Make the generator fail after this many bytes.
    fail_after: Option<u16>,
    rng: Vec<u8>,
}

/// Where the bytes past a token are checked to be left alone.
const UNTOUCHED: u8 = 0xa5;

fuzz_target!(|input: Input| {
    let n = input.nbytes.map(|n| usize::from(n) % 5000);
    let nbytes = n.unwrap_or(DEFAULT_ENTROPY);
    let fail_after = input.fail_after.map(usize::from);
    let rng = || {
        let rng = Served::new(&input.rng);
        match fail_after {
            Some(k) => rng.failing_after(k),
            None => rng,
        }
    };
    let fails = |needed: usize| fail_after.is_some_and(|k| k < needed);

    // token_bytes: the bytes themselves.
    let mut r = rng();
    match token_bytes(&mut r, n) {
        Ok(bytes) => assert_eq!(*bytes, r.log),
        Err(e) => assert!(fails(nbytes) && matches!(e, Error::Rng(_))),
    }

    let text = Text {
        nbytes,
        slack: input.slack,
        rng: &rng,
        fails: &fails,
    };
    text.check(
        "hex",
        hex_len(n),
        |r| token_hex(r, n),
        |r, buf| fill_token_hex(r, n, buf),
        decode_hex,
    );
    text.check(
        "urlsafe",
        urlsafe_len(n),
        |r| token_urlsafe(r, n),
        |r, buf| fill_token_urlsafe(r, n, buf),
        decode_urlsafe,
    );

    let mut r = rng();
    match uuid4(&mut r) {
        Ok(id) => check_uuid(&id, &r.log),
        Err(e) => assert!(fails(16) && matches!(e, Error::Rng(_)), "uuid4: {e:?}"),
    }
    let mut line = [UNTOUCHED; UUID4_LEN];
    let mut r = rng();
    match fill_uuid4(&mut r, &mut line) {
        Ok(id) => check_uuid(id, &r.log),
        Err(e) => {
            assert!(fails(16) && matches!(e, Error::Rng(_)), "fill_uuid4: {e:?}");
            assert_eq!(line, [0; UUID4_LEN], "fill_uuid4: not wiped");
        }
    }
});

fn check_uuid(id: &str, served: &[u8]) {
    let served: [u8; 16] = served.try_into().expect("a UUID draws 16 bytes");
    assert_eq!(decode_uuid(id), Some(uuid4_of(served)), "{id:?}");
}

/// The checks of one text encoder.
struct Text<'i, 'r> {
    nbytes: usize,
    slack: i8,
    rng: &'r dyn Fn() -> Served<'i>,
    fails: &'r dyn Fn(usize) -> bool,
}

type Drawn<T> = Result<T, Error<Failed>>;

impl<'i> Text<'i, '_> {
    fn check(
        &self,
        name: &str,
        len: Option<usize>,
        encode: impl Fn(&mut Served<'i>) -> Drawn<Zeroizing<String>>,
        fill: impl for<'b> Fn(&mut Served<'i>, &'b mut [u8]) -> Drawn<&'b str>,
        decode: fn(&str) -> Option<Vec<u8>>,
    ) {
        let (nbytes, fails) = (self.nbytes, self.fails);
        let len = len.expect("sizes below the maximum have a length");
        let mut r = (self.rng)();
        match encode(&mut r) {
            Ok(text) => {
                assert_eq!(text.len(), len, "{name}");
                assert_eq!(r.log.len(), nbytes, "{name}: bytes drawn");
                assert_eq!(decode(&text).as_ref(), Some(&r.log), "{name}: {:?}", &*text);
            }
            Err(e) => assert!(fails(nbytes) && matches!(e, Error::Rng(_)), "{name}: {e:?}"),
        }

        let size = len.saturating_add_signed(isize::from(self.slack));
        let mut buf = vec![UNTOUCHED; size];
        let mut r = (self.rng)();
        match fill(&mut r, &mut buf) {
            Ok(text) => {
                assert!(size >= len, "{name}: a buffer too small was used");
                assert_eq!(text.len(), len, "{name}");
                assert_eq!(decode(text).as_ref(), Some(&r.log), "{name}: {text:?}");
                assert_eq!(r.log.len(), nbytes, "{name}: bytes drawn");
            }
            Err(Error::BufferTooSmall { needed, len: have }) => {
                assert_eq!((needed, have), (len, size), "{name}");
                assert!(r.log.is_empty(), "{name}: drew for a buffer too small");
                assert!(buf.iter().all(|&b| b == UNTOUCHED), "{name}: wrote to it");
                return;
            }
            Err(e) => {
                assert!(fails(nbytes) && matches!(e, Error::Rng(_)), "{name}: {e:?}");
                assert!(buf[..len].iter().all(|&b| b == 0), "{name}: not wiped");
            }
        }
        assert!(
            buf[len..].iter().all(|&b| b == UNTOUCHED),
            "{name}: past the token"
        );
    }
}
