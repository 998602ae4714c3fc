"""Real `snakemake` runs on small data: the whole spine, its caching, and its failures."""

import copy
import filecmp
import json
import re

import browser
import pandas as pd
import PIL.Image
import pytest
import yaml
from conftest import (
    REPOSITORY,
    Workspace,
    assert_same_results,
    executed_rules,
    method_overrides,
    small_study,
)
from snakemake.utils import update_config

from digit_clustering.figures.catalogue import IMAGE_RUN_FIGURES, png
from digit_clustering.jobs.provenance import library_versions
from digit_clustering.study.config_text import config_digest
from digit_clustering.study.study import Study
from digit_clustering.tables import read_metadata

# Each test names its tier: the two that open pages in Chromium are system tests only.

# What one new or changed run costs: its own jobs, the silhouette of its space, and what
# gathers every run.
ONE_RUN_JOBS = {
    "cluster": 1,
    "evaluate": 1,
    "run_figures": 1,
    "silhouette": 1,
    "aggregate": 1,
    "agreement": 1,
    "agreement_figure": 1,
    "report": 1,
    "all": 1,
}
EXPECTED_COLUMNS = {"run", "method", "space", "param_k", "silhouette", "sse", "ari", "nmi"}


@pytest.fixture(scope="module")
def digits_study(tmp_path_factory) -> Workspace:
    """The digits study built once; tests below change it only through dry runs."""
    return Workspace.built(tmp_path_factory, "digits", small_study("digits"))


@pytest.mark.workflow
def test_digits_study_builds_the_report_and_every_metric(digits_study):
    metrics = pd.read_csv(digits_study.path("results/digits/metrics.csv"))
    assert len(metrics) == 3
    assert EXPECTED_COLUMNS | {"accuracy", "inferred_accuracy"} <= set(metrics.columns)
    assert metrics["accuracy"].between(0.4, 1).all(), metrics["accuracy"]
    assert metrics.loc[metrics["param_k"] == 10, "accuracy"].min() > 0.6
    assert metrics["silhouette"].between(0, 1).all()
    assert (metrics["n_points"] == 1797).all()
    page = digits_study.path("results/digits/report/index.html").read_text()
    # every image run figure of each run; the summary and the agreement
    assert page.count("data:image/png;base64,") == 3 * len(IMAGE_RUN_FIGURES) + 2
    assert "kmeans/pca/k~10@init~k-means++@n_init~2@max_iter~100/seed~0" in page
    assert page.count('<section class="run"') == 3
    assert "Best run per metric" in page and 'class="sortable"' in page
    assert "Made with snakemake " in page and "scikit-learn " in page


@pytest.mark.workflow
def test_second_run_with_nothing_changed_runs_nothing(digits_study):
    assert digits_study.planned_jobs() == {}


@pytest.mark.workflow
def test_changing_a_kmeans_setting_reruns_only_that_run_and_what_gathers_it(digits_study, tmp_path):
    config = copy.deepcopy(digits_study.config)
    config["runs"][1]["params"] = {"init": "random"}
    planned = digits_study.copy(tmp_path / "study", config).planned_jobs()
    assert planned == ONE_RUN_JOBS


@pytest.mark.workflow
def test_changing_pca_components_reruns_that_space_only(digits_study, tmp_path):
    config = copy.deepcopy(digits_study.config)
    config["spaces"]["pca"]["n_components"] = 6
    planned = digits_study.copy(tmp_path / "study", config).planned_jobs()
    assert planned["pca"] == 1
    assert planned["cluster"] == 2  # the two runs in the PCA space, not the raw one
    assert planned["silhouette"] == 1
    assert not {"decode", "scale"} & set(planned)


@pytest.mark.workflow
def test_adding_a_run_adds_only_its_jobs(digits_study, tmp_path):
    config = copy.deepcopy(digits_study.config)
    config["runs"][0]["grid"]["k"].append(12)
    planned = digits_study.copy(tmp_path / "study", config).planned_jobs()
    assert planned == ONE_RUN_JOBS


@pytest.mark.workflow
def test_deleting_an_intermediate_rebuilds_it_and_its_dependents(digits_study, tmp_path):
    study = digits_study.copy(tmp_path / "study")
    study.path("results/digits/scaled/max.parquet").unlink()
    planned = study.planned_jobs()
    assert planned["scale"] == 1 and planned["pca"] == 1 and planned["cluster"] == 3
    assert planned["report"] == 1 and "decode" not in planned


@pytest.mark.workflow
def test_a_changed_setting_really_reruns_only_its_jobs(digits_study, tmp_path):
    config = copy.deepcopy(digits_study.config)
    config["runs"][0]["grid"]["k"] = [5, 10, 7]
    study = digits_study.copy(tmp_path / "study", config)
    data = study.path("results/digits/data.parquet")
    before = data.stat().st_mtime_ns
    result = study.snakemake()
    assert "cluster" in result.stderr
    assert data.stat().st_mtime_ns == before
    executed = executed_rules(result.stderr)
    assert sorted(executed) == sorted(ONE_RUN_JOBS)
    assert len(pd.read_csv(study.path("results/digits/metrics.csv"))) == 4


@pytest.mark.workflow
@pytest.mark.parametrize(
    "change",
    [{"evaluation": {"seed": 7}}, {"max_job_memory_mb": 12000}],
    ids=["seed-of-an-exact-silhouette", "job-memory-ceiling"],
)
def test_a_setting_no_computing_job_uses_replans_only_the_page(digits_study, tmp_path, change):
    config = copy.deepcopy(digits_study.config)
    update_config(config, change)
    planned = digits_study.copy(tmp_path / "study", config).planned_jobs()
    assert planned == {"report": 1, "all": 1}


@pytest.mark.workflow
def test_rebuilding_on_one_core_or_two_gives_byte_identical_outputs(workspace_factory):
    # k-means and mini-batch k-means sum per-thread partial centres: with the thread count
    # left to `--cores`, their centres differed in the last bits.
    config = small_study("digits")
    config["runs"] = [
        {"method": "kmeans", "space": "pca", "params": {"k": 10}},
        {"method": "minibatch_kmeans", "space": "pca"},
        {"method": "gmm", "space": "raw", "params": {"k": 10}},
    ]
    first, second = workspace_factory(config, "first"), workspace_factory(config, "second")
    first.snakemake(cores=1)
    second.snakemake(cores=2)
    assert_same_results(first, second)


@pytest.mark.workflow
def test_every_table_and_figure_records_what_made_it(digits_study):
    outputs = list(digits_study.path("results").rglob("*.parquet"))
    for path in outputs:
        made_by = read_metadata(path)["provenance"]
        assert made_by["libraries"] == library_versions(), path
        assert re.fullmatch(r"[0-9a-f]{16}", made_by["settings_digest"]), path
    rules = {read_metadata(path)["provenance"]["rule"] for path in outputs}
    assert {"decode", "scale", "pca", "cluster", "evaluate", "aggregate"} <= rules
    figure = next(digits_study.path("results/digits/runs").rglob("confusion.png"))
    made_by = json.loads(PIL.Image.open(figure).text["Provenance"])
    assert made_by["rule"] == "run_figures"
    page = digits_study.path("results/digits/report/index.html").read_text()
    read = copy.deepcopy(digits_study.config)  # as the workflow reads it: defaults filled in
    Study(read, yaml.safe_load((REPOSITORY / "schemas/config.schema.yaml").read_text()))
    assert f"Config digest <code>{config_digest(read)}</code>" in page


@pytest.mark.system
def test_blobs_study_draws_3d_views_that_turn_in_a_browser(workspace_factory, tmp_path):
    study = yaml.safe_load((REPOSITORY / "studies/blobs.yaml").read_text())
    config = small_study(study["dataset"])
    update_config(config, study)
    config["datasets"]["blobs"].update(n_samples=700, spaces=["raw"])
    workspace = workspace_factory(config)
    workspace.snakemake()
    metrics = pd.read_csv(workspace.path("results/blobs/metrics.csv"))
    assert set(metrics["method"]) == {"kmeans", "gmm", "agglomerative", "dbscan"}
    assert (metrics["n_points"] == 700).all()
    assert metrics.loc[metrics["method"] == "kmeans", "n_clusters"].tolist() == [7, 7]
    links = []
    report_path = workspace.path("results/blobs/report/index.html")
    report = browser.visit(
        report_path,
        tmp_path / "r.png",
        lambda page: links.extend(
            page.eval_on_selector_all(
                'a[href$="scatter.html"]', "as => as.map(a => a.getAttribute('href'))"
            )
        ),
    )
    assert report.failed_requests == [] and report.broken_images == []
    assert len(links) == len(metrics)  # every run's 3-D view, linked from the report
    single = next(report_path.parent / link for link in links if "/agglomerative/" in link)
    assert single.is_file()
    seen = {}

    def turn(page):
        page.wait_for_function(
            "() => window.Plotly && document.querySelector('.js-plotly-plot canvas')"
        )
        browser.settle(page)
        scene = page.locator(".js-plotly-plot canvas").first
        camera = (
            "JSON.stringify(document.querySelector('.js-plotly-plot')._fullLayout.scene.camera)"
        )
        seen["before"], eye = browser.snapshot(scene), page.evaluate(camera)
        box = scene.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + 120, y + 40, steps=10)
        page.mouse.up()
        page.mouse.move(1, 1)  # off the plot: no hover label in the picture
        browser.settle(page)
        seen["after"], seen["turned"] = browser.snapshot(scene), page.evaluate(camera) != eye

    view = browser.visit(single, tmp_path / "view.png", turn)
    assert view.script_errors == [] and view.failed_requests == [] and view.network_requests == []
    # plotly, from the one copy beside the runs
    assert [url for url in view.requests if url.endswith(".js")] == [
        workspace.path("results/blobs/plotly.min.js").resolve().as_uri()
    ]
    assert browser.coloured_pixels(seen["before"]) > 700  # the points, in their clusters' colours
    assert seen["turned"] and seen["after"] != seen["before"]


@pytest.mark.workflow
def test_mnist_is_downloaded_from_a_loopback_mirror_after_a_dead_one(
    workspace_factory, fake_mnist_directory, serve_directory, tmp_path
):
    directory, checksums = fake_mnist_directory
    empty = tmp_path / "empty"
    empty.mkdir()
    config = small_study("mnist")
    config["datasets"]["mnist"].update(md5=checksums, md5_of="payload", timeout=5)
    config["datasets"]["mnist"]["mirrors"] = [serve_directory(empty), serve_directory(directory)]
    workspace = workspace_factory(config)
    workspace.snakemake()
    for name in checksums:
        assert filecmp.cmp(
            workspace.path(f"resources/mnist/{name}"), directory / name, shallow=False
        )
    metrics = pd.read_csv(workspace.path("results/mnist/metrics.csv"))
    assert (metrics["n_points"] == 500).all()
    assert metrics["accuracy"].max() > 0.9  # ten well-separated prototypes
    log = workspace.path("logs/mnist/download/train-images-idx3-ubyte.log").read_text()
    assert "HTTP 404" in log
    run = "results/mnist/runs/kmeans/pca/k~10@init~k-means++@n_init~2@max_iter~100/seed~0"
    heldout = pd.read_parquet(workspace.path(f"{run}/heldout.parquet"))
    test = heldout[heldout["split"] == "test"]
    assert test["id"].tolist() == list(range(400, 500))  # assigned by the fit on train
    assert (heldout["split"] == "train").sum() == 400
    assert heldout["cluster"].between(0, 9).all()
    scored = metrics.set_index("run").loc[run.removeprefix("results/mnist/runs/")]
    assert scored["heldout_accuracy"] > 0.9
    assert scored["sse_pixels"] > 0


@pytest.mark.workflow
def test_every_mirror_failing_stops_with_the_sources_and_leaves_nothing(
    workspace_factory, serve_directory, tmp_path
):
    empty = tmp_path / "empty"
    empty.mkdir()
    config = small_study("mnist")
    config["datasets"]["mnist"]["mirrors"] = [serve_directory(empty), str(empty)]
    workspace = workspace_factory(config)
    result = workspace.snakemake(check=False)
    assert result.returncode != 0
    # The first download to fail stops the rest, and which runs first is the scheduler's choice.
    logs = list(workspace.path("logs/mnist/download").glob("*.log"))
    assert logs
    for path in logs:
        log = path.read_text()
        assert f"could not fetch {path.stem}.gz from any of 2 mirrors" in log
        assert "HTTP 404" in log and "no such file" in log and "mnist_mirror" in log
    leftovers = (
        list(workspace.path("resources").rglob("*")) if workspace.path("resources").exists() else []
    )
    assert [p for p in leftovers if p.is_file()] == []


@pytest.mark.workflow
def test_an_invalid_config_fails_before_any_job(workspace_factory):
    config = small_study("digits")
    method_overrides(config, "kmeans")["k"] = 1
    workspace = workspace_factory(config)
    result = workspace.snakemake(check=False)
    assert result.returncode != 0
    assert "methods.kmeans.k" in result.stderr and "minimum of 2" in result.stderr
    assert not workspace.path("results").exists()


@pytest.mark.workflow
def test_complete_linkage_on_too_many_points_is_refused_before_any_job(workspace_factory):
    config = small_study("digits", max_job_memory_mb=2010)
    config["runs"] = [
        {"method": "agglomerative", "space": "pca", "params": {"linkage": "complete"}}
    ]
    workspace = workspace_factory(config)
    result = workspace.snakemake(check=False)
    assert result.returncode != 0
    assert "complete linkage needs the condensed distance matrix" in result.stderr
    assert "at most 1201 points" in result.stderr
    assert not workspace.path("results").exists()


@pytest.mark.workflow
def test_real_mnist_from_a_loopback_mirror(workspace_factory, serve_directory, real_mnist):
    config = small_study("mnist", mnist_mirror=serve_directory(real_mnist))
    config["subsample"] = {"size": 3000, "seed": 0, "stratify": True}
    config["spaces"]["pca"]["n_components"] = 30
    config["runs"] = [{"method": "kmeans", "space": "pca"}]
    workspace = workspace_factory(config)
    workspace.snakemake()
    data = pd.read_parquet(
        workspace.path("results/mnist/data.parquet"), columns=["id", "split", "label"]
    )
    assert len(data) == 70_000 and (data["split"] == "train").sum() == 60_000
    metrics = pd.read_csv(workspace.path("results/mnist/metrics.csv"))
    assert metrics.loc[0, "n_points"] == 3000
    assert 0.4 < metrics.loc[0, "accuracy"] < 0.8


@pytest.mark.workflow
def test_snakemake_report_collects_the_figures_and_table(digits_study, tmp_path):
    study = digits_study.copy(tmp_path / "study")  # the report is written into the study
    study.snakemake("--report", "report.html")
    page = study.path("report.html").read_text(errors="replace")
    assert "metrics.csv" in page
    for figure in [*map(png, IMAGE_RUN_FIGURES), "all.png"]:
        assert figure in page, figure
    assert "Cluster galleries" in page and "Agreement between runs" in page


@pytest.mark.system
def test_the_report_opens_from_disk_in_a_real_browser(digits_study, tmp_path):
    page = digits_study.path("results/digits/report/index.html")

    def sort_by_accuracy(browser_page):
        browser_page.click("table.sortable th:has-text('accuracy')")
        values = browser_page.eval_on_selector_all(
            "table.sortable tbody tr td:nth-child(4)", "cells => cells.map(c => c.dataset.value)"
        )
        assert [float(v) for v in values] == sorted((float(v) for v in values), reverse=True)

    seen = browser.visit(page, tmp_path / "report.png", sort_by_accuracy)
    assert seen.failed_requests == [] and seen.script_errors == []
    runs = len(pd.read_csv(digits_study.path("results/digits/metrics.csv")))
    assert seen.images == page.read_text().count("<img ") >= runs * len(IMAGE_RUN_FIGURES) + 2
    assert seen.broken_images == []
    assert (tmp_path / "report.png").stat().st_size > 100_000
