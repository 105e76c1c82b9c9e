#!/usr/bin/env bash
# The Python package's CI: on a fresh machine, a venv under target/ with maturin,
# pytest and argon2-cffi from PyPI, `pip install crates/rsecrets-py` (maturin builds
# the extension in release mode), then pytest: CPython's own test_secrets against
# the package, compare_digest against hmac's rules, parity with CPython's secrets,
# fork and threads, the recipes, the stubs. Extra arguments go to pytest.
#
#   crates/rsecrets-py/ci.sh            # from anywhere
#   RSECRETS_PY_VENV=/path/venv ...     # another venv (created if missing)
#   PYTHON=python3.12 ...               # another interpreter for a new venv
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${RSECRETS_PY_VENV:-$root/target/python-venv}"
start=$SECONDS

if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
py="$venv/bin/python"
pip=("$py" -m pip --disable-pip-version-check -q)
"${pip[@]}" install "maturin>=1.9.4,<2" "pytest>=7" argon2-cffi
# maturin from the venv, without build isolation: no second download of it.
PATH="$venv/bin:$PATH" "${pip[@]}" install --no-build-isolation --force-reinstall --no-deps "$here"
echo "python: built and installed in $((SECONDS - start)) s"

cd "$here"
RSECRETS_REQUIRE_ARGON2_CFFI=1 "$py" -m pytest -q -p no:cacheprovider tests "$@"
echo "python: done in $((SECONDS - start)) s"
