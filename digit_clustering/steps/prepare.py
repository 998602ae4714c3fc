"""Steps from the decoded table to a feature space."""

import logging

from digit_clustering import features, preprocess
from digit_clustering.tables import read_points, write_points

log = logging.getLogger(__name__)


def scale(input_path: str, scaling: str, output: str):
    write_points(preprocess.scale(read_points(input_path), scaling), output)


def subsample(input_path: str, settings: dict, output: str):
    size = settings.get("n", settings.get("fraction"))
    points = preprocess.subsample(
        read_points(input_path), size, settings["seed"], settings["stratify"]
    )
    log.info("kept %d points", len(points.ids))
    write_points(points, output)


def pca(input_path: str, settings: dict, output: str, model_output: str):
    projected, model = features.pca(
        read_points(input_path), settings["n_components"], settings["whiten"], settings["seed"]
    )
    log.info("PCA keeps %.3f of the variance", projected.metadata["explained_variance_ratio"])
    write_points(projected, output)
    model.write(model_output)


def umap(input_path: str, settings: dict, threads: int, output: str):
    embedded = features.umap_embedding(read_points(input_path), settings, threads)
    if not embedded.metadata["reproducible"]:
        log.warning("UMAP ran unseeded on %d threads: this embedding is not reproducible", threads)
    write_points(embedded, output)


def umap_heldout(input_path: str, settings: dict, threads: int, output: str):
    points = read_points(input_path)
    if points.split is None:
        raise ValueError(f"{input_path} has no train/test split to hold out")
    write_points(features.umap_train_embedding(points, settings, threads), output)
