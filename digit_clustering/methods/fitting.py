"""Fitting a run: the cluster step (every point) and the held-out step (train, then test)."""

import importlib
import logging
import time

import numpy as np
import pyarrow as pa

from digit_clustering.jobs.threads import limited_threads
from digit_clustering.methods.clustering import Clustering, cluster_means
from digit_clustering.methods.registry import METHODS, module_name
from digit_clustering.tables import matrix_column, read_points, write_parquet

log = logging.getLogger(__name__)


def fit(method: str, x: np.ndarray, params: dict) -> Clustering:
    """Fit `method` (a registry name) on `x`, on the fixed thread count it declares."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; known: {', '.join(sorted(METHODS))}")
    module = importlib.import_module(module_name(method))
    with limited_threads(METHODS[method].threads):
        return module.fit(x, params)


def cluster_step(
    features_path: str,
    method: str,
    params: dict,
    labels_output: str,
    centres_output: str,
    trace_output: str,
):
    """Fit the method on every point of the space; write labels, centres and the fit's trace.

    Methods without centres (hierarchical, density-based) get their clusters' means, so that
    every run has centroid images.
    """
    points = read_points(features_path)
    started = time.perf_counter()
    result = fit(method, points.x, params)
    seconds = time.perf_counter() - started
    # The fit time goes to the log, not the tables: they must be the same bytes on every rebuild.
    log.info("%s %s on %d points: %.2f s", method, params, len(points.ids), seconds)
    labels = pa.table({"id": points.ids, "cluster": pa.array(result.labels, pa.int32())})
    write_parquet(labels, labels_output, {"method": method, "params": params})
    details = dict(result.details)
    centres = result.centres
    if centres is None:
        centres = cluster_means(points.x, result.labels)
        details["centres"] = "cluster means"
    solutions = {"kept": centres, **result.other_centres}
    write_parquet(centre_table(solutions), centres_output, {"details": details})
    write_parquet(pa.table(result.trace), trace_output)


def centre_table(solutions: dict[str, np.ndarray]) -> pa.Table:
    names, clusters, rows = [], [], []
    for name, centres in solutions.items():
        names += [name] * len(centres)
        clusters.append(np.arange(len(centres), dtype=np.int32))
        rows.append(np.asarray(centres, dtype=np.float64))
    width = rows[0].shape[1]
    return pa.table(
        {
            "solution": pa.array(names, pa.string()),
            "cluster": np.concatenate(clusters),
            "centre": matrix_column(np.vstack(rows).reshape(-1, width)),
        }
    )


def heldout_step(features_path: str, method: str, params: dict, output: str):
    """Fit on the train split only and assign the test split: labels for held-out accuracy.

    Writes both splits' clusters: the train split's, to map clusters to digits, and the test
    split's, to score that mapping.
    """
    points = read_points(features_path)
    if points.split is None:
        raise ValueError(f"{features_path} has no train/test split to hold out")
    train, test = points.split == "train", points.split == "test"
    result = fit(method, points.x[train], params)
    if result.predict is None:
        raise ValueError(f"method {method!r} cannot assign new points")
    assigned = result.predict(points.x[test])
    log.info("fitted on %d train points, assigned %d test points", train.sum(), test.sum())
    table = pa.table(
        {
            "id": np.concatenate([points.ids[train], points.ids[test]]),
            "split": ["train"] * int(train.sum()) + ["test"] * int(test.sum()),
            "cluster": pa.array(np.concatenate([result.labels, assigned]), pa.int32()),
        }
    )
    write_parquet(table, output, {"method": method, "params": params})
