//! Recipes: PINs and reset URLs (passwords and passphrases will join them).

use rsecrets::{RecipeError, rsecrets_recipes};

use super::byte_entropy_bits;
use crate::failure::Failure;
use crate::output::{Field, Output};

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
    if param.is_some() && base.contains('#') {
        return Err(Failure::usage(
            "url",
            format!(
                "invalid value '{base}' for '<BASE>': {}",
                <RecipeError>::BaseHasFragment
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
