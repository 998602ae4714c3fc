"""Registries find their declarations by importing every module of their package, and a module
that breaks the convention stops the study with a message instead of dropping out unseen."""

import importlib
import sys
from pathlib import Path

import pytest

from digit_clustering.features.registry import SPACE_KINDS
from digit_clustering.methods.registry import METHODS
from digit_clustering.settings.discovery import DeclarationError, discover

pytestmark = pytest.mark.unit

PACKAGE_ROOT = Path(__file__).resolve().parent.parent / "digit_clustering"


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A throwaway package `things` whose modules a test writes: returns write(name, source)."""
    folder = tmp_path / "things"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (tmp_path / "thing_kind.py").write_text(
        "from dataclasses import dataclass\n\n"
        "@dataclass(frozen=True)\nclass Thing:\n    name: str\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield lambda name, source: (folder / f"{name}.py").write_text(source)
    for module in [m for m in sys.modules if m == "things" or m.startswith(("things.", "thing_"))]:
        del sys.modules[module]


def found(folder_parent: Path) -> dict:
    kind = importlib.import_module("thing_kind").Thing
    return discover("things", folder_parent / "things", "THING", kind, {"registry"})


def test_a_declaration_is_found_however_it_is_written(package, tmp_path):
    package("plain", "from thing_kind import Thing\nTHING = Thing('plain')\n")
    package("annotated", "from thing_kind import Thing\nTHING: Thing = Thing('annotated')\n")
    package("built", "from thing_kind import Thing\nTHING = dict(a=Thing('built'))['a']\n")
    package("registry", "SOMETHING_ELSE = 1\n")  # machinery is skipped
    assert {name: thing.name for name, thing in found(tmp_path).items()} == {
        "annotated": "annotated",
        "built": "built",
        "plain": "plain",
    }


def test_a_module_that_declares_nothing_stops_the_study(package, tmp_path):
    package("helper", "def shared():\n    return 1\n")
    with pytest.raises(DeclarationError, match=r"things/helper.py declares no THING.*machinery"):
        found(tmp_path)


def test_a_declaration_of_the_wrong_kind_stops_the_study(package, tmp_path):
    package("wrong", "THING = {'name': 'wrong'}\n")
    with pytest.raises(DeclarationError, match=r"things/wrong.py: THING is a dict, not a Thing"):
        found(tmp_path)


def test_two_modules_sharing_one_declaration_stop_the_study(package, tmp_path):
    package("first", "from thing_kind import Thing\nTHING = Thing('first')\n")
    package("second", "from things.first import THING\n")
    with pytest.raises(DeclarationError, match=r"second.py and things/first.py declare the same"):
        found(tmp_path)


@pytest.mark.parametrize(
    ("registry", "folder", "machinery"),
    [
        (METHODS, "methods", {"clustering", "fitting", "method", "registry"}),
        (SPACE_KINDS, "features", {"kind", "registry"}),
    ],
)
def test_every_module_of_a_registry_package_is_registered(registry, folder, machinery):
    modules = {
        path.stem
        for path in (PACKAGE_ROOT / folder).glob("*.py")
        if not path.stem.startswith("_") and path.stem not in machinery
    }
    assert set(registry) == modules
