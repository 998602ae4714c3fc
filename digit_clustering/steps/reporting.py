"""Steps that draw the figures and write the report."""

import tempfile

import pyarrow.parquet as pq

from digit_clustering import features, figures, report, study_figures
from digit_clustering.tables import (
    read_centres,
    read_clusters,
    read_parquet,
    read_points,
    table_metadata,
)


def run_figure(
    run: str,
    features_path: str,
    labels_path: str,
    centres_path: str,
    model_path: str | None,
    output: str,
    confusion_output: str,
):
    """Centroid images (mapped back to pixels through PCA) or, for point clouds, a scatter;
    and the confusion matrix of clusters against true labels."""
    points = read_points(features_path)
    clusters = read_clusters(labels_path, points.ids)
    figures.confusion_figure(points.labels, clusters, run, confusion_output)
    centres = read_centres(centres_path)
    if points.image_shape is None:
        figures.scatter_figure(points.x, clusters, centres, run, output)
        return
    if model_path:
        centres = features.PCAModel.read(model_path).inverse_transform(centres)
    figures.centroid_figure(centres, points.labels, clusters, points.image_shape, run, output)


def write_report(
    metrics_path: str,
    runs: list[str],
    figure_paths: list[str],
    confusion_paths: list[str],
    data_path: str,
    output: str,
):
    data = pq.ParquetFile(data_path)
    dataset = {
        "name": table_metadata(data.schema_arrow).get("dataset", "?"),
        "n_points": data.metadata.num_rows,
        "n_features": data.schema_arrow.field("x").type.list_size,
    }
    frame = read_parquet(metrics_path).to_pandas()
    with tempfile.TemporaryDirectory() as scratch:
        overview = study_figures.draw_all(frame, scratch)
        run_figures = zip(figure_paths, confusion_paths, strict=True)
        report.render(frame, dict(zip(runs, run_figures, strict=True)), overview, dataset, output)
