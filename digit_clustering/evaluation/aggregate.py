"""The aggregate step: every run's metrics and silhouette in one table (Parquet and CSV)."""

import pandas as pd
import pyarrow as pa

from digit_clustering.jobs.atomic import atomic_path
from digit_clustering.tables import read_parquet, write_parquet


def aggregate_step(
    metrics_paths: list[str],
    silhouette_paths: list[str],
    output: str,
    csv_output: str,
):
    """One row per run, in the order of the config, with the silhouettes of their spaces."""
    frame = pd.concat([read_parquet(path).to_pandas() for path in metrics_paths], ignore_index=True)
    silhouettes_by_run = pd.concat(
        [read_parquet(path).to_pandas() for path in silhouette_paths], ignore_index=True
    )
    frame = frame.merge(silhouettes_by_run, on="run", how="left", validate="one_to_one")
    table = pa.Table.from_pandas(frame, preserve_index=False)
    write_parquet(table, output)
    readable = frame.assign(
        cluster_sizes=frame["cluster_sizes"].map(lambda s: " ".join(map(str, s)))
    )
    with atomic_path(csv_output) as temporary:
        readable.to_csv(temporary, index=False)
