"""k-means (scikit-learn's `KMeans`, Lloyd's algorithm, k-means++ or random initialisation)."""

import numpy as np

from digit_clustering.methods.clustering import Clustering
from digit_clustering.methods.method import CLUSTERS, SEED, Criterion, Method, renamed
from digit_clustering.settings.parameter import Parameter

METHOD = Method(
    description="scikit-learn's k-means: the k centres that minimise the sum of squared "
    "distances (SSE), best of n_init starts.",
    parameters={
        "k": CLUSTERS,
        "init": Parameter(
            str, "k-means++", "how the first centres are chosen", choices=("k-means++", "random")
        ),
        "n_init": Parameter(int, 10, "starts, the best (lowest inertia) kept", minimum=1),
        "max_iter": Parameter(int, 300, "iterations at most per start", minimum=1),
        "seed": SEED,
    },
    predicts=True,
    criterion=Criterion("inertia", "min", "inertia"),
)


def fit(x: np.ndarray, params: dict) -> Clustering:
    from sklearn.cluster import KMeans

    model = KMeans(**renamed(params, k="n_clusters", seed="random_state"))
    return from_fitted_centroids(model.fit(x))


def from_fitted_centroids(model) -> Clustering:
    """The result of a fitted scikit-learn k-means estimator (full or mini-batch)."""
    return Clustering(
        labels=model.labels_.astype(np.int64),
        centres=model.cluster_centers_,
        details={"inertia": float(model.inertia_), "n_iter": int(model.n_iter_)},
        predict=model.predict,
    )
