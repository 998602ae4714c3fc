"""PCA spaces: a sample's pixels projected on their first principal axes, with the model kept
to map centres back to pixels."""

import logging
import os

import numpy as np
import pyarrow as pa

from digit_clustering.features.kind import SpaceKind
from digit_clustering.jobs.threads import numeric_threads
from digit_clustering.settings.parameter import REQUIRED, Parameter
from digit_clustering.tables import (
    Points,
    column_matrix,
    matrix_column,
    read_parquet,
    read_points,
    table_metadata,
    write_parquet,
    write_points,
)

log = logging.getLogger(__name__)

SPACE = SpaceKind(
    description="principal components of a sample's pixels",
    parameters={
        "n_components": Parameter(int, REQUIRED, "the number of principal axes kept", minimum=1),
        "whiten": Parameter(bool, False, "scale every axis to unit variance"),
        "seed": Parameter(int, 0, "random seed of the randomised solver", minimum=0),
    },
    label=lambda settings: f"PCA-{settings['n_components']}",
    products=("points", "model"),
    memory_mb=2200,
)


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


def pca_step(input_path: str, settings: dict, output: str, model_output: str):
    projected, model = pca(
        read_points(input_path), settings["n_components"], settings["whiten"], settings["seed"]
    )
    log.info("PCA keeps %.3f of the variance", projected.metadata["explained_variance_ratio"])
    write_points(projected, output)
    model.write(model_output)
