"""The manifold path on full MNIST: PCA-50, then UMAP to 10 dimensions, then a Gaussian mixture.

    python bench/manifold.py [--mnist DIR]

Runs the package's own steps on all 70,000 images, once with a seeded UMAP (one thread,
reproducible) and once unseeded (two threads), and writes the time of each stage, the peak RSS
and the scores to bench/RESULTS.md. Every choice but k = 10 is made without labels: the mixture
keeps, of its 10 initialisations, the one with the highest likelihood.
"""

import argparse
import resource
import time
from pathlib import Path

import numpy as np
from results_md import replace_section

from digit_clustering.data.sources import from_idx_directory
from digit_clustering.evaluation import metrics
from digit_clustering.methods import fitting as methods
from digit_clustering.prepare.pca import pca
from digit_clustering.prepare.scaling import scale
from digit_clustering.prepare.umap import umap_embedding

REPOSITORY = Path(__file__).resolve().parent.parent
UMAP = {"n_neighbors": 15, "n_components": 10, "min_dist": 0.0, "metric": "euclidean"}
GMM = {"k": 10, "covariance_type": "full", "n_init": 10, "max_iter": 100, "seed": 0}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def manifold_path(mnist: Path, seed: int | None) -> dict:
    seconds = {}
    began = time.perf_counter()
    points = scale(from_idx_directory(mnist), "max")
    seconds["decode + scale"] = time.perf_counter() - began
    began = time.perf_counter()
    reduced = pca(points, 50, False, 0)[0]
    seconds["PCA-50"] = time.perf_counter() - began
    began = time.perf_counter()
    embedded = umap_embedding(reduced, {**UMAP, "seed": seed}, threads=2)
    seconds["UMAP-10"] = time.perf_counter() - began
    began = time.perf_counter()
    clustering = methods.fit("gmm", embedded.x, GMM)
    seconds["GMM"] = time.perf_counter() - began
    scores = metrics.score(points.labels, clustering.labels, embedded.x)
    return {"seconds": seconds, "scores": scores, "peak_mb": peak_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mnist", type=Path, default=REPOSITORY.parent / "shared/data/mnist")
    arguments = parser.parse_args()
    began = time.perf_counter()
    import umap  # noqa: F401  (numba compiles on the first import in an environment)

    import_seconds = time.perf_counter() - began
    began = time.perf_counter()
    warm_up = scale(from_idx_directory(arguments.mnist), "max").take(np.arange(2000))
    umap_embedding(warm_up, {**UMAP, "seed": 0}, threads=2)
    warm_up_seconds = time.perf_counter() - began
    lines = [
        "## Manifold path: PCA-50 -> UMAP-10 -> GMM (70,000 images, 2 cores)",
        "",
        f"`import umap` took {import_seconds:.1f} s, and a first UMAP of 2,000 images (numba "
        f"compiling the neighbour search) {warm_up_seconds:.1f} s, before the timed runs.",
        "",
        "| UMAP | decode + scale s | PCA-50 s | UMAP-10 s | GMM s | total s | peak RSS MB "
        "| ACC | NMI | ARI |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, seed in (("seeded (1 thread)", 0), ("unseeded (2 threads)", None)):
        result = manifold_path(arguments.mnist, seed)
        seconds, scores = result["seconds"], result["scores"]
        times = " | ".join(f"{value:.1f}" for value in seconds.values())
        lines.append(
            f"| {label} | {times} | {sum(seconds.values()):.1f} | {result['peak_mb']:.0f} "
            f"| {scores['accuracy']:.4f} | {scores['nmi']:.4f} | {scores['ari']:.4f} |"
        )
        print(lines[-1], flush=True)
    replace_section("## Manifold path", lines)


if __name__ == "__main__":
    main()
