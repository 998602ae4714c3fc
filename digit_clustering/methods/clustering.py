"""What every clustering method returns, and what the label -1 means."""

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

NOISE = -1  # the label of a point in no cluster (DBSCAN's and HDBSCAN's noise)


@dataclass
class Clustering:
    """A method's result.

    ``labels``: one cluster per point (-1 = noise). ``centres``: one row per cluster where the
    method has centres. ``details``: scalars worth reporting (inertia, BIC, iterations...).
    ``trace``: a table of the fit's course, as columns of equal length (the objective per
    iteration, a linkage matrix), empty when the method has none. ``other_centres``: further
    named sets of centres (the worst restart of Lloyd's). ``predict``: assigns new points,
    for methods that can.
    """

    labels: np.ndarray
    centres: np.ndarray | None = None
    details: dict = field(default_factory=dict)
    trace: dict[str, np.ndarray] = field(default_factory=dict)
    other_centres: dict[str, np.ndarray] = field(default_factory=dict)
    predict: Callable[[np.ndarray], np.ndarray] | None = None


def cluster_means(x: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The mean of each cluster 0..max(labels); a cluster with no point gets NaN."""
    k = int(labels.max()) + 1 if len(labels) else 0
    kept = labels != NOISE
    counts = np.bincount(labels[kept], minlength=k).astype(np.float64)
    sums = np.zeros((k, x.shape[1]))
    np.add.at(sums, labels[kept], x[kept])
    with np.errstate(invalid="ignore"):
        return sums / counts[:, np.newaxis]
