"""The step that finds the nearest neighbours of the configured query images."""

from digit_clustering.neighbours import nearest_neighbours
from digit_clustering.tables import read_points, write_parquet


def neighbours(features_path: str, query_ids: list[int], k: int, output: str):
    write_parquet(nearest_neighbours(read_points(features_path), query_ids, k), output)
