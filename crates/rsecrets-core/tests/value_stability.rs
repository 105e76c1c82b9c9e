//! Pinned outputs on `ChaCha20Rng::from_seed([42; 32])`, as rand's
//! `value_stability` tests do: a silent change of algorithm (word size, rejection
//! rule, draw order) changes these values and fails here. Changing them is a
//! breaking change and belongs in the changelog.

mod common;

use common::seeded;

/// `f` called `n` times on a fresh `[42; 32]` generator.
fn draws<T>(n: usize, mut f: impl FnMut(&mut common::Rng) -> T) -> Vec<T> {
    let mut s = seeded(42);
    (0..n).map(|_| f(&mut s)).collect()
}

#[test]
fn randbelow_u8_u32() {
    assert_eq!(draws(6, |s| s.randbelow(10u8).unwrap()), [5, 8, 2, 5, 3, 1]);
    assert_eq!(
        draws(6, |s| s.randbelow(1_000_000u32).unwrap()),
        [273_912, 85_975, 590_672, 478_164, 108_249, 829_369]
    );
}

#[test]
fn randbelow_u64_usize() {
    assert_eq!(
        draws(4, |s| s.randbelow(3u64 << 62).unwrap()),
        [
            11_474_370_128_670_927_814,
            5_149_805_978_269_316_158,
            7_621_714_493_835_214_172,
            5_900_603_317_894_851_427
        ]
    );
    // usize draws 64-bit words on every target.
    assert_eq!(
        draws(4, |s| s.randbelow(1000usize).unwrap()),
        [85, 478, 829, 372]
    );
}

#[test]
fn randbelow_u128() {
    // Bounds up to u64::MAX take the u64 path: same values as usize above.
    assert_eq!(
        draws(4, |s| s.randbelow(1000u128).unwrap()),
        [85, 478, 829, 372]
    );
    assert_eq!(
        draws(4, |s| s.randbelow(3u128 << 126).unwrap()),
        [
            29_256_075_661_594_061_254_289_626_820_811_052_100,
            187_461_088_894_214_575_883_107_053_527_694_588_378,
            250_050_794_801_065_269_141_703_462_498_884_827_535,
            40_578_770_046_014_757_763_818_646_540_695_144_249
        ]
    );
}

/// Most significant word first; the words before the bound's first nonzero one are
/// zero and drawn from nothing, and a two-word bound above `u64::MAX` draws exactly
/// what `randbelow::<u128>` does.
#[test]
#[allow(clippy::cast_possible_truncation)] // the halves of a u128
fn randbelow_words() {
    let mut s = seeded(42);
    let mut out = [9u64; 4];
    s.randbelow_words(&[0, 3 << 62, 0], &mut out).unwrap();
    let three = [out[0], out[1], out[2], out[3]];
    assert_eq!(
        three,
        [
            0,
            (29_256_075_661_594_061_254_289_626_820_811_052_100u128 >> 64) as u64,
            29_256_075_661_594_061_254_289_626_820_811_052_100u128 as u64,
            9
        ]
    );
    let mut s = seeded(42);
    for want in [
        29_256_075_661_594_061_254_289_626_820_811_052_100u128,
        187_461_088_894_214_575_883_107_053_527_694_588_378,
    ] {
        s.randbelow_words(&[3 << 62, 0], &mut out).unwrap();
        assert_eq!(u128::from(out[0]) << 64 | u128::from(out[1]), want);
    }
}

#[test]
fn randbits() {
    let mut s = seeded(42);
    let bits: Vec<u64> = [1, 7, 32, 64, 0]
        .iter()
        .map(|&k| s.randbits(k).unwrap())
        .collect();
    assert_eq!(bits, [0, 61, 3_562_113_310, 6_866_407_971_025_754_878, 0]);
}

#[test]
fn choice() {
    let items = ["a", "b", "c", "d", "e", "f", "g"];
    assert_eq!(
        draws(6, |s| *s.choice(&items).unwrap()),
        ["e", "g", "b", "d", "c", "a"]
    );
}

/// `choices` draws in batches: its values differ from `choice`'s, and are pinned too.
#[test]
fn choices() {
    let mut s = seeded(42);
    let mut small = Vec::new();
    s.choices(&["a", "b", "c", "d", "e", "f", "g"], 8, |x| small.push(*x))
        .unwrap();
    assert_eq!(small, ["e", "a", "a", "b", "g", "d", "a", "a"]);
    let big: Vec<u32> = (0..1000).collect();
    let mut picks = Vec::new();
    s.choices(&big, 4, |x| picks.push(*x)).unwrap();
    assert_eq!(picks, [478, 108, 829, 483]);
}

#[test]
fn randrange() {
    assert_eq!(
        draws(6, |s| s.randrange(-100i64, 100, 3).unwrap()),
        [-85, -4, 65, -28, 8, -16]
    );
    assert_eq!(
        draws(6, |s| s.randrange(100i8, -100, -7).unwrap()),
        [-19, -75, 51, -5, 30, 79]
    );
    assert_eq!(
        draws(3, |s| s.randrange(i128::MIN, i128::MAX, 5).unwrap()),
        [
            -23_860_805_152_498_925_460_239_169_611_828_845_228,
            -35_101_598_276_586_183_705_548_020_253_233_969_418,
            -83_541_656_291_742_510_974_588_554_656_831_692_478
        ]
    );
}

#[test]
fn randint() {
    assert_eq!(
        draws(6, |s| s.randint(-5i32, 5).unwrap()),
        [-2, -5, 1, 0, -4, 4]
    );
    assert_eq!(
        draws(3, |s| s.randint(i64::MIN, i64::MAX).unwrap()),
        [
            -7_637_396_997_319_747_176,
            -402_786_806_485_593_020,
            6_075_788_134_706_461_278
        ]
    );
    assert_eq!(
        draws(2, |s| s.randint(u128::MIN, u128::MAX).unwrap()),
        [
            29_256_075_661_594_061_254_289_626_820_811_052_100,
            282_219_692_227_480_457_202_758_812_266_356_185_854
        ]
    );
}

/// The whole range of a type draws a full word: `full`, not `below`.
#[test]
fn full_ranges() {
    assert_eq!(
        draws(2, |s| s.randint(u8::MIN, u8::MAX).unwrap()),
        [152, 229]
    );
    assert_eq!(
        draws(2, |s| s.randint(u32::MIN, u32::MAX).unwrap()),
        [1_176_443_288, 369_263_589]
    );
    assert_eq!(
        draws(2, |s| s.randint(usize::MIN, usize::MAX).unwrap()),
        [1_585_975_039_535_028_632, 8_820_585_230_369_182_788]
    );
}

/// Every width's whole range is one raw word, truncated (`u8`, `u16` and `u32` from a
/// 32-bit word, `u64` and `usize` from a 64-bit one: the documented draw), and a
/// signed type's is its unsigned twin's shifted by `MIN`. (cargo-mutants does not
/// mutate the macro that writes `full` and `step` for each type: this pins them.)
#[test]
#[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
fn full_ranges_are_the_raw_words() {
    use rsecrets_core::rand_core::Rng as _;
    let w32 = draws(2, |s| s.rng().next_u32());
    let w64 = draws(2, |s| s.rng().next_u64());
    let both = |f: &dyn Fn(&mut common::Rng) -> u64| draws(2, f);
    assert_eq!(
        both(&|s| u64::from(s.randint(u8::MIN, u8::MAX).unwrap())),
        w32.iter().map(|&w| u64::from(w as u8)).collect::<Vec<_>>()
    );
    assert_eq!(
        both(&|s| u64::from(s.randint(u16::MIN, u16::MAX).unwrap())),
        w32.iter().map(|&w| u64::from(w as u16)).collect::<Vec<_>>()
    );
    assert_eq!(
        both(&|s| u64::from(s.randint(u32::MIN, u32::MAX).unwrap())),
        w32.iter().map(|&w| u64::from(w)).collect::<Vec<_>>()
    );
    assert_eq!(both(&|s| s.randint(u64::MIN, u64::MAX).unwrap()), w64);
    assert_eq!(
        both(&|s| s.randint(usize::MIN, usize::MAX).unwrap() as u64),
        w64
    );
    let signed = |f: &dyn Fn(&mut common::Rng) -> i64| draws(2, f);
    assert_eq!(
        signed(&|s| i64::from(s.randint(i8::MIN, i8::MAX).unwrap())),
        w32.iter()
            .map(|&w| i64::from(i8::MIN.wrapping_add(w as i8)))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        signed(&|s| i64::from(s.randint(i16::MIN, i16::MAX).unwrap())),
        w32.iter()
            .map(|&w| i64::from(i16::MIN.wrapping_add(w as i16)))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        signed(&|s| i64::from(s.randint(i32::MIN, i32::MAX).unwrap())),
        w32.iter()
            .map(|&w| i64::from(i32::MIN.wrapping_add(w as i32)))
            .collect::<Vec<_>>()
    );
    let shifted: Vec<i64> = w64
        .iter()
        .map(|&w| i64::MIN.wrapping_add(w as i64))
        .collect();
    assert_eq!(signed(&|s| s.randint(i64::MIN, i64::MAX).unwrap()), shifted);
    assert_eq!(
        signed(&|s| s.randint(isize::MIN, isize::MAX).unwrap() as i64),
        shifted
    );
    // One short of the whole range takes `below` instead: a different value.
    assert_ne!(
        both(&|s| u64::from(s.randint(u32::MIN, u32::MAX - 1).unwrap())),
        w32.iter().map(|&w| u64::from(w)).collect::<Vec<_>>()
    );
}

#[test]
fn shuffle() {
    let mut s = seeded(42);
    let mut a: Vec<u8> = (0..10).collect();
    s.shuffle(&mut a).unwrap();
    assert_eq!(a, [1, 4, 9, 6, 0, 7, 3, 2, 8, 5]);
}

#[cfg(feature = "alloc")]
#[test]
fn sample() {
    let mut s = seeded(42);
    let population: Vec<u16> = (0..10).collect();
    let dense: Vec<u16> = s
        .sample(&population, 4)
        .unwrap()
        .into_iter()
        .copied()
        .collect();
    assert_eq!(dense, [5, 9, 4, 6]);

    let mut s = seeded(42);
    let population: Vec<u16> = (0..1000).collect();
    let sparse: Vec<u16> = s
        .sample(&population, 4)
        .unwrap()
        .into_iter()
        .copied()
        .collect();
    assert_eq!(sparse, [273, 86, 591, 479]);
}

#[test]
fn random() {
    assert_eq!(
        draws(3, |s| s.random().unwrap()),
        [
            0.085_975_879_168_583_07,
            0.478_164_883_467_991,
            0.829_369_134_760_519_8
        ]
    );
}

#[test]
fn fill_bytes() {
    let mut s = seeded(42);
    let mut b = [0u8; 8];
    s.fill_bytes(&mut b).unwrap();
    assert_eq!(b, [152, 25, 31, 70, 229, 131, 2, 22]);
}
