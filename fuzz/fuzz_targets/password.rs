//! Password policies from arbitrary parameters: `build` refuses exactly the policies
//! the documented rules refuse (the same error, in the documented order), and
//! otherwise gives a generator whose alphabet is the one the rules give, whose
//! passwords have the length, come from the alphabet and meet every minimum, and
//! whose count (`possible_passwords`, exact below 2^128) and `entropy_bits` (log2
//! of it) agree with a count made here by another method.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rsecrets_fuzz::{Served, count_passwords};
use rsecrets_recipes::{
    AMBIGUOUS_CHARS, CharClass, Invalid, MAX_CONSTRAINED_LENGTH, MAX_PASSWORD_LENGTH,
    PasswordPolicy,
};

#[derive(Debug, Arbitrary)]
struct Input {
    length: u16,
    alphabet: Option<String>,
    /// Class switches, applied after the alphabet: lower, upper, digits, symbols.
    switches: [Option<bool>; 4],
    mins: [u8; 4],
    /// A minimum far out of range, for one class.
    wild_min: Option<(u8, usize)>,
    exclude_ambiguous: bool,
    draws: u8,
    rng: Vec<u8>,
}

/// Walks of more steps than this are not counted here (they take too long for a
/// fuzzer's iteration); the rest of the checks still run.
const COUNT_BUDGET: usize = 1 << 21;

fuzz_target!(|input: Input| {
    // Mostly short policies, sometimes up to past the longest allowed.
    let length = usize::from(input.length) % (MAX_PASSWORD_LENGTH + 64);
    let mut mins = input.mins.map(usize::from);
    if let Some((class, min)) = input.wild_min {
        mins[usize::from(class) % 4] = min;
    }

    let mut policy = PasswordPolicy::new().length(length);
    // The rules, applied here to a set of bytes as the docs state them.
    let mut set: Vec<u8> = [CharClass::Lower, CharClass::Upper, CharClass::Digit]
        .iter()
        .flat_map(|c| c.chars().bytes())
        .collect();
    let mut bad_char = None;
    if let Some(alphabet) = &input.alphabet {
        policy = policy.alphabet(alphabet);
        set = alphabet.bytes().filter(u8::is_ascii).collect();
        bad_char = alphabet.chars().find(|c| !('!'..='~').contains(c));
    }
    for (class, on) in CharClass::ALL.into_iter().zip(input.switches) {
        let Some(on) = on else { continue };
        policy = match class {
            CharClass::Lower => policy.lower(on),
            CharClass::Upper => policy.upper(on),
            CharClass::Digit => policy.digits(on),
            CharClass::Symbol => policy.symbols(on),
        };
        set.retain(|&b| CharClass::of(char::from(b)) != Some(class));
        if on {
            set.extend(class.chars().bytes());
        }
    }
    policy = policy
        .min_lower(mins[0])
        .min_upper(mins[1])
        .min_digits(mins[2])
        .min_symbols(mins[3])
        .exclude_ambiguous(input.exclude_ambiguous);
    if input.exclude_ambiguous {
        set.retain(|&b| !AMBIGUOUS_CHARS.as_bytes().contains(&b));
    }
    set.sort_unstable();
    set.dedup();
    let class_of = |b: u8| CharClass::of(char::from(b));
    let sizes = CharClass::ALL.map(|c| set.iter().filter(|&&b| class_of(b) == Some(c)).count());

    let expected = expected_error(length, &set, bad_char, &sizes, &mins);
    let generator = match (policy.build(), expected) {
        (Ok(generator), None) => generator,
        (Err(got), Some(want)) => {
            assert_eq!(without_words(got), without_words(want));
            return;
        }
        (got, want) => panic!("build gave {got:?}, the rules say {want:?}"),
    };

    assert_eq!(generator.length(), length);
    assert_eq!(generator.alphabet().as_bytes(), set.as_slice());
    if let Some((exact, approx)) = count_passwords(length, sizes, mins, COUNT_BUDGET) {
        assert_eq!(
            generator.possible_passwords(),
            exact,
            "the number of passwords"
        );
        let bits = approx.log2();
        let got = generator.entropy_bits();
        assert!(
            (got - bits).abs() <= 1e-9 * bits.max(1.0),
            "entropy {got} bits, log2 of the count {bits}"
        );
    }

    let mut rng = Served::new(&input.rng);
    for _ in 0..=input.draws % 4 {
        let password = generator.generate(&mut rng).expect("an infallible draw");
        assert_eq!(password.len(), length);
        assert!(password.bytes().all(|b| set.binary_search(&b).is_ok()));
        for (class, min) in CharClass::ALL.into_iter().zip(mins) {
            let have = password
                .bytes()
                .filter(|&b| class_of(b) == Some(class))
                .count();
            assert!(
                have >= min,
                "{have} {class}, at least {min} asked: {:?}",
                &*password
            );
        }
    }
});

/// The error `build` must give, by the documented rules in their order.
fn expected_error(
    length: usize,
    set: &[u8],
    bad_char: Option<char>,
    sizes: &[usize; 4],
    mins: &[usize; 4],
) -> Option<Invalid> {
    let length_error = |max| Invalid::Length {
        what: "",
        unit: "",
        requested: length,
        min: 1,
        max,
    };
    if let Some(ch) = bad_char {
        return Some(Invalid::AlphabetChar { ch });
    }
    if !(1..=MAX_PASSWORD_LENGTH).contains(&length) {
        return Some(length_error(MAX_PASSWORD_LENGTH));
    }
    if set.is_empty() {
        return Some(Invalid::EmptyAlphabet);
    }
    for (j, class) in CharClass::ALL.into_iter().enumerate() {
        if mins[j] > 0 && sizes[j] == 0 {
            return Some(Invalid::MinimumForEmptyClass {
                class,
                min: mins[j],
            });
        }
    }
    let minimums = mins.iter().fold(0usize, |a, &m| a.saturating_add(m));
    if minimums > length {
        return Some(Invalid::MinimumsExceedLength { minimums, length });
    }
    if minimums > 0 && length > MAX_CONSTRAINED_LENGTH {
        return Some(length_error(MAX_CONSTRAINED_LENGTH));
    }
    None
}

/// The error without the words of its message (`Length`'s `what` and `unit`).
fn without_words(e: Invalid) -> Invalid {
    match e {
        Invalid::Length {
            requested,
            min,
            max,
            ..
        } => Invalid::Length {
            what: "",
            unit: "",
            requested,
            min,
            max,
        },
        e => e,
    }
}
