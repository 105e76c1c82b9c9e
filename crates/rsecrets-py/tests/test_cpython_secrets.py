"""CPython's own Lib/test/test_secrets.py, run against rsecrets.

The file is read at test time from the interpreter running the tests (the `test`
package ships with CPython) and never copied into this repository. The one change
is its import line: `import secrets` becomes `import rsecrets as secrets`. Its
TestCase classes are then collected by pytest like any of ours.
"""

import importlib.util
import types
import unittest

import pytest

SWAP = ("import secrets\n", "import rsecrets as secrets\n")


def _cpython_test_module():
    spec = importlib.util.find_spec("test.test_secrets")
    if spec is None or spec.origin is None:
        pytest.skip("this Python has no test.test_secrets", allow_module_level=True)
    with open(spec.origin, encoding="utf-8") as f:
        source = f.read()
    assert source.count(SWAP[0]) == 1, "test_secrets.py no longer has one `import secrets`"
    module = types.ModuleType("cpython_test_secrets")
    module.__file__ = spec.origin
    exec(compile(source.replace(*SWAP), spec.origin, "exec"), module.__dict__)
    assert module.secrets.__name__ == "rsecrets"
    return module


_module = _cpython_test_module()
CPYTHON_TEST_CASES = []
for _name, _value in vars(_module).items():
    if isinstance(_value, type) and issubclass(_value, unittest.TestCase):
        globals()[_name] = _value
        CPYTHON_TEST_CASES.append(_name)
del _name, _value


def test_the_cpython_suite_was_found():
    # Compare_Digest_Tests, Random_Tests, Token_Tests in CPython 3.11.
    assert len(CPYTHON_TEST_CASES) >= 3, CPYTHON_TEST_CASES
