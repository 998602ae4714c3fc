"""The step that fits one run's clustering method."""

import logging
import time

import numpy as np
import pyarrow as pa

from digit_clustering import methods
from digit_clustering.tables import matrix_column, read_points, write_parquet

log = logging.getLogger(__name__)


def cluster(features_path: str, method: str, params: dict, labels_output: str, centres_output: str):
    points = read_points(features_path)
    started = time.perf_counter()
    result = methods.fit(method, points.x, params)
    seconds = time.perf_counter() - started
    # The fit time goes to the log, not the tables: they must be the same bytes on every rebuild.
    log.info("%s %s on %d points: %.2f s", method, params, len(points.ids), seconds)
    labels = pa.table({"id": points.ids, "cluster": pa.array(result.labels, pa.int32())})
    write_parquet(labels, labels_output, {"method": method, "params": params})
    centres = result.centres if result.centres is not None else np.zeros((0, points.x.shape[1]))
    centre_table = pa.table(
        {"cluster": np.arange(len(centres), dtype=np.int32), "centre": matrix_column(centres)}
    )
    write_parquet(centre_table, centres_output, {"details": result.details})
