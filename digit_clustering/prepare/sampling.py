"""Sampling: a seeded, optionally stratified subset of the points, in their original order."""

import logging

import numpy as np

from digit_clustering.tables import Points, read_points, write_points

log = logging.getLogger(__name__)


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


def subsample_step(input_path: str, settings: dict, output: str):
    size = settings.get("n", settings.get("fraction"))
    points = subsample(read_points(input_path), size, settings["seed"], settings["stratify"])
    log.info("kept %d points", len(points.ids))
    write_points(points, output)
