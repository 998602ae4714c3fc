"""The report page's pieces: timings from benchmarks, figures by run, the build date."""

import pandas as pd
import pytest

from digit_clustering.jobs.provenance import library_versions
from digit_clustering.report.html import anchor, number
from digit_clustering.report.page import best_runs
from digit_clustering.report.step import build_time, figures_by_run, timings


def write_benchmark(path, seconds: float):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"s\th:m:s\tmax_rss\n{seconds}\t0:00:01\t100\n")


def test_timings_read_each_jobs_benchmark_and_skip_runs_no_longer_configured(tmp_path):
    write_benchmark(tmp_path / "scale/max.tsv", 2.0)
    write_benchmark(tmp_path / "runs/kmeans/pca/k~10/seed~0/cluster.tsv", 5.0)
    write_benchmark(tmp_path / "runs/kmeans/pca/k~10/seed~0/evaluate.tsv", 1.0)
    write_benchmark(tmp_path / "runs/kmeans/pca/k~99/seed~0/cluster.tsv", 100.0)
    fit_seconds, total, jobs = timings(["kmeans/pca/k~10/seed~0"], tmp_path)
    assert fit_seconds == {"kmeans/pca/k~10/seed~0": 5.0}
    assert total == 8.0 and jobs == 3


def test_figures_are_grouped_by_run_and_pages_linked_relative_to_the_report(tmp_path):
    runs = ["kmeans/raw/k~1", "kmeans/raw/k~10"]
    root = tmp_path / "results/blobs"
    paths = [
        str(root / "runs/kmeans/raw/k~10/scatter.png"),
        str(root / "runs/kmeans/raw/k~1/scatter.png"),
        str(root / "runs/kmeans/raw/k~1/scatter.html"),
    ]
    grouped = figures_by_run(runs, paths, root / "report")
    assert set(grouped["kmeans/raw/k~10"]) == {"scatter.png"}
    assert grouped["kmeans/raw/k~1"]["scatter.html"] == "../runs/kmeans/raw/k~1/scatter.html"


def test_build_time_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert build_time() == "1970-01-01 00:00 UTC"


def test_best_runs_take_the_lowest_davies_bouldin_and_the_highest_of_the_rest():
    metrics = pd.DataFrame(
        {
            "run": ["a/x/k~1", "b/x/k~2"],
            "accuracy": [0.5, 0.7],
            "davies_bouldin": [1.0, 2.0],
            "heldout_accuracy": [float("nan")] * 2,
        }
    )
    table = best_runs(metrics, {"a/x/k~1": "a", "b/x/k~2": "b"})
    assert f'<td>accuracy</td><td>0.7</td><td><a href="#{anchor("b/x/k~2")}">b</a>' in table
    assert f'<td>Davies-B.</td><td>1</td><td><a href="#{anchor("a/x/k~1")}">a</a>' in table
    assert "held-out" not in table  # no value, no row


@pytest.mark.parametrize(
    ("value", "text"), [(3, "3"), (70000, "70,000"), (0.123456, "0.1235"), (float("nan"), "–")]
)
def test_numbers_read_well(value, text):
    assert number(value) == text


def test_library_versions_name_every_library_that_shapes_results():
    versions = library_versions()
    assert versions["numpy"].split(".")[0].isdigit()
    assert set(versions) >= {"snakemake", "scikit-learn", "pyarrow", "fastcluster", "hdbscan"}
