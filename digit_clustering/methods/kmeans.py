"""k-means (scikit-learn's `KMeans`, Lloyd's algorithm, k-means++ or random initialisation)."""

import numpy as np
from sklearn.cluster import KMeans

from digit_clustering.methods.clustering import Clustering


def fit(x: np.ndarray, params: dict) -> Clustering:
    model = KMeans(
        n_clusters=params["k"],
        init=params["init"],
        n_init=params["n_init"],
        max_iter=params["max_iter"],
        random_state=params["seed"],
    )
    return from_fitted_centroids(model.fit(x))


def from_fitted_centroids(model) -> Clustering:
    """The result of a fitted scikit-learn k-means estimator (full or mini-batch)."""
    return Clustering(
        labels=model.labels_.astype(np.int64),
        centres=model.cluster_centers_,
        details={"inertia": float(model.inertia_), "n_iter": int(model.n_iter_)},
        predict=model.predict,
    )
