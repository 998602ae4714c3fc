"""Clusters against true labels: the contingency table and each cluster's majority label.

Kept apart from `metrics` so that figures and the headline import only what they use.
"""

import numpy as np

from digit_clustering.evaluation.assignment import linear_sum_assignment
from digit_clustering.methods.clustering import NOISE


def contingency(truth: np.ndarray, clusters: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Counts of (cluster, true label) over non-noise points, and the cluster ids of its rows."""
    kept = clusters != NOISE
    cluster_ids, cluster_rows = np.unique(clusters[kept], return_inverse=True)
    _, label_columns = np.unique(truth[kept], return_inverse=True)
    table = np.zeros((len(cluster_ids), label_columns.max(initial=-1) + 1), dtype=np.int64)
    np.add.at(table, (cluster_rows, label_columns), 1)
    return table, cluster_ids


def majority_labels(truth: np.ndarray, clusters: np.ndarray) -> dict[int, int]:
    """Each (non-noise) cluster's most frequent true label."""
    kept = clusters != NOISE
    table, cluster_ids = contingency(truth, clusters)
    label_ids = np.unique(truth[kept])
    return dict(zip(cluster_ids.tolist(), label_ids[table.argmax(axis=1)].tolist(), strict=True))


def one_to_one(truth: np.ndarray, clusters: np.ndarray) -> tuple[dict[int, int], int]:
    """The one-to-one matching of clusters to labels that is right about the most (non-noise)
    points (Hungarian): {cluster: label}, and how many points it is right about."""
    table, cluster_ids = contingency(truth, clusters)
    if table.size == 0:
        return {}, 0
    label_ids = np.unique(truth[clusters != NOISE])
    rows, columns = linear_sum_assignment(table, maximize=True)
    matching = dict(zip(cluster_ids[rows].tolist(), label_ids[columns].tolist(), strict=True))
    return matching, int(table[rows, columns].sum())
