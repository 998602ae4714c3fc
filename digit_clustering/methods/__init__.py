"""The registry of clustering methods: a name -> the function that fits it.

Each method's parameters are declared once, in the config schema under ``methods.<name>``;
the workflow validates every run against that entry before any job starts. Adding a method
is a module here with a ``fit(x, params) -> Clustering`` function, one line in `METHODS`, a
default block in ``config.yaml`` and its schema entry.
"""

from collections.abc import Callable

import numpy as np

from digit_clustering.methods import kmeans
from digit_clustering.methods.clustering import Clustering

METHODS: dict[str, Callable[[np.ndarray, dict], Clustering]] = {
    "kmeans": kmeans.fit,
}


def fit(method: str, x: np.ndarray, params: dict) -> Clustering:
    try:
        fit_method = METHODS[method]
    except KeyError:
        raise ValueError(
            f"unknown method {method!r}; known: {', '.join(sorted(METHODS))}"
        ) from None
    return fit_method(x, params)
