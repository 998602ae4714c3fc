"""What every clustering method returns."""

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Clustering:
    """A method's result: one cluster per point (-1 = noise), centres where it has them."""

    labels: np.ndarray
    centres: np.ndarray | None = None
    details: dict = field(default_factory=dict)
