"""The manifold path on full MNIST, deskewed and plain: PCA-50 -> UMAP-10 -> Gaussian mixture.

    python bench/manifold.py [--mnist DIR] [--seeds 0 1 2] [--keep DIR]

Runs the package's own steps on all 70,000 images for each UMAP seed (seeded UMAP runs on one
thread), once on deskewed pixels and once on plain ones, each path in a fresh process so that
its peak RSS is its own. For the deskewed path it also measures the held-out accuracy: UMAP
fitted on the 60,000 training images, the test images placed by its `transform`, the mixture
fitted on train and each cluster labelled by its majority digit there. Every choice but
k = 10 is made without labels: the mixture keeps, of its 10 initialisations, the one with the
highest likelihood. Writes the time of each stage, the peak RSS and the scores to
bench/RESULTS.md; `--keep` saves each embedding and its labels (for bench/refine.py).
"""

import argparse
import multiprocessing
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from results_md import replace_section

REPOSITORY = Path(__file__).resolve().parent.parent
UMAP = {"n_neighbors": 15, "n_components": 10, "min_dist": 0.0, "metric": "euclidean"}
GMM = {"k": 10, "covariance_type": "full", "n_init": 10, "max_iter": 100, "seed": 0}
STAGES = ("decode", "deskew", "scale", "PCA-50", "UMAP-10", "GMM")


def manifold_path(mnist: Path, deskewed: bool, seed: int, keep: Path | None) -> dict:
    """One path, timed by stage; run in its own process."""
    from digit_clustering.data.sources import from_idx_directory
    from digit_clustering.evaluation import metrics
    from digit_clustering.features.pca import pca
    from digit_clustering.features.umap import umap_embedding
    from digit_clustering.methods.fitting import fit
    from digit_clustering.prepare.deskew import deskew
    from digit_clustering.prepare.scaling import scale

    seconds = dict.fromkeys(STAGES, 0.0)
    clock = time.perf_counter()

    def lap(stage):
        nonlocal clock
        seconds[stage] = time.perf_counter() - clock
        clock = time.perf_counter()

    points = from_idx_directory(mnist)
    lap("decode")
    if deskewed:
        points = deskew(points)
        lap("deskew")
    points = scale(points, "max")
    lap("scale")
    reduced = pca(points, 50, False, 0)[0]
    lap("PCA-50")
    embedded = umap_embedding(reduced, {**UMAP, "seed": seed}, threads=1)
    lap("UMAP-10")
    clustering = fit("gmm", embedded.x, GMM)
    lap("GMM")
    scores = metrics.score(points.labels, clustering.labels, embedded.x)
    if keep:
        name = f"{'deskewed' if deskewed else 'plain'}-seed{seed}.npz"
        np.savez(keep / name, embedding=embedded.x, labels=clustering.labels, truth=points.labels)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "scores": scores, "peak_mb": peak_mb}


def heldout_path(mnist: Path, seed: int) -> dict:
    """The deskewed path fitted on train, the test images placed and labelled by it."""
    from digit_clustering.data.sources import from_idx_directory
    from digit_clustering.evaluation.metrics import heldout_accuracy
    from digit_clustering.features.pca import pca
    from digit_clustering.features.umap import umap_train_embedding
    from digit_clustering.methods.fitting import fit
    from digit_clustering.prepare.deskew import deskew
    from digit_clustering.prepare.scaling import scale

    began = time.perf_counter()
    points = scale(deskew(from_idx_directory(mnist)), "max")
    embedded = umap_train_embedding(pca(points, 50, False, 0)[0], {**UMAP, "seed": seed}, 1)
    train, test = embedded.split == "train", embedded.split == "test"
    result = fit("gmm", embedded.x[train], GMM)
    accuracy = heldout_accuracy(
        embedded.labels[train],
        result.labels,
        embedded.labels[test],
        result.predict(embedded.x[test]),
    )
    return {"accuracy": accuracy, "seconds": time.perf_counter() - began}


def in_own_process(function, *arguments):
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(function, *arguments).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mnist", type=Path, default=REPOSITORY.parent / "shared/data/mnist")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--keep", type=Path, help="a folder for each embedding and its labels")
    arguments = parser.parse_args()
    if arguments.keep:
        arguments.keep.mkdir(parents=True, exist_ok=True)
    lines = [
        "## Manifold path: deskewed and plain pixels -> PCA-50 -> UMAP-10 -> GMM "
        "(70,000 images, 2 cores)",
        "",
        "Written by `python bench/manifold.py`. Each row is one path in a fresh process (numba's "
        "cache warm); UMAP seeded, on one thread; GMM k = 10, n_init = 10, the highest "
        "likelihood kept. Held out: UMAP and the mixture fitted on the 60,000 training images, "
        "the 10,000 test images placed by UMAP's `transform` and labelled by their cluster's "
        "majority digit on train.",
        "",
        "| pixels | UMAP seed | " + " s | ".join(STAGES) + " s | total s | peak RSS MB "
        "| ACC | NMI | ARI | held-out ACC | held-out path s |",
        "|---|---:|" + "---:|" * (len(STAGES) + 7),
    ]
    for seed in arguments.seeds:
        for deskewed in (True, False):
            result = in_own_process(manifold_path, arguments.mnist, deskewed, seed, arguments.keep)
            heldout = in_own_process(heldout_path, arguments.mnist, seed) if deskewed else None
            seconds, scores = result["seconds"], result["scores"]
            times = " | ".join(f"{value:.1f}" for value in seconds.values())
            held = f"{heldout['accuracy']:.4f} | {heldout['seconds']:.1f}" if heldout else "|"
            lines.append(
                f"| {'deskewed' if deskewed else 'plain'} | {seed} | {times} "
                f"| {sum(seconds.values()):.1f} | {result['peak_mb']:.0f} "
                f"| {scores['accuracy']:.4f} | {scores['nmi']:.4f} | {scores['ari']:.4f} "
                f"| {held} |"
            )
            print(lines[-1], flush=True)
    replace_section("## Manifold path", lines)


if __name__ == "__main__":
    main()
