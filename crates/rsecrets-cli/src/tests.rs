//! Unit tests of `main`'s own checks.

use std::ffi::OsString;

use super::repeated_global;

fn repeated(args: &[&str]) -> Option<String> {
    repeated_global(args.iter().map(OsString::from))
}

#[test]
fn a_global_option_given_twice_in_any_position_is_refused() {
    for args in [
        &["-n", "3", "hex", "-n", "2"][..],
        &["--count=3", "hex", "-n2"],
        &["-n3", "hex", "--count", "2"],
    ] {
        assert!(
            repeated(args).is_some_and(|m| m.contains("--count")),
            "{args:?}"
        );
    }
    assert!(repeated(&["--json", "hex", "--json"]).is_some_and(|m| m.contains("--json")));
    for args in [
        &["-n", "3", "hex"][..],
        &["hex", "--json", "-n", "2"],
        &["choice", "--", "-n", "-n", "--json", "--json"],
        &["passphrase", "--separator=-n", "-n", "2"],
    ] {
        assert_eq!(repeated(args), None, "{args:?}");
    }
}
