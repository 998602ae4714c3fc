"""Every clustering method of the registry, on small data, against a reference."""

import copy
import re
import subprocess
import sys

import jsonschema
import numpy as np
import pytest
import yaml
from conftest import REPOSITORY
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.cluster import DBSCAN, KMeans
from sklearn.datasets import load_digits, make_blobs
from sklearn.metrics import adjusted_rand_score

from digit_clustering.methods import fitting as methods
from digit_clustering.methods.agglomerative import distance_matrix_mb, largest_matrix_points
from digit_clustering.methods.lloyd import lloyd
from digit_clustering.methods.registry import METHODS, job_memory_mb, methods_schema
from digit_clustering.study.schema import complete_schema

pytestmark = pytest.mark.unit

CONFIG = yaml.safe_load((REPOSITORY / "config.yaml").read_text())
# config.yaml's `methods:` overrides the defaults each method module declares (maybe none)
OVERRIDES = CONFIG.get("methods") or {}
METHOD_SCHEMAS = methods_schema()["properties"]


@pytest.fixture(scope="module")
def digits():
    bunch = load_digits()
    return bunch.data / 16.0, bunch.target


@pytest.fixture(scope="module")
def blobs():
    return make_blobs(n_samples=600, n_features=3, centers=7, cluster_std=0.6, random_state=0)


def defaults(method: str, **overrides) -> dict:
    """A method's params as the default study runs it: its declared defaults, config.yaml's
    overrides of them, then `overrides`."""
    declared = {name: p.default for name, p in METHODS[method].parameters.items()}
    return {**declared, **(OVERRIDES.get(method) or {}), **overrides}


def test_config_overrides_only_declared_parameters_of_declared_methods():
    for method, block in OVERRIDES.items():
        assert method in METHODS, f"config.yaml methods.{method}: no such method module"
        undeclared = set(block or {}) - set(METHODS[method].parameters)
        assert not undeclared, f"config.yaml methods.{method}: {sorted(undeclared)} undeclared"
    # the schema a study checks the config against, its methods section from the declarations
    schema = yaml.safe_load((REPOSITORY / "schemas" / "config.schema.yaml").read_text())
    validator = jsonschema.Draft202012Validator(complete_schema(schema))
    assert [error.message for error in validator.iter_errors(copy.deepcopy(CONFIG))] == []


@pytest.mark.parametrize("method", sorted(METHODS))
def test_each_declared_default_is_a_valid_value_of_its_parameter(method):
    validator = jsonschema.Draft202012Validator(METHOD_SCHEMAS[method])
    defaults = {name: p.default for name, p in METHODS[method].parameters.items()}
    assert list(validator.iter_errors(defaults)) == []
    for name, parameter in METHODS[method].parameters.items():
        assert parameter.help, f"{method}.{name} has no help line"


def test_the_registry_imports_no_numeric_library():
    code = (
        "import sys; import digit_clustering.methods.registry; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sklearn', 'scipy', 'hdbscan', 'fastcluster', 'umap', 'pandas')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_labels_every_point_of_the_blobs(method, blobs):
    x, truth = blobs
    params = defaults(method)
    params.update({"k": 7} if "k" in params else {})
    params.update(
        {"eps": 1.0, "min_samples": 5} if method == "dbscan" else {},
        **({"min_cluster_size": 20} if method == "hdbscan" else {}),
    )
    result = methods.fit(method, x, params)
    assert result.labels.shape == (len(x),)
    assert result.labels.min() >= -1
    assert adjusted_rand_score(truth, result.labels) > 0.8, method
    if METHODS[method].predicts:
        assert np.array_equal(result.predict(x[:50]), result.labels[:50])


def test_an_unknown_method_is_refused():
    known = re.escape(", ".join(sorted(METHODS)))
    with pytest.raises(ValueError, match=f"unknown method 'no_such_method'; known: {known}$"):
        methods.fit("no_such_method", np.zeros((3, 2)), {})


def test_lloyd_from_scratch_equals_scikit_learn_from_the_same_centres(digits):
    x, _ = digits
    start = x[np.random.default_rng(3).choice(len(x), 10, replace=False)]
    labels, centres, objectives = lloyd(x, start, max_iter=300)
    reference = KMeans(10, init=start, n_init=1, algorithm="lloyd", tol=0, max_iter=300).fit(x)
    np.testing.assert_array_equal(labels, reference.labels_)
    np.testing.assert_allclose(centres, reference.cluster_centers_, atol=1e-10)
    assert objectives[-1] == pytest.approx(reference.inertia_, rel=1e-12)
    assert all(a >= b - 1e-9 for a, b in zip(objectives, objectives[1:], strict=False))


def test_lloyd_keeps_the_best_and_worst_restart_and_every_objective_curve(digits):
    x, _ = digits
    result = methods.fit("lloyd", x, defaults("lloyd", restarts=4, seed=1))
    trace = result.trace
    assert sorted(set(trace["restart"].tolist())) == [0, 1, 2, 3]
    finals = [trace["objective"][trace["restart"] == r][-1] for r in range(4)]
    assert result.details["objective"] == min(finals)
    assert result.details["worst_objective"] == max(finals)
    assert result.other_centres["worst restart"].shape == (10, 64)


def test_lloyd_is_seeded(digits):
    x, _ = digits
    params = defaults("lloyd", restarts=2)
    first, second = methods.fit("lloyd", x, params), methods.fit("lloyd", x, params)
    np.testing.assert_array_equal(first.labels, second.labels)


@pytest.mark.parametrize("linkage_name", ["ward", "single", "complete", "average"])
def test_agglomerative_equals_scipy(linkage_name, digits):
    x, _ = digits
    x = x[:400]
    result = methods.fit("agglomerative", x, defaults("agglomerative", linkage=linkage_name))
    reference = fcluster(linkage(x, method=linkage_name), 10, criterion="maxclust") - 1
    assert adjusted_rand_score(reference, result.labels) == pytest.approx(1.0)
    assert len(result.trace["distance"]) == len(x) - 1


def test_agglomerative_cut_at_a_distance_threshold(digits):
    x, _ = digits
    params = defaults("agglomerative", k=None, distance_threshold=3.0)
    result = methods.fit("agglomerative", x[:300], params)
    reference = fcluster(linkage(x[:300], method="ward"), 3.0, criterion="distance") - 1
    np.testing.assert_array_equal(result.labels, reference)


@pytest.mark.parametrize(("eps", "min_samples"), [(1.2, 5), (1.5, 10), (0.9, 3), (3.0, 4)])
def test_dbscan_equals_scikit_learn(eps, min_samples, digits):
    x, _ = digits
    reference = DBSCAN(eps=eps, min_samples=min_samples).fit_predict(x)
    result = methods.fit("dbscan", x, {"eps": eps, "min_samples": min_samples})
    np.testing.assert_array_equal(result.labels, reference)


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.8])
def test_dbscan_without_eps_takes_the_radius_that_makes_the_fraction_core_points(fraction, digits):
    from digit_clustering.methods.dbscan import eps_for_core_fraction

    x, _ = digits
    params = {"eps": None, "core_fraction": fraction, "min_samples": 10}
    result = methods.fit("dbscan", x, params)
    eps = result.details["eps"]
    assert eps == eps_for_core_fraction(x, 10, fraction)
    assert abs(result.details["core_points"] / len(x) - fraction) < 0.01
    model = DBSCAN(eps=eps, min_samples=10).fit(x)
    np.testing.assert_array_equal(result.labels, model.labels_)


def test_dbscan_refuses_more_neighbours_than_points(digits):
    x, _ = digits
    with pytest.raises(ValueError, match="min_samples is 50, but there are only 30 points"):
        methods.fit("dbscan", x[:30], {"eps": None, "core_fraction": 0.5, "min_samples": 50})


def test_hdbscans_smallest_cluster_is_a_count_or_a_fraction_of_the_points(digits):
    from digit_clustering.methods.hdbscan import smallest_cluster

    assert [smallest_cluster(0.007, n) for n in (70_000, 1_797, 100)] == [490, 13, 2]
    assert smallest_cluster(20, 1_797) == 20
    x, _ = digits
    assert (
        methods.fit("hdbscan", x, {"min_cluster_size": 0.007, "min_samples": 10}).details[
            "min_cluster_size"
        ]
        == 13
    )


@pytest.mark.parametrize(("eps", "min_samples"), [(1.3, 6), (0.9, 3), (1e-3, 5), (100.0, 5)])
def test_dbscan_in_small_chunks_gives_scikit_learns_labels_and_core_points(
    eps, min_samples, digits
):
    from sklearn.neighbors import NearestNeighbors

    from digit_clustering.methods.dbscan import fit_at_once, fit_in_chunks

    x, _ = digits
    params = {"eps": eps, "min_samples": min_samples}
    index = NearestNeighbors(radius=eps).fit(x)
    at_once = fit_at_once(x, params)
    chunked = fit_in_chunks(x, params, index, chunk_rows=37)
    np.testing.assert_array_equal(at_once[0], chunked[0])
    assert at_once[1] == chunked[1]


def test_dbscan_runs_chunked_when_the_neighbourhoods_would_not_fit(digits, monkeypatch, caplog):
    from digit_clustering.methods import dbscan

    x, _ = digits
    params = {"eps": 1.3, "min_samples": 6}
    with caplog.at_level("INFO", logger=dbscan.__name__):
        at_once = dbscan.fit(x, params)
        monkeypatch.setattr(dbscan, "BYTES_PER_NEIGHBOUR", 2**40)
        chunked = dbscan.fit(x, params)
    assert "scikit-learn's DBSCAN" in caplog.records[0].message
    assert "chunked DBSCAN" in caplog.records[1].message
    np.testing.assert_array_equal(at_once.labels, chunked.labels)
    assert at_once.details == chunked.details


def test_dbscan_degenerate_outcomes_are_results(digits):
    x, _ = digits
    all_noise = methods.fit("dbscan", x, {"eps": 1e-3, "min_samples": 5})
    assert (all_noise.labels == -1).all() and all_noise.details["noise_fraction"] == 1.0
    one_cluster = methods.fit("dbscan", x, {"eps": 100.0, "min_samples": 5})
    assert (one_cluster.labels == 0).all() and one_cluster.details["clusters_found"] == 1


def test_gmm_records_bic_and_aic(blobs):
    x, _ = blobs
    result = methods.fit("gmm", x, defaults("gmm", k=7))
    n_parameters = 7 * 3 + 7 * 6 + 6  # means, full covariances, weights
    assert result.details["bic"] == pytest.approx(
        -2 * result.details["log_likelihood"] + n_parameters * np.log(len(x))
    )
    assert result.details["aic"] == pytest.approx(
        -2 * result.details["log_likelihood"] + 2 * n_parameters
    )


def test_matrix_memory_arithmetic():
    assert distance_matrix_mb(2) == pytest.approx(8 / 2**20)
    fits = largest_matrix_points(1000)
    assert int(2 * distance_matrix_mb(fits)) <= 1000 < int(2 * distance_matrix_mb(fits + 1))
    ward = job_memory_mb("agglomerative", 70_000, {"linkage": "ward"})
    complete = job_memory_mb("agglomerative", 70_000, {"linkage": "complete"})
    assert complete - ward == int(2 * distance_matrix_mb(70_000))  # pdist's and fastcluster's
