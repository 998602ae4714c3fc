"""What every clustering method returns."""

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Clustering:
    """A method's result.

    ``labels``: one cluster per point (-1 = noise). ``centres``: one row per cluster where the
    method has centres. ``details``: scalars worth reporting (inertia, BIC, iterations...).
    ``trace``: a table of the fit's course, as columns of equal length (the objective per
    iteration, a linkage matrix), empty when the method has none. ``other_centres``: further
    named sets of centres (the worst restart of Lloyd's). ``predict``: assigns new points,
    for methods that can.
    """

    labels: np.ndarray
    centres: np.ndarray | None = None
    details: dict = field(default_factory=dict)
    trace: dict[str, np.ndarray] = field(default_factory=dict)
    other_centres: dict[str, np.ndarray] = field(default_factory=dict)
    predict: Callable[[np.ndarray], np.ndarray] | None = None
