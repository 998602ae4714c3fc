"""Tests of the clustering scores on hand-computed cases and against scikit-learn, whose
scores the numpy ports reproduce, and of the chunked silhouette."""

import math
import subprocess
import sys

import numpy as np
import pytest
from sklearn.metrics import (
    adjusted_mutual_info_score,
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    homogeneity_completeness_v_measure,
    mutual_info_score,
    normalized_mutual_info_score,
    silhouette_score,
)
from sklearn.metrics.cluster import contingency_matrix
from sklearn.metrics.cluster._expected_mutual_info_fast import expected_mutual_information

from digit_clustering.evaluation import information
from digit_clustering.evaluation.metrics import (
    calinski_harabasz,
    cluster_sizes,
    contingency,
    davies_bouldin,
    geometry_scores,
    heldout_accuracy,
    hungarian_accuracy,
    inferred_label_accuracy,
    score,
    sse,
)
from digit_clustering.evaluation.silhouette import silhouettes
from digit_clustering.report.text import METRIC_NAMES

pytestmark = pytest.mark.unit

# -- contingency and accuracies --------------------------------------------------------------


def test_contingency_on_a_hand_example():
    truth = np.array([0, 0, 0, 1, 1, 2])
    clusters = np.array([0, 0, 1, 1, 1, 1])
    table, ids = contingency(truth, clusters)
    # cluster 0 holds two 0s; cluster 1 holds one 0, two 1s and one 2
    np.testing.assert_array_equal(table, [[2, 0, 0], [1, 2, 1]])
    np.testing.assert_array_equal(ids, [0, 1])


def test_contingency_leaves_out_noise_and_keeps_cluster_ids():
    truth = np.array([3, 3, 5, 5, 9, 9])
    clusters = np.array([7, 7, -1, 2, 2, -1])
    table, ids = contingency(truth, clusters)
    # rows: clusters 2, 7; columns: labels 3, 5, 9 (the labels of non-noise points)
    np.testing.assert_array_equal(table, [[0, 1, 1], [2, 0, 0]])
    np.testing.assert_array_equal(ids, [2, 7])


def test_accuracies_agree_when_matching_is_one_to_one():
    truth = np.array([0, 0, 0, 1, 1, 2])
    clusters = np.array([0, 0, 1, 1, 1, 1])
    # best matching: cluster 0 -> 0 (2 right), cluster 1 -> 1 (2 right); majorities give the same
    assert hungarian_accuracy(truth, clusters) == pytest.approx(4 / 6)
    assert inferred_label_accuracy(truth, clusters) == pytest.approx(4 / 6)


def test_hungarian_and_inferred_accuracy_differ_when_clusters_share_a_majority():
    truth = np.array([0, 0, 0, 0, 1, 2])
    clusters = np.array([0, 0, 1, 1, 2, 2])
    # table [[2,0,0],[2,0,0],[0,1,1]]: only one of clusters 0 and 1 may claim label 0, so the
    # best one-to-one matching gets 2 + 0 + 1 = 3; majorities get 2 + 2 + 1 = 5.
    assert hungarian_accuracy(truth, clusters) == pytest.approx(3 / 6)
    assert inferred_label_accuracy(truth, clusters) == pytest.approx(5 / 6)


def test_accuracies_with_more_clusters_than_labels():
    truth = np.array([0, 0, 1, 1, 1])
    clusters = np.array([0, 1, 2, 3, 3])
    # hungarian matches two clusters: cluster 0 -> 0 (1), cluster 3 -> 1 (2)
    assert hungarian_accuracy(truth, clusters) == pytest.approx(3 / 5)
    assert inferred_label_accuracy(truth, clusters) == pytest.approx(1.0)


def test_noise_counts_as_wrong_in_both_accuracies():
    truth = np.array([0, 0, 1, 1])
    clusters = np.array([0, -1, 1, -1])
    assert hungarian_accuracy(truth, clusters) == pytest.approx(2 / 4)
    assert inferred_label_accuracy(truth, clusters) == pytest.approx(2 / 4)


def test_all_noise_scores_zero():
    truth = np.array([0, 1, 2])
    clusters = np.array([-1, -1, -1])
    assert hungarian_accuracy(truth, clusters) == 0.0
    assert inferred_label_accuracy(truth, clusters) == 0.0


def test_accuracy_ignores_cluster_and_label_names():
    truth = np.array([4, 4, 8, 8, 8])
    clusters = np.array([1, 1, 0, 0, 0])
    assert hungarian_accuracy(truth, clusters) == 1.0
    assert inferred_label_accuracy(truth, clusters) == 1.0


# -- SSE and sizes ---------------------------------------------------------------------------

SSE_X = np.array(
    [
        [0.0, 0.0],  # cluster 0: mean (1, 1), squared distances 2, 5, 5 -> 12
        [3.0, 0.0],
        [0.0, 3.0],
        [10.0, 10.0],  # cluster 4: mean (10, 11), squared distances 1, 1 -> 2
        [10.0, 12.0],
        [5.0, 5.0],  # cluster 2: a single point -> 0
        [100.0, -100.0],  # noise: left out
    ]
)
SSE_CLUSTERS = np.array([0, 0, 0, 4, 4, 2, -1])


def test_sse_is_the_sum_of_squared_distances_to_cluster_means():
    assert sse(SSE_X, SSE_CLUSTERS) == pytest.approx(14.0)


def test_sse_of_float32_input_is_computed_in_float64():
    assert sse(SSE_X.astype(np.float32), SSE_CLUSTERS) == pytest.approx(14.0, abs=1e-9)


def test_cluster_sizes_sorted_descending_without_noise():
    clusters = np.array([2, 2, 2, 0, 1, 1, -1, -1, -1, -1, 5, 5])
    assert cluster_sizes(clusters) == [3, 2, 2, 1]


# What `score` returns that is not a column of the page's metrics table, and why.
NOT_A_TABLE_COLUMN = {
    "n_points": "the size of the data, not a score of the clustering",
    "cluster_sizes": "a list, kept in the CSV",
    "degenerate": "a reason, said in the run's row and section",
}


def test_every_score_is_a_column_of_the_page_or_says_why_not():
    scores = score(np.array([0, 0, 0, 1, 1, 2, 2]), SSE_CLUSTERS, SSE_X)
    assert set(NOT_A_TABLE_COLUMN) <= set(scores)
    assert not set(NOT_A_TABLE_COLUMN) & set(METRIC_NAMES)
    unnamed = set(scores) - set(METRIC_NAMES) - set(NOT_A_TABLE_COLUMN)
    assert not unnamed, f"name {sorted(unnamed)} for the page in report.text.METRIC_NAMES"


def test_score_keys_and_values():
    truth = np.array([0, 0, 0, 1, 1, 2, 2])
    scores = score(truth, SSE_CLUSTERS, SSE_X)
    assert {
        "n_clusters",
        "noise_fraction",
        "sse",
        "ari",
        "nmi",
        "ami",
        "homogeneity",
        "completeness",
        "v_measure",
        "accuracy",
        "inferred_accuracy",
        "calinski_harabasz",
        "davies_bouldin",
    } <= set(scores)
    assert scores["degenerate"] is None
    assert scores["n_points"] == 7
    assert scores["n_clusters"] == 3
    assert scores["cluster_sizes"] == [3, 2, 1]
    assert scores["noise_fraction"] == pytest.approx(1 / 7)
    assert scores["sse"] == pytest.approx(14.0)
    # clusters 0 -> 0 (3), 4 -> 1 (2), 2 -> 2 (1); the noise point (label 2) is wrong
    assert scores["accuracy"] == pytest.approx(6 / 7)
    assert scores["inferred_accuracy"] == pytest.approx(6 / 7)
    assert all(isinstance(scores[key], float) for key in ("sse", "ari", "nmi", "accuracy"))


# -- silhouette ------------------------------------------------------------------------------

RNG = np.random.default_rng(12)
X = RNG.normal(size=(300, 5))
X[:100] += 3.0  # some real structure, so scores are not all near 0
LABELINGS = [
    (np.arange(300) >= 100).astype(int),
    RNG.integers(0, 3, 300),
    RNG.integers(0, 7, 300),
]
SINGLETON = RNG.integers(0, 4, 300)
SINGLETON[42] = 9  # cluster 9 holds one point
LABELINGS.append(SINGLETON)


def test_silhouettes_match_sklearn_for_many_labelings_at_once():
    scores = silhouettes(X, LABELINGS)
    expected = [silhouette_score(X, labels) for labels in LABELINGS]
    assert len(scores) == 4
    np.testing.assert_allclose(scores, expected, atol=1e-5, rtol=0)
    assert scores[0] > 0.3  # the separated block is found


def test_silhouettes_of_float32_input_match_sklearn():
    scores = silhouettes(X.astype(np.float32), LABELINGS[:2])
    expected = [silhouette_score(X, labels) for labels in LABELINGS[:2]]
    np.testing.assert_allclose(scores, expected, atol=1e-5, rtol=0)


@pytest.mark.parametrize("chunk_rows", [1, 64, 256, 1000])
def test_silhouettes_do_not_depend_on_threads(chunk_rows):
    one = silhouettes(X, LABELINGS, threads=1, chunk_rows=chunk_rows)
    two = silhouettes(X, LABELINGS, threads=2, chunk_rows=chunk_rows)
    assert one == two  # identical floats, not merely close


def test_silhouettes_barely_depend_on_chunk_rows():
    # Float32 products of different shapes may round differently, so only closeness is promised.
    reference = silhouettes(X, LABELINGS, chunk_rows=300)
    for chunk_rows in (1, 7, 64, 299):
        np.testing.assert_allclose(
            silhouettes(X, LABELINGS, chunk_rows=chunk_rows), reference, atol=1e-7, rtol=0
        )


def test_silhouettes_leave_noise_out():
    labels = RNG.integers(0, 3, 300)
    labels[::5] = -1
    kept = labels != -1
    (got,) = silhouettes(X, [labels], threads=2, chunk_rows=50)
    assert got == pytest.approx(silhouette_score(X[kept], labels[kept]), abs=1e-5)
    # the noise must change the result: scoring -1 as a cluster gives another value
    assert abs(got - silhouette_score(X, labels)) > 1e-3


def test_silhouette_is_nan_for_one_cluster_and_for_one_point_per_cluster():
    x = X[:10]
    one_cluster = np.zeros(10, int)
    one_per_point = np.arange(10)
    one_cluster_with_noise = np.array([0] * 5 + [-1] * 5)
    nine_clusters = np.array([0, 0, 1, 2, 3, 4, 5, 6, 7, 8])
    scores = silhouettes(x, [one_cluster, one_per_point, one_cluster_with_noise, nine_clusters])
    assert math.isnan(scores[0])
    assert math.isnan(scores[1])
    assert math.isnan(scores[2])
    assert scores[3] == pytest.approx(silhouette_score(x, nine_clusters), abs=1e-5)


def test_silhouette_on_a_hand_example():
    # Points 0, 1 on a line in cluster A, point 4 alone in cluster B.
    # s(0): a = 1, b = 4 -> 3/4; s(1): a = 1, b = 3 -> 2/3; s(4) = 0 (alone). Mean = 17/36.
    x = np.array([[0.0], [1.0], [4.0]])
    (got,) = silhouettes(x, [np.array([0, 0, 1])])
    assert got == pytest.approx(17 / 36, abs=1e-6)


# -- held-out accuracy and geometry --------------------------------------------------------


def test_heldout_accuracy_maps_clusters_on_train_and_scores_test():
    # train: cluster 0 is mostly digit 3, cluster 1 mostly digit 5, cluster 2 only digit 7
    train_truth = np.array([3, 3, 5, 5, 5, 3, 7])
    train_clusters = np.array([0, 0, 1, 1, 1, 1, 2])
    # test: predictions 3, 5, 5, 7, and -1 for a cluster unseen on train and for noise
    test_truth = np.array([3, 5, 3, 7, 9, 9])
    test_clusters = np.array([0, 1, 1, 2, 4, -1])
    # right: 3 (cluster 0), 5 (cluster 1), 7 (cluster 2) -> 3 of 6
    assert heldout_accuracy(train_truth, train_clusters, test_truth, test_clusters) == 0.5


def test_geometry_scores_match_scikit_learn_and_are_nan_below_two_clusters():
    from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score

    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 3))
    clusters = np.repeat([0, 1, 2, 3], 10)
    scores = geometry_scores(x, clusters)
    assert scores["calinski_harabasz"] == pytest.approx(calinski_harabasz_score(x, clusters))
    assert scores["davies_bouldin"] == pytest.approx(davies_bouldin_score(x, clusters))
    single = geometry_scores(x, np.zeros(40, dtype=int))
    assert np.isnan(single["calinski_harabasz"]) and np.isnan(single["davies_bouldin"])


@pytest.mark.parametrize(
    ("clusters", "requested", "reason"),
    [
        ([0, 0, 0, 0, 0, 0], 1, "needs at least 2 clusters, found 1"),
        ([-1] * 6, 0, "every point is noise"),
        ([0, 1, 2, 3, 4, 5], 6, "needs fewer clusters than points, found 6 for 6 points"),
        ([0, 0, 0, 3, 3, 3], 4, "2 of the 4 clusters are empty"),
        (
            [0, 0, 0, 0, 0, 0],
            3,
            "needs at least 2 clusters, found 1; 2 of the 3 clusters are empty",
        ),
    ],
)
def test_degenerate_clusterings_score_nan_geometry_with_a_reason(clusters, requested, reason):
    clusters = np.array(clusters)
    truth = np.array([0, 0, 1, 1, 2, 2])
    x = np.arange(12, dtype=float).reshape(6, 2)
    scores = score(truth, clusters, x, requested)
    assert scores["degenerate"] == reason
    undefined = np.isnan(scores["calinski_harabasz"]) and np.isnan(scores["davies_bouldin"])
    assert undefined == ("needs" in reason or "noise" in reason)
    assert 0 <= scores["accuracy"] <= 1 and np.isfinite(scores["ari"])


# -- the numpy ports against scikit-learn --------------------------------------------------


def labelings(seed: int, count: int = 60):
    """Pairs (truth, clusters) of many sizes and numbers of labels, noise (-1) included, and
    the edge cases: one cluster, all singletons, all noise, one point, labels not 0..k-1."""
    rng = np.random.default_rng(seed)
    for _ in range(count):
        n = int(rng.integers(2, 500))
        truth = rng.integers(0, int(rng.integers(1, 12)), n)
        clusters = rng.integers(-1, int(rng.integers(1, 16)), n)
        if rng.random() < 0.5:  # clusters that follow the truth, so scores are not all ~0
            clusters = np.where(rng.random(n) < 0.7, truth * 7 % 11, clusters)
        yield truth, clusters
    n = 40
    truth = rng.integers(0, 10, n)
    yield truth, np.zeros(n, dtype=int)
    yield truth, np.arange(n)
    yield truth, np.full(n, -1)
    yield np.arange(n), truth
    yield np.zeros(n, dtype=int), np.zeros(n, dtype=int)
    yield np.zeros(n, dtype=int), truth
    yield np.array([3]), np.array([-1])
    yield np.array([3, 3]), np.array([5, 9])
    yield (truth * 100 - 7).astype(np.int16), (truth // 3 * 1000).astype(np.int32)


def information_scores(truth, clusters):
    return {
        "ari": information.adjusted_rand(truth, clusters),
        "nmi": information.normalized_mutual_info(truth, clusters),
        "hcv": information.homogeneity_completeness_v_measure(truth, clusters),
        "mi": information.mutual_info(information.label_table(truth, clusters)),
    }


def sklearn_scores(truth, clusters):
    return {
        "ari": adjusted_rand_score(truth, clusters),
        "nmi": normalized_mutual_info_score(truth, clusters),
        "hcv": homogeneity_completeness_v_measure(truth, clusters),
        "mi": mutual_info_score(truth, clusters),
    }


@pytest.mark.parametrize("seed", range(4))
def test_label_scores_are_bit_identical_to_scikit_learn(seed):
    for truth, clusters in labelings(seed):
        assert information_scores(truth, clusters) == sklearn_scores(truth, clusters)
        assert information.entropy(clusters) == information.entropy(clusters.tolist())


def test_label_scores_of_no_points_are_scikit_learns():
    empty = np.array([], dtype=int)
    assert information.adjusted_rand(empty, empty) == adjusted_rand_score(empty, empty)
    assert information.normalized_mutual_info(empty, empty) == 1.0
    assert information.adjusted_mutual_info(empty, empty) == 1.0
    assert information.homogeneity_completeness_v_measure(empty, empty) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize("seed", range(4))
def test_adjusted_mutual_info_matches_scikit_learn(seed):
    # Log-factorials from math.lgamma where scikit-learn mixes scipy's gammaln and libc's
    # lgamma: the last bits differ, so only closeness is promised.
    for truth, clusters in labelings(seed):
        expected = adjusted_mutual_info_score(truth, clusters)
        got = information.adjusted_mutual_info(truth, clusters)
        assert got == pytest.approx(expected, rel=1e-12, abs=1e-12)


def mnist_sized(seed: int, k: int, right: float):
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 10, 70_000)
    clusters = np.where(rng.random(70_000) < right, truth * k // 10, rng.integers(-1, k, 70_000))
    return truth, clusters


@pytest.mark.parametrize(("k", "right"), [(10, 0.9), (10, 0.4), (10, 0.0), (25, 0.6)])
def test_scores_of_mnist_sized_clusterings_match_scikit_learn(k, right):
    truth, clusters = mnist_sized(k, k, right)
    assert information_scores(truth, clusters) == sklearn_scores(truth, clusters)
    # the expected mutual information sums lgammas of up to 1e6 whose last bits differ
    table = information.label_table(truth, clusters)
    expected = expected_mutual_information(contingency_matrix(truth, clusters, sparse=True), 70_000)
    assert information.expected_mutual_info(table, 70_000) == pytest.approx(expected, rel=1e-9)
    expected = adjusted_mutual_info_score(truth, clusters)
    got = information.adjusted_mutual_info(truth, clusters)
    assert got == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_score_passes_noise_to_the_label_scores_as_a_cluster():
    truth, clusters = mnist_sized(0, 10, 0.8)
    clusters[::9] = -1
    x = np.zeros((len(truth), 1))
    scores = score(truth, clusters, x)
    assert scores["ari"] == adjusted_rand_score(truth, clusters)
    assert scores["nmi"] == normalized_mutual_info_score(truth, clusters)
    homogeneity, completeness, v_measure = homogeneity_completeness_v_measure(truth, clusters)
    assert (scores["homogeneity"], scores["completeness"], scores["v_measure"]) == (
        homogeneity,
        completeness,
        v_measure,
    )
    assert scores["ami"] == pytest.approx(adjusted_mutual_info_score(truth, clusters), rel=1e-12)


def geometry_cases(seed: int):
    rng = np.random.default_rng(seed)
    for _ in range(40):
        n, d = int(rng.integers(5, 400)), int(rng.integers(1, 40))
        k = int(rng.integers(2, min(n, 15)))
        x = rng.normal(size=(n, d)) * rng.uniform(0.1, 100) + rng.uniform(-50, 50)
        labels = rng.integers(0, k, n)
        labels[:k] = np.arange(k)  # every cluster holds a point
        yield x, labels * 3 - 1  # label ids not 0..k-1
    x = rng.normal(size=(20, 3))
    yield x, np.array([0] * 10 + [1] * 10)
    yield np.repeat(x[:2], 5, axis=0), np.repeat([0, 1], 5)  # no spread within clusters
    yield np.repeat(x[:1], 6, axis=0), np.array([0, 0, 1, 1, 2, 2])  # all points the same


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_calinski_harabasz_is_bit_identical_to_scikit_learn(dtype):
    for x, labels in geometry_cases(int(np.dtype(dtype).itemsize)):
        x = x.astype(dtype)
        assert calinski_harabasz(x, labels) == calinski_harabasz_score(x, labels)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_davies_bouldin_matches_scikit_learn(dtype):
    # scikit-learn's distances come from a.a - 2 a.b + b.b (float32 for float32 input); for
    # clusters without spread, that leaves it distances of ~1e-8 where ours are 0
    for x, labels in geometry_cases(int(np.dtype(dtype).itemsize)):
        x = x.astype(dtype)
        expected = davies_bouldin_score(x, labels)
        got = davies_bouldin(x, labels, chunk_rows=64)
        assert got == pytest.approx(expected, rel=1e-6, abs=1e-7)


def test_geometry_scores_need_two_to_n_minus_one_clusters():
    x = np.zeros((4, 2))
    for labels in (np.zeros(4, dtype=int), np.arange(4)):
        with pytest.raises(ValueError, match="Number of labels is"):
            calinski_harabasz(x, labels)
        with pytest.raises(ValueError, match="Number of labels is"):
            davies_bouldin(x, labels)


def test_the_evaluate_step_imports_neither_scikit_learn_nor_scipy_nor_pandas():
    # not on import, nor when scoring (the Hungarian matching once imported scipy lazily)
    code = (
        "import sys, numpy as np, digit_clustering.evaluation.evaluate as e\n"
        "truth, clusters = np.arange(30) % 3, np.arange(30) % 4 - 1\n"
        "e.metrics.score(truth, clusters, np.random.default_rng(0).normal(size=(30, 2)), 4)\n"
        "print(sorted(sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert not [lib for lib in ("sklearn", "scipy", "pandas") if f"'{lib}" in loaded], loaded
