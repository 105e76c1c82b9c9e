//! The subcommands: each makes `count` secrets of one kind and writes them to the
//! run's [`Output`]. A new kind of secret is a function in one of these modules and
//! a new arm in [`run`].

mod bytes;
mod hash;
mod numbers;
mod recipes;
mod tokens;

use self::tokens::Encoding;
use rsecrets::MAX_TOKEN_BYTES;

use crate::cli::{Cli, Command, TokenArgs};
use crate::failure::Failure;
use crate::output::Output;

/// Runs the command line: makes the secrets, writes them, and flushes standard output.
pub(crate) fn run(cli: Cli) -> Result<(), Failure> {
    let count = cli.global.count.unwrap_or(1);
    let mut out = Output::new(cli.global.json)?;
    let made = match cli.command {
        Command::Hex(args) => {
            token_size("hex", &args).and_then(|n| tokens::token(Encoding::Hex, n, count, &mut out))
        }
        Command::Urlsafe(args) => token_size("urlsafe", &args)
            .and_then(|n| tokens::token(Encoding::Urlsafe, n, count, &mut out)),
        Command::Base32(args) => {
            let encoding = match args.crockford {
                false => Encoding::Base32,
                true => Encoding::Crockford,
            };
            token_size("base32", &args.token)
                .and_then(|n| tokens::token(encoding, n, count, &mut out))
        }
        Command::Base64(args) => token_size("base64", &args)
            .and_then(|n| tokens::token(Encoding::Base64, n, count, &mut out)),
        Command::Id(args) => tokens::id(args, count, &mut out),
        Command::Uuid(args) => tokens::uuid(args.v7, count, &mut out),
        Command::Bytes(args) => bytes::bytes(&args, &cli.global, &mut out),
        Command::Int(args) => numbers::int(args.below, count, &mut out),
        Command::Bits(args) => numbers::bits(args.bits, count, &mut out),
        Command::Choice(args) => numbers::choice(&args.items, count, &mut out),
        Command::Password(args) => recipes::password(&args, count, &mut out),
        Command::Passphrase(args) => recipes::passphrase(&args, count, &mut out),
        Command::Pin(args) => recipes::pin(args.digits, count, &mut out),
        Command::Url(args) => recipes::url(&args.base, args.param.as_deref(), count, &mut out),
        Command::Apikey(args) => recipes::api_key(&args, &cli.global, &mut out),
        Command::Hash(args) => hash::hash(&args, &cli.global, &mut out),
        Command::Verify(args) => hash::verify(&args.phc, &cli.global),
        Command::Help(args) => help(args.command.as_deref(), &mut out),
        Command::Completions(args) => completions(args.shell, &mut out),
        Command::Man => man(&mut out),
    };
    // Flush (and wipe) even after a failure; the first failure is the one reported.
    let finished = out.finish();
    made?;
    Ok(finished?)
}

/// `rsecrets help [COMMAND]`: the long help of the program or of COMMAND.
fn help(command: Option<&str>, out: &mut Output) -> Result<(), Failure> {
    let mut cli = <Cli as clap::CommandFactory>::command();
    cli.build();
    let text = match command {
        None => cli.render_long_help(),
        Some(name) => match cli.find_subcommand_mut(name) {
            Some(sub) => sub.render_long_help(),
            None => {
                let message = format!("unrecognized subcommand '{name}'");
                return Err(Failure::usage("help", message));
            }
        },
    };
    Ok(out.raw(text.to_string().as_bytes())?)
}

/// `rsecrets completions SHELL`: the shell's completion script, from the same clap
/// definition as the parser.
fn completions(shell: clap_complete::Shell, out: &mut Output) -> Result<(), Failure> {
    let mut script = Vec::new();
    clap_complete::generate(
        shell,
        &mut <Cli as clap::CommandFactory>::command(),
        "rsecrets",
        &mut script,
    );
    Ok(out.raw(&script)?)
}

/// `rsecrets man`: the manual page, in roff, from the same clap definition.
fn man(out: &mut Output) -> Result<(), Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut page)?;
    Ok(out.raw(&page)?)
}

/// A token's NBYTES, or with `--bits B` the fewest bytes that hold B bits.
fn token_size(subcommand: &str, args: &TokenArgs) -> Result<usize, Failure> {
    match args.bits {
        None => Ok(args.nbytes),
        Some(bits) => size_for_bits(subcommand, "bytes", bits, MAX_TOKEN_BYTES, |n| {
            Some(byte_entropy_bits(n))
        }),
    }
}

/// `--bits B`: the smallest size in `1..=max` whose exact entropy (`entropy(size)`,
/// `None` where the size cannot be made) reaches B bits. `max` when `max` cannot be
/// made either: building at that size then reports why. Entropy grows with size, so
/// a binary search finds it.
fn size_for_bits(
    subcommand: &str,
    unit: &str,
    bits: u32,
    max: usize,
    entropy: impl Fn(usize) -> Option<f64>,
) -> Result<usize, Failure> {
    let reaches = |size| entropy(size).is_some_and(|e| e >= f64::from(bits));
    match entropy(max) {
        None => return Ok(max),
        Some(most) if most < f64::from(bits) => {
            let message = format!("--bits {bits}: at most {most:.2} bits, with {max} {unit}");
            return Err(Failure::usage(subcommand, message));
        }
        Some(_) => {}
    }
    // `reaches(hi)` holds; `lo` is 0 or a size that does not reach.
    let (mut lo, mut hi) = (0, max);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if reaches(mid) { hi = mid } else { lo = mid }
    }
    Ok(hi)
}

/// The entropy of `nbytes` uniformly random bytes: 8 bits each.
fn byte_entropy_bits(nbytes: usize) -> f64 {
    // Exact: `nbytes` is at most 2^24 here, and f64 holds integers up to 2^53.
    #[allow(
        clippy::cast_precision_loss,
        reason = "nbytes <= MAX_TOKEN_BYTES = 2^24"
    )]
    let n = nbytes as f64;
    8.0 * n
}
