"""Mini-batch k-means (scikit-learn's `MiniBatchKMeans`)."""

import numpy as np
from sklearn.cluster import MiniBatchKMeans

from digit_clustering.methods.clustering import Clustering


def fit(x: np.ndarray, params: dict) -> Clustering:
    model = MiniBatchKMeans(
        n_clusters=params["k"],
        batch_size=params["batch_size"],
        n_init=params["n_init"],
        max_iter=params["max_iter"],
        random_state=params["seed"],
    ).fit(x)
    return Clustering(
        labels=model.labels_.astype(np.int64),
        centres=model.cluster_centers_,
        details={"inertia": float(model.inertia_), "n_iter": int(model.n_iter_)},
        predict=model.predict,
    )
