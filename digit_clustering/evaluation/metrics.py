"""Scores of one clustering against the true digits and in its own feature space.

Noise (cluster -1) counts as a wrong answer in the accuracies, is left out of SSE, and is
not a cluster in the counts. The label-based scores (`information`) and the geometric ones
here are numpy ports of scikit-learn's, so that evaluate jobs start without importing
scikit-learn (1.5 s of a job's 2 s).
"""

import numpy as np

from digit_clustering.evaluation.contingency import contingency, majority_labels, one_to_one
from digit_clustering.evaluation.degenerate import undefined_reason
from digit_clustering.evaluation.information import (
    adjusted_mutual_info,
    adjusted_rand,
    homogeneity_completeness_v_measure,
    normalized_mutual_info,
)
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


def calinski_harabasz(x: np.ndarray, labels: np.ndarray) -> float:
    """scikit-learn's `calinski_harabasz_score`, operation for operation (same float64s)."""
    x = np.asarray(x).astype(np.float64, copy=False)
    ids, labels = np.unique(labels, return_inverse=True)
    n_samples, n_labels = x.shape[0], len(ids)
    _check_number_of_labels(n_labels, n_samples)
    extra_disp, intra_disp = 0.0, 0.0
    mean = np.mean(x, axis=0)
    for k in range(n_labels):
        cluster_k = x[labels == k]
        mean_k = np.mean(cluster_k, axis=0)
        extra_disp += cluster_k.shape[0] * np.sum((mean_k - mean) ** 2)
        intra_disp += np.sum((cluster_k - mean_k) ** 2)
    if intra_disp == 0.0:
        return 1.0
    return float(extra_disp * (n_samples - n_labels) / (intra_disp * (n_labels - 1.0)))


def davies_bouldin(x: np.ndarray, labels: np.ndarray, chunk_rows: int = 4096) -> float:
    """scikit-learn's `davies_bouldin_score` (centroids in the input's precision, as there),
    with float64 distances from the differences where scikit-learn expands a.a - 2 a.b + b.b
    (and rounds to float32 for float32 input): the two agree to about 1e-7 relative."""
    ids, labels = np.unique(labels, return_inverse=True)
    n_labels = len(ids)
    _check_number_of_labels(n_labels, x.shape[0])
    intra_dists = np.zeros(n_labels)
    centroids = np.zeros((n_labels, x.shape[1]))
    for k in range(n_labels):
        cluster_k = x[labels == k]
        centroids[k] = np.mean(cluster_k, axis=0)
        distances = [
            np.sqrt(((cluster_k[start : start + chunk_rows] - centroids[k]) ** 2).sum(axis=1))
            for start in range(0, len(cluster_k), chunk_rows)
        ]
        intra_dists[k] = np.mean(np.concatenate(distances))
    centroid_distances = np.sqrt(((centroids[:, None, :] - centroids[None]) ** 2).sum(axis=2))
    if np.all(np.isclose(intra_dists, 0.0)) or np.all(np.isclose(centroid_distances, 0.0)):
        return 0.0
    centroid_distances[centroid_distances == 0] = np.inf
    combined_intra_dists = intra_dists[:, None] + intra_dists
    return float(np.mean(np.max(combined_intra_dists / centroid_distances, axis=1)))


def _check_number_of_labels(n_labels: int, n_samples: int) -> None:
    if not 1 < n_labels < n_samples:
        raise ValueError(
            f"Number of labels is {n_labels}. Valid values are 2 to n_samples - 1 (inclusive)"
        )


def geometry_scores(x: np.ndarray, clusters: np.ndarray) -> dict:
    """Calinski-Harabasz and Davies-Bouldin over non-noise points; NaN where, as for the
    silhouette, they are undefined (fewer than 2 clusters, or as many clusters as points)."""
    kept = clusters != NOISE
    if undefined_reason(clusters) is not None:
        return {"calinski_harabasz": float("nan"), "davies_bouldin": float("nan")}
    return {
        "calinski_harabasz": calinski_harabasz(x[kept], clusters[kept]),
        "davies_bouldin": davies_bouldin(x[kept], clusters[kept]),
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
    # as scikit-learn did for this project, the label scores see noise as one more cluster
    homogeneity, completeness, v_measure = homogeneity_completeness_v_measure(truth, clusters)
    return {
        "n_points": int(len(clusters)),
        "n_clusters": len(sizes),
        "cluster_sizes": sizes,
        "noise_fraction": float(np.mean(clusters == NOISE)),
        "sse": sse(x, clusters),
        "ari": float(adjusted_rand(truth, clusters)),
        "nmi": normalized_mutual_info(truth, clusters),
        "ami": adjusted_mutual_info(truth, clusters),
        "homogeneity": float(homogeneity),
        "completeness": float(completeness),
        "v_measure": float(v_measure),
        "accuracy": hungarian_accuracy(truth, clusters),
        "inferred_accuracy": inferred_label_accuracy(truth, clusters),
        **geometry_scores(x, clusters),
        "degenerate": degenerate_reason(clusters, requested_clusters),
    }
