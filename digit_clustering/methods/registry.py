"""The registry of clustering methods: a name -> the module that fits it, and what it needs.

Each method's parameters are declared once, in the config schema under ``methods.<name>``;
the workflow validates every run against that entry before any job starts. Adding a method
is a module here with a ``fit(x, params) -> Clustering`` function, one entry in `METHODS`, a
default block in ``config.yaml`` and its schema entry. Modules are imported only when a run
fits them, so that reading the registry (every Snakemake start) costs no scikit-learn import.
"""

import functools
import hashlib
import importlib
import importlib.util
from dataclasses import dataclass

import numpy as np

from digit_clustering.jobs.threads import numeric_threads
from digit_clustering.methods.clustering import Clustering

MATRIX_LINKAGES = ("complete", "average", "weighted")


@dataclass(frozen=True)
class Method:
    module: str
    predicts: bool = False  # can assign new points (held-out split)
    memory_mb: int = 2000  # measured peak on 70,000 x 50 (PCA-50) with headroom
    course_figure: str | None = None  # the figure drawn from the fit's trace, if any
    runtime_min: int = 10  # wall time to request; every fit measured on full MNIST is < 1 min
    # The fit's own score, which picks among runs without labels: (detail, "min" or "max").
    criterion: tuple[str, str] | None = None


METHODS: dict[str, Method] = {
    "kmeans": Method(
        "digit_clustering.methods.kmeans", predicts=True, criterion=("inertia", "min")
    ),
    "minibatch_kmeans": Method(
        "digit_clustering.methods.minibatch_kmeans", predicts=True, criterion=("inertia", "min")
    ),
    "lloyd": Method(
        "digit_clustering.methods.lloyd",
        predicts=True,
        course_figure="iterations.png",
        criterion=("objective", "min"),
    ),
    "gmm": Method(
        "digit_clustering.methods.gmm", predicts=True, criterion=("log_likelihood", "max")
    ),
    "agglomerative": Method(  # ward on 70,000 points: 282 s, single: 191 s
        "digit_clustering.methods.agglomerative", course_figure="dendrogram.png", runtime_min=20
    ),
    "dbscan": Method("digit_clustering.methods.dbscan"),
    "hdbscan": Method("digit_clustering.methods.hdbscan", runtime_min=15),  # 137-154 s
}


@functools.cache
def source_digest(method: str) -> str:
    """A fingerprint of the method's module source, read without importing it.

    Snakemake sees a rule's script change but not the package modules that script imports;
    passed as a param of the method's jobs, this reruns exactly that method's runs when its
    implementation is edited.
    """
    origin = importlib.util.find_spec(METHODS[method].module).origin
    with open(origin, "rb") as source:
        return hashlib.sha256(source.read()).hexdigest()[:16]


def fit(method: str, x: np.ndarray, params: dict) -> Clustering:
    if method not in METHODS:
        known = ", ".join(sorted(METHODS))
        raise ValueError(f"unknown method {method!r}; known: {known}")
    module = importlib.import_module(METHODS[method].module)
    with numeric_threads():
        return module.fit(x, params)


def distance_matrix_mb(n_points: int) -> float:
    """Memory of the condensed float64 distance matrix of `n_points` points."""
    return n_points * (n_points - 1) / 2 * 8 / 2**20


# Measured: complete and average linkage on 30,000 points (a 3,433 MB matrix) peaked at
# 7,132 MB, as `pdist` and fastcluster each hold a copy of the matrix at one point.
MATRIX_COPIES = 2


def largest_matrix_points(memory_mb: float) -> int:
    """The most points whose matrix linkage fits in `memory_mb` (beyond the method's base)."""

    def needed(n: int) -> int:
        return int(MATRIX_COPIES * distance_matrix_mb(n))

    points = int((1 + np.sqrt(1 + memory_mb / MATRIX_COPIES * 2**20)) / 2)
    while needed(points + 1) <= memory_mb:
        points += 1
    while points > 1 and needed(points) > memory_mb:
        points -= 1
    return points


def job_memory_mb(method: str, n_points: int, params: dict) -> int:
    """What a run's job declares: the method's measured need, plus the distance matrices."""
    memory = METHODS[method].memory_mb
    if method == "agglomerative" and params["linkage"] in MATRIX_LINKAGES:
        memory += int(MATRIX_COPIES * distance_matrix_mb(n_points))
    return memory
