"""Every method through real `snakemake`, on the 8x8 digits and on the 3-D blobs."""

import copy
import math

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import Workspace, small_study

from digit_clustering.figures.catalogue import IMAGE_RUN_FIGURES
from digit_clustering.methods.registry import METHODS

pytestmark = pytest.mark.workflow

# The settings of the runs the tests below read; every other method of the registry runs once
# with its defaults.
PARTICULAR_RUNS = {
    "lloyd": [{"params": {"restarts": 3}}],
    "gmm": [{"grid": {"k": [8, 10]}}],
    "agglomerative": [
        {"grid": {"linkage": ["ward", "single"]}},
        {"params": {"linkage": "complete"}},
    ],
    "dbscan": [{"grid": {"eps": [0.05, 1.2, 50.0]}}],
    "hdbscan": [{"params": {"min_cluster_size": 20}}],
}
ONE_RUN_PER_METHOD = [
    {"method": method, "space": "pca", **copy.deepcopy(settings)}
    for method in METHODS
    for settings in PARTICULAR_RUNS.get(method, [{}])
]
STUDY_FIGURES = ("summary", "dbscan_grid", "agreement", "neighbours")


def runs_of(entries: list[dict]) -> dict[str, int]:
    """How many runs each method has once the entries' grids are expanded."""
    counts = {}
    for entry in entries:
        size = math.prod(len(values) for values in entry.get("grid", {}).values())
        counts[entry["method"]] = counts.get(entry["method"], 0) + size
    return counts


def entry_of(entries: list[dict], method: str) -> dict:
    return next(entry for entry in entries if entry["method"] == method)


def all_methods_study(dataset: str) -> dict:
    config = small_study(dataset)
    config["runs"] = copy.deepcopy(ONE_RUN_PER_METHOD)  # a test may change its own copy
    config["neighbours"] = {"space": "pca", "queries": [0, 5], "k": 4}
    return config


@pytest.fixture(scope="module")
def digits_all_methods(tmp_path_factory) -> Workspace:
    return Workspace.built(tmp_path_factory, "all-methods", all_methods_study("digits"))


def test_every_method_runs_and_is_scored(digits_all_methods):
    metrics = pd.read_csv(digits_all_methods.path("results/digits/metrics.csv"))
    runs = runs_of(ONE_RUN_PER_METHOD)
    assert metrics["method"].value_counts().to_dict() == runs
    assert set(runs) == set(METHODS)
    ward = metrics[metrics["run"].str.contains("linkage~ward")].iloc[0]
    assert ward["accuracy"] > 0.7
    assert metrics.loc[metrics["method"] == "gmm", "fit_bic"].notna().all()
    page = digits_all_methods.path("results/digits/report/index.html").read_text()
    for figure in STUDY_FIGURES:
        assert f'alt="{figure}"' in page
    assert page.count('alt="iterations of lloyd/') == runs["lloyd"] == 1
    assert page.count('alt="dendrogram of agglomerative/') == runs["agglomerative"] == 3
    # each run's figures, the figure of each course (Lloyd's iterations, the dendrograms) and
    # the study's figures
    courses = sum(n for method, n in runs.items() if METHODS[method].course_figure)
    expected = sum(runs.values()) * len(IMAGE_RUN_FIGURES) + courses + len(STUDY_FIGURES)
    assert page.count("data:image/png;base64,") == expected


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
    entry_of(config["runs"], "dbscan")["grid"]["eps"].append(2.0)
    planned = digits_all_methods.copy(tmp_path / "study", config).planned_jobs()
    assert planned["cluster"] == 1 and planned["evaluate"] == 1
    assert "pca" not in planned and "neighbours" not in planned


def test_every_method_runs_on_the_blobs(workspace_factory):
    config = all_methods_study("blobs")
    runs = [dict(run, space="raw") for run in copy.deepcopy(ONE_RUN_PER_METHOD)]
    for run in runs:
        run.setdefault("params", {})
        if "k" in METHODS[run["method"]].parameters and "k" not in run.get("grid", {}):
            run["params"]["k"] = 7  # the blobs' centres
    entry_of(runs, "dbscan")["grid"]["eps"] = [1.0]
    config["datasets"]["blobs"].update(n_samples=600, spaces=["raw"], runs=runs)
    config["neighbours"] = {"space": "raw", "queries": [0], "k": 3}
    workspace = workspace_factory(config)
    workspace.snakemake()
    metrics = pd.read_csv(workspace.path("results/blobs/metrics.csv"))
    assert metrics["method"].value_counts().to_dict() == runs_of(runs)
    kmeans = metrics[metrics["method"] == "kmeans"].iloc[0]
    assert kmeans["ari"] > 0.8
