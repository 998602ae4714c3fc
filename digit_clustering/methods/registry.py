"""The registry of clustering methods: every module of this package but its machinery, each
declaring a `METHOD` (a module that declares none stops the study at start).

A method is its module: ``METHOD = Method(...)`` (parameters with their ranges and defaults,
memory, what it offers) next to ``fit(x, params) -> Clustering``. Modules import their heavy
libraries inside ``fit``, so reading the registry at every Snakemake start costs no
scikit-learn import.
"""

from pathlib import Path

from digit_clustering.methods.method import Method
from digit_clustering.settings.discovery import discover


def module_name(method: str) -> str:
    return f"{__package__}.{method}"


# The modules of this package that hold the machinery around the methods, not a method.
MACHINERY = {"clustering", "fitting", "method", "registry"}

METHODS: dict[str, Method] = discover(
    __package__, Path(__file__).parent, "METHOD", Method, MACHINERY
)


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
