"""Agreement between runs and stability over seeds, against hand-computed cases."""

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from digit_clustering.evaluation.agreement import agreement_table, ari_matrix, stability
from digit_clustering.settings.codec import without_seed

pytestmark = pytest.mark.unit


def test_ari_matrix_is_symmetric_with_ones_on_the_diagonal():
    a = np.array([0, 0, 1, 1, 2, 2])
    b = np.array([1, 1, 0, 0, 2, 2])  # a with its names swapped: the same partition
    c = np.array([0, 1, 0, 1, 0, 1])
    matrix = ari_matrix([a, b, c])
    assert np.allclose(np.diag(matrix), 1) and np.allclose(matrix, matrix.T)
    assert matrix[0, 1] == pytest.approx(1.0)
    assert matrix[0, 2] == pytest.approx(adjusted_rand_score(a, c))


def test_agreement_table_lists_every_ordered_pair():
    table = agreement_table(["x", "y"], np.array([[1.0, 0.5], [0.5, 1.0]]))
    assert table.values.tolist() == [
        ["x", "x", 1.0],
        ["x", "y", 0.5],
        ["y", "x", 0.5],
        ["y", "y", 1.0],
    ]


def test_without_seed_names_the_setting():
    assert without_seed("kmeans/pca50/k~10/seed~2") == "kmeans/pca50/k~10"
    assert without_seed("dbscan/pca50/eps~3.0@min_samples~10") is None


def test_stability_of_a_setting_run_with_three_seeds():
    runs = [f"kmeans/pca/k~10/seed~{seed}" for seed in range(3)]
    metrics = pd.DataFrame(
        {
            "run": [*runs, "kmeans/pca/k~5/seed~0", "dbscan/pca/eps~1"],
            "ari": [0.5, 0.6, 0.7, 0.3, 0.1],
            "accuracy": [0.6, 0.6, 0.9, 0.4, 0.2],
        }
    )
    pairs = {(0, 1): 0.9, (0, 2): 0.8, (1, 2): 0.7}
    matrix = np.eye(3)
    for (i, j), value in pairs.items():
        matrix[i, j] = matrix[j, i] = value
    table = stability(metrics, agreement_table(runs, matrix))
    assert len(table) == 1  # k=5 has one seed, DBSCAN none
    row = table.iloc[0]
    assert row["setting"] == "kmeans/pca/k~10" and row["seeds"] == 3
    assert row["ari_mean"] == pytest.approx(0.6)
    assert row["ari_std"] == pytest.approx(0.1)
    assert row["accuracy_std"] == pytest.approx(np.std([0.6, 0.6, 0.9], ddof=1))
    assert row["pairwise_ari_mean"] == pytest.approx(0.8)
    assert row["pairwise_ari_min"] == pytest.approx(0.7)
