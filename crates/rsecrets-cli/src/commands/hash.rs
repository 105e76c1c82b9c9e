//! Storing secrets: `hash` prints an Argon2id PHC string, `verify` checks one.

use rsecrets::Argon2Params;

use crate::cli::{Global, HashArgs};
use crate::failure::Failure;
use crate::input;
use crate::output::Output;

/// `rsecrets hash`: the Argon2id PHC string of one secret from standard input.
pub(super) fn hash(args: &HashArgs, global: &Global, out: &mut Output) -> Result<(), Failure> {
    if global.count.is_some() {
        return Err(Failure::conflict("hash", "--count", "hash"));
    }
    let params = Argon2Params {
        memory_kib: args.memory,
        iterations: args.iterations,
        parallelism: args.parallelism,
    };
    // Parameters are checked before the secret is read.
    params.check().map_err(|e| Failure::usage("hash", e))?;
    if params.is_weak() && !args.allow_weak {
        return Err(Failure::usage(
            "hash",
            format!(
                "m={} t={} is below every OWASP Argon2id configuration (e.g. m=19456 t=2); \
                 --allow-weak accepts it",
                params.memory_kib, params.iterations
            ),
        ));
    }
    let secret = input::secret(true)?;
    let phc = rsecrets::rsecrets_hash::hash_password_with(&mut rsecrets::rng(), &secret, params)
        .map_err(|e| Failure::Runtime(e.to_string()))?;
    let line = if out.is_json() {
        let hash = serde_json::to_string(&phc).map_err(|e| Failure::Runtime(e.to_string()))?;
        format!(
            "{{\"hash\": {hash}, \"algorithm\": \"argon2id\", \"m\": {}, \"t\": {}, \"p\": {}}}\n",
            params.memory_kib, params.iterations, params.parallelism
        )
    } else {
        format!("{phc}\n")
    };
    out.raw(line.as_bytes())?;
    Ok(())
}

/// `rsecrets verify PHC`: exit 0 on a match, 1 on a mismatch, 2 for a PHC string
/// that cannot be checked.
pub(super) fn verify(phc: &str, global: &Global) -> Result<(), Failure> {
    if global.count.is_some() {
        return Err(Failure::conflict("verify", "--count", "verify"));
    }
    if global.json {
        return Err(Failure::conflict("verify", "--json", "verify"));
    }
    // The string is checked before the secret is read: a typo in PHC is found at once.
    rsecrets::needs_rehash(phc, Argon2Params::DEFAULT).map_err(|e| Failure::usage("verify", e))?;
    let secret = input::secret(false)?;
    match rsecrets::verify_password(&secret, phc) {
        Ok(true) => Ok(()),
        Ok(false) => Err(Failure::Runtime(
            "the secret does not match the hash".into(),
        )),
        Err(e) => Err(Failure::usage("verify", e)),
    }
}
