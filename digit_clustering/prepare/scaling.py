"""Scaling: the decoded pixels as float32, in one of four scales (deskewed first, if asked)."""

import numpy as np

from digit_clustering.prepare.deskew import deskew
from digit_clustering.tables import Points, read_points, write_points

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


def scale_step(input_path: str, deskew_first: bool, scaling: str, output: str):
    """The decoded points as float32 in their scale, deskewed first if asked."""
    points = read_points(input_path)
    if deskew_first:
        points = deskew(points)
    write_points(scale(points, scaling), output)
