"""Feature spaces built from the scaled points: raw pixels or PCA, with the model kept."""

import os

import numpy as np
import pyarrow as pa

from digit_clustering.tables import (
    Points,
    column_matrix,
    matrix_column,
    read_parquet,
    table_metadata,
    write_parquet,
)
from digit_clustering.threads import numeric_threads


class PCAModel:
    """What is needed to map PCA coordinates back to pixels (for centroid images)."""

    def __init__(self, components: np.ndarray, mean: np.ndarray, variance: np.ndarray, whiten):
        self.components = components
        self.mean = mean
        self.variance = variance
        self.whiten = whiten

    def inverse_transform(self, coordinates: np.ndarray) -> np.ndarray:
        components = self.components
        if self.whiten:
            components = components * np.sqrt(self.variance)[:, np.newaxis]
        return coordinates @ components + self.mean

    def write(self, path: str | os.PathLike) -> None:
        table = pa.table(
            {
                "explained_variance": pa.array(self.variance, pa.float64()),
                "component": matrix_column(self.components.astype(np.float64)),
            }
        )
        metadata = {"whiten": bool(self.whiten), "mean": self.mean.tolist()}
        write_parquet(table, path, metadata)

    @classmethod
    def read(cls, path: str | os.PathLike) -> "PCAModel":
        table = read_parquet(path)
        metadata = table_metadata(table)
        return cls(
            components=column_matrix(table.column("component")),
            mean=np.asarray(metadata["mean"]),
            variance=table.column("explained_variance").to_numpy(),
            whiten=metadata["whiten"],
        )


def pca(points: Points, n_components: int, whiten: bool, seed: int) -> tuple[Points, PCAModel]:
    """Project the points on their first `n_components` principal axes."""
    from sklearn.decomposition import PCA

    n_points, n_features = points.x.shape
    if not 1 <= n_components <= min(n_points, n_features):
        raise ValueError(
            f"PCA n_components={n_components} must be between 1 and "
            f"min(points, features) = {min(n_points, n_features)}"
        )
    model = PCA(n_components=n_components, whiten=whiten, random_state=seed)
    with numeric_threads():
        coordinates = model.fit_transform(points.x.astype(np.float64)).astype(np.float32)
    kept = PCAModel(model.components_, model.mean_, model.explained_variance_, whiten)
    metadata = {
        **points.metadata,
        "features": "pca",
        "explained_variance_ratio": float(model.explained_variance_ratio_.sum()),
    }
    return Points(points.ids, coordinates, points.labels, points.split, metadata), kept


def umap_embedding(points: Points, settings: dict, threads: int) -> Points:
    """Embed the points with UMAP, a neighbour-graph layout (umap-learn).

    Seeded, umap-learn runs on one thread and gives the same coordinates every time; with
    ``seed`` None it runs on `threads` threads, faster, and the metadata says the result is not
    reproducible.
    """
    coordinates = _umap(settings, threads).fit_transform(points.x.astype(np.float32))
    return _embedded(points, coordinates, settings)


def umap_train_embedding(points: Points, settings: dict, threads: int) -> Points:
    """UMAP fitted on the training split alone; the test split placed by its `transform`, so
    no test image shapes the layout. Rows keep their order."""
    train = points.split == "train"
    model = _umap(settings, threads)
    coordinates = np.empty((len(points.ids), settings["n_components"]), dtype=np.float32)
    coordinates[train] = model.fit_transform(points.x[train].astype(np.float32))
    coordinates[~train] = model.transform(points.x[~train].astype(np.float32))
    return _embedded(points, coordinates, settings, fitted_on="train")


def _umap(settings: dict, threads: int):
    import umap

    seed = settings["seed"]
    return umap.UMAP(
        n_neighbors=settings["n_neighbors"],
        n_components=settings["n_components"],
        min_dist=settings["min_dist"],
        metric=settings["metric"],
        random_state=seed,
        n_jobs=1 if seed is not None else threads,
    )


def _embedded(points: Points, coordinates, settings: dict, fitted_on: str = "all") -> Points:
    metadata = {
        **{
            key: value
            for key, value in points.metadata.items()
            if key != "explained_variance_ratio"
        },
        "features": "umap",
        "fitted_on": fitted_on,
        "reproducible": settings["seed"] is not None,
    }
    return Points(points.ids, coordinates.astype(np.float32), points.labels, points.split, metadata)
