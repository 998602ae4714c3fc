"""HDBSCAN (the `hdbscan` package); noise is -1.

At 70,000 x 50 (PCA-50 of MNIST) the `hdbscan` package's Boruvka tree finished in 154 s where
scikit-learn's `HDBSCAN` had not finished after 600 s, so the package is used.

The smallest cluster may be given as a fraction of the points, so that one setting suits 1,797
digits and 70,000 MNIST images alike (0.007: 13 and 490 points).
"""

import numpy as np

from digit_clustering.methods.clustering import NOISE, Clustering
from digit_clustering.methods.method import Method
from digit_clustering.settings.parameter import Parameter

METHOD = Method(
    description="DBSCAN over every eps at once, keeping the most persistent clusters.",
    parameters={
        "min_cluster_size": Parameter(
            float,
            0.007,  # 490 of MNIST's 70,000, 13 of the 1,797 digits
            "the smallest group that is a cluster: a number of points (at least 2), or a "
            "fraction of the points in (0, 1)",
            exclusive_minimum=0,
        ),
        "min_samples": Parameter(
            int, 10, "density of a core point; null: min_cluster_size", minimum=1, nullable=True
        ),
    },
    runtime_min=15,  # 137-154 s on all of MNIST's PCA-50
    check=lambda params: _size_problem(params["min_cluster_size"]),
)


def _size_problem(size: float) -> str | None:
    if size < 1 or (size >= 2 and float(size).is_integer()):
        return None
    return (
        f"min_cluster_size is {size}: give a whole number of points (at least 2) or a "
        "fraction of the points between 0 and 1."
    )


def smallest_cluster(size: float, n_points: int) -> int:
    """`min_cluster_size` as a number of points: a fraction of `n_points` below 1, at least 2."""
    return max(2, round(size * n_points)) if size < 1 else int(size)


def fit(x: np.ndarray, params: dict) -> Clustering:
    import hdbscan

    size = smallest_cluster(params["min_cluster_size"], len(x))
    labels = hdbscan.HDBSCAN(
        min_cluster_size=size,
        min_samples=params["min_samples"],
    ).fit_predict(np.asarray(x, dtype=np.float64))
    return Clustering(
        labels=labels.astype(np.int64),
        details={
            "min_cluster_size": size,
            "clusters_found": int(labels.max() + 1),
            "noise_fraction": float(np.mean(labels == NOISE)),
        },
    )
