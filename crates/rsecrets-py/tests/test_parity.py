"""rsecrets beside CPython's secrets, on the same inputs, in the same run.

For every input: both return a value of the same type and shape, or both raise the
same exception type with the same message. Inputs that are not exact ints go to
CPython's own code inside rsecrets, so this checks that hand-off too.
"""

import enum
import fractions
import decimal
import inspect
import secrets

import pytest

import rsecrets


class MyInt(int):
    pass


class Colour(enum.IntEnum):
    RED = 5


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError(i)
        return "abc"[i]


def outcome(f, *args, **kwargs):
    try:
        return ("ok", f(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - the exception is the outcome
        return (type(e), str(e))


def same(name, *args, check=None, **kwargs):
    ours = outcome(getattr(rsecrets, name), *args, **kwargs)
    theirs = outcome(getattr(secrets, name), *args, **kwargs)
    if ours[0] != "ok" or theirs[0] != "ok":
        assert ours == theirs, (name, args)
        return None
    assert type(ours[1]) is type(theirs[1]), (name, args, ours, theirs)
    if check is not None:
        check(ours[1])
        check(theirs[1])
    return ours[1]


def test_the_names_of_cpython_secrets():
    for name in secrets.__all__:
        assert hasattr(rsecrets, name), name
    assert rsecrets.DEFAULT_ENTROPY == secrets.DEFAULT_ENTROPY == 32
    assert issubclass(rsecrets.SystemRandom, secrets.SystemRandom)


SIZES = [None, 0, 1, 16, 17, 64, 65, 100, 1000, True, False, Index(5), MyInt(3),
         -1, -(2**70), 1.5, 2.0, "3", b"3", [], 2**63, 2**64, 2**200]


@pytest.mark.parametrize("n", SIZES, ids=repr)
@pytest.mark.parametrize("name", ["token_bytes", "token_hex", "token_urlsafe"])
def test_tokens(name, n):
    value = same(name, n)
    if value is not None:
        assert len(value) == len(getattr(secrets, name)(n))


def test_token_keyword_and_defaults():
    for name in ["token_bytes", "token_hex", "token_urlsafe"]:
        assert len(getattr(rsecrets, name)(nbytes=8)) == len(getattr(secrets, name)(nbytes=8))
        assert len(getattr(rsecrets, name)()) == len(getattr(secrets, name)())
    assert outcome(rsecrets.token_hex, 1, 2)[0] is outcome(secrets.token_hex, 1, 2)[0] is TypeError


def test_token_alphabets():
    assert set(rsecrets.token_hex(4096)) <= set("0123456789abcdef")
    legal = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert set(rsecrets.token_urlsafe(4096)) <= legal
    for n in range(0, 70):
        assert len(rsecrets.token_urlsafe(n)) == len(secrets.token_urlsafe(n))


def test_tokens_past_16_mib():
    # CPython has no cap; the token layer's 16 MiB cap is worked around by chunks.
    n = (16 << 20) + 7
    assert len(rsecrets.token_bytes(n)) == n
    hex_token = rsecrets.token_hex(n)
    assert len(hex_token) == 2 * n
    assert bytes.fromhex(hex_token[-64:])
    url = rsecrets.token_urlsafe(n)
    assert len(url) == len(secrets.token_urlsafe(n))
    import base64

    raw = base64.urlsafe_b64decode(url + "=" * (-len(url) % 4))
    assert len(raw) == n
    # The chunks are independent draws: no chunk repeats the first.
    assert raw[: 1 << 20] != raw[3 << 22 : (3 << 22) + (1 << 20)]


BOUNDS = [1, 2, 3, 10**6, 2**32, 2**63, 2**64 - 1, 2**64, 2**64 + 1, 2**127 + 5,
          2**128 - 1, 2**128, 2**128 + 1, 3 * 2**128, 2**1000 + 12345, 10**400,
          True, False, 0, -1, -(2**64), -(2**200), MyInt(7), Colour.RED, 1.5, 2.0,
          fractions.Fraction(5), decimal.Decimal(5), "3", None, Index(5)]


@pytest.mark.parametrize("n", BOUNDS, ids=repr)
def test_randbelow(n):
    def in_range(x):
        assert 0 <= x < n

    same("randbelow", n, check=in_range)


def test_randbelow_keyword():
    assert rsecrets.randbelow(exclusive_upper_bound=3) in range(3)
    assert inspect.signature(rsecrets.randbelow).parameters.keys() == \
        inspect.signature(secrets.randbelow).parameters.keys()


BITS = [0, 1, 3, 12, 30, 63, 64, 65, 127, 128, 129, 1000, True, False, -1, -(2**70),
        MyInt(8), 1.5, "3", None, 2**70]


@pytest.mark.parametrize("k", BITS, ids=repr)
def test_randbits(k):
    def in_range(x):
        assert 0 <= x < 2**k

    same("randbits", k, check=in_range)


def test_randbits_keyword_and_top_bits():
    assert rsecrets.randbits(k=5) < 32
    # The top bit of k bits is set about half the time: 2000 draws outside 800..1200
    # happen with probability below 1e-18 for a fair bit.
    for k in (8, 64, 65, 100, 1000):
        ones = sum(rsecrets.randbits(k) >> (k - 1) for _ in range(2000))
        assert 800 < ones < 1200, (k, ones)


SEQUENCES = [[1, 2, 3], (1, 2), "abc", b"ab", bytearray(b"xy"), range(5), range(0),
             [], (), "", {0: "a"}, {1: "a"}, {}, set(), {1}, 5, None, Seq(), [7],
             memoryview(b"q")]


@pytest.mark.parametrize("seq", SEQUENCES, ids=repr)
def test_choice(seq):
    def member(x):
        assert x in list(seq) if not isinstance(seq, dict) else x in seq.values()

    same("choice", seq, check=member)


def test_choice_keyword_and_subclasses():
    class L(list):
        def __getitem__(self, i):
            return "overridden"

    assert rsecrets.choice(seq=[1]) == 1
    assert rsecrets.choice(L([1, 2])) == "overridden"


def _chi2(counts, expected):
    return sum((c - expected) ** 2 / expected for c in counts)


def test_uniform_below_small_and_huge_bounds():
    # Chi-square, 2 degrees of freedom: above 27.6 with probability 1e-6.
    draws = 30_000
    for n, scale in [(3, 1), (3 * 2**128, 2**128), (3 * 2**1000, 2**1000)]:
        counts = [0, 0, 0]
        for _ in range(draws):
            counts[rsecrets.randbelow(n) // scale] += 1
        assert _chi2(counts, draws / 3) < 27.6, (n, counts)
