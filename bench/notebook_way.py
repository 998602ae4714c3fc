"""The seeds' notebook way, in one process: IDX -> /255 -> PCA-50 -> KMeans -> metrics -> figure.

Run by bench/run.py as the baseline the workflow is measured against; prints its metrics.
"""

import gzip
import json
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    adjusted_rand_score,
    normalized_mutual_info_score,
    silhouette_score,
)


def load(directory: Path, stem: str, offset: int) -> np.ndarray:
    with gzip.open(directory / f"{stem}.gz", "rb") as handle:
        return np.frombuffer(handle.read(), np.uint8, offset=offset)


def main(directory: Path, figure_path: Path) -> None:
    started = time.perf_counter()
    images = [load(directory, f"{p}-images-idx3-ubyte", 16) for p in ("train", "t10k")]
    labels = [load(directory, f"{p}-labels-idx1-ubyte", 8) for p in ("train", "t10k")]
    x = np.concatenate(images).reshape(-1, 784).astype(np.float32) / 255
    y = np.concatenate(labels)
    pca = PCA(n_components=50, random_state=0)
    features = pca.fit_transform(x)
    model = KMeans(n_clusters=10, n_init=10, random_state=0).fit(features)
    clusters = model.labels_
    table = np.zeros((10, 10), int)
    np.add.at(table, (clusters, y), 1)
    from scipy.optimize import linear_sum_assignment

    rows, columns = linear_sum_assignment(table, maximize=True)
    scores = {
        "silhouette": float(silhouette_score(features, clusters)),
        "sse": float(model.inertia_),
        "ari": float(adjusted_rand_score(y, clusters)),
        "nmi": float(normalized_mutual_info_score(y, clusters)),
        "accuracy": float(table[rows, columns].sum() / len(y)),
        "inferred_accuracy": float(table.max(axis=1).sum() / len(y)),
    }
    centres = pca.inverse_transform(model.cluster_centers_)
    figure, axes = plt.subplots(1, 10, figsize=(13, 1.8))
    for cluster, axis in enumerate(axes):
        axis.imshow(centres[cluster].reshape(28, 28), cmap="gray_r")
        axis.set_title(f"n={np.sum(clusters == cluster)}")
        axis.set_axis_off()
    figure.savefig(figure_path)
    scores["seconds"] = time.perf_counter() - started
    print(json.dumps(scores))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
