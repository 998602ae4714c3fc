"""Mini-batch k-means (scikit-learn's `MiniBatchKMeans`)."""

import numpy as np

from digit_clustering.methods.clustering import Clustering
from digit_clustering.methods.kmeans import from_fitted_centroids
from digit_clustering.methods.method import CLUSTERS, SEED, Criterion, Method, renamed
from digit_clustering.settings.parameter import Parameter

METHOD = Method(
    description="k-means fitted on small random batches: faster, slightly higher SSE.",
    parameters={
        "k": CLUSTERS,
        "batch_size": Parameter(int, 2048, "points per mini-batch", minimum=1),
        "n_init": Parameter(int, 3, "starts, the best (lowest inertia) kept", minimum=1),
        "max_iter": Parameter(int, 100, "passes over the data at most", minimum=1),
        "seed": SEED,
    },
    predicts=True,
    criterion=Criterion("inertia", "min", "inertia"),
)


def fit(x: np.ndarray, params: dict) -> Clustering:
    from sklearn.cluster import MiniBatchKMeans

    model = MiniBatchKMeans(**renamed(params, k="n_clusters", seed="random_state"))
    return from_fitted_centroids(model.fit(x))
