"""Variants of the tangent graph on full MNIST, judged first by neighbour purity (the share of
each image's 15 nearest that are its digit, which costs no UMAP), then the best by the mixture.

    python bench/tangent_variants.py [--mnist DIR] [--seeds 0 1 2]

Deskewed PCA-50 as in the default study. Variants: the default (50 candidates, images and
tangents blurred by 1 pixel); 100 candidates; the images compared unblurred, their tangents
from the blurred ones; blur 0.75 and 1.25. The variant of highest purity, if it is not the
default, is then laid out by UMAP-10 and clustered by the mixture for each seed, beside the
default. Writes its section of bench/RESULTS.md.
"""

import argparse
from pathlib import Path

import numpy as np
from results_md import replace_section
from tangent import GMM, THREADS, UMAP, purity

REPOSITORY = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mnist", type=Path, default=REPOSITORY.parent / "shared/data/mnist")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    arguments = parser.parse_args()

    from digit_clustering.data.sources import from_idx_directory
    from digit_clustering.evaluation.metrics import score
    from digit_clustering.features.pca import pca
    from digit_clustering.features.umap import umap_embedding
    from digit_clustering.graphs.candidates import nearest_others
    from digit_clustering.graphs.table import Graph
    from digit_clustering.graphs.tangent import blurred, tangent_bases
    from digit_clustering.jobs.compiled import import_compiled
    from digit_clustering.methods.fitting import fit
    from digit_clustering.prepare.deskew import deskew
    from digit_clustering.prepare.scaling import scale

    pixels = scale(deskew(from_idx_directory(arguments.mnist)), "max")
    reduced = pca(pixels, 50, False, 0)[0]
    labels = reduced.labels
    kernels = import_compiled("digit_clustering.graphs.kernels", packages=())
    kernels.numba.set_num_threads(THREADS)
    candidates = nearest_others(reduced.x, 100, threads=THREADS)
    plain = np.ascontiguousarray(pixels.x.astype(np.float32))

    def ranked(count: int, blur: float, compare_blurred: bool = True) -> Graph:
        stack = blurred(pixels.x, (28, 28), blur)
        images = stack.reshape(len(stack), -1) if compare_blurred else plain
        chosen = np.ascontiguousarray(candidates[:, :count])
        distances = kernels.pair_distances(images, tangent_bases(stack), chosen)
        order = np.argsort(distances, axis=1, kind="stable")
        neighbours = np.take_along_axis(chosen, order, axis=1)
        return Graph(reduced.ids, neighbours, np.take_along_axis(distances, order, axis=1))

    variants = {
        "default: 50 candidates, blur 1.0": lambda: ranked(50, 1.0),
        "100 candidates": lambda: ranked(100, 1.0),
        "unblurred images, tangents of the blurred": lambda: ranked(50, 1.0, False),
        "blur 0.75": lambda: ranked(50, 0.75),
        "blur 1.25": lambda: ranked(50, 1.25),
    }
    lines = [
        "## Tangent graph variants (deskewed MNIST, 70,000 images, 2 cores)",
        "",
        "Written by `python bench/tangent_variants.py`. Neighbour purity: the share of each "
        "image's 15 nearest (in the graph) that are its digit. Euclidean PCA-50: "
        f"{purity(labels, candidates):.4f}.",
        "",
        "| variant | purity |",
        "|---|---:|",
    ]
    graphs, purities = {}, {}
    for name, build in variants.items():
        graphs[name] = build()
        purities[name] = purity(labels, graphs[name].neighbours)
        lines.append(f"| {name} | {purities[name]:.4f} |")
        print(lines[-1], flush=True)
    default, best = next(iter(variants)), max(purities, key=purities.get)
    if best != default:
        lines += ["", "| graph | UMAP seed | ACC | NMI | ARI |", "|---|---:|---:|---:|---:|"]
        for seed in arguments.seeds:
            for name in (default, best):
                settings = {**UMAP, "seed": seed}
                embedded = umap_embedding(reduced, settings, THREADS, graphs[name])
                result = fit("gmm", embedded.x, GMM)
                scores = score(labels, result.labels, embedded.x)
                lines.append(
                    f"| {name} | {seed} | {scores['accuracy']:.4f} | {scores['nmi']:.4f} "
                    f"| {scores['ari']:.4f} |"
                )
                print(lines[-1], flush=True)
    replace_section("## Tangent graph variants", lines)


if __name__ == "__main__":
    main()
