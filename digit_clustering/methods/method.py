"""What a method module declares beside its ``fit``: its parameters, their constraints and
defaults, and what a run of it needs (memory, wall time) and offers (held-out labels, a figure of
its course, a label-free criterion).

The config schema's ``methods`` section is generated from these declarations
(`Method.schema`), so a parameter's type, range, default and help live next to the code that
reads it, as scikit-learn declares them on the estimator.
"""

from collections.abc import Callable
from dataclasses import dataclass

from digit_clustering.jobs.threads import NUMERIC_THREADS

JSON_TYPES = {int: "integer", float: "number", str: "string", bool: "boolean"}


@dataclass(frozen=True)
class Parameter:
    """One parameter: its type (or the values it may take), its range, its default, and a line
    of help. ``nullable`` parameters may be null (None) as well."""

    kind: type
    default: object
    help: str
    minimum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    choices: tuple | None = None
    nullable: bool = False

    def schema(self) -> dict:
        if self.choices is not None:
            schema = {"enum": list(self.choices)}
        else:
            kind = JSON_TYPES[self.kind]
            schema = {"type": [kind, "null"] if self.nullable else kind}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.exclusive_minimum is not None:
            schema["exclusiveMinimum"] = self.exclusive_minimum
        if self.exclusive_maximum is not None:
            schema["exclusiveMaximum"] = self.exclusive_maximum
        schema["default"] = self.default
        schema["description"] = self.help
        return schema


@dataclass(frozen=True)
class Criterion:
    """The fit's own score, which picks among runs without labels."""

    detail: str  # the fit's detail that holds it (`fit_<detail>` in the metrics)
    best: str  # "min" or "max"
    name: str  # what the page calls it

    @property
    def label(self) -> str:
        return f"{'lowest' if self.best == 'min' else 'highest'} {self.name}"


@dataclass(frozen=True)
class Method:
    """A clustering method as the study sees it; its module also defines ``fit(x, params)``."""

    description: str
    parameters: dict[str, Parameter]
    predicts: bool = False  # can assign new points (held-out split)
    memory_mb: int = 2000  # measured peak on 70,000 x 50 (PCA-50) with headroom
    runtime_min: int = 10  # wall time to request; every fit measured on full MNIST is < 1 min
    # The cores the fit uses. It runs on exactly this many whatever `--cores` grants, so its
    # sums round the same everywhere; a single-threaded fit says 1 and runs beside another.
    threads: int = NUMERIC_THREADS
    course_figure: str | None = None  # the figure (its name) drawn from the fit's trace
    criterion: Criterion | None = None  # the fit's own score, to choose without labels
    # Hooks for what a parameter's range cannot say, where a method needs them:
    check: Callable[[dict], str | None] | None = None  # why these values do not go together
    extra_memory_mb: Callable[[int, dict], int] | None = None  # beyond memory_mb, for n points
    # Why a run does not fit the memory budget, and what to do: (n_points, params, budget, space).
    explain_memory: Callable[[int, dict, int, str], str] | None = None

    def schema(self) -> dict:
        """The JSON schema of the method's block under ``methods`` in the config."""
        return {
            "description": self.description,
            "type": "object",
            "additionalProperties": False,
            "default": {},
            "properties": {name: p.schema() for name, p in self.parameters.items()},
        }


# Parameters several methods share, declared once.
CLUSTERS = Parameter(int, 10, "number of clusters", minimum=2)
SEED = Parameter(int, 0, "random seed of the initialisation", minimum=0)


def renamed(params: dict, **names: str) -> dict:
    """The params under a library's own names: ``renamed(p, k="n_clusters")``."""
    return {names.get(name, name): value for name, value in params.items()}
