#!/usr/bin/env bash
# Builds and installs the Python package into a venv under target/ (created when
# missing), with maturin, pytest and argon2-cffi from PyPI: what ci.sh tests and
# what `cargo xtask bench` times. Prints the venv's python on the last line.
#
#   crates/rsecrets-py/install.sh       # from anywhere
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
"${pip[@]}" install "maturin>=1.9.4,<2" "pytest>=7" argon2-cffi >&2
# maturin from the venv, without build isolation: no second download of it.
PATH="$venv/bin:$PATH" "${pip[@]}" install --no-build-isolation --force-reinstall --no-deps "$here" >&2
echo "python: built and installed in $((SECONDS - start)) s" >&2
echo "$py"
