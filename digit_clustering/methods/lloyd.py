"""Lloyd's k-means written out (as seed notebook 003 did), vectorised over points.

Each restart starts from k distinct data points drawn at random and alternates assignment and
update until no assignment changes (or `max_iter`), recording the objective J (the sum of
squared distances to the assigned centres) at every iteration. The restart with the lowest
final J is kept; the worst one's centres are kept too, for comparison.
"""

import numpy as np

from digit_clustering.methods.clustering import Clustering
from digit_clustering.methods.method import CLUSTERS, SEED, Criterion, Method
from digit_clustering.settings.parameter import Parameter

METHOD = Method(
    description="Lloyd's algorithm written out: random points as starting centres, alternate "
    "assignment and update, J recorded at every iteration of every restart.",
    parameters={
        "k": CLUSTERS,
        "restarts": Parameter(int, 10, "restarts, the lowest final J kept", minimum=1),
        "max_iter": Parameter(int, 300, "iterations at most per restart", minimum=1),
        "seed": SEED,
    },
    predicts=True,
    course_figure="iterations",
    criterion=Criterion("objective", "min", "J"),
)


def lloyd(x: np.ndarray, centres: np.ndarray, max_iter: int):
    """Iterate from `centres`; return labels, centres, J per iteration."""
    centres = centres.astype(np.float64, copy=True)
    squared_norms = np.einsum("ij,ij->i", x, x)
    labels, objectives = None, []
    for _ in range(max_iter):
        assigned, objective = assign(x, squared_norms, centres)
        objectives.append(objective)
        if labels is not None and np.array_equal(assigned, labels):
            break
        labels = assigned
        centres = cluster_means(x, labels, centres)
    return labels, centres, objectives


def assign(x: np.ndarray, squared_norms: np.ndarray, centres: np.ndarray):
    """Each point's nearest centre, and J: the sum of squared distances to those centres.

    A point's own squared norm does not change which centre is nearest, so the (centres x
    points) scores leave it out and J adds it back; working in place keeps one array.
    """
    scores = centres @ x.T
    scores *= -2.0
    scores += np.einsum("ij,ij->i", centres, centres)[:, np.newaxis]
    assigned = scores.argmin(axis=0)
    nearest = scores[assigned, np.arange(len(x))] + squared_norms
    return assigned, float(np.maximum(nearest, 0.0).sum())


def cluster_means(x: np.ndarray, labels: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """The mean of each cluster's points; an empty cluster keeps its previous centre."""
    k = len(previous)
    counts = np.bincount(labels, minlength=k).astype(np.float64)
    membership = np.zeros((k, len(x)))
    membership[labels, np.arange(len(x))] = 1.0
    sums = membership @ x
    means = previous.copy()
    filled = counts > 0
    means[filled] = sums[filled] / counts[filled, np.newaxis]
    return means


def fit(x: np.ndarray, params: dict) -> Clustering:
    x = np.asarray(x, dtype=np.float64)
    rng = np.random.default_rng(params["seed"])
    restarts = []
    for _ in range(params["restarts"]):
        start = x[rng.choice(len(x), size=params["k"], replace=False)]
        restarts.append(lloyd(x, start, params["max_iter"]))
    final = np.array([objectives[-1] for _, _, objectives in restarts])
    best, worst = int(final.argmin()), int(final.argmax())
    labels, centres, objectives = restarts[best]
    trace = {
        "restart": np.concatenate([np.full(len(r[2]), i) for i, r in enumerate(restarts)]),
        "iteration": np.concatenate([np.arange(1, len(r[2]) + 1) for r in restarts]),
        "objective": np.concatenate([r[2] for r in restarts]),
    }
    kept_centres = centres

    def predict(new: np.ndarray) -> np.ndarray:
        new = np.asarray(new, dtype=np.float64)
        return assign(new, np.einsum("ij,ij->i", new, new), kept_centres)[0]

    return Clustering(
        labels=labels.astype(np.int64),
        centres=centres,
        details={
            "objective": float(objectives[-1]),
            "n_iter": len(objectives),
            "best_restart": best,
            "worst_restart": worst,
            "worst_objective": float(final[worst]),
        },
        trace=trace,
        other_centres={"worst restart": restarts[worst][1]},
        predict=predict,
    )
