"""When a clustering leaves a geometric score undefined: all noise, one cluster, or as many
clusters as points."""

import numpy as np

from digit_clustering.methods.clustering import NOISE


def undefined_reason(labels: np.ndarray) -> str | None:
    """Why the silhouette of `labels` is undefined (NaN), or None when it is defined."""
    kept = labels[labels != NOISE]
    n_clusters = len(np.unique(kept))
    if len(kept) == 0:
        return "every point is noise"
    if n_clusters < 2:
        return f"needs at least 2 clusters, found {n_clusters}"
    if n_clusters > len(kept) - 1:
        return f"needs fewer clusters than points, found {n_clusters} for {len(kept)} points"
    return None
