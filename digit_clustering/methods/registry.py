"""The registry of clustering methods: every module of this package that declares a `METHOD`.

A method is its module: ``METHOD = Method(...)`` (parameters with their ranges and defaults,
memory, what it offers) next to ``fit(x, params) -> Clustering``. Modules import their heavy
libraries inside ``fit``, so reading the registry at every Snakemake start costs no
scikit-learn import.
"""

import importlib
from pathlib import Path

from digit_clustering.methods.method import Method


def module_name(method: str) -> str:
    return f"{__package__}.{method}"


def _discover() -> dict[str, Method]:
    """Import the modules that declare ``METHOD = Method(...)`` (found by reading their text,
    so that the fitting machinery beside them is not imported)."""
    found = {}
    for path in sorted(Path(__file__).parent.glob("*.py")):
        if "\nMETHOD = Method(" in path.read_text(encoding="utf-8"):
            found[path.stem] = importlib.import_module(module_name(path.stem)).METHOD
    return found


METHODS: dict[str, Method] = _discover()


def methods_schema() -> dict:
    """The config schema's ``methods`` section, from the methods' own declarations."""
    return {
        "description": (
            "Settings for every run of a method, over the defaults its module declares; a "
            "run's params override them in turn."
        ),
        "type": "object",
        "additionalProperties": False,
        "default": {},
        "properties": {name: method.schema() for name, method in METHODS.items()},
    }


def job_memory_mb(method: str, n_points: int, params: dict) -> int:
    """What a run's job declares: the method's measured need, plus what its points add."""
    declared = METHODS[method]
    extra = declared.extra_memory_mb(n_points, params) if declared.extra_memory_mb else 0
    return declared.memory_mb + extra
