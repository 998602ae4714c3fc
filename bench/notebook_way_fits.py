"""The notebook way's fits of the digits study (bench/notebook_way_runs.py): each method with
its library, its parameters mapped as digit_clustering/methods/*.py map them."""

from dataclasses import dataclass

import fastcluster
import hdbscan
import numpy as np
from scipy.cluster.hierarchy import fcluster
from scipy.spatial.distance import cdist, pdist
from sklearn.cluster import DBSCAN, KMeans, MiniBatchKMeans
from sklearn.mixture import GaussianMixture

from digit_clustering.methods.clustering import NOISE

MATRIX_LINKAGES = ("complete", "average", "weighted")  # need all pairwise distances


@dataclass
class Fit:
    labels: np.ndarray
    centres: np.ndarray  # the method's own, or the clusters' means in the space

    def __post_init__(self):
        self.labels = np.asarray(self.labels, dtype=np.int64)


# -- the fits ----------------------------------------------------------------------------------
def cluster_means(x: np.ndarray, labels: np.ndarray, k: int | None = None) -> np.ndarray:
    """Each cluster's mean, clusters 0..k-1 (default: max(labels)); NaN for an empty one."""
    k = int(labels.max()) + 1 if k is None else k
    kept = labels != NOISE
    sums = np.zeros((k, x.shape[1]))
    np.add.at(sums, labels[kept], x[kept])
    with np.errstate(invalid="ignore"):
        return sums / np.bincount(labels[kept], minlength=k)[:, np.newaxis]


def fit_kmeans(x, p) -> Fit:
    model = KMeans(
        n_clusters=p["k"],
        init=p["init"],
        n_init=p["n_init"],
        max_iter=p["max_iter"],
        random_state=p["seed"],
    ).fit(x)
    return Fit(model.labels_, model.cluster_centers_)


def fit_minibatch_kmeans(x, p) -> Fit:
    model = MiniBatchKMeans(
        n_clusters=p["k"],
        batch_size=p["batch_size"],
        n_init=p["n_init"],
        max_iter=p["max_iter"],
        random_state=p["seed"],
    ).fit(x)
    return Fit(model.labels_, model.cluster_centers_)


def lloyd_restart(x, centres, max_iter: int):
    """Assign, update, until no assignment changes; an empty cluster keeps its centre."""
    labels = None
    for _ in range(max_iter):
        distances = cdist(x, centres, "sqeuclidean")
        assigned = distances.argmin(axis=1)
        objective = distances[np.arange(len(x)), assigned].sum()
        if labels is not None and np.array_equal(assigned, labels):
            break
        labels = assigned
        means = cluster_means(x, labels, len(centres))
        centres = np.where(np.isnan(means), centres, means)
    return objective, labels, centres


def fit_lloyd(x, p) -> Fit:
    x = x.astype(np.float64)
    rng = np.random.default_rng(p["seed"])
    best = None
    for _ in range(p["restarts"]):
        start = x[rng.choice(len(x), size=p["k"], replace=False)]
        restart = lloyd_restart(x, start, p["max_iter"])
        if best is None or restart[0] < best[0]:
            best = restart
    return Fit(best[1], best[2])


def fit_gmm(x, p) -> Fit:
    x = x.astype(np.float64)
    model = GaussianMixture(
        n_components=p["k"],
        covariance_type=p["covariance_type"],
        n_init=p["n_init"],
        max_iter=p["max_iter"],
        random_state=p["seed"],
    ).fit(x)
    return Fit(model.predict(x), model.means_)


def fit_agglomerative(x, p) -> Fit:
    x = x.astype(np.float64)
    if p["linkage"] in MATRIX_LINKAGES:
        tree = fastcluster.linkage(pdist(x), method=p["linkage"], preserve_input=False)
    else:
        tree = fastcluster.linkage_vector(x, method=p["linkage"])
    if p["distance_threshold"] is not None:
        flat = fcluster(tree, p["distance_threshold"], criterion="distance")
    else:
        flat = fcluster(tree, p["k"], criterion="maxclust")
    return Fit(flat - 1, cluster_means(x, flat - 1))


def fit_dbscan(x, p) -> Fit:
    labels = DBSCAN(eps=p["eps"], min_samples=p["min_samples"]).fit_predict(x.astype(np.float64))
    return Fit(labels, cluster_means(x, labels))


def fit_hdbscan(x, p) -> Fit:
    model = hdbscan.HDBSCAN(min_cluster_size=p["min_cluster_size"], min_samples=p["min_samples"])
    labels = model.fit_predict(x.astype(np.float64))
    return Fit(labels, cluster_means(x, labels))


FITS = {
    "kmeans": fit_kmeans,
    "minibatch_kmeans": fit_minibatch_kmeans,
    "lloyd": fit_lloyd,
    "gmm": fit_gmm,
    "agglomerative": fit_agglomerative,
    "dbscan": fit_dbscan,
    "hdbscan": fit_hdbscan,
}
