//! The command line from arbitrary arguments: `Cli::try_parse_from` gives an error or
//! a result, never a panic, and a result holds only values the value parsers allow.
//! The input is the arguments separated by NUL bytes (any bytes, UTF-8 or not, as
//! a Unix program can be given).
//!
//! The CLI is a binary crate: its clap definitions (`cli.rs`) and value parsers
//! (`parse.rs`) are compiled in here as they are, through `#[path]`.

#![no_main]

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt as _;

use clap::Parser as _;
use libfuzzer_sys::fuzz_target;

#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/rsecrets-cli/src/cli.rs"]
mod cli;
#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/rsecrets-cli/src/parse.rs"]
mod parse;

use cli::{Cli, Command};
use rsecrets::rsecrets_recipes::{MAX_PASSPHRASE_WORDS, MAX_PASSWORD_LENGTH, MAX_PIN_DIGITS};

fuzz_target!(|data: &[u8]| {
    let args = std::iter::once(OsString::from("rsecrets")).chain(
        data.split(|&b| b == 0)
            .map(|a| OsString::from_vec(a.to_vec())),
    );
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // Rendering the message (or the help it carries) must not panic either.
            let _ = err.render().to_string();
            return;
        }
    };
    match cli.command {
        Command::Hex(t) | Command::Urlsafe(t) => {
            assert!(t.nbytes <= rsecrets::MAX_TOKEN_BYTES);
            assert!(t.bits.is_none_or(|b| b >= 1));
        }
        Command::Int(a) => assert!(a.below >= 1),
        Command::Bits(a) => assert!(a.bits <= 64),
        Command::Choice(a) => assert!(!a.items.is_empty()),
        Command::Password(p) => {
            assert!((1..=MAX_PASSWORD_LENGTH).contains(&p.length));
            for min in [p.min_lower, p.min_upper, p.min_digits, p.min_symbols] {
                assert!(min.is_none_or(|m| m <= MAX_PASSWORD_LENGTH));
            }
            assert!(
                !(p.symbols && p.alphabet.is_some()),
                "conflicting options accepted"
            );
        }
        Command::Passphrase(p) => {
            assert!((1..=MAX_PASSPHRASE_WORDS).contains(&p.words));
        }
        Command::Pin(p) => assert!((1..=MAX_PIN_DIGITS).contains(&p.digits)),
        Command::Url(u) => {
            if let Some(name) = u.param {
                assert!(!name.is_empty());
            }
        }
        Command::Apikey(a) => assert!(a.prefix.is_some() || a.check.is_some()),
        _ => {}
    }
});
