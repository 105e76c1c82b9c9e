#!/usr/bin/env bash
# The Python package's CI: install.sh (a venv under target/ with maturin, pytest and
# argon2-cffi from PyPI, then `pip install crates/rsecrets-py`, maturin building the
# extension in release mode), then pytest: CPython's own test_secrets against the
# package, compare_digest against hmac's rules, parity with CPython's secrets, fork
# and threads, the recipes, the stubs. Extra arguments go to pytest.
#
#   crates/rsecrets-py/ci.sh            # from anywhere
#   RSECRETS_PY_VENV=/path/venv ...     # another venv (created if missing)
#   PYTHON=python3.12 ...               # another interpreter for a new venv
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
start=$SECONDS
py="$("$here/install.sh" | tail -n 1)"

cd "$here"
RSECRETS_REQUIRE_ARGON2_CFFI=1 "$py" -m pytest -q -p no:cacheprovider tests "$@"
echo "python: done in $((SECONDS - start)) s"
