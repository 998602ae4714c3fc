"""The registry of clustering methods: a name -> the module whose ``fit`` function fits it.

Each method's parameters are declared once, in the config schema under ``methods.<name>``;
the workflow validates every run against that entry before any job starts. Adding a method
is a module here with a ``fit(x, params) -> Clustering`` function, one line in `METHODS`, a
default block in ``config.yaml`` and its schema entry. Modules are imported only when a run
fits them, so that reading the registry (every Snakemake start) costs no scikit-learn import.
"""

import importlib

import numpy as np

from digit_clustering.methods.clustering import Clustering

METHODS: dict[str, str] = {
    "kmeans": "digit_clustering.methods.kmeans",
}


def fit(method: str, x: np.ndarray, params: dict) -> Clustering:
    if method not in METHODS:
        known = ", ".join(sorted(METHODS))
        raise ValueError(f"unknown method {method!r}; known: {known}")
    return importlib.import_module(METHODS[method]).fit(x, params)
