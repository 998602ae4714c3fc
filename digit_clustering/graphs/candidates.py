"""Each point's nearest others in a feature space, exactly: the candidates tangent distance
re-ranks.

Distances are formed in row chunks against every reference point (float32, on centred data),
the chunks spread over threads with single-threaded BLAS, so the result does not depend on the
thread count; ties go to the lower row.
"""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
from threadpoolctl import threadpool_limits


def nearest_others(
    x: np.ndarray,
    count: int,
    reference: np.ndarray | None = None,
    threads: int = 1,
    chunk_rows: int = 512,
) -> np.ndarray:
    """The rows (n, count) of each point's `count` nearest points among the `reference` rows
    (all of them by default), nearest first, the point itself left out."""
    reference = np.arange(len(x)) if reference is None else np.asarray(reference)
    if count > len(reference) - 1:
        raise ValueError(
            f"{count} candidates asked of {len(reference)} reference points; ask at most "
            f"{len(reference) - 1}"
        )
    centred = (x - x.mean(axis=0)).astype(np.float32)
    targets = centred[reference]
    target_norms = np.einsum("ij,ij->i", targets, targets)
    found = np.empty((len(x), count), dtype=np.int64)

    def nearest(start: int) -> None:
        stop = min(start + chunk_rows, len(x))
        squared = centred[start:stop] @ targets.T
        squared *= -2.0
        squared += target_norms[np.newaxis, :]
        rows = np.arange(start, stop)
        own = np.searchsorted(reference, rows)
        is_own = (own < len(reference)) & (reference[np.minimum(own, len(reference) - 1)] == rows)
        squared[np.flatnonzero(is_own), own[is_own]] = np.inf
        kept = np.argpartition(squared, count, axis=1)[:, :count]
        kept_distances = np.take_along_axis(squared, kept, axis=1)
        order = np.lexsort((kept, kept_distances), axis=1)
        found[start:stop] = reference[np.take_along_axis(kept, order, axis=1)]

    with threadpool_limits(limits=1), ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(nearest, range(0, len(x), chunk_rows)))
    return found
