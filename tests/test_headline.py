"""The run the report opens with: which run, what it mistakes, and how that is drawn."""

import copy

import numpy as np
import pandas as pd
import PIL.Image
import pytest
import yaml
from conftest import REPOSITORY, load_default_config

from digit_clustering.headline.choice import (
    UNMATCHED,
    confused_pairs,
    matched_digits,
    most_accurate_run,
)
from digit_clustering.headline.figures import confused_pairs_figure, embedding_figure
from digit_clustering.headline.step import two_d_view
from digit_clustering.report.headline import Headline, headline_view
from digit_clustering.study.spaces import describe
from digit_clustering.study.study import Study
from digit_clustering.study.targets import targets
from digit_clustering.tables import Points, write_points

pytestmark = pytest.mark.unit

SCHEMA = yaml.safe_load((REPOSITORY / "schemas" / "config.schema.yaml").read_text())


def study(config: dict) -> Study:
    return Study(config, copy.deepcopy(SCHEMA))


def test_the_most_accurate_run_of_the_space_leads_even_if_another_space_does_better():
    metrics = pd.DataFrame(
        {
            "run": ["a", "b", "c", "d"],
            "space": ["umap", "umap", "pca", "umap"],
            "accuracy": [0.90, 0.97, 0.99, 0.97],
        }
    )
    assert most_accurate_run(metrics, "umap") == "b"  # the first of equals
    with pytest.raises(ValueError, match="no run in space 'raw'"):
        most_accurate_run(metrics, "raw")


def test_clusters_are_matched_one_to_one_and_the_rest_get_no_digit():
    truth = np.array([0, 0, 0, 1, 1, 1, 2, 2, 2, 2])
    clusters = np.array([5, 5, 5, 3, 3, 7, 4, 4, 4, -1])
    predicted = matched_digits(truth, clusters)
    # cluster 7 (one 1) loses digit 1 to cluster 3; noise gets no digit
    assert predicted.tolist() == [0, 0, 0, 1, 1, UNMATCHED, 2, 2, 2, UNMATCHED]


def test_confusions_are_counted_both_ways_most_first_and_never_confused_pairs_left_out():
    truth = np.array([4] * 10 + [9] * 10 + [3] * 10 + [5] * 10 + [1] * 5)
    predicted = np.array(
        [4] * 6 + [9] * 4 + [9] * 7 + [4] * 3 + [3] * 8 + [5] * 2 + [5] * 9 + [3] + [1] * 5
    )
    pairs = confused_pairs(truth, predicted, top=5)
    assert pairs.to_dict("records") == [
        {"first": 4, "second": 9, "first_as_second": 4, "second_as_first": 3, "mistakes": 7},
        {"first": 3, "second": 5, "first_as_second": 2, "second_as_first": 1, "mistakes": 3},
    ]


def test_a_perfect_clustering_has_no_confused_pair(tmp_path):
    truth = np.repeat(np.arange(3), 4)
    pairs = confused_pairs(truth, truth)
    assert pairs.empty
    pixels = np.zeros((12, 4))
    confused_pairs_figure(pixels, truth, truth, pairs, (2, 2), "perfect", tmp_path / "c.png")
    assert PIL.Image.open(tmp_path / "c.png").size[0] > 100


def test_the_figures_draw_every_mistaken_direction_and_the_unmatched_points(tmp_path):
    rng = np.random.default_rng(0)
    truth = np.repeat(np.arange(3), 50)
    predicted = truth.copy()
    predicted[:5] = 1
    predicted[60:62] = UNMATCHED
    pairs = confused_pairs(truth, predicted)
    confused_pairs_figure(
        rng.random((150, 16)), truth, predicted, pairs, (4, 4), "run", tmp_path / "c.png"
    )
    embedding_figure(rng.random((150, 2)), truth, predicted, "run", tmp_path / "e.png")
    for name in ("c.png", "e.png"):
        assert PIL.Image.open(tmp_path / name).getextrema() != ((255, 255),) * 4


def _points(ids, x) -> Points:
    n = len(ids)
    return Points(np.asarray(ids), np.asarray(x, dtype=np.float32), np.zeros(n, dtype=np.int16))


def test_the_view_is_a_2d_space_as_it_is_or_the_first_two_principal_axes(tmp_path):
    rng = np.random.default_rng(0)
    flat = rng.normal(size=(200, 5)) * [10, 5, 0.1, 0.1, 0.1]
    write_points(_points(range(200), flat), tmp_path / "five.parquet")
    write_points(_points(range(200), flat[:, :2]), tmp_path / "two.parquet")
    view = two_d_view(tmp_path / "five.parquet", np.arange(200))
    assert view.shape == (200, 2)
    assert np.isclose(view.var(axis=0), [100, 25], rtol=0.3).all()
    same = two_d_view(tmp_path / "two.parquet", np.arange(200))
    assert np.array_equal(same, flat[:, :2].astype(np.float32))
    with pytest.raises(ValueError, match="same sample as headline.space"):
        two_d_view(tmp_path / "two.parquet", np.arange(1, 201))


def test_the_default_study_opens_with_the_umap_space_drawn_in_umap2():
    built = study(load_default_config())
    assert (built.headline_space, built.headline_view) == ("umap10", "umap2")
    assert describe(built.config, "umap10") == "deskewed pixels → PCA-50 → UMAP-10"
    assert set(built.headline_paths()) == {"pairs", "embedding", "confused"}
    assert built.features_path("umap2") in targets(built)


def test_no_headline_when_the_study_runs_nothing_in_its_space_or_has_no_images():
    config = load_default_config()
    config["runs"] = [run for run in config["runs"] if run["space"] != "umap10"]
    assert study(config).headline_paths() == {}
    blobs = load_default_config()
    blobs["dataset"] = "blobs"
    blobs["runs"] = [{"method": "kmeans", "space": "raw"}]
    assert study(blobs).headline_space is None


def test_the_headline_is_set_beside_the_most_accurate_run_of_the_compared_space():
    metrics = pd.DataFrame(
        {
            "run": ["deskewed", "plain_a", "plain_b"],
            "space": ["umap10", "umap10_plain", "umap10_plain"],
            "method": ["gmm"] * 3,
            "accuracy": [0.981, 0.970, 0.974],
            "nmi": [0.948, 0.92, 0.931],
            "ari": [0.959, 0.93, 0.944],
            "heldout_accuracy": [0.976, np.nan, 0.962],
            "n_points": [70_000] * 3,
            "n_clusters": [10] * 3,
        }
    )
    headline = Headline(
        "deskewed", "umap10", "deskewed pixels → PCA-50 → UMAP-10", pd.DataFrame(), {}
    )
    assert headline_view(headline, metrics, pd.DataFrame())["compare"] is None
    headline.compare, headline.compare_description = "umap10_plain", "PCA-50 → UMAP-10"
    compare = headline_view(headline, metrics, pd.DataFrame())["compare"]
    assert (compare["run"], compare["runs_in_space"]) == ("plain_b", 2)
    assert compare["space_description"] == "PCA-50 → UMAP-10"
    assert compare["heldout_accuracy"] == 0.962
    assert compare["accuracy_gain"] == pytest.approx(0.007)
