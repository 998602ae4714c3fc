"""Every method through real `snakemake`, on the 8x8 digits and on the 3-D blobs."""

import copy

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import Workspace, small_study

pytestmark = pytest.mark.workflow

ONE_RUN_PER_METHOD = [
    {"method": "kmeans", "space": "pca"},
    {"method": "minibatch_kmeans", "space": "pca"},
    {"method": "lloyd", "space": "pca", "params": {"restarts": 3}},
    {"method": "gmm", "space": "pca", "grid": {"k": [8, 10]}},
    {"method": "agglomerative", "space": "pca", "grid": {"linkage": ["ward", "single"]}},
    {"method": "agglomerative", "space": "pca", "params": {"linkage": "complete"}},
    {"method": "dbscan", "space": "pca", "grid": {"eps": [0.05, 1.2, 50.0]}},
    {"method": "hdbscan", "space": "pca", "params": {"min_cluster_size": 20}},
]


def all_methods_study(dataset: str) -> dict:
    config = small_study(dataset)
    config["runs"] = ONE_RUN_PER_METHOD
    config["neighbours"] = {"space": "pca", "queries": [0, 5], "k": 4}
    return config


@pytest.fixture(scope="module")
def digits_all_methods(tmp_path_factory) -> Workspace:
    return Workspace.built(tmp_path_factory, "all-methods", all_methods_study("digits"))


def test_every_method_runs_and_is_scored(digits_all_methods):
    metrics = pd.read_csv(digits_all_methods.path("results/digits/metrics.csv"))
    assert set(metrics["method"]) == {
        "kmeans",
        "minibatch_kmeans",
        "lloyd",
        "gmm",
        "agglomerative",
        "dbscan",
        "hdbscan",
    }
    assert len(metrics) == 12
    ward = metrics[metrics["run"].str.contains("linkage~ward")].iloc[0]
    assert ward["accuracy"] > 0.7
    assert metrics.loc[metrics["method"] == "gmm", "fit_bic"].notna().all()
    page = digits_all_methods.path("results/digits/report/index.html").read_text()
    for figure in ("summary", "dbscan_grid", "agreement", "neighbours"):
        assert f'alt="{figure}"' in page
    assert page.count('alt="iterations of lloyd/') == 1
    assert page.count('alt="dendrogram of agglomerative/') == 3
    # four figures per run, Lloyd's iterations, three dendrograms and four study figures
    assert page.count("data:image/png;base64,") == 12 * 4 + 1 + 3 + 4


def test_degenerate_dbscan_runs_stay_in_the_table_with_a_reason(digits_all_methods):
    metrics = pd.read_csv(digits_all_methods.path("results/digits/metrics.csv"))
    dbscan = metrics[metrics["method"] == "dbscan"].set_index("param_eps")
    assert dbscan.loc[0.05, "noise_fraction"] == 1.0
    assert dbscan.loc[0.05, "silhouette_undefined"] == "every point is noise"
    assert dbscan.loc[50.0, "n_clusters"] == 1
    assert "needs at least 2 clusters" in dbscan.loc[50.0, "silhouette_undefined"]
    assert pd.isna(dbscan.loc[50.0, "silhouette"])


def test_lloyd_keeps_every_objective_curve(digits_all_methods):
    run = "results/digits/runs/lloyd/pca/k~10@restarts~3@max_iter~300/seed~0"
    trace = pq.read_table(digits_all_methods.path(f"{run}/trace.parquet")).to_pandas()
    assert sorted(trace["restart"].unique()) == [0, 1, 2]
    centres = pq.read_table(digits_all_methods.path(f"{run}/centres.parquet")).to_pandas()
    assert set(centres["solution"]) == {"kept", "worst restart"}


def test_hierarchical_runs_keep_their_linkage_matrix(digits_all_methods):
    run = "results/digits/runs/agglomerative/pca/linkage~ward@k~10@distance_threshold~none"
    linkage = pq.read_table(digits_all_methods.path(f"{run}/trace.parquet"))
    assert linkage.num_rows == 1796
    assert linkage.column_names == ["left", "right", "distance", "size"]


def test_nearest_neighbours_of_the_queries(digits_all_methods):
    table = pq.read_table(digits_all_methods.path("results/digits/neighbours/pca.parquet"))
    frame = table.to_pandas()
    assert frame.groupby("query").size().to_dict() == {0: 4, 5: 4}
    assert (frame["query"] != frame["neighbour"]).all()
    assert frame.groupby("query")["distance"].apply(lambda d: d.is_monotonic_increasing).all()


def test_adding_a_dbscan_grid_value_adds_only_its_jobs(digits_all_methods, tmp_path):
    config = all_methods_study("digits")
    config["runs"][6]["grid"]["eps"].append(2.0)
    planned = digits_all_methods.copy(tmp_path / "study", config).planned_jobs()
    assert planned["cluster"] == 1 and planned["evaluate"] == 1
    assert "pca" not in planned and "neighbours" not in planned


def test_every_method_runs_on_the_blobs(workspace_factory):
    config = all_methods_study("blobs")
    runs = [dict(run, space="raw") for run in copy.deepcopy(ONE_RUN_PER_METHOD)]
    for run in runs:
        run.setdefault("params", {})
        if run["method"] in ("kmeans", "minibatch_kmeans", "lloyd", "agglomerative"):
            run["params"]["k"] = 7
    runs[6]["grid"]["eps"] = [1.0]
    config["datasets"]["blobs"].update(n_samples=600, spaces=["raw"], runs=runs)
    config["neighbours"] = {"space": "raw", "queries": [0], "k": 3}
    workspace = workspace_factory(config)
    workspace.snakemake()
    metrics = pd.read_csv(workspace.path("results/blobs/metrics.csv"))
    assert len(metrics) == 10
    kmeans = metrics[metrics["method"] == "kmeans"].iloc[0]
    assert kmeans["ari"] > 0.8
