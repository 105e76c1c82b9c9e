"""The type stubs name exactly what the extension module has."""

import ast
import pathlib

import rsecrets
from rsecrets import _rsecrets


def _stub_names():
    stub = pathlib.Path(_rsecrets.__file__).with_name("_rsecrets.pyi")
    tree = ast.parse(stub.read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names - {"_T"}


def test_stubs_match_the_module():
    public = {n for n in dir(_rsecrets) if not n.startswith("__")}
    assert _stub_names() == public


def test_py_typed_is_shipped():
    assert (pathlib.Path(rsecrets.__file__).parent / "py.typed").exists()


def test_all_is_exported():
    for name in rsecrets.__all__:
        assert hasattr(rsecrets, name), name
