//! The command line, as clap definitions: what each subcommand takes and says in `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::parse;

const EXAMPLES: &str = "\
Examples:
  rsecrets hex                      a 64-digit hex token (256 bits)
  rsecrets urlsafe 16 -n 5          five URL-safe tokens of 16 bytes (128 bits each)
  rsecrets password --symbols       20 characters of letters, digits and punctuation
  rsecrets passphrase --words 7     seven words of the EFF large list (90.5 bits)
  rsecrets pin --json               a 6-digit PIN as {\"secret\": ..., \"entropy_bits\": ...}
  rsecrets base32 20                a TOTP secret (160 bits, A-Z 2-7)
  rsecrets id                       nanoid's default: 21 of A-Z a-z 0-9 _ - (126 bits)
  rsecrets uuid --v7 -n 3           three time-ordered UUIDs, increasing
  rsecrets bytes --stream | head -c 1M > key.bin

Every secret comes from a cryptographic random number generator seeded by the
operating system. Usage errors exit with 2, runtime errors with 1; a closed pipe
ends the program quietly (exit 0).";

const JSON_NOTE: &str = "\
One JSON object a line: \"secret\" (always a string, even for int and bits, whose
values may not fit a JSON number exactly), \"entropy_bits\" (exact, a float), and
fields particular to the subcommand (e.g. \"bytes\", \"digits\").";

/// The `rsecrets` command line.
#[derive(Debug, Parser)]
#[command(
    name = "rsecrets",
    version,
    about = "Secrets from a cryptographic random number generator: tokens, integers, \
             choices, passwords, passphrases, PINs, reset URLs, ids and UUIDs",
    after_help = EXAMPLES,
    // Without a subcommand, an `error:` line (exit 2) as for any usage error, rather
    // than the help that clap's derive shows by default.
    subcommand_required = true,
    arg_required_else_help = false,
    // Our own `help`, which, unlike clap's, takes --help itself.
    disable_help_subcommand = true
)]
pub(crate) struct Cli {
    /// Options every subcommand takes.
    #[command(flatten)]
    pub(crate) global: Global,
    /// What to make.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options every subcommand takes, before or after its name.
///
/// clap's `conflicts_with` does not see a global option given before the subcommand's
/// name, so `bytes --stream` checks its conflicts with these itself.
#[derive(Debug, Args)]
pub(crate) struct Global {
    /// Make N secrets, one a line (0 prints nothing) [default: 1]
    #[arg(short = 'n', long, value_name = "N", value_parser = parse::count, global = true)]
    pub(crate) count: Option<u64>,
    /// One JSON object a line: {"secret": "...", "entropy_bits": ..., ...}
    #[arg(long, global = true, long_help = JSON_NOTE)]
    pub(crate) json: bool,
}

/// The subcommands. The first line of each doc comment is the summary in the list of
/// commands; the whole comment, line breaks kept, is its `--help`.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// A lowercase hex token: 8·NBYTES bits of entropy
    ///
    /// NBYTES random bytes (default 32: 256 bits) as 2·NBYTES lowercase hex digits,
    /// like Python's secrets.token_hex. Entropy: exactly 8·NBYTES bits.
    #[command(verbatim_doc_comment)]
    Hex(TokenArgs),
    /// A URL-safe token: 8·NBYTES bits of entropy
    ///
    /// NBYTES random bytes (default 32: 256 bits) as base64url without padding:
    /// ⌈4·NBYTES/3⌉ characters of A-Z a-z 0-9 - _ (43 for 32 bytes), like Python's
    /// secrets.token_urlsafe. Entropy: exactly 8·NBYTES bits.
    #[command(verbatim_doc_comment)]
    Urlsafe(TokenArgs),
    /// A base32 token: 8·NBYTES bits of entropy
    ///
    /// NBYTES random bytes (default 32: 256 bits) as RFC 4648 base32, upper case, without
    /// padding: ⌈8·NBYTES/5⌉ characters of A-Z 2-7 (52 for 32 bytes), what authenticator
    /// apps take for TOTP secrets (20 bytes, 160 bits, is RFC 6238's advice). With
    /// --crockford, Crockford's alphabet instead: 0-9 A-Z without I L O U, easy to read
    /// aloud and type. Encoded in constant time. Entropy: exactly 8·NBYTES bits.
    #[command(verbatim_doc_comment)]
    Base32(Base32Args),
    /// A base64 token with padding: 8·NBYTES bits of entropy
    ///
    /// NBYTES random bytes (default 32: 256 bits) as standard base64 with "=" padding,
    /// on one line: 4·⌈NBYTES/3⌉ characters of A-Z a-z 0-9 + / = (44 for 32 bytes), as
    /// openssl rand -base64 NBYTES prints it. Encoded in constant time. Entropy:
    /// exactly 8·NBYTES bits.
    #[command(verbatim_doc_comment)]
    Base64(TokenArgs),
    /// An id from an alphabet: 126 bits of entropy by default
    ///
    /// LENGTH characters (default 21), each drawn uniformly from CHARS (default
    /// nanoid's 64: A-Z a-z 0-9 _ -), so every id of that length is equally likely.
    /// CHARS may be any 2 or more distinct characters, of any script; an alphabet with
    /// fewer, or with a repeated character, is refused. Entropy: exactly
    /// LENGTH·log2(number of characters) bits (126 by default).
    #[command(verbatim_doc_comment)]
    Id(IdArgs),
    /// Raw random bytes: 8·NBYTES bits of entropy
    ///
    /// NBYTES random bytes (default 32) on standard output, as they are. NBYTES may be
    /// any size: the bytes are streamed, never held in memory whole. With -n, the
    /// secrets follow one another with nothing between them. With --json, each is
    /// hex-encoded ("encoding": "hex") and NBYTES is at most 16777216. Entropy:
    /// exactly 8·NBYTES bits.
    #[command(verbatim_doc_comment)]
    Bytes(BytesArgs),
    /// An integer in [0, N): log2(N) bits of entropy
    ///
    /// A uniformly random integer in [0, N), N up to 2^128-1, without modulo bias
    /// (Python's secrets.randbelow). With --json, "secret" is the integer as a decimal
    /// string: it may not fit a JSON number exactly. Entropy: log2(N) bits.
    #[command(verbatim_doc_comment)]
    Int(IntArgs),
    /// An integer of K random bits: K bits of entropy
    ///
    /// A uniformly random integer in [0, 2^K), K from 0 to 64 (Python's
    /// secrets.randbits). With --json, "secret" is the integer as a decimal string: it
    /// may not fit a JSON number exactly. Entropy: K bits.
    #[command(verbatim_doc_comment)]
    Bits(BitsArgs),
    /// One of the ITEMs: log2(number of items) bits of entropy
    ///
    /// One of the ITEMs, each position equally likely (Python's secrets.choice).
    /// Entropy: log2(number of items) bits when the items are distinct; when some
    /// repeat, the min-entropy log2(items / most repeats): a guesser tries the
    /// likeliest item first. An item with a line break or another control character
    /// is refused (it would break the lines), except with --json.
    #[command(verbatim_doc_comment)]
    Choice(ChoiceArgs),
    /// A password: 119 bits of entropy by default
    ///
    /// LENGTH characters (default 20) of lowercase and uppercase letters and digits,
    /// with --symbols also the 32 ASCII punctuation characters, or of the characters
    /// of --alphabet. Each --min-* asks for at least that many characters of a class;
    /// the password is then drawn uniformly from every string that has them (exactly
    /// as Python's "loop until it has three digits" recipe does, in bounded time).
    /// --exclude-ambiguous leaves out the ten characters "'01IO`lo| .
    /// Entropy: exactly log2 of the number of passwords the policy allows (62^20:
    /// 119.08 bits by default). Under 64 bits, a warning goes to standard error.
    #[command(verbatim_doc_comment)]
    Password(PasswordArgs),
    /// A passphrase of words: 77.5 bits of entropy by default
    ///
    /// WORDS words (default 6), each drawn uniformly from the EFF large list (7776
    /// words), another EFF list (--list) or the word list FILE (one word a line; CR,
    /// LF or CRLF line ends; trimmed, blank lines and repeats skipped; a list whose
    /// every line is "number word", as the EFF's and Diceware's files are, is read as
    /// its words), joined by SEPARATOR (default a space). A separator that could
    /// make a passphrase read as other words (empty, one inside a word of the list, or
    /// one holding a word's first or last character, e.g. "-" with the EFF list's
    /// "drop-down") is refused, and so are control characters in the separator or
    /// the words (they would break the lines) except with --json. --capitalize writes each word with
    /// a capital first letter, which adds no entropy.
    /// Entropy: exactly WORDS·log2(distinct words) bits (77.55 by default). Under 64
    /// bits, a warning goes to standard error.
    #[command(verbatim_doc_comment)]
    Passphrase(PassphraseArgs),
    /// BASE and a reset token: 256 bits of entropy
    ///
    /// BASE followed by a 32-byte URL-safe token (43 characters), as in Python's
    /// recipe 'https://example.com/reset=' + token_urlsafe(); with --param NAME, the
    /// token is the value of the query parameter NAME. Entropy: 256 bits.
    #[command(verbatim_doc_comment)]
    Url(UrlArgs),
    /// A numeric code: DIGITS·log2(10) bits of entropy
    ///
    /// DIGITS decimal digits (default 6), each uniform, leading zeros kept, so "007" is
    /// as likely as "700". Entropy: DIGITS·log2(10) bits (19.93 for 6 digits).
    #[command(verbatim_doc_comment)]
    Pin(PinArgs),
    /// A random UUID: 122 bits of entropy (62 with --v7)
    ///
    /// A random (version 4, RFC 9562) UUID in canonical lowercase form,
    /// xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx. Entropy: 122 bits (6 of the 128 are
    /// fixed by the version and variant).
    /// With --v7, a time-ordered (version 7) UUID, tttttttt-tttt-7xxx-Nxxx-xxxxxxxxxxxx:
    /// the time in milliseconds, a counter and 62 random bits, each UUID of a run
    /// greater than the one before, even within a millisecond or if the clock steps
    /// back; good database keys, but they show when they were made. Entropy: 62 bits
    /// (the counter's random start is shared by the UUIDs of one millisecond).
    #[command(verbatim_doc_comment)]
    Uuid(UuidArgs),
    /// An API key, PREFIX_ and 36 base62 characters: 178.6 bits of entropy
    ///
    /// PREFIX (1 to 16 ASCII letters or digits), "_", 30 characters drawn uniformly
    /// from 0-9 A-Z a-z, and the CRC-32 of those 30 in 6 base62 digits, as GitHub's
    /// ghp_... keys: secret scanners recognise them, and a server can reject a
    /// mistyped or made-up key without its database. With --json, "sha256" is the
    /// key's SHA-256 in hex: what a server stores. Entropy: 30·log2(62) = 178.63 bits
    /// (the prefix and the checksum add none).
    /// With --check KEY, nothing is made: exit 0 if KEY is well formed with a
    /// matching checksum (and has PREFIX, when --prefix is given), else exit 1 and
    /// error: ... on standard error. --check - reads KEY from standard input, which
    /// keeps it out of the process list and the shell's history.
    #[command(verbatim_doc_comment)]
    Apikey(ApiKeyArgs),
    /// An Argon2id hash of a secret read from standard input, to store
    ///
    /// Reads one line from standard input (its \n or \r\n removed; on a terminal,
    /// asks twice without echo) and prints its Argon2id PHC string,
    /// $argon2id$v=19$m=65536,t=3,p=4$SALT$HASH, with a fresh 16-byte salt.
    /// The secret is never taken from the command line, where ps and the shell's
    /// history would show it. The default cost is RFC 9106's second recommended
    /// option (argon2-cffi's default); --memory, --iterations and --parallelism
    /// change it, and values below every OWASP Argon2id configuration are refused
    /// unless --allow-weak. With --json: {"hash": ..., "algorithm": "argon2id",
    /// "m": ..., "t": ..., "p": ...}.
    #[command(verbatim_doc_comment)]
    Hash(HashArgs),
    /// Checks a secret read from standard input against a stored hash
    ///
    /// Reads one line as hash does (once, on a terminal) and exits 0 if it matches
    /// PHC; 1 if it does not, with error: ... on standard error; 2 if PHC is not an
    /// Argon2 PHC string (argon2id, argon2i or argon2d) or asks for more than 2 GiB,
    /// 100 passes or 64 lanes.
    #[command(verbatim_doc_comment)]
    Verify(VerifyArgs),
    /// A completion script for SHELL, on standard output
    ///
    /// A script that teaches SHELL the subcommands and options of rsecrets, e.g.
    ///   source <(rsecrets completions bash)        in ~/.bashrc
    ///   rsecrets completions fish > ~/.config/fish/completions/rsecrets.fish
    #[command(verbatim_doc_comment)]
    Completions(CompletionsArgs),
    /// The manual page (roff), on standard output: rsecrets man | man -l -
    #[command(hide = true)]
    Man,
    /// Print this message or the help of the given subcommand
    Help(HelpArgs),
}

/// `completions`.
#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell
    #[arg(value_name = "SHELL")]
    pub(crate) shell: clap_complete::Shell,
}

/// `help`.
#[derive(Debug, Args)]
pub(crate) struct HelpArgs {
    /// The subcommand whose help to print
    #[arg(value_name = "COMMAND")]
    pub(crate) command: Option<String>,
}

/// `hex` and `urlsafe`.
#[derive(Debug, Args)]
pub(crate) struct TokenArgs {
    /// Random bytes in the token, at most 16777216
    #[arg(
        value_name = "NBYTES",
        default_value_t = rsecrets::DEFAULT_ENTROPY,
        value_parser = parse::token_bytes,
        allow_negative_numbers = true
    )]
    pub(crate) nbytes: usize,
    /// The smallest number of bytes whose exact entropy reaches B bits (instead of NBYTES)
    #[arg(long, value_name = "B", value_parser = parse::entropy_bits, conflicts_with = "nbytes")]
    pub(crate) bits: Option<u32>,
}

/// `base32`.
#[derive(Debug, Args)]
pub(crate) struct Base32Args {
    /// NBYTES and --bits, as for hex.
    #[command(flatten)]
    pub(crate) token: TokenArgs,
    /// Crockford's base32 (0-9 A-Z without I L O U) instead of RFC 4648's (A-Z 2-7)
    #[arg(long)]
    pub(crate) crockford: bool,
}

/// `id`.
#[derive(Debug, Args)]
pub(crate) struct IdArgs {
    /// Characters in the id, 1 to 16777216
    #[arg(
        short = 'l',
        long,
        value_name = "L",
        default_value_t = rsecrets::rsecrets_token::ID_LEN,
        value_parser = parse::id_length,
        allow_negative_numbers = true
    )]
    pub(crate) length: usize,
    /// The smallest length whose exact entropy reaches B bits (instead of --length)
    #[arg(long, value_name = "B", value_parser = parse::entropy_bits, conflicts_with = "length")]
    pub(crate) bits: Option<u32>,
    /// Draw from these characters: 2 or more, none twice [default: A-Z a-z 0-9 _ -]
    #[arg(long, value_name = "CHARS", value_parser = parse::id_alphabet)]
    pub(crate) alphabet: Option<rsecrets::Alphabet>,
}

/// `uuid`.
#[derive(Debug, Args)]
pub(crate) struct UuidArgs {
    /// A time-ordered (version 7) UUID instead of a random (version 4) one
    #[arg(long)]
    pub(crate) v7: bool,
}

/// `bytes`.
#[derive(Debug, Args)]
pub(crate) struct BytesArgs {
    /// Number of random bytes [default: 32]
    #[arg(value_name = "NBYTES", value_parser = parse::stream_bytes, allow_negative_numbers = true)]
    pub(crate) nbytes: Option<u64>,
    /// Write random bytes until the reader closes the pipe (not with NBYTES, --json
    /// or --count)
    #[arg(long, conflicts_with = "nbytes")]
    pub(crate) stream: bool,
}

/// `int`.
#[derive(Debug, Args)]
pub(crate) struct IntArgs {
    /// The exclusive upper bound, 1 to 2^128-1
    #[arg(value_name = "N", value_parser = parse::upper_bound, allow_negative_numbers = true)]
    pub(crate) below: u128,
}

/// `bits`.
#[derive(Debug, Args)]
pub(crate) struct BitsArgs {
    /// Number of random bits, 0 to 64 (0 always gives 0)
    #[arg(value_name = "K", value_parser = parse::bits, allow_negative_numbers = true)]
    pub(crate) bits: u32,
}

/// `choice`.
#[derive(Debug, Args)]
pub(crate) struct ChoiceArgs {
    /// The items to choose from (at least one; put -- before items that start with -)
    #[arg(value_name = "ITEM", required = true, num_args = 1..)]
    pub(crate) items: Vec<String>,
}

/// `password`.
#[derive(Debug, Args)]
pub(crate) struct PasswordArgs {
    /// Characters in the password: 1 to 1024, or to 128 with a --min-* option
    #[arg(
        short = 'l',
        long,
        value_name = "L",
        default_value_t = rsecrets::rsecrets_recipes::DEFAULT_PASSWORD_LENGTH,
        value_parser = parse::password_length,
        allow_negative_numbers = true
    )]
    pub(crate) length: usize,
    /// The smallest length whose exact entropy reaches B bits (instead of --length)
    #[arg(long, value_name = "B", value_parser = parse::entropy_bits, conflicts_with = "length")]
    pub(crate) bits: Option<u32>,
    /// At least K lowercase letters (a-z)
    #[arg(long, value_name = "K", value_parser = parse::minimum, allow_negative_numbers = true)]
    pub(crate) min_lower: Option<usize>,
    /// At least K uppercase letters (A-Z)
    #[arg(long, value_name = "K", value_parser = parse::minimum, allow_negative_numbers = true)]
    pub(crate) min_upper: Option<usize>,
    /// At least K digits (0-9)
    #[arg(long, value_name = "K", value_parser = parse::minimum, allow_negative_numbers = true)]
    pub(crate) min_digits: Option<usize>,
    /// At least K symbols (ASCII punctuation; needs --symbols, or symbols in --alphabet)
    #[arg(long, value_name = "K", value_parser = parse::minimum, allow_negative_numbers = true)]
    pub(crate) min_symbols: Option<usize>,
    /// Add the 32 ASCII punctuation characters !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
    #[arg(long)]
    pub(crate) symbols: bool,
    /// Draw from exactly these printable ASCII characters instead (repeats count once)
    #[arg(long, value_name = "CHARS", conflicts_with = "symbols")]
    pub(crate) alphabet: Option<String>,
    /// Leave out the characters that are easy to misread: " ' 0 1 I O ` l o |
    #[arg(long)]
    pub(crate) exclude_ambiguous: bool,
}

/// `passphrase`.
#[derive(Debug, Args)]
pub(crate) struct PassphraseArgs {
    /// Words in the passphrase, 1 to 64
    #[arg(
        short = 'w',
        long,
        value_name = "W",
        default_value_t = rsecrets::rsecrets_recipes::DEFAULT_PASSPHRASE_WORDS,
        value_parser = parse::passphrase_words,
        allow_negative_numbers = true
    )]
    pub(crate) words: usize,
    /// The smallest number of words whose exact entropy reaches B bits (instead of --words)
    #[arg(long, value_name = "B", value_parser = parse::entropy_bits, conflicts_with = "words")]
    pub(crate) bits: Option<u32>,
    /// One of the EFF lists: eff-large (7776 words), eff-short (1296 short words) or
    /// eff-short-prefix (1296 words, each known by its first three letters)
    #[arg(long, value_enum, value_name = "LIST", default_value = "eff-large")]
    pub(crate) list: List,
    /// Draw the words from FILE (one a line, UTF-8, at most 64 MiB; - for standard
    /// input) instead of an EFF list
    #[arg(long, value_name = "FILE", conflicts_with = "list")]
    pub(crate) wordlist: Option<PathBuf>,
    /// The text between words (write --separator=-- for a value that starts with -)
    #[arg(long, value_name = "S", default_value = " ")]
    pub(crate) separator: String,
    /// Write each word with a capital first letter (adds no entropy)
    #[arg(long)]
    pub(crate) capitalize: bool,
}

/// The built-in word lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[allow(
    clippy::enum_variant_names,
    reason = "the names users type: eff-large, …"
)]
pub(crate) enum List {
    /// The EFF large list: 7776 words, 12.9 bits a word.
    EffLarge,
    /// The EFF short list 1: 1296 short words, 10.3 bits a word.
    EffShort,
    /// The EFF short list 2: 1296 words with unique three-letter prefixes.
    EffShortPrefix,
}

/// `url`.
#[derive(Debug, Args)]
pub(crate) struct UrlArgs {
    /// The URL the token is appended to, e.g. https://example.com/reset=
    #[arg(value_name = "BASE")]
    pub(crate) base: String,
    /// Add the token as the query parameter NAME (?NAME= or &NAME=, as BASE needs);
    /// NAME uses only A-Z a-z 0-9 - . _ ~ and BASE must then have no #fragment
    #[arg(long, value_name = "NAME", value_parser = parse::param_name)]
    pub(crate) param: Option<String>,
}

/// `hash`.
#[derive(Debug, Args)]
pub(crate) struct HashArgs {
    /// Memory in KiB
    #[arg(long, value_name = "KIB", default_value_t = rsecrets::Argon2Params::DEFAULT.memory_kib)]
    pub(crate) memory: u32,
    /// Passes over the memory
    #[arg(long, value_name = "T", default_value_t = rsecrets::Argon2Params::DEFAULT.iterations)]
    pub(crate) iterations: u32,
    /// Lanes
    #[arg(long, value_name = "P", default_value_t = rsecrets::Argon2Params::DEFAULT.parallelism)]
    pub(crate) parallelism: u32,
    /// Accept a cost below every OWASP Argon2id configuration
    #[arg(long)]
    pub(crate) allow_weak: bool,
}

/// `verify`.
#[derive(Debug, Args)]
pub(crate) struct VerifyArgs {
    /// The stored hash, a PHC string ($argon2id$v=19$...)
    #[arg(value_name = "PHC")]
    pub(crate) phc: String,
}

/// `apikey`.
#[derive(Debug, Args)]
pub(crate) struct ApiKeyArgs {
    /// The prefix: 1 to 16 ASCII letters or digits
    #[arg(
        long,
        value_name = "PREFIX",
        value_parser = parse::api_key_prefix,
        required_unless_present = "check"
    )]
    pub(crate) prefix: Option<String>,
    /// Check KEY instead of making keys (- reads it from standard input)
    #[arg(long, value_name = "KEY")]
    pub(crate) check: Option<String>,
}

/// `pin`.
#[derive(Debug, Args)]
pub(crate) struct PinArgs {
    /// Number of digits, 1 to 1024
    #[arg(
        value_name = "DIGITS",
        default_value_t = 6,
        value_parser = parse::pin_digits,
        allow_negative_numbers = true
    )]
    pub(crate) digits: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn help_states_the_library_limits() {
        // The doc comments above spell these numbers out.
        assert_eq!(rsecrets::MAX_TOKEN_BYTES, 16_777_216);
        assert_eq!(rsecrets::rsecrets_recipes::MAX_PIN_DIGITS, 1024);
        assert_eq!(rsecrets::DEFAULT_ENTROPY, 32);
        assert_eq!(rsecrets::rsecrets_recipes::MAX_PASSWORD_LENGTH, 1024);
        assert_eq!(rsecrets::rsecrets_recipes::MAX_CONSTRAINED_LENGTH, 128);
        assert_eq!(rsecrets::rsecrets_recipes::MAX_PASSPHRASE_WORDS, 64);
        assert_eq!(rsecrets::rsecrets_recipes::MAX_WORD_LIST_BYTES, 64 << 20);
        assert_eq!(rsecrets::rsecrets_recipes::AMBIGUOUS_CHARS, "\"'01IO`lo|");
        assert_eq!(rsecrets::rsecrets_token::MAX_ID_LEN, 16_777_216);
        assert_eq!(rsecrets::rsecrets_token::ID_LEN, 21);
        assert_eq!(rsecrets::rsecrets_token::ID_ENTROPY_BITS, 126.0);
    }
}
