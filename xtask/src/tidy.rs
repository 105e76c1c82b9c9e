//! Repository rules as tests (rust-analyzer's `tidy.rs` pattern): they run with
//! `cargo test --workspace`, so CI enforces them.

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    use crate::{published_crates, workspace_root};

    /// The only crate allowed to contain `unsafe`, and the only module in it.
    const UNSAFE_CRATE: &str = "rsecrets-entropy";

    /// The layering of docs/architecture.md: each crate and the workspace crates it
    /// may depend on (normal dependencies). Arrows point down only.
    const LAYERS: &[(&str, &[&str])] = &[
        ("rsecrets-entropy", &["rsecrets-core"]),
        ("rsecrets-core", &[]),
        ("rsecrets-compare", &[]),
        ("rsecrets-token", &["rsecrets-core"]),
        ("rsecrets-recipes", &["rsecrets-core", "rsecrets-token"]),
        ("rsecrets-hash", &["rsecrets-compare"]),
        (
            "rsecrets",
            &[
                "rsecrets-entropy",
                "rsecrets-core",
                "rsecrets-token",
                "rsecrets-compare",
                "rsecrets-recipes",
                "rsecrets-hash",
            ],
        ),
        ("rsecrets-cli", &["rsecrets"]),
        ("rsecrets-py", &["rsecrets"]),
    ];

    fn root() -> PathBuf {
        workspace_root()
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The `[dependencies]` table of a manifest (not dev- or build-dependencies).
    fn normal_deps(manifest: &str) -> Vec<String> {
        let mut in_deps = false;
        let mut deps = Vec::new();
        for line in manifest.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                in_deps = line == "[dependencies]";
            } else if in_deps {
                if let Some((name, _)) = line.split_once(['=', '.']) {
                    deps.push(name.trim().to_owned());
                }
            }
        }
        deps
    }

    #[test]
    fn every_crate_is_listed_in_the_layering() {
        let crates = published_crates(&root()).unwrap();
        let listed: Vec<&str> = LAYERS.iter().map(|(c, _)| *c).collect();
        for krate in &crates {
            assert!(
                listed.contains(&krate.as_str()),
                "{krate} is missing from LAYERS"
            );
        }
        assert_eq!(
            crates.len(),
            LAYERS.len(),
            "LAYERS names a crate that does not exist"
        );
    }

    #[test]
    fn dependencies_point_down_the_layers_only() {
        for (krate, allowed) in LAYERS {
            let manifest =
                fs::read_to_string(root().join("crates").join(krate).join("Cargo.toml")).unwrap();
            for dep in normal_deps(&manifest)
                .iter()
                .filter(|d| d.starts_with("rsecrets"))
            {
                assert!(
                    allowed.contains(&dep.as_str()),
                    "{krate} must not depend on {dep}"
                );
            }
        }
    }

    #[test]
    fn lint_headers_and_workspace_lints() {
        for krate in published_crates(&root()).unwrap() {
            let dir = root().join("crates").join(&krate);
            let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap();
            assert!(
                manifest.contains("[lints]\nworkspace = true"),
                "{krate}: no [lints] workspace = true"
            );
            let top = ["src/lib.rs", "src/main.rs"]
                .iter()
                .map(|f| dir.join(f))
                .find(|p| p.is_file())
                .unwrap();
            let text = fs::read_to_string(&top).unwrap();
            let unsafe_rule = if krate == UNSAFE_CRATE {
                "#![deny(unsafe_code)]"
            } else {
                "#![forbid(unsafe_code)]"
            };
            assert!(
                text.contains(unsafe_rule),
                "{krate}: {} lacks {unsafe_rule}",
                top.display()
            );
            assert!(
                text.starts_with("//!") || text.starts_with("#![doc"),
                "{krate}: no crate doc first"
            );
            if top.ends_with("lib.rs") {
                assert!(
                    text.contains("#![warn(missing_docs)]"),
                    "{krate}: lacks #![warn(missing_docs)]"
                );
            }
        }
    }

    #[test]
    fn unsafe_only_in_the_entropy_os_module() {
        let mut files = Vec::new();
        rust_files(&root().join("crates"), &mut files);
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            let in_os_module =
                file.starts_with(root().join("crates").join(UNSAFE_CRATE).join("src/os"));
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if code.contains("unsafe {")
                    || code.contains("unsafe fn")
                    || code.contains("unsafe impl")
                {
                    assert!(
                        in_os_module,
                        "{}:{}: `unsafe` outside {UNSAFE_CRATE}'s OS module",
                        file.display(),
                        n + 1
                    );
                    let above = text.lines().take(n).collect::<Vec<_>>().join("\n");
                    let last_lines: String =
                        above.lines().rev().take(6).collect::<Vec<_>>().join("\n");
                    assert!(
                        last_lines.contains("SAFETY:"),
                        "{}:{}: unsafe block without a // SAFETY: comment",
                        file.display(),
                        n + 1
                    );
                }
            }
        }
    }

    #[test]
    fn only_the_eff_lists_are_linked() {
        // `diceware_wordlists::Wordlist` reaches all six of its lists, 76 000 more
        // words than the EFF's three: a relocation per word at every start of the
        // CLI (85 000 relocations against 9 000, about 1 ms of its start).
        let mut files = Vec::new();
        rust_files(&root().join("crates"), &mut files);
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                assert!(
                    !code.contains("Wordlist::") && !code.contains("get_list("),
                    "{}:{}: name the EFF list's static (`diceware_wordlists::EFF_LONG_WORDLIST`)",
                    file.display(),
                    n + 1
                );
            }
        }
    }

    #[test]
    fn changelog_has_an_unreleased_section() {
        let log = fs::read_to_string(root().join("docs/CHANGELOG.md")).unwrap();
        assert!(
            log.contains("## [Unreleased]"),
            "docs/CHANGELOG.md needs an ## [Unreleased] section"
        );
    }

    #[test]
    fn readme_gives_the_two_commands_and_ci_runs_the_test_one() {
        let readme = fs::read_to_string(root().join("README.md")).unwrap();
        assert!(
            readme.contains("cargo run -p rsecrets-cli --"),
            "README must show how to run the CLI"
        );
        assert!(
            readme.contains("cargo xtask ci"),
            "README must show the test command"
        );
        let ci = fs::read_to_string(root().join(".ci/run")).unwrap();
        assert!(
            ci.lines().any(|l| l.trim() == "cargo xtask ci"),
            ".ci/run must run `cargo xtask ci`"
        );
    }

    #[test]
    fn no_modulo_on_random_words_in_samplers() {
        // Unbiased sampling is rejection-based: `%` may only appear where a comment on the
        // same line says why it is not reducing a random word.
        let mut files = Vec::new();
        for krate in ["rsecrets-core", "rsecrets-token", "rsecrets-recipes"] {
            rust_files(&root().join("crates").join(krate).join("src"), &mut files);
        }
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            let mut in_tests = false;
            for (n, line) in text.lines().enumerate() {
                in_tests |= line.trim_start().starts_with("#[cfg(test)]");
                let (code, comment) = line.split_once("//").unwrap_or((line, ""));
                if !in_tests && code.contains(" % ") {
                    assert!(
                        comment.contains("not a random word"),
                        "{}:{}: `%` in a sampler; add `// not a random word: why` if it is safe",
                        file.display(),
                        n + 1
                    );
                }
            }
        }
    }
}
