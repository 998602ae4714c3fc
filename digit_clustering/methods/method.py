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
from digit_clustering.settings.parameter import Parameter, block_schema


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
    course_settings: tuple[str, ...] = ()  # the params that figure draws (a dendrogram's cut)
    criterion: Criterion | None = None  # the fit's own score, to choose without labels
    # Hooks for what a parameter's range cannot say, where a method needs them:
    check: Callable[[dict], str | None] | None = None  # why these values do not go together
    extra_memory_mb: Callable[[int, dict], int] | None = None  # beyond memory_mb, for n points
    # Why a run does not fit the memory budget, and what to do: (n_points, params, budget, space).
    explain_memory: Callable[[int, dict, int, str], str] | None = None

    def schema(self) -> dict:
        """The JSON schema of the method's block under ``methods`` in the config."""
        return block_schema(self.description, self.parameters)


# Parameters several methods share, declared once.
CLUSTERS = Parameter(int, 10, "number of clusters", minimum=2)
SEED = Parameter(int, 0, "random seed of the initialisation", minimum=0)


def renamed(params: dict, **names: str) -> dict:
    """The params under a library's own names: ``renamed(p, k="n_clusters")``."""
    return {names.get(name, name): value for name, value in params.items()}
