"""Scores of one clustering against the true digits and in its own feature space.

Noise (cluster -1) counts as a wrong answer in the accuracies, is left out of SSE, and is
not a cluster in the counts.
"""

import numpy as np
from sklearn.metrics import (
    adjusted_mutual_info_score,
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    homogeneity_completeness_v_measure,
    normalized_mutual_info_score,
)

from digit_clustering.evaluation.contingency import contingency, majority_labels, one_to_one
from digit_clustering.evaluation.degenerate import undefined_reason
from digit_clustering.methods.clustering import NOISE


def hungarian_accuracy(truth: np.ndarray, clusters: np.ndarray) -> float:
    """Accuracy under the best one-to-one matching of clusters to labels."""
    _, right = one_to_one(truth, clusters)
    return right / len(truth) if right else 0.0


def inferred_label_accuracy(truth: np.ndarray, clusters: np.ndarray) -> float:
    """Accuracy when every cluster predicts its majority label (k may exceed the labels)."""
    table, _ = contingency(truth, clusters)
    return float(table.max(axis=1).sum() / len(truth)) if table.size else 0.0


def sse(x: np.ndarray, clusters: np.ndarray) -> float:
    """Sum of squared distances of every point to its cluster's mean."""
    total = 0.0
    for cluster in np.unique(clusters[clusters != NOISE]):
        members = x[clusters == cluster].astype(np.float64)
        total += float(((members - members.mean(axis=0)) ** 2).sum())
    return total


def cluster_sizes(clusters: np.ndarray) -> list[int]:
    _, counts = np.unique(clusters[clusters != NOISE], return_counts=True)
    return sorted(counts.tolist(), reverse=True)


def heldout_accuracy(
    train_truth: np.ndarray,
    train_clusters: np.ndarray,
    test_truth: np.ndarray,
    test_clusters: np.ndarray,
) -> float:
    """Accuracy on the test split when each cluster predicts its majority digit on train.

    A test point in a cluster no train point fell into, or in noise, counts as wrong.
    """
    majority = majority_labels(train_truth, train_clusters)
    predicted = np.array([majority.get(int(c), -1) for c in test_clusters])
    return float(np.mean(predicted == test_truth)) if len(test_truth) else float("nan")


def geometry_scores(x: np.ndarray, clusters: np.ndarray) -> dict:
    """Calinski-Harabasz and Davies-Bouldin over non-noise points; NaN where, as for the
    silhouette, they are undefined (fewer than 2 clusters, or as many clusters as points)."""
    kept = clusters != NOISE
    if undefined_reason(clusters) is not None:
        return {"calinski_harabasz": float("nan"), "davies_bouldin": float("nan")}
    return {
        "calinski_harabasz": float(calinski_harabasz_score(x[kept], clusters[kept])),
        "davies_bouldin": float(davies_bouldin_score(x[kept], clusters[kept])),
    }


def degenerate_reason(clusters: np.ndarray, requested_clusters: int | None) -> str | None:
    """What makes a clustering degenerate (its geometry scores NaN, or fewer clusters than
    asked for), or None for a clustering with nothing to say."""
    reasons = []
    undefined = undefined_reason(clusters)
    if undefined is not None:
        reasons.append(undefined)
    found = len(np.unique(clusters[clusters != NOISE]))
    if requested_clusters is not None and found < requested_clusters:
        empty = requested_clusters - found
        reasons.append(f"{empty} of the {requested_clusters} clusters are empty")
    return "; ".join(reasons) or None


def score(
    truth: np.ndarray, clusters: np.ndarray, x: np.ndarray, requested_clusters: int | None = None
) -> dict:
    """Every metric of one clustering except the silhouette (computed per feature space).

    `requested_clusters`: how many clusters the method was to fill (its number of centres),
    so that empty ones are reported.
    """
    sizes = cluster_sizes(clusters)
    homogeneity, completeness, v_measure = homogeneity_completeness_v_measure(truth, clusters)
    return {
        "n_points": int(len(clusters)),
        "n_clusters": len(sizes),
        "cluster_sizes": sizes,
        "noise_fraction": float(np.mean(clusters == NOISE)),
        "sse": sse(x, clusters),
        "ari": float(adjusted_rand_score(truth, clusters)),
        "nmi": float(normalized_mutual_info_score(truth, clusters)),
        "ami": float(adjusted_mutual_info_score(truth, clusters)),
        "homogeneity": float(homogeneity),
        "completeness": float(completeness),
        "v_measure": float(v_measure),
        "accuracy": hungarian_accuracy(truth, clusters),
        "inferred_accuracy": inferred_label_accuracy(truth, clusters),
        **geometry_scores(x, clusters),
        "degenerate": degenerate_reason(clusters, requested_clusters),
    }
