"""rsecrets against CPython's secrets, in one run: `python bench.py [--rounds N]`.

Each operation is timed with timeit for both modules in interleaved rounds (this
machine swings between a quiet and a busy state for seconds at a time), and the
best round of each is quoted, in nanoseconds per call, with the speed-up. The
password and passphrase rows put CPython's documented recipes (a generator of
choice() calls) beside rsecrets' one-shot functions and prebuilt recipes.
"""

import argparse
import secrets
import statistics
import string
import sys
import timeit
import uuid
import zlib

import rsecrets

ALPHABET = string.ascii_letters + string.digits
WORDS = [rsecrets.WordList.eff_large()[i] for i in range(7776)]
DIGEST_A = secrets.token_bytes(32)
DIGEST_B = bytes(DIGEST_A)

POLICY = rsecrets.PasswordPolicy(16)
PHRASE = rsecrets.Passphrase(6)
ID64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def api_key(prefix):
    """GitHub's scheme with CPython's secrets: 30 base62 characters and their
    CRC-32 in 6 base62 digits."""
    body = "".join(secrets.choice(B62) for _ in range(30))
    crc, check = zlib.crc32(body.encode()), ""
    for _ in range(6):
        crc, digit = divmod(crc, 62)
        check = B62[digit] + check
    return prefix + "_" + body + check


# (row, CPython statement, rsecrets statement, goal as "at least N x faster")
ROWS = [
    ("token_hex(32)", "secrets.token_hex(32)", "rsecrets.token_hex(32)", 5),
    ("token_urlsafe(32)", "secrets.token_urlsafe(32)", "rsecrets.token_urlsafe(32)", 5),
    ("token_bytes(32)", "secrets.token_bytes(32)", "rsecrets.token_bytes(32)", 5),
    ("token_bytes(1 MiB)", "secrets.token_bytes(1 << 20)", "rsecrets.token_bytes(1 << 20)", None),
    ("randbelow(10**6)", "secrets.randbelow(1000000)", "rsecrets.randbelow(1000000)", 15),
    ("randbelow(2**200)", "secrets.randbelow(1 << 200)", "rsecrets.randbelow(1 << 200)", None),
    ("randbits(64)", "secrets.randbits(64)", "rsecrets.randbits(64)", None),
    ("choice(62 chars)", "secrets.choice(ALPHABET)", "rsecrets.choice(ALPHABET)", 15),
    ("choice(list of 7776)", "secrets.choice(WORDS)", "rsecrets.choice(WORDS)", 15),
    ("16-char password, one-shot",
     "''.join(secrets.choice(ALPHABET) for _ in range(16))", "rsecrets.password(16)", None),
    ("16-char password, prebuilt",
     "''.join(secrets.choice(ALPHABET) for _ in range(16))", "POLICY.generate()", None),
    ("6-word passphrase, one-shot",
     "' '.join(secrets.choice(WORDS) for _ in range(6))", "rsecrets.passphrase(6)", None),
    ("6-word passphrase, prebuilt",
     "' '.join(secrets.choice(WORDS) for _ in range(6))", "PHRASE.generate()", None),
    ("uuid4 string", "str(uuid.uuid4())", "rsecrets.uuid4()", None),
    ("id, 21 of A-Za-z0-9-_", "''.join(secrets.choice(ID64) for _ in range(21))",
     "rsecrets.token_id()", None),
    ("API key", "api_key('acme')", "rsecrets.api_key('acme')", None),
    ("compare_digest 32 B", "secrets.compare_digest(DIGEST_A, DIGEST_B)",
     "rsecrets.compare_digest(DIGEST_A, DIGEST_B)", None),
    ("SystemRandom().randrange(10**6)", "SR.randrange(1000000)", "RSR.randrange(1000000)", None),
]

NAMESPACE = {
    "secrets": secrets,
    "rsecrets": rsecrets,
    "uuid": uuid,
    "ALPHABET": ALPHABET,
    "WORDS": WORDS,
    "DIGEST_A": DIGEST_A,
    "DIGEST_B": DIGEST_B,
    "POLICY": POLICY,
    "PHRASE": PHRASE,
    "ID64": ID64,
    "api_key": api_key,
    "SR": secrets.SystemRandom(),
    "RSR": rsecrets.SystemRandom(),
}


def per_call_ns(stmt, target_s):
    timer = timeit.Timer(stmt, globals=NAMESPACE)
    number, _ = timer.autorange()
    number = max(1, int(number * target_s / 0.2))
    return timer.timeit(number) / number * 1e9


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=0.05, help="per measurement")
    args = parser.parse_args()
    best = {}
    ratios = {}
    for _ in range(args.rounds):
        for row, cpy, ours, _goal in ROWS:
            t = {}
            for key, stmt in (("cpython", cpy), ("rsecrets", ours)):
                t[key] = per_call_ns(stmt, args.seconds)
                best[row, key] = min(best.get((row, key), t[key]), t[key])
            ratios.setdefault(row, []).append(t["cpython"] / t["rsecrets"])
    print(f"Python {sys.version.split()[0]}, best of {args.rounds} interleaved rounds, ns per call\n")
    print("| work | CPython secrets | rsecrets | speed-up (best/best) | median of round ratios | goal |")
    print("|---|---:|---:|---:|---:|---|")
    failed = []
    for row, _cpy, _ours, goal in ROWS:
        c, r = best[row, "cpython"], best[row, "rsecrets"]
        ratio = c / r
        mark = ""
        if goal is not None:
            mark = f">= {goal} x: {'met' if ratio >= goal else 'MISSED'}"
            if ratio < goal:
                failed.append(row)
        median = statistics.median(ratios[row])
        print(f"| {row} | {c:,.0f} | {r:,.0f} | {ratio:.1f} x | {median:.1f} x | {mark} |")
    if failed:
        print(f"\ngoals missed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
