"""Time one Lloyd iteration of the from-scratch k-means against scikit-learn's, on full MNIST.

    python bench/lloyd.py [--mnist DIR]

Both start from the same 10 data points and run to convergence on the scaled pixels and on
PCA-50; the time per iteration is compared. Appends its table to bench/RESULTS.md.
"""

import argparse
import time
from pathlib import Path

import numpy as np
from results_md import replace_section
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

from digit_clustering.data.sources import from_idx_directory
from digit_clustering.features.pca import pca
from digit_clustering.methods.lloyd import lloyd
from digit_clustering.prepare.scaling import scale

REPOSITORY = Path(__file__).resolve().parent.parent


def per_iteration(x: np.ndarray, start: np.ndarray) -> tuple[float, float, bool]:
    began = time.perf_counter()
    labels, _, objectives = lloyd(x, start, max_iter=300)
    ours = (time.perf_counter() - began) / len(objectives)
    began = time.perf_counter()
    reference = KMeans(10, init=start, n_init=1, algorithm="lloyd", tol=0, max_iter=300).fit(x)
    theirs = (time.perf_counter() - began) / reference.n_iter_
    return ours, theirs, bool(np.array_equal(labels, reference.labels_))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mnist", type=Path, default=REPOSITORY.parent / "shared/data/mnist")
    arguments = parser.parse_args()
    points = scale(from_idx_directory(arguments.mnist), "max")
    spaces = {"raw (784)": points.x.astype(np.float64)}
    spaces["PCA-50"] = pca(points, 50, False, 0)[0].x.astype(np.float64)
    lines = [
        "## Lloyd iteration, from scratch vs scikit-learn (70,000 images, 2 threads)",
        "",
        "| space | ours ms/iteration | scikit-learn ms/iteration | ratio | same labels |",
        "|---|---:|---:|---:|---|",
    ]
    with threadpool_limits(2):
        for name, x in spaces.items():
            start = x[np.random.default_rng(0).choice(len(x), 10, replace=False)]
            ours, theirs, same = per_iteration(x, start)
            lines.append(
                f"| {name} | {ours * 1e3:.1f} | {theirs * 1e3:.1f} | {ours / theirs:.2f} | {same} |"
            )
    replace_section("## Lloyd iteration", lines)


if __name__ == "__main__":
    main()
