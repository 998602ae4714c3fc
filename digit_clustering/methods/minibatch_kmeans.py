"""Mini-batch k-means (scikit-learn's `MiniBatchKMeans`)."""

import numpy as np

from digit_clustering.methods.clustering import Clustering
from digit_clustering.methods.kmeans import from_fitted_centroids
from digit_clustering.methods.method import Method, Parameter

METHOD = Method(
    description="scikit-learn MiniBatchKMeans.",
    parameters={
        "k": Parameter(int, 10, "number of clusters", minimum=2),
        "batch_size": Parameter(int, 2048, "points per mini-batch", minimum=1),
        "n_init": Parameter(int, 3, "starts, the best (lowest inertia) kept", minimum=1),
        "max_iter": Parameter(int, 100, "passes over the data at most", minimum=1),
        "seed": Parameter(int, 0, "random seed of the initialisation", minimum=0),
    },
    predicts=True,
    criterion=("inertia", "min"),
)


def fit(x: np.ndarray, params: dict) -> Clustering:
    from sklearn.cluster import MiniBatchKMeans

    model = MiniBatchKMeans(
        n_clusters=params["k"],
        batch_size=params["batch_size"],
        n_init=params["n_init"],
        max_iter=params["max_iter"],
        random_state=params["seed"],
    )
    return from_fitted_centroids(model.fit(x))
