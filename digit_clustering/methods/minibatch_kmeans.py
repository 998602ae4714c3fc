"""Mini-batch k-means (scikit-learn's `MiniBatchKMeans`)."""

import numpy as np
from sklearn.cluster import MiniBatchKMeans

from digit_clustering.methods.clustering import Clustering
from digit_clustering.methods.kmeans import from_fitted_centroids


def fit(x: np.ndarray, params: dict) -> Clustering:
    model = MiniBatchKMeans(
        n_clusters=params["k"],
        batch_size=params["batch_size"],
        n_init=params["n_init"],
        max_iter=params["max_iter"],
        random_state=params["seed"],
    )
    return from_fitted_centroids(model.fit(x))
