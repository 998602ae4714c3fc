"""Agglomerative clustering with fastcluster, cut like scipy's `fcluster`.

Ward, single, centroid and median linkage run on the points themselves
(`fastcluster.linkage_vector`, memory linear in n), so they reach all 70,000 images; complete,
average and weighted linkage need the condensed distance matrix (n^2 / 2 float64), so the
config check limits them to samples whose matrix fits the job's memory. The linkage matrix is
kept as the run's trace, for dendrograms.
"""

import numpy as np

from digit_clustering.methods.clustering import Clustering
from digit_clustering.methods.method import Method
from digit_clustering.settings.parameter import Parameter

MATRIX_LINKAGES = ("complete", "average", "weighted")
LINKAGES = ("ward", "single", "centroid", "median", *MATRIX_LINKAGES)
# Measured: complete and average linkage on 30,000 points (a 3,433 MB matrix) peaked at
# 7,132 MB, as `pdist` and fastcluster each hold a copy of the matrix at one point.
MATRIX_COPIES = 2


def distance_matrix_mb(n_points: int) -> float:
    """Memory of the condensed float64 distance matrix of `n_points` points."""
    return n_points * (n_points - 1) / 2 * 8 / 2**20


def largest_matrix_points(memory_mb: float) -> int:
    """The most points whose matrix linkage fits in `memory_mb` (beyond the method's base)."""

    def needed(n: int) -> int:
        return int(MATRIX_COPIES * distance_matrix_mb(n))

    points = int((1 + np.sqrt(1 + memory_mb / MATRIX_COPIES * 2**20)) / 2)
    while needed(points + 1) <= memory_mb:
        points += 1
    while points > 1 and needed(points) > memory_mb:
        points -= 1
    return points


def matrix_memory_mb(n_points: int, params: dict) -> int:
    if params["linkage"] not in MATRIX_LINKAGES:
        return 0
    return int(MATRIX_COPIES * distance_matrix_mb(n_points))


def explain_memory(n_points: int, params: dict, budget_mb: int, space: str) -> str:
    return (
        f"{params['linkage']} linkage needs the condensed distance matrix, "
        f"{distance_matrix_mb(n_points):,.0f} MB for the {n_points} points of space {space!r}, "
        f"more than max_job_memory_mb={budget_mb} allows. Give it a space with a sample of at "
        f"most {largest_matrix_points(budget_mb - METHOD.memory_mb)} points "
        "(spaces.<name>.sample.size), or use ward or single linkage, which need no matrix."
    )


def check_cut(params: dict) -> str | None:
    k, threshold = params["k"], params["distance_threshold"]
    if (k is None) == (threshold is None):
        return (
            "agglomerative clustering is cut either into k clusters or at a "
            "distance_threshold; set exactly one of them (the other to null), not "
            f"k={k} and distance_threshold={threshold}."
        )
    return None


METHOD = Method(
    description="Hierarchical clustering: merge the two closest clusters until k remain. Ward "
    "and single linkage run on every point; complete and average on a sample.",
    parameters={
        "linkage": Parameter(
            str, "ward", "how the distance of two clusters is measured", choices=LINKAGES
        ),
        "k": Parameter(int, 10, "clusters to cut the tree into", minimum=2, nullable=True),
        "distance_threshold": Parameter(
            float, None, "height to cut the tree at", exclusive_minimum=0, nullable=True
        ),
    },
    runtime_min=20,  # ward on 70,000 points: 282 s, single: 191 s
    threads=1,  # fastcluster and pdist are single-threaded
    course_figure="dendrogram",
    course_settings=("k", "distance_threshold"),
    check=check_cut,
    extra_memory_mb=matrix_memory_mb,
    explain_memory=explain_memory,
)


def fit(x: np.ndarray, params: dict) -> Clustering:
    import fastcluster
    from scipy.cluster.hierarchy import fcluster
    from scipy.spatial.distance import pdist

    x = np.asarray(x, dtype=np.float64)
    linkage = params["linkage"]
    if linkage in MATRIX_LINKAGES:
        tree = fastcluster.linkage(pdist(x), method=linkage, preserve_input=False)
    else:
        tree = fastcluster.linkage_vector(x, method=linkage)
    if params["distance_threshold"] is not None:
        flat = fcluster(tree, params["distance_threshold"], criterion="distance")
    else:
        flat = fcluster(tree, params["k"], criterion="maxclust")
    return Clustering(
        labels=(flat - 1).astype(np.int64),
        details={"height_of_last_merge": float(tree[-1, 2])},
        trace={
            "left": tree[:, 0].astype(np.int64),
            "right": tree[:, 1].astype(np.int64),
            "distance": tree[:, 2],
            "size": tree[:, 3].astype(np.int64),
        },
    )
