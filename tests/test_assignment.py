"""The numpy port of SciPy's linear_sum_assignment returns SciPy's very assignment, ties
included, and so the same cluster-to-digit matching."""

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment as scipy_assignment

from digit_clustering.evaluation.assignment import linear_sum_assignment
from digit_clustering.evaluation.contingency import contingency, one_to_one

pytestmark = pytest.mark.unit


def assert_same_as_scipy(cost, maximize=True):
    rows, columns = linear_sum_assignment(cost, maximize=maximize)
    expected_rows, expected_columns = scipy_assignment(cost, maximize=maximize)
    np.testing.assert_array_equal(rows, expected_rows)
    np.testing.assert_array_equal(columns, expected_columns)
    assert rows.dtype == expected_rows.dtype and columns.dtype == expected_columns.dtype


@pytest.mark.parametrize("maximize", [True, False])
@pytest.mark.parametrize("high", [1, 2, 4, 1000])
def test_same_assignment_as_scipy_on_small_matrices_with_ties(maximize, high):
    # values 0..high-1: with high <= 4 most matrices have many optimal assignments
    rng = np.random.default_rng(high)
    for _ in range(150):
        shape = tuple(rng.integers(1, 9, size=2))  # square, wide and tall
        assert_same_as_scipy(rng.integers(0, high, shape), maximize)


@pytest.mark.parametrize("shape", [(1, 1), (1, 7), (7, 1), (3, 3), (2, 9), (9, 2)])
def test_same_assignment_as_scipy_on_constant_rows_columns_and_matrices(shape):
    assert_same_as_scipy(np.zeros(shape))
    assert_same_as_scipy(np.ones(shape), maximize=False)
    assert_same_as_scipy(np.broadcast_to(np.arange(shape[1]), shape))
    assert_same_as_scipy(np.broadcast_to(np.arange(shape[0])[:, None], shape))


def test_same_assignment_as_scipy_on_float_matrices():
    rng = np.random.default_rng(1)
    for _ in range(100):
        cost = rng.normal(size=tuple(rng.integers(1, 12, size=2)))
        assert_same_as_scipy(cost, maximize=False)
        assert_same_as_scipy(cost)


def test_same_assignment_as_scipy_on_contingency_tables():
    # tables of clusterings of 10 digits into 1 to 30 clusters, rows clusters, as one_to_one
    rng = np.random.default_rng(2)
    for _ in range(120):
        k = int(rng.integers(1, 31))
        truth = rng.integers(0, 10, 3000)
        right = rng.random(3000) < rng.uniform(0.2, 0.9)
        clusters = np.where(right, truth * k // 10, rng.integers(-1, k, 3000))
        table, _ = contingency(truth, clusters)
        assert_same_as_scipy(table)
        assert_same_as_scipy(table.T)


def test_one_to_one_on_a_table_with_tied_matchings():
    # clusters 0 and 1 both hold two 0s, and cluster 2 one 1 and one 2: four matchings are
    # right about 3 points; scipy's tie-breaking picks {0: 0, 1: 1, 2: 2}
    truth = np.array([0, 0, 0, 0, 1, 2])
    clusters = np.array([0, 0, 1, 1, 2, 2])
    table, _ = contingency(truth, clusters)
    rows, columns = scipy_assignment(table, maximize=True)
    matching, right = one_to_one(truth, clusters)
    assert matching == dict(zip(rows.tolist(), columns.tolist(), strict=True))
    assert matching == {0: 0, 1: 1, 2: 2}
    assert right == 3


def test_empty_and_invalid_matrices():
    rows, columns = linear_sum_assignment(np.zeros((0, 3)))
    assert rows.shape == columns.shape == (0,)
    with pytest.raises(ValueError, match="2-D"):
        linear_sum_assignment(np.zeros(3))
    with pytest.raises(ValueError, match="invalid numeric entries"):
        linear_sum_assignment(np.array([[1.0, np.nan]]))
    with pytest.raises(ValueError, match="infeasible"):
        linear_sum_assignment(np.array([[np.inf, np.inf], [1.0, 2.0]]))
