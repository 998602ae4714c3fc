"""DBSCAN with memory bounded by a chunk of radius neighbourhoods, not all of them at once.

scikit-learn's `DBSCAN` holds every point's eps-neighbourhood at once; on MNIST those grow to
thousands of points each as eps grows. Here neighbourhoods are queried a chunk of points at a
time: a first pass counts them (core points have at least `min_samples`, the point itself
included), a second links core points into connected components. The result equals
scikit-learn's: clusters are numbered by their lowest-index core point, and a border point
joins the lowest-numbered cluster among its core neighbours (the one scikit-learn's expansion,
in index order, reaches first). Noise is -1.
"""

import numpy as np

from digit_clustering.methods.clustering import NOISE, Clustering
from digit_clustering.methods.method import Method, Parameter

METHOD = Method(
    description="Density-based: clusters are dense regions within eps; the rest is noise.",
    parameters={
        "eps": Parameter(float, 0.5, "radius of a neighbourhood", exclusive_minimum=0),
        "min_samples": Parameter(
            int, 5, "neighbours (the point included) that make a core point", minimum=1
        ),
    },
)


def fit(x: np.ndarray, params: dict, chunk_rows: int = 2000) -> Clustering:
    from sklearn.neighbors import NearestNeighbors

    x = np.asarray(x, dtype=np.float64)
    n = len(x)
    index = NearestNeighbors(radius=params["eps"]).fit(x)

    def neighbourhoods(rows: np.ndarray):
        for start in range(0, len(rows), chunk_rows):
            chunk = rows[start : start + chunk_rows]
            yield chunk, index.radius_neighbors(x[chunk], return_distance=False)

    counts = np.empty(n, dtype=np.int64)
    for chunk, neighbours in neighbourhoods(np.arange(n)):
        counts[chunk] = [len(members) for members in neighbours]
    core = counts >= params["min_samples"]

    component = np.arange(n)
    core_rows = np.flatnonzero(core)
    for chunk, neighbours in neighbourhoods(core_rows):
        sources = np.repeat(chunk, [len(members) for members in neighbours])
        targets = np.concatenate(neighbours) if len(neighbours) else np.empty(0, np.int64)
        linked = core[targets]
        component = _merge(component, sources[linked], targets[linked])

    labels = np.full(n, NOISE, dtype=np.int64)
    roots = component[core_rows]
    first_core_of_root = {}
    for row, root in zip(core_rows.tolist(), roots.tolist(), strict=True):
        first_core_of_root.setdefault(root, row)
    order = {root: number for number, root in enumerate(first_core_of_root)}
    labels[core_rows] = [order[root] for root in roots.tolist()]

    border_rows = np.flatnonzero(~core)
    for chunk, neighbours in neighbourhoods(border_rows):
        for row, members in zip(chunk.tolist(), neighbours, strict=True):
            reached = labels[members[core[members]]]
            if len(reached):
                labels[row] = reached.min()
    n_clusters = len(order)
    return Clustering(
        labels=labels,
        details={
            "core_points": int(core.sum()),
            "clusters_found": n_clusters,
            "noise_fraction": float(np.mean(labels == NOISE)),
        },
    )


def _merge(component: np.ndarray, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Join the components linked by the edges (sources, targets) to the current ones.

    `component` maps every point to its component's representative point; so does the result.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(component)
    rows = np.concatenate([np.arange(n), sources])
    columns = np.concatenate([component, targets])
    graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, columns)), shape=(n, n))
    count, joined = connected_components(graph, directed=False)
    representative = np.full(count, n)
    np.minimum.at(representative, joined, np.arange(n))
    return representative[joined]
