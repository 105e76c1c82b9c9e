//! `{:?}` of every type that holds a secret shows no secret: zeroize before 1.9.1
//! derived a `Debug` for `Zeroizing` that printed the value it wraps.

use rsecrets::rsecrets_core::{Buffered, Pool};
use rsecrets::rsecrets_entropy::TryFastRng;
use rsecrets::{OsRng, Passphrase, PasswordPolicy, Secrets};

#[test]
fn secret_strings_print_no_secret() -> Result<(), Box<dyn core::error::Error>> {
    let strings = [
        rsecrets::token_hex(None)?,
        rsecrets::token_urlsafe(None)?,
        rsecrets::uuid4(),
        rsecrets::password(PasswordPolicy::new())?,
        rsecrets::passphrase(6)?,
        rsecrets::pin(12)?,
        rsecrets::reset_url("https://example.test/reset?t=", None)?,
    ];
    for secret in &strings {
        // Exactly this, so no part of the secret can be in it.
        assert_eq!(format!("{secret:?}"), "Zeroizing { .. }");
    }
    let bytes = rsecrets::token_bytes(16)?;
    assert_eq!(format!("{bytes:?}"), "Zeroizing { .. }");
    Ok(())
}

#[test]
fn buffers_and_generators_print_no_state() {
    let mut pool = Pool::new([0u8; 8]);
    let _ = pool.refill(|b| {
        b.copy_from_slice(b"SECRET!!");
        Ok::<(), ()>(())
    });
    assert_eq!(format!("{pool:?}"), "Pool { .. }");
    let buffered = Buffered::<_, 8>::new(OsRng);
    assert_eq!(format!("{buffered:?}"), "Buffered { .. }");
    assert_eq!(format!("{:?}", Secrets::new(OsRng)), "Secrets { .. }");
    assert_eq!(format!("{:?}", rsecrets::rng()), "FastRng");
    assert_eq!(format!("{:?}", TryFastRng::new()), "TryFastRng");
}

#[test]
fn generators_print_their_shape_not_their_output() -> Result<(), Box<dyn core::error::Error>> {
    let passwords = PasswordPolicy::new().length(12).build()?;
    let phrases = Passphrase::new().words(4).build()?;
    let mut rng = rsecrets::rng();
    let (password, phrase) = (passwords.generate(&mut rng)?, phrases.generate(&mut rng)?);
    // The password's alphabet is in its generator's `Debug`, so only the whole
    // secret is looked for.
    assert!(!format!("{passwords:?}").contains(password.as_str()));
    assert!(!format!("{phrases:?}").contains(phrase.as_str()));
    Ok(())
}

/// `SystemRandom` (`Secrets<OsRng>`) is `Clone`, as `OsRng` is: both draw from the OS.
#[test]
fn system_random_clones() -> Result<(), Box<dyn core::error::Error>> {
    let mut a = rsecrets::SystemRandom::default();
    let mut b = a.clone();
    // Two 128-bit draws from the OS are equal with probability 2^-128.
    let (x, y) = (a.randbits(64)?, a.randbits(64)?);
    assert_ne!((x, y), (b.randbits(64)?, b.randbits(64)?));
    Ok(())
}

/// One-shot calls keep the last generator per thread: a different recipe is built
/// anew, never served from the old one.
#[test]
fn one_shot_calls_follow_the_recipe_asked_for() -> Result<(), Box<dyn core::error::Error>> {
    use rsecrets::PasswordPolicy;
    for length in [8, 8, 12, 8] {
        assert_eq!(
            rsecrets::password(PasswordPolicy::new().length(length))?.len(),
            length
        );
    }
    let digits = rsecrets::password(PasswordPolicy::new().alphabet("0123456789").length(9))?;
    assert!(digits.bytes().all(|b| b.is_ascii_digit()));
    for words in [3, 3, 7, 3] {
        assert_eq!(rsecrets::passphrase(words)?.split(' ').count(), words);
    }
    assert!(rsecrets::passphrase(0).is_err());
    assert_eq!(rsecrets::passphrase(2)?.split(' ').count(), 2);
    Ok(())
}
