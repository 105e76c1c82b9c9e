//! How a run can end early, and the exit code of each way.

use std::io::{self, Write as _};
use std::process::ExitCode;

use clap::CommandFactory;
use clap::error::ErrorKind;

use crate::cli::Cli;

/// Why a run stopped before making every secret.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Arguments that cannot work (exit 2). clap refuses most of them while parsing;
    /// this is for the rest (a combination of values, or a refusal by the library),
    /// always found before the first secret is written.
    Usage(Box<clap::Error>),
    /// Making or writing the secrets failed (exit 1), e.g. a full disk.
    Runtime(String),
    /// The reader closed standard output: stop quietly (exit 0), as `yes | head` does.
    Closed,
}

impl Failure {
    /// A usage error for a bad value of `subcommand` (`""` for none), worded and
    /// formatted as clap's own: `error: …`, the usage, where to find help.
    pub(crate) fn usage(subcommand: &str, message: impl core::fmt::Display) -> Self {
        Self::clap(subcommand, ErrorKind::ValueValidation, message)
    }

    /// A usage error for two options of `subcommand` that cannot go together.
    pub(crate) fn conflict(subcommand: &str, first: &str, second: &str) -> Self {
        let message = format!("the argument '{first}' cannot be used with '{second}'");
        Self::clap(subcommand, ErrorKind::ArgumentConflict, message)
    }

    fn clap(subcommand: &str, kind: ErrorKind, message: impl core::fmt::Display) -> Self {
        let mut cli = Cli::command();
        // Building gives the subcommand its full name for the usage line.
        cli.build();
        let cmd = match cli.find_subcommand_mut(subcommand) {
            Some(sub) => sub,
            None => &mut cli,
        };
        Failure::Usage(Box::new(cmd.error(kind, message)))
    }

    /// Reports the failure on standard error and gives the exit code.
    pub(crate) fn report(self) -> ExitCode {
        match self {
            Failure::Usage(err) => {
                // If standard error is gone too, there is no one left to tell.
                let _ = err.print();
                ExitCode::from(2)
            }
            Failure::Runtime(message) => {
                // `eprintln!` would panic if standard error were closed.
                let _ = writeln!(io::stderr(), "error: {message}");
                ExitCode::FAILURE
            }
            Failure::Closed => ExitCode::SUCCESS,
        }
    }
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Self {
        if err.kind() == io::ErrorKind::BrokenPipe {
            Failure::Closed
        } else {
            Failure::Runtime(format!("cannot write to standard output: {err}"))
        }
    }
}

/// The library refuses only arguments (its generator cannot fail: the default one
/// panics if the OS has no randomness, see `main`), so its errors are usage errors.
/// The arguments are the same for every secret of a run, so the refusal comes before
/// anything is written.
impl From<rsecrets::Error> for Failure {
    fn from(err: rsecrets::Error) -> Self {
        Failure::usage("", err)
    }
}

impl From<rsecrets::RecipeError> for Failure {
    fn from(err: rsecrets::RecipeError) -> Self {
        Failure::usage("", err)
    }
}
