"""Degenerate clusterings run through the workflow: each stays in the table and the report,
with undefined scores NaN and the reason said."""

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from conftest import Workspace, small_study

from digit_clustering.evaluation.evaluate import evaluate_step
from digit_clustering.figures.catalogue import IMAGE_RUN_FIGURES, png
from digit_clustering.figures.run_figures import image_run_figures
from digit_clustering.methods.fitting import centre_table
from digit_clustering.tables import Points, write_parquet, write_points

pytestmark = pytest.mark.workflow

K_EQUALS_N = "kmeans/tiny/k~30@init~k-means++@n_init~2@max_iter~100/seed~0"
ONE_CLUSTER = "agglomerative/pca/linkage~single@k~none@distance_threshold~1000.0"
ALL_NOISE = "dbscan/pca/eps~0.05@core_fraction~0.5@min_samples~10"


@pytest.fixture(scope="module")
def degenerate_study(tmp_path_factory) -> Workspace:
    config = small_study("digits")
    config["spaces"]["tiny"] = {"kind": "raw", "sample": {"size": 30, "seed": 0}}
    config["datasets"]["digits"]["spaces"] = ["raw", "pca", "tiny"]
    config["runs"] = [
        {"method": "kmeans", "space": "pca", "params": {"k": 10}},
        {"method": "kmeans", "space": "tiny", "params": {"k": 30}},
        {
            "method": "agglomerative",
            "space": "pca",
            "params": {"linkage": "single", "k": None, "distance_threshold": 1000.0},
        },
        {"method": "dbscan", "space": "pca", "params": {"eps": 0.05}},
    ]
    return Workspace.built(tmp_path_factory, "degenerate", config)


def test_degenerate_runs_stay_in_the_table_with_nan_scores_and_a_reason(degenerate_study):
    metrics = pd.read_csv(degenerate_study.path("results/digits/metrics.csv"))
    assert len(metrics) == 4
    by_run = metrics.set_index("run")
    reasons = by_run["degenerate"]
    assert pd.isna(reasons.iloc[0])
    assert reasons[K_EQUALS_N] == "needs fewer clusters than points, found 30 for 30 points"
    assert reasons[ONE_CLUSTER] == "needs at least 2 clusters, found 1"
    assert reasons[ALL_NOISE] == "every point is noise"
    for run in (K_EQUALS_N, ONE_CLUSTER, ALL_NOISE):
        row = by_run.loc[run]
        assert np.isnan(row["silhouette"]) and np.isnan(row["davies_bouldin"]), run
        assert isinstance(row["silhouette_undefined"], str), run
        assert 0 <= row["accuracy"] <= 1 and np.isfinite(row["ari"]), run
    # one point per cluster: each cluster names its digit, but one cluster per digit present
    # (at most ten) can be matched one to one
    assert by_run.loc[K_EQUALS_N, "inferred_accuracy"] == 1.0
    assert by_run.loc[K_EQUALS_N, "homogeneity"] == pytest.approx(1.0)
    assert by_run.loc[K_EQUALS_N, "accuracy"] * 30 in range(1, 11)
    assert by_run.loc[ALL_NOISE, "accuracy"] == 0.0


def test_degenerate_runs_have_their_section_and_reason_in_the_report(degenerate_study):
    page = degenerate_study.path("results/digits/report/index.html").read_text()
    assert page.count('<section class="run"') == 4
    assert page.count('<p class="degenerate">') == 3
    assert "Degenerate: every point is noise." in page
    assert "found 30 for 30 points" in page


def test_empty_clusters_are_counted_and_drawn(tmp_path):
    """Lloyd's k-means keeps a centre that lost every point, so its run has empty clusters."""
    rng = np.random.default_rng(0)
    ids = np.arange(40)
    pixels = Points(ids, rng.integers(0, 17, (40, 64)).astype(np.float32), ids % 4, metadata={})
    pixels.metadata["image_shape"] = [8, 8]
    write_points(pixels, tmp_path / "points.parquet")
    clusters = np.repeat([0, 1, 3], [14, 13, 13])  # of 5 centres, 2 and 4 hold no point
    write_parquet(
        pa.table({"id": ids, "cluster": pa.array(clusters, pa.int32())}),
        tmp_path / "labels.parquet",
    )
    centres = {"kept": rng.normal(size=(5, 64))}
    write_parquet(centre_table(centres), tmp_path / "centres.parquet", {"details": {}})
    paths = {name: str(tmp_path / png(name)) for name in IMAGE_RUN_FIGURES}
    image_run_figures(
        "lloyd/raw/k~5",
        str(tmp_path / "points.parquet"),
        str(tmp_path / "points.parquet"),
        str(tmp_path / "labels.parquet"),
        str(tmp_path / "centres.parquet"),
        paths,
    )
    run = {"name": "lloyd/raw/k~5", "method": "lloyd", "space": "raw", "params": {"k": 5}}
    evaluate_step(
        run,
        *[str(tmp_path / f"{name}.parquet") for name in ("points", "labels", "centres")],
        str(tmp_path / "points.parquet"),
        None,
        str(tmp_path / "metrics.parquet"),
    )
    row = pd.read_parquet(tmp_path / "metrics.parquet").iloc[0]
    assert row["degenerate"] == "2 of the 5 clusters are empty"
    assert row["n_clusters"] == 3
    assert np.isfinite(row["davies_bouldin"])
    assert all(Path(path).stat().st_size > 1000 for path in paths.values())
