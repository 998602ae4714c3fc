"""Steps that score runs and gather the scores into one table."""

import json
import logging
import time

import numpy as np
import pandas as pd
import pyarrow as pa

from digit_clustering import agreement, metrics
from digit_clustering.atomic import atomic_path
from digit_clustering.silhouette import silhouettes, undefined_reason
from digit_clustering.study import short_names
from digit_clustering.study_figures import agreement_figure
from digit_clustering.tables import (
    read_clusters,
    read_parquet,
    read_points,
    table_metadata,
    write_parquet,
)

log = logging.getLogger(__name__)


def silhouette(
    features_path: str,
    runs: list[str],
    labels_paths: list[str],
    sample_size: int | None,
    seed: int,
    threads: int,
    output: str,
):
    """The silhouette of every run of one feature space, from one pass over its distances."""
    points = read_points(features_path)
    rows = np.arange(len(points.ids))
    if sample_size is not None and sample_size < len(rows):
        rows = np.sort(np.random.default_rng(seed).choice(len(rows), sample_size, replace=False))
    labelings = [read_clusters(path, points.ids)[rows] for path in labels_paths]
    started = time.perf_counter()
    scores = silhouettes(points.x[rows], labelings, threads)
    log.info(
        "%d silhouettes over %d points in %.1f s",
        len(runs),
        len(rows),
        time.perf_counter() - started,
    )
    table = pa.table(
        {
            "run": runs,
            "silhouette": pa.array(scores, pa.float64()),
            "silhouette_undefined": pa.array(
                [undefined_reason(labels) for labels in labelings], pa.string()
            ),
            "silhouette_points": [len(rows)] * len(runs),
        }
    )
    write_parquet(table, output)


def evaluate(
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
    table = read_parquet(heldout_path).to_pandas()
    truth = pd.Series(points.labels, index=points.ids).loc[table["id"]].to_numpy()
    train = (table["split"] == "train").to_numpy()
    clusters = table["cluster"].to_numpy()
    return metrics.heldout_accuracy(truth[train], clusters[train], truth[~train], clusters[~train])


def aggregate(
    metrics_paths: list[str],
    silhouette_paths: list[str],
    config_digest: str,
    output: str,
    csv_output: str,
):
    """One row per run, in the order of the config, with the silhouettes of their spaces; the
    table records the digest of the config it gathers."""
    frame = pd.concat([read_parquet(path).to_pandas() for path in metrics_paths], ignore_index=True)
    silhouettes_by_run = pd.concat(
        [read_parquet(path).to_pandas() for path in silhouette_paths], ignore_index=True
    )
    frame = frame.merge(silhouettes_by_run, on="run", how="left", validate="one_to_one")
    table = pa.Table.from_pandas(frame, preserve_index=False)
    write_parquet(table, output, {"config_digest": config_digest})
    readable = frame.assign(
        cluster_sizes=frame["cluster_sizes"].map(lambda s: " ".join(map(str, s)))
    )
    with atomic_path(csv_output) as temporary:
        readable.to_csv(temporary, index=False)


def agreement_step(runs: list[str], labels_paths: list[str], output: str, figure_output: str):
    """The ARI between every pair of runs on the same points, as a table and a heat map."""
    first = read_parquet(labels_paths[0], columns=["id"]).column("id").to_numpy()
    labelings = [read_clusters(path, first) for path in labels_paths]
    matrix = agreement.ari_matrix(labelings)
    table = agreement.agreement_table(runs, matrix)
    write_parquet(pa.Table.from_pandas(table, preserve_index=False), output)
    names = short_names(runs)
    agreement_figure(matrix, [names[run] for run in runs], figure_output)
