"""The notebook way's scores and figures of the digits study (bench/notebook_way_runs.py):
scikit-learn's metrics, matplotlib's figures, on arrays."""

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import (
    adjusted_mutual_info_score,
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    homogeneity_completeness_v_measure,
    normalized_mutual_info_score,
    silhouette_score,
)
from sklearn.metrics.cluster import contingency_matrix

from digit_clustering.evaluation.metrics import sse
from digit_clustering.methods.clustering import NOISE


# -- the metrics -------------------------------------------------------------------------------
def geometry(x: np.ndarray, clusters: np.ndarray) -> dict:
    """Silhouette, Calinski-Harabasz and Davies-Bouldin of the non-noise points (NaN when
    undefined: fewer than 2 clusters, or as many clusters as points)."""
    kept = clusters != NOISE
    found = len(np.unique(clusters[kept]))
    names = ("silhouette", "calinski_harabasz", "davies_bouldin")
    if not 2 <= found <= kept.sum() - 1:
        return dict.fromkeys(names, float("nan"))
    scores = (silhouette_score, calinski_harabasz_score, davies_bouldin_score)
    return {n: float(s(x[kept], clusters[kept])) for n, s in zip(names, scores, strict=True)}


def accuracies(truth: np.ndarray, clusters: np.ndarray) -> dict:
    """Hungarian (one cluster per digit) and majority-label accuracy; noise is wrong."""
    kept = clusters != NOISE
    if not kept.any():
        return {"accuracy": 0.0, "inferred_accuracy": 0.0}
    table = contingency_matrix(clusters[kept], truth[kept])
    rows, columns = linear_sum_assignment(table, maximize=True)
    return {
        "accuracy": float(table[rows, columns].sum() / len(truth)),
        "inferred_accuracy": float(table.max(axis=1).sum() / len(truth)),
    }


def scores(truth: np.ndarray, clusters: np.ndarray, x: np.ndarray, pixels: np.ndarray) -> dict:
    homogeneity, completeness, v_measure = homogeneity_completeness_v_measure(truth, clusters)
    return {
        **accuracies(truth, clusters),
        "ari": float(adjusted_rand_score(truth, clusters)),
        "nmi": float(normalized_mutual_info_score(truth, clusters)),
        "ami": float(adjusted_mutual_info_score(truth, clusters)),
        "homogeneity": float(homogeneity),
        "completeness": float(completeness),
        "v_measure": float(v_measure),
        "n_clusters": len(np.unique(clusters[clusters != NOISE])),
        "noise_fraction": float(np.mean(clusters == NOISE)),
        "sse": sse(x, clusters),
        "sse_pixels": sse(pixels, clusters),
        **geometry(x, clusters),
    }


def agreement(labelings: list[np.ndarray]) -> np.ndarray:
    """ARI between every pair of runs on the same points."""
    matrix = np.eye(len(labelings))
    for i in range(len(labelings)):
        for j in range(i + 1, len(labelings)):
            matrix[i, j] = matrix[j, i] = adjusted_rand_score(labelings[i], labelings[j])
    return matrix


def run_figure(title, images, truth, clusters, path: Path) -> None:
    """The centre images (ten to a row), beside the clusters-by-digits counts."""
    side = int(np.sqrt(images.shape[1])) if len(images) else 1
    columns = max(1, min(len(images), 10))
    rows = max(1, -(-len(images) // columns))
    figure = plt.figure(figsize=(1.1 * columns + 4, max(3, 1.2 * rows)), layout="constrained")
    left, right = figure.subfigures(1, 2, width_ratios=[1.1 * columns, 4])
    for cluster, axis in enumerate(left.subplots(rows, columns, squeeze=False).flat):
        axis.set_axis_off()
        if cluster < len(images):
            axis.imshow(images[cluster].reshape(side, side), cmap="gray_r")
            axis.set_title(f"n={np.sum(clusters == cluster)}", fontsize=7)
    axis = right.subplots()
    kept = clusters != NOISE
    if kept.any():
        axis.imshow(contingency_matrix(clusters[kept], truth[kept]), cmap="Blues", aspect="auto")
    axis.set(xlabel="digit", ylabel="cluster")
    figure.suptitle(title, fontsize=8)
    figure.savefig(path)
    plt.close(figure)


def matrix_figure(names: list[str], matrix: np.ndarray, path: Path) -> None:
    figure, axis = plt.subplots(figsize=(12, 11), layout="constrained")
    axis.imshow(matrix, cmap="viridis", vmin=0, vmax=1)
    axis.set_xticks(range(len(names)), names, rotation=90, fontsize=6)
    axis.set_yticks(range(len(names)), names, fontsize=6)
    axis.set_title("ARI between runs")
    figure.savefig(path)
    plt.close(figure)


def headline_figure(title, view: np.ndarray, clusters, truth, path: Path) -> None:
    figure, axes = plt.subplots(1, 2, figsize=(12, 5.5), layout="constrained")
    for axis, colours, what in zip(axes, (clusters, truth), ("clusters", "digits"), strict=True):
        axis.scatter(view[:, 0], view[:, 1], c=colours, s=3, cmap="tab20")
        axis.set_title(f"{title}: {what}", fontsize=8)
    figure.savefig(path)
    plt.close(figure)
