"""Agglomerative clustering with fastcluster, cut like scipy's `fcluster`.

Ward, single, centroid and median linkage run on the points themselves
(`fastcluster.linkage_vector`, memory linear in n), so they reach all 70,000 images; complete,
average and weighted linkage need the condensed distance matrix (n^2 / 2 float64), so the
config check limits them to samples whose matrix fits the job's memory. The linkage matrix is
kept as the run's trace, for dendrograms.
"""

import fastcluster
import numpy as np
from scipy.cluster.hierarchy import fcluster
from scipy.spatial.distance import pdist

from digit_clustering.methods.clustering import Clustering
from digit_clustering.methods.registry import MATRIX_LINKAGES


def fit(x: np.ndarray, params: dict) -> Clustering:
    x = np.asarray(x, dtype=np.float64)
    linkage = params["linkage"]
    if linkage in MATRIX_LINKAGES:
        tree = fastcluster.linkage(pdist(x), method=linkage, preserve_input=False)
    else:
        tree = fastcluster.linkage_vector(x, method=linkage)
    if params["distance_threshold"] is not None:
        flat = fcluster(tree, params["distance_threshold"], criterion="distance")
    else:
        flat = fcluster(tree, params["k"], criterion="maxclust")
    return Clustering(
        labels=(flat - 1).astype(np.int64),
        details={"height_of_last_merge": float(tree[-1, 2])},
        trace={
            "left": tree[:, 0].astype(np.int64),
            "right": tree[:, 1].astype(np.int64),
            "distance": tree[:, 2],
            "size": tree[:, 3].astype(np.int64),
        },
    )
