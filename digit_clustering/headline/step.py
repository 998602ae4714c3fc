"""The step that picks the run the report opens with and draws what it gets wrong."""

import logging

import numpy as np
import pyarrow as pa

from digit_clustering.features.pca import pca
from digit_clustering.figures.image_grids import images_title
from digit_clustering.headline import figures as headline_figures
from digit_clustering.headline.choice import confused_pairs, matched_digits, most_accurate_run
from digit_clustering.tables import read_clusters, read_parquet, read_points, write_parquet

log = logging.getLogger(__name__)


def headline_step(
    metrics_path: str,
    runs: list[str],
    labels_paths: list[str],
    space: str,
    features_path: str,
    view: str | None,
    view_path: str | None,
    pixels_path: str,
    outputs: dict[str, str],
):
    """The most accurate run in `space`: its confused digit pairs (a table, whose metadata names
    the run), the 2-D `view` space coloured by cluster and by digit (a 2-D PCA of `space` when
    `view` is None), and example images of each confused pair."""
    metrics = read_parquet(metrics_path).to_pandas()
    run = most_accurate_run(metrics, space)
    log.info("headline: %s", run)
    pixels = read_points(pixels_path)
    clusters = read_clusters(dict(zip(runs, labels_paths, strict=True))[run], pixels.ids)
    predicted = matched_digits(pixels.labels, clusters)
    pairs = confused_pairs(pixels.labels, predicted)
    write_parquet(
        pa.Table.from_pandas(pairs, preserve_index=False),
        outputs["pairs"],
        {"run": run},
    )
    headline_figures.embedding_figure(
        two_d_view(view_path or features_path, pixels.ids),
        pixels.labels,
        predicted,
        f"{run}, drawn in {view or f'the first two principal axes of {space}'}",
        outputs["embedding"],
    )
    headline_figures.confused_pairs_figure(
        pixels.x,
        pixels.labels,
        predicted,
        pairs,
        pixels.image_shape,
        images_title(run, pixels.metadata),
        outputs["confused"],
    )


def two_d_view(path: str, ids: np.ndarray) -> np.ndarray:
    """The points of `path` in two dimensions: its own if it has two, else its first two
    principal axes."""
    points = read_points(path)
    if not np.array_equal(points.ids, ids):
        raise ValueError(
            f"{path} does not hold the headline run's points: give headline.view a space with "
            "the same sample as headline.space"
        )
    if points.x.shape[1] == 2:
        return points.x
    return pca(points, n_components=2, whiten=False, seed=0)[0].x
