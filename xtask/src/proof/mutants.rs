//! The `mutants` section of `cargo xtask proof`: not written yet.

use super::{Opts, Row};
use crate::Result;

pub(crate) fn run(_opts: &Opts) -> Result<Vec<Row>> {
    Ok(Vec::new())
}
