"""rsecrets.SystemRandom: a random.SystemRandom on the OS generator."""

import random

import pytest

import rsecrets


def test_is_a_random_random():
    r = rsecrets.SystemRandom()
    assert isinstance(r, random.Random)
    assert isinstance(r, random.SystemRandom)
    r.seed(42)  # a no-op, as CPython's
    with pytest.raises(NotImplementedError):
        r.getstate()


def test_methods():
    r = rsecrets.SystemRandom()
    assert 0.0 <= r.random() < 1.0
    assert r.randint(1, 6) in range(1, 7)
    assert r.randrange(0, 100, 7) % 7 == 0
    deck = list(range(52))
    r.shuffle(deck)
    assert sorted(deck) == list(range(52))
    assert len(set(r.sample(range(1000), 10))) == 10
    assert r.choice("xyz") in "xyz"
    assert len(r.randbytes(40)) == 40
    assert 0 <= r.getrandbits(300) < 2**300
    assert 0 <= r.uniform(1, 2) <= 2
    assert r.choices("ab", k=5)


def _outcome(f, *args):
    try:
        return ("ok", type(f(*args)))
    except Exception as e:  # noqa: BLE001
        return (type(e), str(e))


@pytest.mark.parametrize(
    "method,args",
    [
        ("getrandbits", (-1,)),
        ("getrandbits", (1.5,)),
        ("getrandbits", (2**70,)),
        ("getrandbits", (0,)),
        ("randbytes", (-1,)),
        ("randbytes", (1.5,)),
        ("randbytes", (0,)),
        ("choice", ([],)),
        ("choice", (5,)),
        ("randrange", (0,)),
        ("randint", (3, 1)),
        ("sample", (range(3), 4)),
    ],
)
def test_same_exceptions_as_cpython(method, args):
    ours = _outcome(getattr(rsecrets.SystemRandom(), method), *args)
    theirs = _outcome(getattr(random.SystemRandom(), method), *args)
    assert ours == theirs


def test_random_is_a_multiple_of_2_to_the_minus_53():
    r = rsecrets.SystemRandom()
    for _ in range(100):
        assert (r.random() * 2**53).is_integer()
