"""The recipes: passwords, passphrases, PINs, reset URLs, UUIDs, API keys, hashes."""

import math
import os
import re
import string
import uuid

import pytest

import rsecrets


def test_password_default_is_20_letters_and_digits():
    pw = rsecrets.password()
    assert len(pw) == 20
    assert set(pw) <= set(string.ascii_letters + string.digits)
    assert rsecrets.PasswordPolicy().entropy_bits == pytest.approx(20 * math.log2(62))


def test_password_minimums_always_hold():
    for _ in range(300):
        pw = rsecrets.password(10, min_lower=1, min_upper=1, min_digits=3)
        assert len(pw) == 10
        assert sum(c.islower() for c in pw) >= 1
        assert sum(c.isupper() for c in pw) >= 1
        assert sum(c.isdigit() for c in pw) >= 3


def test_password_symbols_and_ambiguous():
    pw = rsecrets.password(40, symbols=True, min_symbols=5)
    assert sum(c in string.punctuation for c in pw) >= 5
    clear = rsecrets.PasswordPolicy(exclude_ambiguous=True)
    assert not set(clear.alphabet) & set("\"'01IO`lo|")
    assert len(clear.alphabet) == 56


def test_password_alphabet_then_switches():
    hexp = rsecrets.PasswordPolicy(32, alphabet="fedcba9876543210")
    assert hexp.alphabet == "0123456789abcdef"
    assert hexp.entropy_bits == 128.0
    assert hexp.possible_passwords is None  # 16**32 = 2**128 does not fit in 128 bits
    assert rsecrets.PasswordPolicy(31, alphabet="0123456789abcdef").possible_passwords == 16**31
    assert set(hexp.generate()) <= set("0123456789abcdef")
    more = rsecrets.PasswordPolicy(8, alphabet="abc", upper=True)
    assert set(more.alphabet) == set("abc" + string.ascii_uppercase)


def test_policy_entropy_counts_exactly():
    # 4 characters of 0-9a-z with at least one digit: 36^4 - 26^4 passwords.
    p = rsecrets.PasswordPolicy(4, lower=True, upper=False, digits=True, min_digits=1)
    assert p.possible_passwords == 36**4 - 26**4
    assert p.entropy_bits == pytest.approx(math.log2(36**4 - 26**4))
    assert "PasswordPolicy(length=4" in repr(p)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"length": 0},
        {"length": 4, "min_digits": 5},
        {"alphabet": "ab c"},
        {"digits": False, "min_digits": 1},
        {"lower": False, "upper": False, "digits": False},
    ],
)
def test_impossible_policies_are_value_errors(kwargs):
    with pytest.raises(ValueError):
        rsecrets.PasswordPolicy(**kwargs)
    with pytest.raises(ValueError):
        rsecrets.password(**kwargs)


def test_passphrase_default_is_six_eff_words():
    phrase = rsecrets.passphrase()
    assert len(phrase.split(" ")) == 6
    assert rsecrets.Passphrase().entropy_bits == pytest.approx(6 * math.log2(7776))
    eff = rsecrets.WordList.eff_large()
    assert len(eff) == 7776
    assert all(w in {eff[i] for i in range(len(eff))} for w in phrase.split(" "))


def test_passphrase_options():
    words = ["red", "green", "blue", "red", " blue "]
    phrase = rsecrets.passphrase(5, wordlist=words, separator="-", capitalize=True)
    assert all(w in {"Red", "Green", "Blue"} for w in phrase.split("-"))
    p = rsecrets.Passphrase(4, wordlist=rsecrets.WordList(words), separator=".")
    assert p.entropy_bits == pytest.approx(4 * math.log2(3))
    assert p.words == 4 and p.separator == "."
    assert len(p.generate().split(".")) == 4
    assert rsecrets.WordList.eff_short().entropy_bits_per_word == pytest.approx(math.log2(1296))


def test_word_list_from_file(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("11111\tapple\n11112\tpear\n11113\tplum\n")
    wl = rsecrets.WordList.from_file(path)
    assert [wl[i] for i in range(len(wl))] == ["apple", "pear", "plum"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"words": 0},
        {"wordlist": ["only", "only"]},
        {"wordlist": ["a\nb", "c"]},
        {"separator": "-"},  # the EFF list has "drop-down"
    ],
)
def test_bad_passphrases_are_value_errors(kwargs):
    with pytest.raises(ValueError):
        rsecrets.passphrase(**kwargs)


def test_pin():
    code = rsecrets.pin()
    assert len(code) == 6 and code.isdigit()
    assert len(rsecrets.pin(12)) == 12
    assert rsecrets.pin_entropy_bits(6) == pytest.approx(6 * math.log2(10))
    with pytest.raises(ValueError):
        rsecrets.pin(0)
    # Leading zeros are kept: over 2000 one-digit PINs, "0" appears.
    assert "0" in {rsecrets.pin(1) for _ in range(2000)}


def test_reset_url():
    url = rsecrets.reset_url("https://example.com/reset?user=7", "token")
    assert re.fullmatch(r"https://example\.com/reset\?user=7&token=[A-Za-z0-9_-]{43}", url)
    plain = rsecrets.reset_url("https://example.com/reset/")
    assert re.fullmatch(r"https://example\.com/reset/[A-Za-z0-9_-]{43}", plain)
    with pytest.raises(ValueError):
        rsecrets.reset_url("https://example.com/#frag", "t")


def test_uuid4():
    u = rsecrets.uuid4()
    parsed = uuid.UUID(u)
    assert str(parsed) == u
    assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert rsecrets.UUID4_ENTROPY_BITS == 122


def test_api_keys():
    key = rsecrets.api_key("acme")
    assert re.fullmatch(r"acme_[0-9A-Za-z]{36}", key)
    assert rsecrets.check_api_key(key) == "acme"
    assert rsecrets.check_api_key(key, "acme") == "acme"
    with pytest.raises(ValueError, match="another prefix"):
        rsecrets.check_api_key(key, "other")
    broken = key[:-1] + ("a" if key[-1] != "a" else "b")
    with pytest.raises(ValueError, match="checksum"):
        rsecrets.check_api_key(broken)
    with pytest.raises(ValueError):
        rsecrets.api_key("bad prefix!")
    assert rsecrets.API_KEY_ENTROPY_BITS == pytest.approx(30 * math.log2(62))


def test_hash_and_verify():
    phc = rsecrets.hash_password("correct horse")
    assert phc.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert rsecrets.verify_password("correct horse", phc)
    assert rsecrets.verify_password(b"correct horse", phc)
    assert rsecrets.verify_password(bytearray(b"correct horse"), phc)
    assert not rsecrets.verify_password("correct horsE", phc)
    assert not rsecrets.needs_rehash(phc)
    assert phc != rsecrets.hash_password("correct horse")  # a fresh salt each time
    with pytest.raises(ValueError):
        rsecrets.verify_password("x", "$argon2id$garbage")
    with pytest.raises(ValueError):
        rsecrets.hash_password("")
    with pytest.raises(TypeError):
        rsecrets.hash_password(42)


def test_hashes_interoperate_with_argon2_cffi():
    # ci.sh installs argon2-cffi and sets RSECRETS_REQUIRE_ARGON2_CFFI, so CI
    # cannot skip the cross-check.
    if os.environ.get("RSECRETS_REQUIRE_ARGON2_CFFI"):
        import argon2
    else:
        argon2 = pytest.importorskip("argon2")
    ph = argon2.PasswordHasher()
    assert ph.verify(rsecrets.hash_password("s3cret"), "s3cret")
    assert rsecrets.verify_password("s3cret", ph.hash("s3cret"))


def test_uuid7_ids_and_base32_base64():
    import base64
    import uuid

    a, b = rsecrets.uuid7(), rsecrets.uuid7()
    assert a < b
    assert uuid.UUID(a).version == 7 and uuid.UUID(a).variant == uuid.RFC_4122
    ident = rsecrets.token_id()
    assert len(ident) == 21
    assert set(ident) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
    assert set(rsecrets.token_alphabet("äöü", 50)) <= set("äöü")
    assert rsecrets.token_alphabet("ab", 0) == ""
    for bad in ["", "a", "aba"]:
        with pytest.raises(ValueError):
            rsecrets.token_alphabet(bad, 5)
    t = rsecrets.token_base32(20)
    assert len(t) == 32 and len(base64.b32decode(t)) == 20
    assert len(rsecrets.token_base32()) == 52
    c = rsecrets.token_base32(20, crockford=True)
    assert len(c) == 32 and set(c) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    s = rsecrets.token_base64(10)
    assert len(base64.b64decode(s, validate=True)) == 10 and s.endswith("==")
    with pytest.raises(ValueError):
        rsecrets.token_base64(1 << 25)
