"""Figures across runs: which apply, and what they show (the artists a figure is drawn with,
captured as it is saved, and the pixels of the PNG)."""

import figure_checks as checks
import matplotlib.colors
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from digit_clustering.figures import agreement, overview
from digit_clustering.figures.overview import SWEEP_PANELS, draw_all, sweep_groups
from digit_clustering.tables import write_parquet

pytestmark = pytest.mark.unit


def metrics_table() -> pd.DataFrame:
    rows = []
    for k in (6, 8, 10, 12):
        for seed in (0, 1):
            rows.append(
                {
                    "run": f"kmeans/pca/k~{k}/seed~{seed}",
                    "method": "kmeans",
                    "space": "pca",
                    "param_k": k,
                    "param_seed": seed,
                    "sse": 100.0 / k,
                    "silhouette": 0.1,
                    "accuracy": 0.5,
                    "ari": 0.3,
                    "nmi": 0.4,
                    "n_clusters": k,
                    "noise_fraction": 0.0,
                }
            )
    for eps in (1.0, 2.0):
        for min_samples in (5, 10):
            rows.append(
                {
                    "run": f"dbscan/pca/eps~{eps}@min_samples~{min_samples}",
                    "method": "dbscan",
                    "space": "pca",
                    "param_eps": eps,
                    "fit_eps": eps,
                    "param_min_samples": min_samples,
                    "accuracy": 0.1,
                    "ari": 0.0,
                    "nmi": 0.0,
                    "n_clusters": 1,
                    "noise_fraction": eps / 4,
                }
            )
    return pd.DataFrame(rows)


def test_a_sweep_is_runs_that_differ_only_in_k():
    groups = sweep_groups(metrics_table())
    assert list(groups) == [("kmeans", "pca")]
    sweep = groups[("kmeans", "pca")]
    assert sweep["param_k"].tolist() == [6, 8, 10, 12]
    assert sweep["param_seed"].nunique() == 1


def test_two_values_of_k_are_not_a_sweep():
    table = metrics_table()
    assert sweep_groups(table[table["param_k"].isin([6, 8]) | table["param_k"].isna()]) == {}


@pytest.fixture
def drawn(monkeypatch):
    """The figures the overview and agreement modules save during the test (still written)."""
    return checks.capture(monkeypatch, overview, agreement)


def test_draw_all_draws_the_figures_that_apply(tmp_path, drawn):
    written = draw_all(metrics_table(), tmp_path)
    assert [path.name for path in written] == ["summary.png", "sweeps.png", "dbscan_grid.png"]
    assert all(path.stat().st_size > 1000 for path in written)
    # a panel for the bars; six for the sweeps; two heat maps and their colour bars
    assert [len(figure.axes) for figure in drawn] == [1, 6, 4]
    for path, figure in zip(written, drawn, strict=True):
        png = checks.load(path)
        assert png.shape[:2] == checks.pixel_size(figure)
        assert checks.non_blank_fraction(png) > 0.02
    kmeans_only = metrics_table().query("method == 'kmeans'")
    assert [p.name for p in draw_all(kmeans_only, tmp_path / "k")] == ["summary.png", "sweeps.png"]
    assert [len(figure.axes) for figure in drawn[3:]] == [1, 6]


def test_the_summary_shows_three_bars_a_run_the_best_accuracy_on_top(tmp_path, drawn):
    metrics = pd.DataFrame(
        {
            "run": ["kmeans/pca/k~6/seed~0", "kmeans/raw/k~8/seed~0", "dbscan/pca/eps~1.0"],
            "accuracy": [0.6, 0.9, 0.2],
            "ari": [0.5, 0.8, 0.1],
            "nmi": [0.55, 0.85, 0.15],
        }
    )
    overview.summary_chart(metrics, tmp_path / "summary.png")
    (axis,) = drawn[0].axes
    assert checks.tick_labels(axis) == ["dbscan/pca", "kmeans/pca k=6", "kmeans/raw k=8"]
    assert axis.get_yticks().tolist() == [0, 1, 2]  # from the bottom: the best is on top
    bars = {}
    for bar in axis.patches:
        bars.setdefault(matplotlib.colors.to_hex(bar.get_facecolor()), []).append(bar)
    lengths = {colour: [bar.get_width() for bar in group] for colour, group in bars.items()}
    assert lengths == {
        "#1b6ca8": [0.2, 0.6, 0.9],  # accuracy
        "#e07b00": [0.1, 0.5, 0.8],  # ARI
        "#3a9d3a": [0.15, 0.55, 0.85],  # NMI
    }
    for group in bars.values():  # one bar of each colour beside each run's label
        centres = [bar.get_y() + bar.get_height() / 2 for bar in group]
        assert np.allclose(np.round(centres), [0, 1, 2]) and np.ptp(np.diff(centres)) < 1e-9
    legend = [text.get_text() for text in axis.get_legend().get_texts()]
    assert legend == ["accuracy", "ARI", "NMI"] and axis.get_xlim() == (0, 1)
    png = checks.load(tmp_path / "summary.png")
    assert png.shape[:2] == checks.pixel_size(drawn[0])
    for colour, group in bars.items():  # the middle of each bar shows its colour
        for bar in group:
            middle = (bar.get_width() / 2, bar.get_y() + bar.get_height() / 2)
            shade = checks.colour_at(png, drawn[0], axis, *middle)
            assert matplotlib.colors.to_hex(shade / 255) == colour


def test_the_sweeps_plot_each_criterion_against_k_with_the_true_10_marked(tmp_path, drawn):
    assert overview.sweep_figure(metrics_table(), tmp_path / "sweeps.png")
    axes = drawn[0].axes
    assert [axis.get_title() for axis in axes] == [title for _, title in SWEEP_PANELS]
    ks = [6, 8, 10, 12]
    expected = {  # the columns the table has; the other panels show no curve
        "sse": [100.0 / k for k in ks],
        "silhouette": [0.1] * 4,
        "accuracy": [0.5] * 4,
    }
    for axis, (column, _) in zip(axes, SWEEP_PANELS, strict=True):
        *curves, marker = axis.lines
        assert marker.get_xdata() == [10, 10] and marker.get_linestyle() == ":"
        shown = [(line.get_xdata().tolist(), line.get_ydata().tolist()) for line in curves]
        assert shown == ([(ks, expected[column])] if column in expected else []), column
    assert [text.get_text() for text in axes[0].get_legend().get_texts()] == ["kmeans / pca"]


def test_the_dbscan_grid_shows_clusters_and_noise_over_eps_and_min_samples(tmp_path, drawn):
    assert overview.dbscan_grid(metrics_table(), tmp_path / "grid.png")
    figure = drawn[0]
    clusters, noise, *colour_bars = figure.axes  # the two heat maps, then their colour bars
    assert len(colour_bars) == 2
    grids = {
        "DBSCAN: clusters found": [[1.0, 1.0], [1.0, 1.0]],
        "DBSCAN: noise fraction": [[0.25, 0.5], [0.25, 0.5]],  # rows: min_samples 5, 10
    }
    png = checks.load(tmp_path / "grid.png")
    for axis in (clusters, noise):
        grid = grids[axis.get_title()]
        np.testing.assert_allclose(checks.image_array(axis), grid)
        assert checks.tick_labels(axis, "x") == ["1", "2"]  # eps
        assert checks.tick_labels(axis, "y") == ["5", "10"]  # min_samples, from the bottom
        assert checks.texts(axis) == [f"{value:.2g}" for row in grid for value in row]
        image = axis.images[0]
        for (row, column), value in np.ndenumerate(np.array(grid)):
            shade = checks.colour_at(png, figure, axis, column - 0.35, row - 0.35)
            expected = np.array(image.to_rgba(value)[:3]) * 255
            assert np.abs(shade - expected).max() <= 3, (axis.get_title(), row, column)
    without_dbscan = metrics_table().query("method == 'kmeans'")
    assert overview.dbscan_grid(without_dbscan, tmp_path / "x.png") is False
    assert not (tmp_path / "x.png").exists()


ARI = np.array([[1.0, 0.8, -0.1], [0.8, 1.0, 0.3], [-0.1, 0.3, 1.0]])


def assert_heat_map(figure, png_path, matrix, names):
    """The heat map shows `matrix` (in viridis, from min(0, lowest ARI) to 1), each cell
    labelled with its value, the runs named along both sides."""
    axis, colour_bar = figure.axes
    np.testing.assert_allclose(checks.image_array(axis), matrix)
    image = axis.images[0]
    assert image.get_clim() == (min(0.0, matrix.min()), 1.0)
    assert checks.texts(axis) == [f"{value:.2f}" for value in matrix.ravel()]
    assert [matplotlib.colors.to_hex(text.get_color()) for text in axis.texts] == [
        "#000000" if value > 0.6 else "#ffffff" for value in matrix.ravel()
    ]
    assert checks.tick_labels(axis, "x") == names and checks.tick_labels(axis, "y") == names
    assert colour_bar.get_ylabel() == "ARI"
    png = checks.load(png_path)
    assert png.shape[:2] == checks.pixel_size(figure)
    for (row, column), value in np.ndenumerate(matrix):  # a corner of the cell, off its label
        shade = checks.colour_at(png, figure, axis, column - 0.35, row - 0.35)
        expected = np.array(image.to_rgba(value)[:3]) * 255
        assert np.abs(shade - expected).max() <= 3, (row, column)


def test_the_agreement_heat_map_shows_the_ari_matrix(tmp_path, drawn):
    agreement.agreement_figure(ARI, ["a", "b", "c"], tmp_path / "agreement.png")
    assert (tmp_path / "agreement.png").stat().st_size > 0
    assert_heat_map(drawn[0], tmp_path / "agreement.png", ARI, ["a", "b", "c"])


def test_the_agreement_step_draws_the_table_in_run_order_with_short_names(tmp_path, drawn):
    runs = ["kmeans/pca/k~10/seed~0", "kmeans/pca/k~10/seed~1", "gmm/pca/seed~0"]
    first, second = np.meshgrid(range(3), range(3), indexing="ij")
    table = pd.DataFrame(  # every ordered pair, as evaluation.agreement.agreement_table
        {
            "run": np.array(runs)[first.ravel()],
            "other": np.array(runs)[second.ravel()],
            "ari": ARI.ravel(),
        }
    )
    write_parquet(pa.Table.from_pandas(table, preserve_index=False), tmp_path / "a.parquet")
    agreement.agreement_figure_step(str(tmp_path / "a.parquet"), str(tmp_path / "a.png"))
    names = ["kmeans/pca seed=0", "kmeans/pca seed=1", "gmm/pca"]
    assert_heat_map(drawn[0], tmp_path / "a.png", ARI, names)
