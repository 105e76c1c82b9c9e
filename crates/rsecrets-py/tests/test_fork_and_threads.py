"""A forked child never repeats its parent; threads draw apart; work releases the GIL."""

import os
import sys
import threading
import time

import pytest

import rsecrets

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

FORKS = 50
DRAWS = 20


def _draws():
    return [rsecrets.token_hex(16) for _ in range(DRAWS)] + [
        str(rsecrets.randbelow(2**64)) for _ in range(DRAWS)
    ]


def _in_child(work):
    """Runs `work` in a forked child and returns its lines."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            os.write(write, "\n".join(work()).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as f:
        out = f.read().split("\n")
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return out


def test_a_child_never_repeats_its_parent():
    rsecrets.token_hex()  # the parent's generator is seeded and has buffered output
    seen = set()
    for _ in range(FORKS):
        child = _in_child(_draws)
        parent = _draws()
        assert len(child) == len(parent) == 2 * DRAWS
        for value in child + parent:
            assert value not in seen, "a value was drawn twice across a fork"
            seen.add(value)


def test_two_children_differ():
    rsecrets.token_bytes(1)
    a = _in_child(_draws)
    b = _in_child(_draws)
    assert not set(a) & set(b)


def test_threads_draw_apart():
    results = []
    lock = threading.Lock()

    def work():
        mine = [rsecrets.token_hex(16) for _ in range(500)]
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == len(set(results)) == 4000


def _longest_stall(work):
    """The longest gap between two iterations of a loop in this thread while `work`
    runs in another."""
    done = threading.Event()

    def run():
        try:
            work()
        finally:
            done.set()

    t = threading.Thread(target=run)
    start = time.perf_counter()
    t.start()
    last = time.perf_counter()
    longest = 0.0
    while not done.is_set():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    t.join()
    return longest, time.perf_counter() - start


@pytest.mark.parametrize(
    "work",
    [
        lambda: rsecrets.hash_password("correct horse battery staple"),
        lambda: rsecrets.token_bytes(256 << 20),
    ],
    ids=["hash_password", "token_bytes(256 MiB)"],
)
def test_real_work_releases_the_gil(work):
    # While the other thread holds the GIL for the whole call, this loop would stall
    # for all of it; released, it stalls for a switch interval or a scheduler slice.
    old = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    try:
        longest, total = _longest_stall(work)
    finally:
        sys.setswitchinterval(old)
    assert total > 0.05, "the work was too quick to tell"
    assert longest < total / 2, (longest, total)
