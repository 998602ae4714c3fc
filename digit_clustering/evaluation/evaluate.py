"""The evaluate step: every metric of one run but the silhouette, as a one-row table."""

import json

import numpy as np
import pyarrow as pa

from digit_clustering.evaluation import metrics
from digit_clustering.tables import (
    read_clusters,
    read_parquet,
    read_points,
    table_metadata,
    write_parquet,
)


def evaluate_step(
    run: dict,
    features_path: str,
    labels_path: str,
    centres_path: str,
    pixels_path: str,
    heldout_path: str | None,
    output: str,
):
    """Every metric of one run except the silhouette, as a one-row table with its identity.

    SSE is given in the run's feature space and in the scaled pixel space (`pixels_path`), so
    that runs in different spaces compare.
    """
    points = read_points(features_path)
    clusters = read_clusters(labels_path, points.ids)
    centres = read_parquet(centres_path)
    details = table_metadata(centres)["details"]
    requested_clusters = centres.column("solution").to_pylist().count("kept")
    pixels = points if pixels_path == features_path else read_points(pixels_path)
    extra = {"sse_pixels": metrics.sse(pixels.x, clusters)}
    if heldout_path:
        extra["heldout_accuracy"] = heldout_accuracy_of(heldout_path, points)
    row = {
        "run": run["name"],
        "method": run["method"],
        "space": run["space"],
        "params": json.dumps(run["params"], sort_keys=True),
        **{f"param_{name}": value for name, value in run["params"].items()},
        **metrics.score(points.labels, clusters, points.x, requested_clusters),
        **extra,
        **{f"fit_{name}": value for name, value in details.items()},
    }
    write_parquet(pa.Table.from_pylist([row]), output)


def heldout_accuracy_of(heldout_path: str, points) -> float:
    """Held-out accuracy from the labels of a run refitted on the train split."""
    table = read_parquet(heldout_path)
    ids = table.column("id").to_numpy()
    order = np.argsort(points.ids, kind="stable")
    rows = order[np.searchsorted(points.ids, ids, sorter=order).clip(max=len(order) - 1)]
    if len(ids) and not np.array_equal(points.ids[rows], ids):
        raise KeyError(f"{heldout_path} holds ids that are not points of the feature space")
    truth = points.labels[rows]
    train = table.column("split").to_numpy(zero_copy_only=False) == "train"
    clusters = table.column("cluster").to_numpy()
    return metrics.heldout_accuracy(truth[train], clusters[train], truth[~train], clusters[~train])
