"""rsecrets: Python's ``secrets`` module on a Rust core, and the recipes it lacks.

``import rsecrets as secrets`` is a drop-in for CPython's module: the same
functions, arguments, results and exceptions (CPython's own test suite passes
against it), drawn from a per-thread ChaCha20 generator seeded from the operating
system, erased as it goes and reseeded in a forked child.

Beyond CPython: ``password``/``PasswordPolicy``, ``passphrase``/``Passphrase``/
``WordList``, ``pin``, ``reset_url``, ``uuid4``, ``api_key``/``check_api_key`` and
Argon2id ``hash_password``/``verify_password``/``needs_rehash``, each with its
exact entropy where it has one.
"""

import random as _random
from collections.abc import Sequence as _Sequence
from typing import TypeVar as _TypeVar

from . import _rsecrets
from ._rsecrets import (
    API_KEY_ENTROPY_BITS,
    DEFAULT_ENTROPY,
    UUID4_ENTROPY_BITS,
    Passphrase,
    PasswordPolicy,
    WordList,
    api_key,
    token_alphabet,
    token_base32,
    token_base64,
    token_id,
    uuid7,
    check_api_key,
    choice,
    compare_digest,
    hash_password,
    needs_rehash,
    passphrase,
    password,
    pin,
    pin_entropy_bits,
    randbelow,
    randbits,
    reset_url,
    token_bytes,
    token_hex,
    token_urlsafe,
    uuid4,
    verify_password,
)

__all__ = [
    # CPython's secrets, in its order.
    "choice",
    "randbelow",
    "randbits",
    "SystemRandom",
    "token_bytes",
    "token_hex",
    "token_urlsafe",
    "compare_digest",
    # rsecrets' recipes.
    "DEFAULT_ENTROPY",
    "password",
    "PasswordPolicy",
    "passphrase",
    "Passphrase",
    "WordList",
    "pin",
    "pin_entropy_bits",
    "reset_url",
    "uuid4",
    "api_key",
    "uuid7",
    "token_id",
    "token_alphabet",
    "token_base32",
    "token_base64",
    "check_api_key",
    "hash_password",
    "verify_password",
    "needs_rehash",
    "API_KEY_ENTROPY_BITS",
    "UUID4_ENTROPY_BITS",
]

_T = _TypeVar("_T")


class SystemRandom(_random.SystemRandom):
    """Random numbers from the operating system, one system call per draw.

    A ``random.SystemRandom`` (so a ``random.Random``) whose primitives come from
    rsecrets: ``random()``, ``getrandbits()``, ``randbytes()``, ``choice()`` and the
    ``_randbelow()`` behind ``randrange``, ``randint``, ``shuffle`` and ``sample``.
    Results and exceptions are CPython's; like CPython's, it cannot be seeded and
    has no state to save.
    """

    def random(self) -> float:
        """Get the next random number in the range 0.0 <= X < 1.0."""
        return _rsecrets.os_random()

    def getrandbits(self, k: int) -> int:
        """getrandbits(k) -> x.  Generates an int with k random bits."""
        return _rsecrets.os_getrandbits(k)

    def randbytes(self, n: int) -> bytes:
        """Generate n random bytes."""
        return _rsecrets.os_randbytes(n)

    def _randbelow(self, n: int) -> int:
        return _rsecrets.os_randbelow(n)

    def choice(self, seq: _Sequence[_T]) -> _T:
        """Choose a random element from a non-empty sequence."""
        return _rsecrets.os_choice(seq)
