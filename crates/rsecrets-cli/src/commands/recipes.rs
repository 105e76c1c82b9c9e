//! Recipes: passwords, passphrases, PINs and reset URLs. Each builds its generator
//! once (checking every argument before anything is written) and then draws `count`
//! secrets from it.

use std::io::{self, Write as _};

use rsecrets::rsecrets_recipes;
use rsecrets::rsecrets_recipes::{
    API_KEY_ENTROPY_BITS, ApiKey, Invalid, MAX_CONSTRAINED_LENGTH, MAX_PASSPHRASE_WORDS,
    MAX_PASSWORD_LENGTH, Passphrase, PasswordPolicy, WordList,
};

use super::{byte_entropy_bits, size_for_bits};
use crate::cli::{ApiKeyArgs, Global, List, PassphraseArgs, PasswordArgs};
use crate::failure::Failure;
use crate::output::{Field, Output};

/// Below this many bits of entropy a password or passphrase gets a warning: a
/// guesser with the hash can try 2^64 candidates.
const WARN_BELOW_BITS: f64 = 64.0;

/// `rsecrets password`: a password drawn uniformly from every string the policy
/// allows, log2(that many) bits.
pub(super) fn password(args: &PasswordArgs, count: u64, out: &mut Output) -> Result<(), Failure> {
    let mut policy = PasswordPolicy::new();
    if let Some(chars) = &args.alphabet {
        policy = policy.alphabet(chars);
    }
    // clap keeps --symbols and --alphabet apart, so this only adds to the default.
    if args.symbols {
        policy = policy.symbols(true);
    }
    let policy = policy
        .min_lower(args.min_lower.unwrap_or(0))
        .min_upper(args.min_upper.unwrap_or(0))
        .min_digits(args.min_digits.unwrap_or(0))
        .min_symbols(args.min_symbols.unwrap_or(0))
        .exclude_ambiguous(args.exclude_ambiguous);
    let length = match args.bits {
        None => args.length,
        Some(bits) => {
            // With minimums the length is capped lower; the cap that builds is the limit.
            let build = |length| policy.length(length).build().ok();
            let max = if build(MAX_PASSWORD_LENGTH).is_some() {
                MAX_PASSWORD_LENGTH
            } else {
                MAX_CONSTRAINED_LENGTH
            };
            size_for_bits("password", "characters", bits, max, |length| {
                build(length).map(|g| g.entropy_bits())
            })?
        }
    };
    let generator = policy
        .length(length)
        .build()
        .map_err(|e| Failure::usage("password", e))?;
    let bits = generator.entropy_bits();
    if count > 0 {
        // With one character there is one password, whatever its length.
        let remedy = match generator.alphabet().len() {
            1 => "more characters in --alphabet",
            _ => "a longer --length or more characters",
        };
        warn_if_weak(bits, "password", remedy);
    }
    let fields = [
        ("length", Field::size(generator.length())),
        ("alphabet", Field::Str(generator.alphabet())),
    ];
    let mut rng = rsecrets::rng();
    for _ in 0..count {
        let password = generator.generate(&mut rng)?;
        out.secret(&password, bits, &fields)?;
    }
    Ok(())
}

/// `rsecrets passphrase`: words drawn uniformly and independently from a word list,
/// words·log2(distinct words) bits.
pub(super) fn passphrase(
    args: &PassphraseArgs,
    count: u64,
    out: &mut Output,
) -> Result<(), Failure> {
    // A file that cannot be read, is not UTF-8, has too few words or a word that
    // would break the lines is a runtime error (exit 1) naming the file, as for any
    // program whose input file is unusable.
    let list = match args.wordlist.as_deref() {
        Some(path) if path.as_os_str() == "-" => WordList::from_reader(io::stdin().lock())
            .map_err(|e| Failure::Runtime(e.to_string()))?,
        Some(path) => WordList::from_file(path).map_err(|e| Failure::Runtime(e.to_string()))?,
        None => match args.list {
            List::EffLarge => WordList::eff_large(),
            List::EffShort => WordList::eff_short_1(),
            List::EffShortPrefix => WordList::eff_short_2(),
        },
    };
    let file = || {
        args.wordlist
            .as_deref()
            .map_or("the word list".into(), |p| format!("the word list {p:?}"))
    };
    if !out.is_json() {
        if let Some(word) = list.iter().find(|w| w.contains(char::is_control)) {
            return Err(Failure::Runtime(format!(
                "{} has a word with a control character ({word:?}), which would break the \
                 one-secret-a-line output (--json can carry it)",
                file()
            )));
        }
        plain_line("passphrase", "--separator", &args.separator)?;
    }
    let policy = Passphrase::with_word_list(list)
        .separator(&args.separator)
        .capitalize(args.capitalize);
    let words = match args.bits {
        None => args.words,
        Some(bits) => size_for_bits("passphrase", "words", bits, MAX_PASSPHRASE_WORDS, |w| {
            let generator = policy.clone().words(w).build().ok();
            generator.map(|g| g.entropy_bits())
        })?,
    };
    let generator = policy.words(words).build().map_err(|e| match e {
        Invalid::Length {
            what: "a word list",
            requested,
            ..
        } if args.capitalize => Failure::Runtime(format!(
            "{} has {requested} distinct word(s) once capitalized (--capitalize); \
                     a passphrase needs at least 2",
            file()
        )),
        Invalid::Length {
            what: "the longest word of the list",
            ..
        } => Failure::Runtime(format!("{}: {e}", file())),
        e => Failure::usage("passphrase", e),
    })?;
    let bits = generator.entropy_bits();
    if count > 0 {
        warn_if_weak(bits, "passphrase", "more --words");
    }
    // The words a phrase can have: after --capitalize merged any that became equal.
    let fields = [
        ("words", Field::size(generator.words())),
        ("word_list_size", Field::size(generator.word_list().len())),
    ];
    let mut rng = rsecrets::rng();
    for _ in 0..count {
        let phrase = generator.generate(&mut rng)?;
        out.secret(&phrase, bits, &fields)?;
    }
    Ok(())
}

/// Refuses (a usage error) a value that would break the one-secret-a-line output:
/// one with a line break or another control character. (`--json` escapes them.)
pub(super) fn plain_line(subcommand: &str, what: &str, value: &str) -> Result<(), Failure> {
    match value.chars().find(|c| c.is_control()) {
        Some(c) => Err(Failure::usage(
            subcommand,
            format!(
                "{what} {value:?} has a control character (U+{:04X}), which would break the \
                 one-secret-a-line output; --json can carry it",
                u32::from(c)
            ),
        )),
        None => Ok(()),
    }
}

/// `rsecrets pin [DIGITS]`: a numeric code, DIGITS·log2(10) bits.
pub(super) fn pin(digits: usize, count: u64, out: &mut Output) -> Result<(), Failure> {
    let mut rng = rsecrets::rng();
    let bits = rsecrets_recipes::pin_entropy_bits(digits);
    let fields = [("digits", Field::size(digits))];
    for _ in 0..count {
        let code = rsecrets_recipes::pin(&mut rng, digits)?;
        out.secret(&code, bits, &fields)?;
    }
    Ok(())
}

/// `rsecrets url BASE [--param NAME]`: BASE followed by `token_urlsafe()`, 256 bits.
pub(super) fn url(
    base: &str,
    param: Option<&str>,
    count: u64,
    out: &mut Output,
) -> Result<(), Failure> {
    // clap has checked NAME; BASE against NAME is checked here, before any output and
    // even for -n 0, so a bad pair is always a usage error.
    if !out.is_json() {
        plain_line("url", "BASE", base)?;
    }
    if param.is_some() && base.contains('#') {
        return Err(Failure::usage(
            "url",
            format!(
                "invalid value '{base}' for '<BASE>': {}",
                Invalid::BaseHasFragment
            ),
        ));
    }
    let mut rng = rsecrets::rng();
    // The URL's only randomness is its token of DEFAULT_ENTROPY (32) bytes.
    let bits = byte_entropy_bits(rsecrets::DEFAULT_ENTROPY);
    for _ in 0..count {
        let url = rsecrets_recipes::reset_url(&mut rng, base, param)?;
        out.secret(&url, bits, &[])?;
    }
    Ok(())
}

/// `rsecrets apikey --prefix P`: `-n` keys; or `--check KEY`: exit 0 or 1.
pub(super) fn api_key(args: &ApiKeyArgs, global: &Global, out: &mut Output) -> Result<(), Failure> {
    if let Some(key) = &args.check {
        if global.count.is_some() {
            return Err(Failure::conflict("apikey", "--check", "--count"));
        }
        if global.json {
            return Err(Failure::conflict("apikey", "--check", "--json"));
        }
        let line;
        let key = if key == "-" {
            line = crate::input::line("the key")?;
            core::str::from_utf8(&line)
                .map_err(|_| Failure::Runtime("the key on standard input is not UTF-8".into()))?
        } else {
            key.as_str()
        };
        return match ApiKey::check(key, args.prefix.as_deref()) {
            Ok(_) => Ok(()),
            Err(e) => Err(Failure::Runtime(e.to_string())),
        };
    }
    // clap requires --prefix without --check.
    let prefix = args.prefix.as_deref().unwrap_or_default();
    let mut rng = rsecrets::rng();
    for _ in 0..global.count.unwrap_or(1) {
        let key = ApiKey::generate(&mut rng, prefix)?;
        let digest = if out.is_json() {
            key.sha256_hex()
        } else {
            String::new()
        };
        let fields = [
            ("prefix", Field::Str(prefix)),
            ("sha256", Field::Str(&digest)),
        ];
        out.secret(key.as_str(), API_KEY_ENTROPY_BITS, &fields)?;
    }
    Ok(())
}

/// One line on standard error when a password or passphrase has under 64 bits, so a
/// person notices; scripts still get their secrets on standard output (exit 0).
fn warn_if_weak(bits: f64, what: &str, remedy: &str) {
    if bits < WARN_BELOW_BITS {
        // A closed standard error is no reason to withhold the secrets.
        let _ = writeln!(
            io::stderr(),
            "warning: this {what} has only {bits:.2} bits of entropy, under {WARN_BELOW_BITS}: \
             someone holding its hash could try every one; ask for {remedy}"
        );
    }
}
