//! The negative control of the fuzz section: the `encoders` oracle (decode by hand,
//! compare with the bytes served) on a hex encoder with a chunk-boundary
//! off-by-one (`rsecrets_fuzz::broken_token_hex`). The fuzzer must crash this one
//! within the same budget as the real targets; if it does not, the harness cannot
//! find what it is meant to find.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rsecrets_fuzz::{Served, broken_token_hex, decode_hex};

#[derive(Debug, Arbitrary)]
struct Input {
    nbytes: u16,
    rng: Vec<u8>,
}

fuzz_target!(|input: Input| {
    let nbytes = usize::from(input.nbytes) % 5000;
    let mut rng = Served::new(&input.rng);
    let text = broken_token_hex(&mut rng, nbytes).expect("an infallible draw");
    assert_eq!(text.len(), 2 * nbytes);
    assert_eq!(decode_hex(&text).as_ref(), Some(&rng.log), "{text:?}");
});
