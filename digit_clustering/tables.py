"""Parquet tables of points: the one layout every stage reads and writes.

A points table has one row per image (or point): ``id`` (int64, joins every table), ``split``
(train/test, null where the source has none), ``label`` (the true class, -1 where unknown) and
``x``, the point's vector as a fixed-size list. A fixed-size list is one contiguous buffer in
Parquet, so it reads into an (n, d) numpy array without a copy per column.
"""

import json
import os
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from digit_clustering.jobs import provenance
from digit_clustering.jobs.atomic import atomic_path

METADATA_KEY = b"digit_clustering"


class CorruptTableError(RuntimeError):
    """A Parquet file could not be read; the message says how to rebuild it."""


@dataclass
class Points:
    """Points with their identity: ids, split, true labels, the (n, d) matrix and metadata."""

    ids: np.ndarray
    x: np.ndarray
    labels: np.ndarray
    split: np.ndarray | None = None
    metadata: dict = field(default_factory=dict)

    def __post_init__(self):
        n = len(self.ids)
        if self.x.ndim != 2 or self.x.shape[0] != n or len(self.labels) != n:
            raise ValueError(
                f"ids ({n}), x {self.x.shape} and labels ({len(self.labels)}) must describe "
                "the same number of points, with x two-dimensional"
            )

    @property
    def image_shape(self) -> tuple[int, int] | None:
        shape = self.metadata.get("image_shape")
        return tuple(shape) if shape else None

    def take(self, rows: np.ndarray) -> "Points":
        return Points(
            ids=self.ids[rows],
            x=self.x[rows],
            labels=self.labels[rows],
            split=None if self.split is None else self.split[rows],
            metadata=dict(self.metadata),
        )


def write_parquet(table: pa.Table, path: str | os.PathLike, metadata: dict | None = None) -> None:
    """Write `table` atomically, with `metadata` and the running job's provenance stored as
    JSON in the schema."""
    metadata = dict(metadata or {})
    if provenance.current() is not None:
        metadata["provenance"] = provenance.current()
    if metadata:
        encoded = json.dumps(metadata, sort_keys=True).encode()
        table = table.replace_schema_metadata(
            {**(table.schema.metadata or {}), METADATA_KEY: encoded}
        )
    with atomic_path(path) as temporary:
        pq.write_table(table, temporary, compression="zstd")


def read_parquet(path: str | os.PathLike, columns: list[str] | None = None) -> pa.Table:
    """Read a Parquet file, turning a damaged file into an error that says how to rebuild it."""
    try:
        return pq.read_table(path, columns=columns)
    except (pa.ArrowInvalid, OSError) as error:
        raise CorruptTableError(
            f"{path} is not a readable Parquet file ({error}). Delete it and re-run snakemake "
            "to rebuild it."
        ) from error


def read_metadata(path: str | os.PathLike) -> dict:
    """The metadata of a table written by `write_parquet`, without reading its data."""
    return table_metadata(pq.read_schema(path))


def table_metadata(table: pa.Table | pa.Schema) -> dict:
    schema = table if isinstance(table, pa.Schema) else table.schema
    raw = (schema.metadata or {}).get(METADATA_KEY)
    return json.loads(raw) if raw else {}


def matrix_column(x: np.ndarray) -> pa.FixedSizeListArray:
    x = np.ascontiguousarray(x)
    return pa.FixedSizeListArray.from_arrays(pa.array(x.reshape(-1)), x.shape[1])


def column_matrix(column: pa.ChunkedArray) -> np.ndarray:
    array = column.combine_chunks()
    width = array.type.list_size
    return array.values.to_numpy(zero_copy_only=False).reshape(len(array), width)


def write_points(points: Points, path: str | os.PathLike) -> None:
    split = None if points.split is None else pa.array(points.split, pa.string())
    table = pa.table(
        {
            "id": pa.array(points.ids, pa.int64()),
            "split": split if split is not None else pa.nulls(len(points.ids), pa.string()),
            "label": pa.array(points.labels, pa.int16()),
            "x": matrix_column(points.x),
        }
    )
    write_parquet(table, path, points.metadata)


def read_points(path: str | os.PathLike) -> Points:
    table = read_parquet(path)
    split = table.column("split")
    return Points(
        ids=table.column("id").to_numpy(),
        x=column_matrix(table.column("x")),
        labels=table.column("label").to_numpy(),
        split=None if split.null_count == len(split) else split.to_numpy(zero_copy_only=False),
        metadata=table_metadata(table),
    )


def read_clusters(labels_path: str, ids: np.ndarray) -> np.ndarray:
    table = read_parquet(labels_path)
    if not np.array_equal(table.column("id").to_numpy(), ids):
        raise ValueError(f"{labels_path} does not label the points of its feature space")
    return table.column("cluster").to_numpy()


def read_centres(path: str | os.PathLike, solution: str = "kept") -> np.ndarray:
    """The centres a run kept (or another named solution, such as Lloyd's worst restart)."""
    table = read_parquet(path)
    rows = np.asarray(table.column("solution").to_pylist()) == solution
    return column_matrix(table.column("centre"))[rows]
