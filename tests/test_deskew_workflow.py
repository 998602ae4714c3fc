"""Deskewed and plain pixels through the workflow: both built side by side from one download,
each run on its own, the figures saying which images they show."""

import numpy as np
import pandas as pd
import pytest
from conftest import small_study

from digit_clustering.prepare.deskew import deskew
from digit_clustering.prepare.scaling import scale
from digit_clustering.tables import read_parquet, read_points

pytestmark = pytest.mark.workflow

DESKEWED = "results/mnist/scaled/deskew~true@scale~max.parquet"
PLAIN = "results/mnist/scaled/max.parquet"
RUN = "kmeans/{space}/k~10@init~k-means++@n_init~2@max_iter~100/seed~0"


def test_deskewed_and_plain_spaces_are_built_side_by_side(
    workspace_factory, fake_mnist_directory, serve_directory
):
    directory, checksums = fake_mnist_directory
    config = small_study("mnist")
    config["datasets"]["mnist"].update(md5=checksums, md5_of="payload")
    config["datasets"]["mnist"]["mirrors"] = [serve_directory(directory)]
    config["spaces"]["raw_plain"] = {"kind": "raw", "deskew": False}
    config["datasets"]["mnist"]["spaces"] = ["raw", "raw_plain"]
    config["runs"] = [{"method": "kmeans", "space": space} for space in ("raw", "raw_plain")]
    config["evaluation"]["heldout"] = False
    workspace = workspace_factory(config)
    finished = workspace.snakemake()
    assert "The report: results/mnist/report/index.html" in finished.stdout + finished.stderr

    decoded = read_points(workspace.path("results/mnist/data.parquet"))
    deskewed, plain = (read_points(workspace.path(path)) for path in (DESKEWED, PLAIN))
    np.testing.assert_array_equal(deskewed.x, scale(deskew(decoded), "max").x)
    np.testing.assert_array_equal(plain.x, scale(decoded, "max").x)
    assert deskewed.metadata["deskewed"] == "moments" and "deskewed" not in plain.metadata
    np.testing.assert_array_equal(deskewed.ids, decoded.ids)
    np.testing.assert_array_equal(deskewed.labels, decoded.labels)

    metrics = pd.read_csv(workspace.path("results/mnist/metrics.csv")).set_index("run")
    runs = [RUN.format(space=space) for space in ("raw", "raw_plain")]
    assert sorted(metrics.index) == sorted(runs)
    # the same images, so one agreement matrix spans both runs
    agreement = read_parquet(workspace.path("results/mnist/agreement/all.parquet")).to_pandas()
    assert set(agreement["run"]) == set(agreement["other"]) == set(runs)

    # Plain pixels no longer wanted: nothing to rebuild for the deskewed run
    config["datasets"]["mnist"]["spaces"] = ["raw"]
    config["runs"] = config["runs"][:1]
    workspace.write_config()
    planned = workspace.planned_jobs()
    assert "scale" not in planned and "cluster" not in planned
