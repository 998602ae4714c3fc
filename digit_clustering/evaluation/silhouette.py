"""Exact silhouette of many clusterings of one feature space, in one pass over its distances.

The n x n distance matrix of 70,000 points would take 39 GB, so it is formed in row chunks;
each chunk is multiplied by the one-hot membership matrices of every clustering at once, which
gives every point's summed distance to every cluster. Memory stays near threads x chunk_rows x n
x 4 bytes (140 MB for 70,000 points on two threads).
"""

import logging
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
from threadpoolctl import threadpool_limits

from digit_clustering.evaluation.degenerate import undefined_reason
from digit_clustering.methods.clustering import NOISE
from digit_clustering.tables import read_clusters, read_points, write_parquet

log = logging.getLogger(__name__)


def silhouettes(
    x: np.ndarray, labelings: list[np.ndarray], threads: int = 1, chunk_rows: int = 256
) -> list[float]:
    """Mean silhouette (Euclidean) of each labeling of `x`; NaN where it is undefined.

    Noise points (-1) are left out. Matches `sklearn.metrics.silhouette_score` (to about 1e-6:
    distances are formed in float32 on centred data, which halves the time), including its
    convention that a point alone in its cluster scores 0. Row chunks are spread over `threads`
    workers, each with single-threaded BLAS, so the result does not depend on `threads`.
    """
    x = np.asarray(x, dtype=np.float64)
    x = (x - x.mean(axis=0)).astype(np.float32)
    memberships = [_one_hot(labels) for labels in labelings]
    stacked = np.hstack([m for m, _ in memberships]).astype(np.float32)
    squared_norms = np.einsum("ij,ij->i", x, x)
    sums = np.empty(stacked.shape, dtype=np.float64)

    def summed_distances(start: int) -> None:
        stop = min(start + chunk_rows, len(x))
        squared = x[start:stop] @ x.T
        squared *= -2.0
        squared += squared_norms[start:stop, np.newaxis]
        squared += squared_norms[np.newaxis, :]
        np.maximum(squared, 0.0, out=squared)
        distances = np.sqrt(squared, out=squared)
        distances[np.arange(stop - start), np.arange(start, stop)] = 0.0
        sums[start:stop] = distances @ stacked

    with threadpool_limits(limits=1), ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(summed_distances, range(0, len(x), chunk_rows)))
    scores, offset = [], 0
    for labels, (membership, sizes) in zip(labelings, memberships, strict=True):
        width = membership.shape[1]
        scores.append(_mean_silhouette(labels, sums[:, offset : offset + width], sizes))
        offset += width
    return scores


def _one_hot(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    clusters, rows = np.unique(labels, return_inverse=True)
    membership = np.zeros((len(labels), len(clusters)))
    membership[np.arange(len(labels)), rows] = 1.0
    membership[:, clusters == NOISE] = 0.0
    return membership, membership.sum(axis=0)


def _mean_silhouette(labels: np.ndarray, sums: np.ndarray, sizes: np.ndarray) -> float:
    kept = labels != NOISE
    if undefined_reason(labels) is not None:
        return float("nan")
    sums = sums[kept]
    own = np.unique(labels, return_inverse=True)[1][kept]
    member = np.zeros_like(sums, dtype=bool)
    member[np.arange(len(own)), own] = True
    own_size = sizes[own]
    a = sums[member] / np.maximum(own_size - 1, 1)
    other = np.where(member | (sizes == 0), np.inf, sums / np.where(sizes > 0, sizes, 1))
    b = other.min(axis=1)
    s = np.where(own_size > 1, (b - a) / np.maximum(a, b), 0.0)
    return float(np.nan_to_num(s).mean())


def silhouette_step(
    features_path: str,
    runs: list[str],
    labels_paths: list[str],
    sample_size: int | None,
    seed: int,
    threads: int,
    output: str,
):
    """The silhouette of every run of one feature space, from one pass over its distances."""
    points = read_points(features_path)
    rows = np.arange(len(points.ids))
    if sample_size is not None and sample_size < len(rows):
        rows = np.sort(np.random.default_rng(seed).choice(len(rows), sample_size, replace=False))
    labelings = [read_clusters(path, points.ids)[rows] for path in labels_paths]
    started = time.perf_counter()
    scores = silhouettes(points.x[rows], labelings, threads)
    log.info(
        "%d silhouettes over %d points in %.1f s",
        len(runs),
        len(rows),
        time.perf_counter() - started,
    )
    table = pa.table(
        {
            "run": runs,
            "silhouette": pa.array(scores, pa.float64()),
            "silhouette_undefined": pa.array(
                [undefined_reason(labels) for labels in labelings], pa.string()
            ),
            "silhouette_points": [len(rows)] * len(runs),
        }
    )
    write_parquet(table, output)
