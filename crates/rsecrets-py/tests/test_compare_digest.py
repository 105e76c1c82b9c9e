"""compare_digest against hmac.compare_digest's rules.

The cases of CPython's Lib/test/test_hmac.py (CompareDigestTestCase), written
again as our own, then a side-by-side matrix against hmac.compare_digest: the same
result, or the same exception type and message, for every pair of types.
"""

import array
import hmac

import pytest

import rsecrets
from rsecrets import compare_digest


def test_incompatible_types_raise_type_error():
    for a, b in [
        (100, 200),
        (100, b"foobar"),
        (b"foobar", 200),
        ("foobar", b"foobar"),
        (b"foobar", "foobar"),
        (None, None),
    ]:
        with pytest.raises(TypeError):
            compare_digest(a, b)


@pytest.mark.parametrize("kind", [bytes, bytearray])
def test_bytes_like(kind):
    assert not compare_digest(kind(b"foobar"), kind(b"foo"))
    assert not compare_digest(kind(b"\xde\xad\xbe\xef"), kind(b"\xde\xad"))
    assert not compare_digest(kind(b"foobar"), kind(b"foobaz"))
    assert not compare_digest(kind(b"\xde\xad\xbe\xef"), kind(b"\xab\xad\x1d\xea"))
    assert compare_digest(kind(b"foobar"), kind(b"foobar"))
    assert compare_digest(kind(b"\xde\xad\xbe\xef"), kind(b"\xde\xad\xbe\xef"))
    assert compare_digest(kind(), kind())


def test_mixed_bytes_and_bytearray():
    assert compare_digest(b"foobar", bytearray(b"foobar"))
    assert compare_digest(bytearray(b"foobar"), b"foobar")
    assert not compare_digest(b"foobar", bytearray(b"foobaz"))
    assert compare_digest(memoryview(b"foobar"), b"foobar")
    assert compare_digest(array.array("B", b"foobar"), bytearray(b"foobar"))


def test_ascii_strings():
    assert compare_digest("foobar", "foobar")
    assert not compare_digest("foobar", "foo")
    assert not compare_digest("foobar", "foobaz")
    assert compare_digest("", "")


def test_non_ascii_strings_are_refused():
    for a, b in [("fooä", "fooä"), ("foobar", "fooä"), ("fooä", "foobar"), ("\udc80", "x")]:
        with pytest.raises(TypeError, match="non-ASCII"):
            compare_digest(a, b)


def test_eq_overrides_are_ignored():
    class MyStr(str):
        def __eq__(self, other):
            return False

    class MyBytes(bytes):
        def __eq__(self, other):
            return False

    class MyByteArray(bytearray):
        def __eq__(self, other):
            return False

    assert compare_digest(MyStr("foobar"), MyStr("foobar"))
    assert compare_digest(MyStr("foobar"), "foobar")
    assert compare_digest(MyBytes(b"foobar"), MyBytes(b"foobar"))
    assert compare_digest(MyBytes(b"foobar"), b"foobar")
    assert compare_digest(MyByteArray(b"foobar"), MyByteArray(b"foobar"))
    assert not compare_digest(MyStr("foobar"), MyStr("foobaz"))


def test_returns_a_bool():
    assert compare_digest("abc", "abc") is True
    assert compare_digest(b"abc", b"xyz") is False


def test_arguments_are_positional_only():
    with pytest.raises(TypeError):
        compare_digest(a=b"x", b=b"x")
    with pytest.raises(TypeError):
        compare_digest(b"x")


class _Str(str):
    pass


class _Bytes(bytes):
    pass


VALUES = [
    "foobar",
    "foobaz",
    "fooä",
    "",
    _Str("foobar"),
    b"foobar",
    b"foobaz",
    b"",
    _Bytes(b"foobar"),
    bytearray(b"foobar"),
    memoryview(b"foobar"),
    memoryview(b"foobar")[::2],
    array.array("B", b"foobar"),
    array.array("i", [1, 2]),
    1,
    None,
    1.5,
    ["f"],
]


def _outcome(f, a, b):
    try:
        return ("ok", f(a, b))
    except Exception as e:  # noqa: BLE001 - the exception is the outcome
        return (type(e), str(e))


@pytest.mark.parametrize("a", VALUES, ids=repr)
@pytest.mark.parametrize("b", VALUES, ids=repr)
def test_same_outcome_as_hmac(a, b):
    assert _outcome(rsecrets.compare_digest, a, b) == _outcome(hmac.compare_digest, a, b)
