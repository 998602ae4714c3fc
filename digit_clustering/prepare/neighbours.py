"""Nearest-neighbour look-up: the images closest to chosen query images in a feature space."""

import numpy as np
import pyarrow as pa
from sklearn.neighbors import NearestNeighbors

from digit_clustering.tables import Points, read_points, write_parquet


def nearest_neighbours(points: Points, query_ids: list[int], k: int) -> pa.Table:
    """For each query id, its k nearest other points (Euclidean), nearest first."""
    rows = np.searchsorted(points.ids, query_ids)
    found = (rows < len(points.ids)) & (
        points.ids[np.minimum(rows, len(points.ids) - 1)] == query_ids
    )
    if not found.all():
        missing = np.asarray(query_ids)[~found].tolist()
        raise ValueError(f"query ids {missing} are not points of this space (not in its sample?)")
    index = NearestNeighbors(n_neighbors=k + 1, algorithm="brute").fit(points.x)
    distances, neighbours = index.kneighbors(points.x[rows])
    query_column, rank_column, neighbour_column, distance_column = [], [], [], []
    for query_row, row_neighbours, row_distances in zip(rows, neighbours, distances, strict=True):
        others = row_neighbours != query_row
        kept_neighbours = row_neighbours[others][:k]
        query_column += [int(points.ids[query_row])] * len(kept_neighbours)
        rank_column += list(range(1, len(kept_neighbours) + 1))
        neighbour_column += points.ids[kept_neighbours].tolist()
        distance_column += row_distances[others][:k].tolist()
    return pa.table(
        {
            "query": pa.array(query_column, pa.int64()),
            "rank": pa.array(rank_column, pa.int16()),
            "neighbour": pa.array(neighbour_column, pa.int64()),
            "distance": pa.array(distance_column, pa.float64()),
        }
    )


def neighbours_step(features_path: str, query_ids: list[int], k: int, output: str):
    write_parquet(nearest_neighbours(read_points(features_path), query_ids, k), output)
