"""Scaling and subsampling: the steps between the decoded table and a feature space."""

import numpy as np

from digit_clustering.tables import Points

SCALINGS = ("none", "max", "minmax", "standard")


def scale(points: Points, scaling: str) -> Points:
    """Return the points as float32, scaled by one of `SCALINGS`.

    ``max`` divides by the largest absolute value (255 for MNIST, 16 for the 8x8 digits);
    ``minmax`` maps every feature to [0, 1] and ``standard`` to zero mean and unit variance,
    leaving constant features (MNIST's always-black border pixels) at 0.
    """
    x = points.x.astype(np.float64)
    if scaling == "none":
        pass
    elif scaling == "max":
        peak = np.abs(x).max()
        x = x / peak if peak > 0 else x
    elif scaling == "minmax":
        low = x.min(axis=0)
        spread = x.max(axis=0) - low
        x = (x - low) / np.where(spread > 0, spread, 1.0)
    elif scaling == "standard":
        deviation = x.std(axis=0)
        x = (x - x.mean(axis=0)) / np.where(deviation > 0, deviation, 1.0)
    else:
        raise ValueError(f"scaling {scaling!r} is not one of {', '.join(SCALINGS)}")
    metadata = {**points.metadata, "scaling": scaling}
    return Points(points.ids, x.astype(np.float32), points.labels, points.split, metadata)


def sample_size(n_points: int, size: int | float | str) -> int:
    """How many points `size` ("all", a count, or a fraction in (0, 1)) keeps out of `n_points`."""
    if size == "all":
        return n_points
    if isinstance(size, float):
        if not 0 < size <= 1:
            raise ValueError(f"a sample fraction must be in (0, 1], not {size}")
        return max(1, round(size * n_points))
    if not 0 < size <= n_points:
        raise ValueError(
            f"a sample of {size} points was asked for but the data has {n_points}; "
            f"use at most {n_points} or 'all'"
        )
    return size


def subsample(points: Points, size: int | float | str, seed: int, stratify: bool) -> Points:
    """A seeded sample of the points, in their original order, optionally stratified by label."""
    n_points = len(points.ids)
    keep = sample_size(n_points, size)
    if keep == n_points:
        return points
    if stratify:
        from sklearn.model_selection import train_test_split

        rows, _ = train_test_split(
            np.arange(n_points), train_size=keep, stratify=points.labels, random_state=seed
        )
    else:
        rows = np.random.default_rng(seed).choice(n_points, size=keep, replace=False)
    return points.take(np.sort(rows))
