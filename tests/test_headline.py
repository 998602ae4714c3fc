"""The run the report opens with: which run, what it mistakes, and how that is drawn."""

import copy

import figure_checks as checks
import matplotlib
import matplotlib.colors
import numpy as np
import pandas as pd
import pytest
import yaml
from conftest import REPOSITORY, load_default_config

from digit_clustering.figures import image_grids, style
from digit_clustering.headline import figures as headline_figures
from digit_clustering.headline.choice import (
    UNMATCHED,
    confused_pairs,
    matched_digits,
    most_accurate_run,
)
from digit_clustering.headline.figures import (
    UNMATCHED_COLOUR,
    confused_pairs_figure,
    embedding_figure,
)
from digit_clustering.headline.step import two_d_view
from digit_clustering.report.headline import Headline, headline_section
from digit_clustering.study.study import Study
from digit_clustering.study.targets import targets
from digit_clustering.tables import Points, write_points

pytestmark = pytest.mark.unit

INKED = 0.5  # an image of pixels all >= 0.3 is dark everywhere; an empty cell shows no ink
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


@pytest.fixture
def drawn(monkeypatch):
    """The figures the headline draws during the test, in order (still saved)."""
    return checks.capture(monkeypatch, headline_figures, image_grids, style)


@pytest.fixture
def mistaken():
    """150 points of digits 0-2: five 0s taken for 1, three 1s for 0, two 2s for 1 (never a 1
    for a 2), and two 1s in no matched cluster."""
    truth = np.repeat(np.arange(3), 50)
    predicted = truth.copy()
    predicted[:5] = 1
    predicted[50:53] = 0
    predicted[100:102] = 1
    predicted[60:62] = UNMATCHED
    return truth, predicted


def test_a_perfect_clustering_has_no_confused_pair(tmp_path, drawn):
    truth = np.repeat(np.arange(3), 4)
    pairs = confused_pairs(truth, truth)
    assert pairs.empty
    pixels = np.zeros((12, 4))
    confused_pairs_figure(pixels, truth, truth, pairs, (2, 2), "perfect", tmp_path / "c.png")
    (figure,) = drawn
    assert not figure.axes
    assert checks.texts(figure) == ["perfect\nno digit was taken for another"]
    assert checks.non_blank_fraction(checks.load(tmp_path / "c.png")) > 0


def test_the_confused_pairs_figure_shows_a_row_of_images_for_every_mistaken_direction(
    mistaken, tmp_path, drawn
):
    truth, predicted = mistaken
    pixels = 0.3 + 0.7 * np.random.default_rng(0).random((150, 16))  # every pixel inked
    pairs = confused_pairs(truth, predicted)
    confused_pairs_figure(pixels, truth, predicted, pairs, (4, 4), "run", tmp_path / "c.png")
    directions = [
        (shown, taken_for, count)
        for pair in pairs.itertuples()
        for shown, taken_for, count in (
            (pair.first, pair.second, pair.first_as_second),
            (pair.second, pair.first, pair.second_as_first),
        )
        if count
    ]
    assert len(directions) == 3  # 0 as 1, 1 as 0, 2 as 1; no row for 1 as 2
    (figure,) = drawn
    (axis,) = figure.axes
    assert checks.tick_labels(axis) == [f"{s} taken for {t} ({c})" for s, t, c in directions]
    images = np.full((len(directions), 10, 16), np.nan)
    for row, (shown, taken_for, _) in enumerate(directions):
        members = np.flatnonzero((truth == shown) & (predicted == taken_for))
        images[row, : len(members)] = pixels[members]
    np.testing.assert_array_equal(checks.image_array(axis), image_grids.mosaic(images, (4, 4)))
    cells, gaps = checks.mosaic_cells(
        checks.load(tmp_path / "c.png"), figure, axis, images.shape[:2], (4, 4), tight=True
    )
    filled = np.arange(10) < np.array([[count] for _, _, count in directions])
    assert (cells[filled] > INKED).all(), cells
    assert (cells[~filled] == 0).all() and np.nansum(gaps) == 0, (cells, gaps)


def test_the_embedding_figure_colours_points_by_cluster_digit_left_and_true_digit_right(
    mistaken, tmp_path, drawn
):
    truth, predicted = mistaken
    index = np.arange(150)
    # each digit a 10 x 5 grid of its own, far apart, so no point covers another
    view = np.stack([index % 10 + 12 * truth, index % 50 // 10], axis=1).astype(float)
    embedding_figure(view, truth, predicted, "run", tmp_path / "e.png")
    (figure,) = drawn
    clusters, digits = figure.axes
    assert clusters.get_title() == "clusters, coloured by the digit each stands for"
    assert digits.get_title() == "true digits"
    assert checks.texts(clusters) == checks.texts(digits) == ["0", "1", "2"]
    png = checks.load(tmp_path / "e.png")
    left, right = (
        checks.data_region(figure, axis, axis.get_xlim(), axis.get_ylim())
        for axis in (clusters, digits)
    )
    assert left[1].stop < right[1].start  # side by side
    for region in (left, right):
        assert checks.non_blank_fraction(png, region) > 0.01
    tab10 = matplotlib.colormaps["tab10"]
    colour = {d: np.array(tab10(d)[:3]) * 255 for d in range(3)}
    colour[UNMATCHED] = np.array(matplotlib.colors.to_rgb(UNMATCHED_COLOUR)) * 255
    # a 0 taken for 1, a 1 taken for 0, a 1 in no matched cluster, a 2 taken for 1, a right 0
    for point in (0, 50, 60, 100, 20):
        for axis, digit in ((clusters, predicted[point]), (digits, truth[point])):
            drawn_colour = checks.colour_at(png, figure, axis, *view[point])
            assert np.abs(drawn_colour - colour[digit]).max() <= 30, (point, axis.get_title())


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
    assert (built.headline.space, built.headline.view) == ("umap10", "umap2")
    assert built.headline.description == "deskewed pixels → PCA-50 → tangent neighbours → UMAP-10"
    assert set(built.headline.outputs) == {"pairs", "embedding", "confused"}
    assert built.spaces["umap2"].points in targets(built)


def test_no_headline_when_the_study_runs_nothing_in_its_space_or_has_no_images():
    config = load_default_config()
    config["runs"] = [run for run in config["runs"] if run["space"] != "umap10"]
    assert study(config).headline is None
    blobs = load_default_config()
    blobs["dataset"] = "blobs"
    blobs["runs"] = [{"method": "kmeans", "space": "raw"}]
    assert study(blobs).headline is None


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
    assert headline_section(headline, metrics, pd.DataFrame())["compare"] == []
    headline.compare = [
        {"space": "umap10_plain", "description": "PCA-50 → UMAP-10", "layout_of_train_alone": 0}
    ]
    [compare] = headline_section(headline, metrics, pd.DataFrame())["compare"]
    assert (compare["run"], compare["runs_in_space"]) == ("plain_b", 2)
    assert compare["space_description"] == "PCA-50 → UMAP-10"
    assert compare["heldout_accuracy"] == 0.962
    assert compare["accuracy_gain"] == pytest.approx(0.007)
