"""The UMAP feature space through real `snakemake`, on the 8x8 digits."""

import pandas as pd
import pytest
from conftest import Workspace, small_study

from digit_clustering.tables import read_metadata, read_points

pytestmark = pytest.mark.workflow


def umap_study(**umap_settings) -> dict:
    config = small_study("digits")
    config["spaces"]["umap"] = {"kind": "umap", "input": "pca", "n_components": 5, **umap_settings}
    config["datasets"]["digits"]["spaces"] = ["raw", "pca", "umap"]
    config["runs"] = [
        {"method": "gmm", "space": "umap", "params": {"n_init": 5}},
        {"method": "lloyd", "space": "umap", "params": {"restarts": 3}},
    ]
    config["headline"] = {"space": "umap", "view": None}
    return config


@pytest.fixture(scope="module")
def umap_workspace(tmp_path_factory) -> Workspace:
    return Workspace.built(tmp_path_factory, "umap", umap_study())


def embedding_path(workspace: Workspace) -> str:
    return next(workspace.path("results/digits/features").rglob("umap~*/points.parquet"))


def test_methods_cluster_the_embedding_of_the_pca_space(umap_workspace):
    path = embedding_path(umap_workspace)
    assert path.parent.parent.name.startswith("pca~8@")
    embedded = read_points(path)
    assert embedded.x.shape == (1797, 5)
    assert embedded.metadata["reproducible"] is True
    assert read_metadata(path)["provenance"]["rule"] == "umap"
    metrics = pd.read_csv(umap_workspace.path("results/digits/metrics.csv")).set_index("method")
    # The layout of 1,797 points moves with the CPU numba compiles for: 0.794 on one with
    # AVX-512, above 0.8 on CI's; far above chance (0.1) either way.
    assert metrics.loc["gmm", "accuracy"] > 0.75, metrics["accuracy"]
    page = umap_workspace.path("results/digits/report/index.html").read_text()
    assert page.count('<section class="run"') == 2


def test_the_report_opens_with_the_most_accurate_run_of_the_headline_space(umap_workspace):
    metrics = pd.read_csv(umap_workspace.path("results/digits/metrics.csv"))
    best = metrics.loc[metrics["accuracy"].idxmax()]
    pairs_path = umap_workspace.path("results/digits/headline/pairs.parquet")
    assert read_metadata(pairs_path)["run"] == best["run"]
    pairs = pd.read_parquet(pairs_path)
    assert len(pairs) == 3 and pairs["mistakes"].is_monotonic_decreasing
    page = umap_workspace.path("results/digits/report/index.html").read_text()
    headline = page.index('<h2 id="headline">')
    assert headline < page.index('<h2 id="overview">')
    lead = page[headline : page.index("</p>", headline)]
    assert f"accuracy <b>{best['accuracy']:.4g}</b>" in lead and "PCA-8 → UMAP-5 → " in lead
    first = pairs.iloc[0]
    assert f"{first['first']} and {first['second']} ({first['mistakes']:,} images)" in page
    assert page.count("data:image/png;base64,", headline, page.index('<h2 id="overview">')) == 3


def test_held_out_runs_of_a_umap_space_use_a_second_embedding_fitted_on_train(
    workspace_factory,
):
    config = umap_study()
    config["dataset"] = "mnist"
    config["datasets"]["mnist"].update(spaces=["raw", "pca", "umap"], extra_runs=[])
    planned = workspace_factory(config).planned_jobs()
    assert planned["umap"] == 1 and planned["umap_heldout"] == 1
    assert planned["heldout"] == 2  # the gmm and lloyd runs
    config["spaces"]["umap"]["heldout"] = "all"
    planned = workspace_factory(config, name="all").planned_jobs()
    assert "umap_heldout" not in planned and planned["heldout"] == 2
