"""HDBSCAN (the `hdbscan` package); noise is -1.

At 70,000 x 50 (PCA-50 of MNIST) the `hdbscan` package's Boruvka tree finished in 154 s where
scikit-learn's `HDBSCAN` had not finished after 600 s, so the package is used.
"""

import numpy as np

from digit_clustering.methods.clustering import NOISE, Clustering
from digit_clustering.methods.method import Method, Parameter

METHOD = Method(
    description="DBSCAN over every eps at once, keeping the most persistent clusters.",
    parameters={
        "min_cluster_size": Parameter(int, 5, "the smallest group that is a cluster", minimum=2),
        "min_samples": Parameter(
            int, None, "density of a core point; null: min_cluster_size", minimum=1, nullable=True
        ),
    },
    runtime_min=15,  # 137-154 s on all of MNIST's PCA-50
)


def fit(x: np.ndarray, params: dict) -> Clustering:
    import hdbscan

    labels = hdbscan.HDBSCAN(
        min_cluster_size=params["min_cluster_size"],
        min_samples=params["min_samples"],
    ).fit_predict(np.asarray(x, dtype=np.float64))
    return Clustering(
        labels=labels.astype(np.int64),
        details={
            "clusters_found": int(labels.max() + 1),
            "noise_fraction": float(np.mean(labels == NOISE)),
        },
    )
