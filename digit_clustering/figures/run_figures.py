"""Steps that draw the figures of one run (its pictures, its fit's course) and of one look-up,
each named after the rule that runs it."""

import numpy as np

from digit_clustering.features.pca import PCAModel
from digit_clustering.figures import course as course_figures
from digit_clustering.figures import image_grids, run_charts, scatter3d
from digit_clustering.methods.clustering import cluster_means
from digit_clustering.tables import (
    read_centres,
    read_clusters,
    read_metadata,
    read_parquet,
    read_points,
)


def run_figures_step(run: str, images: bool, inputs: dict[str, str], outputs: dict[str, str]):
    """A run's pictures: of images, or of a point cloud (`inputs` and `outputs` by name, as
    the study's record of the run gives them)."""
    paths = {f"{name}_path": path for name, path in inputs.items()}
    if images:
        image_run_figures(run, **paths, outputs=outputs)
    else:
        cloud_run_figures(run, **paths, outputs=outputs)


def image_run_figures(
    run: str,
    features_path: str,
    pixels_path: str,
    labels_path: str,
    centres_path: str,
    outputs: dict[str, str],
    model_path: str | None = None,
):
    """Centroid images (through the PCA inverse for PCA spaces), the confusion matrix, a
    gallery of each cluster and the images nearest each centre."""
    points = read_points(features_path)
    pixels = points if pixels_path == features_path else read_points(pixels_path)
    if not np.array_equal(pixels.ids, points.ids):
        raise ValueError(f"{pixels_path} does not hold the points of {features_path}, in order")
    clusters = read_clusters(labels_path, points.ids)
    centres = read_centres(centres_path)
    shape = pixels.image_shape
    run_charts.confusion_figure(points.labels, clusters, run, outputs["confusion"])
    title = image_grids.images_title(run, pixels.metadata)
    if model_path:
        centre_images = PCAModel.read(model_path).inverse_transform(centres)
    elif centres.shape[1] == pixels.x.shape[1]:
        centre_images = centres
    else:  # an embedding has no way back to pixels: draw each cluster's mean image
        centre_images = cluster_means(pixels.x, clusters)
    image_grids.centroid_figure(
        centre_images, points.labels, clusters, shape, title, outputs["centroids"]
    )
    image_grids.gallery_figure(pixels.x, points.labels, clusters, shape, title, outputs["gallery"])
    image_grids.nearest_to_centres_figure(
        points.x, centres, pixels.x, points.labels, clusters, shape, title, outputs["nearest"]
    )


def cloud_run_figures(
    run: str,
    features_path: str,
    labels_path: str,
    centres_path: str,
    plotly_js_path: str,
    outputs: dict[str, str],
):
    """For point clouds: a scatter (3-D for three features), an interactive 3-D page (plotly,
    loading the dataset's one copy of plotly's JavaScript, `plotly_js_path`) and the confusion
    matrix."""
    points = read_points(features_path)
    clusters = read_clusters(labels_path, points.ids)
    centres = read_centres(centres_path)
    run_charts.confusion_figure(points.labels, clusters, run, outputs["confusion"])
    if points.x.shape[1] >= 3:
        scatter3d.scatter3d_figure(points.x, clusters, centres, run, outputs["scatter"])
    else:
        run_charts.scatter_figure(points.x, clusters, centres, run, outputs["scatter"])
    scatter3d.scatter3d_page(
        points.x,
        clusters,
        centres,
        run,
        outputs["page"],
        plotly_js=plotly_js_path,
        ids=points.ids,
    )


def iterations_step(
    run: str, trace_path: str, centres_path: str, model_path: str | None, features_path, output
):
    image_shape = read_metadata(features_path).get("image_shape")
    trace = read_parquet(trace_path).to_pandas()
    best, worst = read_centres(centres_path), read_centres(centres_path, "worst restart")
    if model_path:
        model = PCAModel.read(model_path)
        best, worst = model.inverse_transform(best), model.inverse_transform(worst)
    if image_shape and best.shape[1] != np.prod(image_shape):
        image_shape = None  # centres in an embedding: the curves only
    course_figures.lloyd_figure(trace, best, worst, image_shape, run, output)


def dendrogram_step(run: str, trace_path: str, cut: dict, output: str):
    """The dendrogram of a linkage, cut where the run's ``k`` or ``distance_threshold`` says."""
    trace = read_parquet(trace_path).to_pandas()
    course_figures.dendrogram_figure(
        trace, cut.get("k"), cut.get("distance_threshold"), run, output
    )


def neighbours_figure_step(neighbours_path: str, pixels_path: str, space: str, output: str):
    neighbours = read_parquet(neighbours_path).to_pandas()
    pixels = read_points(pixels_path)
    row_of = {point_id: row for row, point_id in enumerate(pixels.ids.tolist())}
    image_grids.neighbours_figure(
        neighbours,
        lambda ids: pixels.x[[row_of[i] for i in ids]],
        lambda ids: pixels.labels[[row_of[i] for i in ids]],
        pixels.image_shape,
        image_grids.images_title(f"Nearest neighbours in space {space}", pixels.metadata),
        output,
    )
