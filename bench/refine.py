"""Toward 0.985 without labels: does relabelling by the neighbour graph improve the mixture?

    python bench/manifold.py --keep DIR    # first: the embeddings and mixture labels
    python bench/refine.py --keep DIR [--mnist DIR]

For each kept deskewed embedding (one per UMAP seed), refits the same mixture for its
log-density, builds the 15-nearest-neighbour graph of the deskewed PCA-50 points (the graph
UMAP laid out) and tries two label-free refinements:

- *propagation*: the points the mixture is surest of (per cluster, the given share with the
  highest log-density) keep their cluster; every other point takes, round after round, the
  cluster most of its graph neighbours hold, until no label changes;
- *smoothing*: every point takes the cluster most of its graph neighbours and itself hold, for
  a few rounds.

No label is used but to score. Writes ACC / NMI / ARI of each to bench/RESULTS.md.
"""

import argparse
from pathlib import Path

import numpy as np
from results_md import replace_section

from digit_clustering.data.sources import from_idx_directory
from digit_clustering.evaluation.information import adjusted_rand, normalized_mutual_info
from digit_clustering.evaluation.metrics import hungarian_accuracy
from digit_clustering.features.pca import pca
from digit_clustering.prepare.deskew import deskew
from digit_clustering.prepare.scaling import scale

REPOSITORY = Path(__file__).resolve().parent.parent
NEIGHBOURS = 15
SURE_SHARES = (0.5, 0.8)
SMOOTHING_ROUNDS = 3


def neighbour_graph(x: np.ndarray, k: int) -> np.ndarray:
    """The k nearest other points of every point (exact, by scikit-learn's brute force)."""
    from sklearn.neighbors import NearestNeighbors

    index = NearestNeighbors(n_neighbors=k + 1, algorithm="brute").fit(x)
    return index.kneighbors(x, return_distance=False)[:, 1:]


def mixture_log_density(embedding: np.ndarray) -> np.ndarray:
    """The log-density of each point under the mixture the workflow fits (refitted: the same
    seed gives the same mixture)."""
    from sklearn.mixture import GaussianMixture

    model = GaussianMixture(10, covariance_type="full", n_init=10, max_iter=100, random_state=0)
    return model.fit(embedding.astype(np.float64)).score_samples(embedding)


def majority(labels: np.ndarray, graph: np.ndarray, with_self: bool) -> np.ndarray:
    votes = labels[graph]
    if with_self:
        votes = np.column_stack([labels, votes])
    counts = np.zeros((len(labels), labels.max() + 1), dtype=np.int32)
    np.add.at(counts, (np.repeat(np.arange(len(labels)), votes.shape[1]), votes.ravel()), 1)
    return counts.argmax(axis=1)


def surest(labels: np.ndarray, log_density: np.ndarray, share: float) -> np.ndarray:
    """Per cluster, the `share` of its points with the highest log-density."""
    sure = np.zeros(len(labels), dtype=bool)
    for cluster in np.unique(labels):
        members = np.flatnonzero(labels == cluster)
        ranked = members[np.argsort(-log_density[members], kind="stable")]
        sure[ranked[: int(round(share * len(members)))]] = True
    return sure


def propagate(labels, graph, sure, max_rounds: int = 50) -> np.ndarray:
    current = labels.copy()
    for _ in range(max_rounds):
        voted = majority(current, graph, with_self=False)
        updated = np.where(sure, labels, voted)
        if np.array_equal(updated, current):
            break
        current = updated
    return current


def smooth(labels, graph, rounds: int) -> np.ndarray:
    for _ in range(rounds):
        labels = majority(labels, graph, with_self=True)
    return labels


def scores(truth, labels) -> str:
    accuracy = hungarian_accuracy(truth, labels)
    nmi, ari = normalized_mutual_info(truth, labels), adjusted_rand(truth, labels)
    return f"{accuracy:.4f} | {nmi:.4f} | {ari:.4f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, required=True)
    parser.add_argument("--mnist", type=Path, default=REPOSITORY.parent / "shared/data/mnist")
    arguments = parser.parse_args()
    points = scale(deskew(from_idx_directory(arguments.mnist)), "max")
    graph = neighbour_graph(pca(points, 50, False, 0)[0].x, NEIGHBOURS)
    lines = [
        "## Refining the mixture by the neighbour graph (deskewed MNIST, 70,000 images)",
        "",
        "Written by `python bench/refine.py`. The mixture's labels on the deskewed UMAP-10, "
        f"relabelled over the {NEIGHBOURS}-nearest-neighbour graph of the deskewed PCA-50 "
        "points; no label used but to score.",
        "",
        "| UMAP seed | refinement | ACC | NMI | ARI |",
        "|---:|---|---:|---:|---:|",
    ]
    for kept in sorted(arguments.keep.glob("deskewed-seed*.npz")):
        seed = kept.stem.removeprefix("deskewed-seed")
        saved = np.load(kept)
        truth, labels = saved["truth"], saved["labels"]
        log_density = mixture_log_density(saved["embedding"])
        rows = [("none (the mixture)", labels)]
        for share in SURE_SHARES:
            sure = surest(labels, log_density, share)
            rows.append(
                (f"propagation from the surest {share:.0%}", propagate(labels, graph, sure))
            )
        rows.append(
            (f"smoothing, {SMOOTHING_ROUNDS} rounds", smooth(labels, graph, SMOOTHING_ROUNDS))
        )
        for name, refined in rows:
            lines.append(f"| {seed} | {name} | {scores(truth, refined)} |")
            print(lines[-1], flush=True)
    replace_section("## Refining the mixture", lines)


if __name__ == "__main__":
    main()
