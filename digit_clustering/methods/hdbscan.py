"""HDBSCAN (scikit-learn's `HDBSCAN`); noise is -1."""

import numpy as np
from sklearn.cluster import HDBSCAN

from digit_clustering.methods.clustering import Clustering


def fit(x: np.ndarray, params: dict) -> Clustering:
    labels = HDBSCAN(
        min_cluster_size=params["min_cluster_size"],
        min_samples=params["min_samples"],
        copy=True,
    ).fit_predict(np.asarray(x, dtype=np.float64))
    return Clustering(
        labels=labels.astype(np.int64),
        details={
            "clusters_found": int(labels.max() + 1),
            "noise_fraction": float(np.mean(labels == -1)),
        },
    )
