"""DBSCAN: scikit-learn's where every neighbourhood fits the job's memory at once, else one
chunk of neighbourhoods at a time.

A radius that suits one dataset means nothing on another (MNIST's PCA-50 needs about 3, the
8 x 8 digits about 1.4), so by default eps comes from the data's own scale: the radius within
which `core_fraction` of the points have `min_samples` neighbours, read off the distance of each
of a fixed sample of points to its `min_samples`-th nearest neighbour (Ester et al.'s sorted
k-distance, at a quantile instead of by eye). An explicit `eps` is used as given.

scikit-learn's `DBSCAN` holds every point's eps-neighbourhood at once; on MNIST those grow to
thousands of points each as eps grows. So a sample's neighbourhoods say first how many
neighbours there will be; when they fit in the method's declared memory scikit-learn runs (on
all of MNIST's PCA-50, eps 3.0: 21 s against 42 s chunked). Otherwise neighbourhoods are
queried a chunk of points at a time: a first pass counts them (core points have at least
`min_samples`, the point itself included), a second links core points into connected
components. Both give the same labels: clusters are numbered by their lowest-index core point,
and a border point joins the lowest-numbered cluster among its core neighbours (the one
scikit-learn's expansion, in index order, reaches first). Noise is -1.
"""

import logging

import numpy as np

from digit_clustering.methods.clustering import NOISE, Clustering
from digit_clustering.methods.method import Method
from digit_clustering.settings.parameter import Parameter

log = logging.getLogger(__name__)

METHOD = Method(
    description="Density-based: clusters are dense regions within eps; the rest is noise.",
    parameters={
        "eps": Parameter(
            float,
            None,
            "radius of a neighbourhood; null: the radius that makes core_fraction of the "
            "points core points",
            exclusive_minimum=0,
            nullable=True,
        ),
        "core_fraction": Parameter(
            float,
            0.5,
            "with eps null: the fraction of points that are core points, which sets eps",
            exclusive_minimum=0,
            exclusive_maximum=1,
        ),
        "min_samples": Parameter(
            int, 10, "neighbours (the point included) that make a core point", minimum=1
        ),
    },
)
# Measured on MNIST's PCA-50: 5.9 and 10.4 million neighbours took 190 and 310 MB in
# scikit-learn's DBSCAN beyond the data, about 32 bytes each.
BYTES_PER_NEIGHBOUR = 40
BASE_MB = 400  # Python, scikit-learn and the job's tables
SAMPLE_ROWS = 1000
EPS_SAMPLE_ROWS = 5000  # points whose k-distances set eps: a fixed sample, so eps is seeded


def fit(x: np.ndarray, params: dict) -> Clustering:
    from sklearn.neighbors import NearestNeighbors

    x = np.asarray(x, dtype=np.float64)
    index = NearestNeighbors().fit(x)
    eps = params["eps"]
    if eps is None:
        fraction = params["core_fraction"]
        eps = eps_for_core_fraction(x, params["min_samples"], fraction, index)
        log.info("eps %.4g makes %.2f of the points core points", eps, fraction)
    params = {**params, "eps": eps}
    index.set_params(radius=eps)
    needed_mb = neighbourhoods_mb(x, index)
    budget_mb = METHOD.memory_mb - BASE_MB - x.nbytes / 2**20
    if needed_mb <= budget_mb:
        log.info("scikit-learn's DBSCAN: neighbourhoods of about %.0f MB fit", needed_mb)
        labels, core_points = fit_at_once(x, params)
    else:
        log.info(
            "chunked DBSCAN: neighbourhoods of about %.0f MB would not fit %.0f MB",
            needed_mb,
            budget_mb,
        )
        labels, core_points = fit_in_chunks(x, params, index)
    return Clustering(
        labels=labels,
        details={
            "eps": float(eps),
            "core_points": core_points,
            "clusters_found": int(labels.max(initial=NOISE) + 1),
            "noise_fraction": float(np.mean(labels == NOISE)),
        },
    )


def eps_for_core_fraction(x: np.ndarray, min_samples: int, fraction: float, index=None) -> float:
    """The radius within which `fraction` of a fixed sample of the points have `min_samples`
    points (themselves included), as DBSCAN counts a core point's neighbourhood. `index`: a
    `NearestNeighbors` already fitted on `x`, reused rather than built again."""
    from sklearn.neighbors import NearestNeighbors

    if min_samples > len(x):
        raise ValueError(
            f"min_samples is {min_samples}, but there are only {len(x)} points: no point can "
            f"be a core point; use at most {len(x)}."
        )
    rows = np.random.default_rng(0).choice(len(x), min(len(x), EPS_SAMPLE_ROWS), replace=False)
    index = index if index is not None else NearestNeighbors().fit(x)
    distances, _ = index.kneighbors(x[np.sort(rows)], n_neighbors=min_samples)
    return float(np.quantile(distances[:, -1], fraction))


def neighbourhoods_mb(x: np.ndarray, index) -> float:
    """The memory every neighbourhood would take at once, from a fixed sample's."""
    rows = np.random.default_rng(0).choice(len(x), min(len(x), SAMPLE_ROWS), replace=False)
    sizes = [len(members) for members in index.radius_neighbors(x[rows], return_distance=False)]
    return len(x) * float(np.mean(sizes)) * BYTES_PER_NEIGHBOUR / 2**20


def fit_at_once(x: np.ndarray, params: dict) -> tuple[np.ndarray, int]:
    """scikit-learn's DBSCAN: labels and the number of core points."""
    from sklearn.cluster import DBSCAN

    model = DBSCAN(eps=params["eps"], min_samples=params["min_samples"]).fit(x)
    return model.labels_.astype(np.int64), len(model.core_sample_indices_)


def fit_in_chunks(
    x: np.ndarray, params: dict, index, chunk_rows: int = 2000
) -> tuple[np.ndarray, int]:
    """The same labels and core points as `fit_at_once`, a chunk of neighbourhoods at a time."""
    n = len(x)

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
    return labels, int(core.sum())


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
