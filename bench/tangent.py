"""The headline path on full MNIST with tangent neighbours, beside the Euclidean one.

    python bench/tangent.py [--mnist DIR] [--seeds 0 1 2] [--candidates 100] [--blur 1.0]
    python bench/tangent.py --mnist /usr/share/datasets/fashion-mnist --name Fashion-MNIST \
        --plain --seeds 0

`--plain` leaves the images as they are (Fashion-MNIST's clothes have no slant); `--name`
titles the section, so each dataset keeps its own.

Deskewed pixels -> PCA-50 -> each image's 50 nearest in PCA-50 re-ranked by tangent distance
-> UMAP-10 on that graph (min_dist 0) -> Gaussian mixture (k 10, n_init 10, the highest
likelihood kept), with the package's own steps, on all 70,000 images. Beside it, in the same
process and for the same UMAP seeds, UMAP-10 on its own Euclidean graph of PCA-50. Held out:
the graph among the 60,000 training images, UMAP and the mixture fitted on them, each test image
placed where its tangent-nearest training image lies. Every choice but k = 10 is made without
labels; labels only score, and give each graph's neighbour purity (the share of an image's 15
nearest that are its digit). Writes the time of each stage, the peak RSS and the scores to
bench/RESULTS.md.
"""

import argparse
import resource
import time
from pathlib import Path

import numpy as np
from results_md import replace_section

REPOSITORY = Path(__file__).resolve().parent.parent
UMAP = {"n_neighbors": 15, "n_components": 10, "min_dist": 0.0, "metric": "euclidean"}
GMM = {"k": 10, "covariance_type": "full", "n_init": 10, "max_iter": 100, "seed": 0}
THREADS = 2


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    def __init__(self):
        self.seconds, self.started = {}, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self.started
        self.started = now


def tangent_graph_timed(points, pixels, settings: dict, clock: Clock, reference=None):
    """`graphs.step.tangent_graph`, stage by stage."""
    from digit_clustering.graphs.candidates import nearest_others
    from digit_clustering.graphs.table import Graph
    from digit_clustering.graphs.tangent import blurred, tangent_bases
    from digit_clustering.jobs.compiled import import_compiled

    candidates = nearest_others(points.x, settings["candidates"], reference, THREADS)
    clock.lap("candidates")
    images = blurred(pixels.x, pixels.image_shape, settings["blur"])
    bases = tangent_bases(images)
    clock.lap("tangents")
    kernels = import_compiled("digit_clustering.graphs.kernels", packages=())
    kernels.numba.set_num_threads(THREADS)
    distances = kernels.pair_distances(images.reshape(len(images), -1), bases, candidates)
    order = np.argsort(distances, axis=1, kind="stable")
    clock.lap("re-ranking")
    return Graph(
        points.ids,
        np.take_along_axis(candidates, order, axis=1),
        np.take_along_axis(distances, order, axis=1),
    )


def purity(labels: np.ndarray, neighbours: np.ndarray, count: int = 15) -> float:
    return float((labels[neighbours[:, :count]] == labels[:, np.newaxis]).mean())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mnist", type=Path, default=REPOSITORY.parent / "shared/data/mnist")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--candidates", type=int, default=100)
    parser.add_argument("--blur", type=float, default=1.0)
    parser.add_argument("--name", default="MNIST")
    parser.add_argument("--plain", action="store_true", help="do not deskew the images")
    arguments = parser.parse_args()
    settings = {"candidates": arguments.candidates, "blur": arguments.blur}

    from digit_clustering.data.sources import from_idx_directory
    from digit_clustering.evaluation.metrics import heldout_accuracy, score
    from digit_clustering.features.pca import pca
    from digit_clustering.features.umap import umap_embedding, umap_train_embedding
    from digit_clustering.graphs.candidates import nearest_others
    from digit_clustering.methods.fitting import fit
    from digit_clustering.prepare.deskew import deskew
    from digit_clustering.prepare.scaling import scale

    clock = Clock()
    points = from_idx_directory(arguments.mnist)
    clock.lap("decode")
    if not arguments.plain:
        points = deskew(points)
    clock.lap("deskew")
    pixels = scale(points, "max")
    clock.lap("scale")
    reduced = pca(pixels, 50, False, 0)[0]
    clock.lap("PCA-50")
    graph = tangent_graph_timed(reduced, pixels, settings, clock)
    graph_peak = peak_mb()
    labels = reduced.labels
    euclidean = nearest_others(reduced.x, 15, threads=THREADS)
    clock.lap("Euclidean neighbours (for purity only)")
    train = np.flatnonzero(reduced.split == "train")
    heldout_clock = Clock()
    heldout_graph = tangent_graph_timed(reduced, pixels, settings, heldout_clock, train)
    shared = clock.seconds
    stages = ["decode", "deskew", "scale", "PCA-50", "candidates", "tangents", "re-ranking"]
    pixels_name = "pixels" if arguments.plain else "deskewed pixels"
    heading = f"## Tangent neighbours on {arguments.name}"
    lines = [
        f"{heading}: {pixels_name} -> PCA-50 -> tangent graph -> UMAP-10 -> GMM "
        "(70,000 images, 2 cores)",
        "",
        "Written by `python bench/tangent.py`: the package's steps in one process (numba's "
        f"cache warm), candidates {settings['candidates']}, blur {settings['blur']}. Shared "
        "stages, once: "
        + ", ".join(f"{stage} {shared[stage]:.1f} s" for stage in stages)
        + f"; peak RSS after the graph {graph_peak:.0f} MB. Held-out graph (among the 60,000 "
        "training images): "
        + ", ".join(f"{stage} {s:.1f} s" for stage, s in heldout_clock.seconds.items())
        + ". Neighbour purity (share of each image's 15 nearest that are its digit): "
        f"Euclidean PCA-50 {purity(labels, euclidean):.4f}, tangent "
        f"{purity(labels, graph.neighbours):.4f}.",
        "",
        "| graph | UMAP seed | UMAP-10 s | GMM s | ACC | NMI | ARI | held-out ACC | held-out s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(lines), flush=True)
    for seed in arguments.seeds:
        umap_settings = {**UMAP, "seed": seed}
        for name, used in (("tangent", graph), ("Euclidean", None)):
            clock = Clock()
            embedded = umap_embedding(reduced, umap_settings, THREADS, used)
            clock.lap("umap")
            result = fit("gmm", embedded.x, GMM)
            clock.lap("gmm")
            scores = score(labels, result.labels, embedded.x)
            held = "|"
            if used is not None:
                held_clock = Clock()
                placed = umap_train_embedding(reduced, umap_settings, THREADS, heldout_graph)
                fitted = fit("gmm", placed.x[train], GMM)
                test = reduced.split == "test"
                accuracy = heldout_accuracy(
                    labels[train], fitted.labels, labels[test], fitted.predict(placed.x[test])
                )
                held_clock.lap("all")
                held = f"{accuracy:.4f} | {held_clock.seconds['all']:.1f}"
            lines.append(
                f"| {name} | {seed} | {clock.seconds['umap']:.1f} | {clock.seconds['gmm']:.1f} "
                f"| {scores['accuracy']:.4f} | {scores['nmi']:.4f} | {scores['ari']:.4f} "
                f"| {held} |"
            )
            print(lines[-1], flush=True)
    lines += ["", f"Peak RSS of the whole process: {peak_mb():.0f} MB."]
    replace_section(heading, lines)


if __name__ == "__main__":
    main()
