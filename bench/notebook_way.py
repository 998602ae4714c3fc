"""The notebook way, in one process with plain libraries: the baseline the workflow is measured
against. Two modes:

    python bench/notebook_way.py MNIST_DIR FIGURE.png

the seeds' notebook on full MNIST (IDX -> /255 -> PCA-50 -> KMeans -> metrics -> one figure),
run by bench/run.py; prints its metrics as one JSON line.

    python bench/notebook_way.py --study digits [--config FILE] [--figures DIR]

the digits study (what `snakemake --config dataset=digits` builds) done the same way: every
space and run of config.yaml (FILE merged into it, as `--configfile` would be), their metrics
and a figure per run, kept in DIR (default: a temporary folder). The work is in
bench/notebook_way_runs.py. Prints one JSON line: runs, wall time, time per phase, the mean
accuracy and each run's accuracy.
"""

# ruff: noqa: E402
# The clock starts before the imports: the study mode reports how long they take.
import time

STARTED = time.perf_counter()

import argparse
import gzip
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import (
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


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="The notebook way, in one process.")
    parser.add_argument("mnist", nargs="?", type=Path, help="directory of MNIST's IDX .gz files")
    parser.add_argument("figure", nargs="?", type=Path, help="where the MNIST figure goes")
    parser.add_argument("--study", choices=["digits"], help="do this study instead")
    parser.add_argument("--config", type=Path, help="a config merged into config.yaml")
    parser.add_argument("--figures", type=Path, help="keep the study's figures here")
    parsed = parser.parse_args()
    if parsed.study is None and (parsed.mnist is None or parsed.figure is None):
        parser.error("give MNIST_DIR and FIGURE.png, or --study digits")
    return parsed


if __name__ == "__main__":
    parsed = arguments()
    if parsed.study is None:
        main(parsed.mnist, parsed.figure)
    else:
        # Imported here: the study's libraries (UMAP, HDBSCAN...) are no part of the MNIST way.
        from notebook_way_runs import run_study

        run_study(parsed.config, parsed.figures, STARTED)
