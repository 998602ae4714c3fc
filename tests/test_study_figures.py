"""Figures across runs: which apply, and that they are drawn."""

import pandas as pd
import pytest

from digit_clustering.figures.study import draw_all, sweep_groups

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


def test_draw_all_draws_the_figures_that_apply(tmp_path):
    written = draw_all(metrics_table(), tmp_path)
    assert [path.name for path in written] == ["summary.png", "sweeps.png", "dbscan_grid.png"]
    assert all(path.stat().st_size > 1000 for path in written)
    kmeans_only = metrics_table().query("method == 'kmeans'")
    assert [p.name for p in draw_all(kmeans_only, tmp_path / "k")] == ["summary.png", "sweeps.png"]
