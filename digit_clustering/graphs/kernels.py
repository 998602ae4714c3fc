"""The compiled loop that re-ranks candidates: every (image, candidate) pair's tangent distance.

Imported through `jobs.compiled.import_compiled`, so that numba's cache is the machine's. Each
pair is summed by one thread in one fixed order, so the distances do not depend on the number
of threads.
"""

import numba
import numpy as np


@numba.njit(parallel=True, cache=True, fastmath=True)
def pair_distances(images, bases, candidates):
    """(n, c) tangent distances of each image to each of its candidates (rows of `images`)."""
    n, count = candidates.shape
    pixels, tangents = images.shape[1], bases.shape[1]
    distances = np.empty((n, count), dtype=np.float32)
    for a in numba.prange(n):
        difference = np.empty(pixels, dtype=np.float32)
        for j in range(count):
            b = candidates[a, j]
            squared = np.float32(0.0)
            for p in range(pixels):
                value = images[b, p] - images[a, p]
                difference[p] = value
                squared += value * value
            projected = np.float32(0.0)
            for t in range(tangents):
                along_a = np.float32(0.0)
                along_b = np.float32(0.0)
                for p in range(pixels):
                    along_a += bases[a, t, p] * difference[p]
                    along_b += bases[b, t, p] * difference[p]
                projected += along_a * along_a + along_b * along_b
            distances[a, j] = np.sqrt(max(squared - projected / 2, np.float32(0.0)))
    return distances
