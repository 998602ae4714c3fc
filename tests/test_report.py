"""The report page: timings from benchmarks, figures by run, the build date, and the page its
templates render."""

import re

import pandas as pd
import PIL.Image
import pytest
from conftest import MEASURED

from digit_clustering.figures.captions import caption_html
from digit_clustering.jobs.provenance import library_versions
from digit_clustering.report.headline import Headline
from digit_clustering.report.html import anchor, number
from digit_clustering.report.page import Provenance, best_runs, render
from digit_clustering.report.step import build_time, fit_times, total_time

pytestmark = pytest.mark.unit


def write_benchmark(path, seconds: float):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"s\th:m:s\tmax_rss\n{seconds}\t0:00:01\t100\n")


def test_timings_read_the_benchmarks_the_study_names_and_only_those(tmp_path):
    run = "kmeans/pca/k~10/seed~0"
    fit = tmp_path / f"runs/{run}/cluster.tsv"
    named = [tmp_path / "scale/max.tsv", fit, tmp_path / f"runs/{run}/evaluate.tsv"]
    for path, seconds in zip(named, (2.0, 5.0, 1.0), strict=True):
        write_benchmark(path, seconds)
    write_benchmark(tmp_path / "runs/kmeans/pca/k~99/seed~0/cluster.tsv", 100.0)  # no longer run
    not_yet_run = tmp_path / "runs/gmm/pca/k~10/seed~0/cluster.tsv"
    fit_benchmarks = {run: str(fit), "gmm/pca/k~10/seed~0": str(not_yet_run)}
    assert fit_times(fit_benchmarks) == {run: 5.0}
    assert total_time([*map(str, named), str(not_yet_run)]) == (8.0, 3)


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
    assert best_runs(metrics) == [  # held-out accuracy has no value, so no row
        {"metric": "accuracy", "value": 0.7, "run": "b/x/k~2"},
        {"metric": "Davies-B.", "value": 1.0, "run": "a/x/k~1"},
    ]


@pytest.mark.parametrize(
    ("value", "text"), [(3, "3"), (70000, "70,000"), (0.123456, "0.1235"), (float("nan"), "–")]
)
def test_numbers_read_well(value, text):
    assert number(value) == text


def test_library_versions_name_every_library_that_shapes_results():
    versions = library_versions()
    assert versions["numpy"].split(".")[0].isdigit()
    assert set(versions) >= {"snakemake", "scikit-learn", "pyarrow", "fastcluster", "hdbscan"}


HOSTILE = "kmeans/raw/k~2@note~<script>alert(1)</script>"
PLAIN = "gmm/raw/k~2/seed~0"
OTHER = "gmm/raw/k~2/seed~1"


def one_pixel(path):
    PIL.Image.new("RGB", (1, 1)).save(path)
    return path


def small_page(tmp_path, built: str, seconds: float) -> str:
    """A page of three runs (one named with markup, one degenerate) and every kind of figure."""
    png = one_pixel(tmp_path / "figure.png")
    metrics = pd.DataFrame(
        {
            "run": [HOSTILE, PLAIN, OTHER],
            "method": ["kmeans", "gmm", "gmm"],
            "space": ["raw"] * 3,
            "n_points": [4] * 3,
            "n_clusters": [2, 2, 1],
            "accuracy": [0.5, 1.0, 0.75],
            "ari": [0.0, 1.0, float("nan")],
            "nmi": [0.1, 1.0, float("nan")],
            "degenerate": [None, None, "one cluster <b>"],
        }
    )
    names = {HOSTILE: "kmeans <script>alert(2)</script>", PLAIN: "gmm 0", OTHER: "gmm 1"}
    run_figures = {run: {"centroids": png, "confusion": png} for run in names}
    run_pages = {PLAIN: "../runs/gmm/raw/scatter.html"}
    choices = pd.DataFrame(
        [
            {
                "setting": "gmm / raw / k = 2",
                "runs": 2,
                "criterion": "highest likelihood",
                "kept": OTHER,
                "kept_accuracy": 0.75,
                "best": PLAIN,
                "best_accuracy": 1.0,
                "near_best": 1,
            }
        ]
    )
    headline = Headline(
        PLAIN,
        "raw",
        "pixels",
        pd.DataFrame({"first": [4], "second": [9], "mistakes": [3]}),
        {kind: png for kind in ("confusion", "embedding", "confused")},
    )
    output = tmp_path / "report" / "index.html"
    output.parent.mkdir(exist_ok=True)
    render(
        metrics,
        names,
        run_figures,
        run_pages,
        [("summary", png), ("agreement", png)],
        pd.DataFrame(),
        choices,
        headline,
        {run: seconds for run in names},
        {"name": "digits <i>", "n_points": 1797, "n_features": 64},
        Provenance(built, "abc123", "dataset: digits # <&>", seconds * 3, 7, {"numpy": "2.0"}),
        "../metrics.csv",
        output,
    )
    return output.read_text(encoding="utf-8")


def test_the_page_escapes_every_value_it_shows(tmp_path):
    page = small_page(tmp_path, "2024-01-01 00:00 UTC", 5.0)
    assert page.count("<script>") == 1  # the table's sorting script, and no run name
    assert "kmeans &lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "@note~&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'title="gmm/raw/k~2/seed~1 (degenerate: one cluster &lt;b&gt;)"' in page
    assert '<p class="degenerate">Degenerate: one cluster &lt;b&gt;.' in page
    assert "<title>Clustering digits &lt;i&gt;</title>" in page
    assert "<pre>dataset: digits # &lt;&amp;&gt;</pre>" in page


def test_every_caption_on_the_page_is_the_registrys(tmp_path):
    page = small_page(tmp_path, "2024-01-01 00:00 UTC", 5.0)
    expected = [caption_html(kind, PLAIN) for kind in ("confusion", "embedding", "confused")]
    expected += [caption_html("summary"), caption_html("agreement")]
    for run in (HOSTILE, PLAIN, OTHER):  # each method's runs, the most accurate first
        expected += [caption_html("centroids", run), caption_html("confusion", run)]
    assert re.findall(r"<figcaption>(.*?)</figcaption>", page, re.DOTALL) == expected
    assert page.count("data:image/png;base64,") == len(expected)


def test_the_page_shows_its_sections_tables_and_links(tmp_path):
    page = small_page(tmp_path, "2024-01-01 00:00 UTC", 5.0)
    for section in ("headline", "overview", "stability", "label-free", "metrics", "config"):
        assert f'id="{section}"' in page, section
    assert f'<section class="run" id="{anchor(PLAIN)}">' in page
    assert '<table class="sortable">' in page
    assert '<td data-value="1.0">1</td>' in page and '<td data-value="">–</td>' in page
    assert ' · <a href="../runs/gmm/raw/scatter.html">turn it in 3-D</a>' in page
    assert page.count("turn it in 3-D") == 1
    assert f'<td>accuracy</td><td>1</td><td><a href="#{anchor(PLAIN)}">gmm 0</a>' in page
    assert "The digits it confuses most: 4 and 9 (3 images).</p>" in page
    assert f'would keep <a href="#{anchor(OTHER)}">gmm 1</a> instead, accuracy 0.75.' in page
    assert (
        "1 of the 2 came within 0.01 of the best\naccuracy: on another machine the choice" in page
    )
    assert "<td>1 of 2</td>" in page
    assert "No setting was run with more than one seed." in page
    assert "Made with numpy 2.0.</small>" in page


def test_measured_values_are_marked_and_are_all_that_differs_between_builds(tmp_path):
    first = small_page(tmp_path, "2024-01-01 00:00 UTC", 5.0)
    measured = re.findall(r'class="measured"[^>]*>([^<]*)<', first)
    assert measured == ["2024-01-01 00:00 UTC", "0.2 min", "7"] + ["5.0"] * 3 + ["5.0 s"] * 3
    second = small_page(tmp_path, "2025-06-30 12:00 UTC", 61.25)
    assert first != second
    assert MEASURED.sub("", first) == MEASURED.sub("", second)
