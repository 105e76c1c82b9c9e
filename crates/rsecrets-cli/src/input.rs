//! Secrets read from standard input: one line, bounded, wiped when dropped; or,
//! on a terminal, typed at a prompt without echo.

use std::io::{self, BufRead as _, IsTerminal as _, Read as _};

use rsecrets::Zeroizing;

use crate::failure::Failure;

/// The longest line read: far past any password or key.
pub(crate) const MAX_LINE: usize = 64 * 1024;

/// One line from standard input, its line end (`\n` or `\r\n`) removed. `what`
/// names it in errors ("the key"). The buffer is allocated whole first, so no
/// reallocation leaves a copy behind; it is wiped when dropped.
pub(crate) fn line(what: &str) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let mut line = Zeroizing::new(Vec::with_capacity(MAX_LINE + 1));
    let limit = u64::try_from(MAX_LINE + 1).unwrap_or(u64::MAX);
    let read = io::stdin().lock().take(limit).read_until(b'\n', &mut line);
    read.map_err(|e| Failure::Runtime(format!("cannot read {what} from standard input: {e}")))?;
    if line.len() > MAX_LINE {
        return Err(Failure::Runtime(format!(
            "{what} on standard input is longer than {MAX_LINE} bytes"
        )));
    }
    if line.ends_with(b"\n") {
        line.pop();
        if line.ends_with(b"\r") {
            line.pop();
        }
    }
    Ok(line)
}

/// A secret: typed at the terminal without echo (twice when `confirm`, and the two
/// must match), or else one line of standard input. Empty is an error.
pub(crate) fn secret(confirm: bool) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let secret = if io::stdin().is_terminal() {
        let typed = prompt("Secret: ")?;
        if confirm && *prompt("Again: ")? != *typed {
            return Err(Failure::Runtime("the two secrets typed differ".into()));
        }
        typed
    } else {
        line("the secret")?
    };
    if secret.is_empty() {
        return Err(Failure::Runtime("the secret is empty".into()));
    }
    Ok(secret)
}

/// One line typed at the terminal without echo (`rpassword`).
fn prompt(text: &str) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let typed =
        Zeroizing::new(rpassword::prompt_password(text).map_err(|e| {
            Failure::Runtime(format!("cannot read the secret from the terminal: {e}"))
        })?);
    Ok(Zeroizing::new(typed.as_bytes().to_vec()))
}
