"""A neighbour graph as a table: each point's nearest others, nearest first, as rows of the
points table it was built on (which UMAP takes as its precomputed k-nn)."""

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from digit_clustering.tables import column_matrix, matrix_column, read_parquet, write_parquet


@dataclass(frozen=True)
class Graph:
    """Each point's neighbours (rows of its points table) and their distances, nearest first."""

    ids: np.ndarray
    neighbours: np.ndarray  # (n, k) int64
    distances: np.ndarray  # (n, k) float32

    def nearest(self, count: int) -> tuple[np.ndarray, np.ndarray]:
        """UMAP's precomputed k-nn: each point itself first (distance 0), then its nearest
        `count` - 1 others."""
        own = np.arange(len(self.ids))[:, np.newaxis]
        indices = np.hstack([own, self.neighbours[:, : count - 1]])
        distances = np.hstack([np.zeros(own.shape, np.float32), self.distances[:, : count - 1]])
        return indices, distances


def write_graph(graph: Graph, path: str, metadata: dict) -> None:
    table = pa.table(
        {
            "id": pa.array(graph.ids, pa.int64()),
            "neighbours": matrix_column(graph.neighbours.astype(np.int32)),
            "distances": matrix_column(graph.distances.astype(np.float32)),
        }
    )
    write_parquet(table, path, metadata)


def read_graph(path: str, ids: np.ndarray) -> Graph:
    """The graph at `path`, checked to be one of the points `ids`, in their order."""
    table = read_parquet(path)
    graph_ids = table.column("id").to_numpy()
    if not np.array_equal(graph_ids, ids):
        raise ValueError(f"{path} is not the graph of these points (its ids differ)")
    neighbours = column_matrix(table.column("neighbours")).astype(np.int64)
    return Graph(graph_ids, neighbours, column_matrix(table.column("distances")))
