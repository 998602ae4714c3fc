"""Tests of scaling, subsampling and the PCA feature space on small hand-made matrices."""

import numpy as np
import pytest
import yaml
from conftest import REPOSITORY

from digit_clustering.features.pca import PCAModel, pca
from digit_clustering.prepare.sampling import sample_size, subsample
from digit_clustering.prepare.scaling import SCALINGS, scale
from digit_clustering.tables import Points

pytestmark = pytest.mark.unit

HAND = np.array([[1.0, 2.0, 5.0], [3.0, 2.0, -10.0], [5.0, 2.0, 0.0]])


def points_of(x, labels=None, metadata=None) -> Points:
    n = len(x)
    return Points(
        ids=np.arange(n, dtype=np.int64),
        x=np.asarray(x),
        labels=np.zeros(n, np.int16) if labels is None else np.asarray(labels, np.int16),
        split=None,
        metadata={"dataset": "test"} if metadata is None else metadata,
    )


# -- scaling ---------------------------------------------------------------------------------


def test_max_divides_by_largest_absolute_value():
    scaled = scale(points_of(HAND), "max")
    expected = [[0.1, 0.2, 0.5], [0.3, 0.2, -1.0], [0.5, 0.2, 0.0]]
    assert scaled.x.dtype == np.float32
    np.testing.assert_allclose(scaled.x, expected, rtol=1e-6)


def test_max_of_uint8_pixels_divides_by_255():
    scaled = scale(points_of(np.array([[0, 255], [51, 102]], np.uint8)), "max")
    np.testing.assert_allclose(scaled.x, [[0.0, 1.0], [0.2, 0.4]], rtol=1e-6)


def test_max_of_all_zero_matrix_stays_zero():
    scaled = scale(points_of(np.zeros((2, 3), np.uint8)), "max")
    np.testing.assert_array_equal(scaled.x, np.zeros((2, 3), np.float32))


def test_minmax_maps_columns_to_unit_interval_and_constant_columns_to_zero():
    scaled = scale(points_of(HAND), "minmax")
    expected = [[0.0, 0.0, 1.0], [0.5, 0.0, 0.0], [1.0, 0.0, 2.0 / 3.0]]
    np.testing.assert_allclose(scaled.x, expected, rtol=1e-6, atol=1e-7)


def test_standard_gives_zero_mean_unit_std_and_constant_columns_zero():
    scaled = scale(points_of(HAND), "standard")
    first = np.array([-2.0, 0.0, 2.0]) / np.sqrt(8.0 / 3.0)
    third = np.array([20.0, -25.0, 5.0]) / 3.0 / np.sqrt(1050.0 / 27.0)
    np.testing.assert_allclose(scaled.x[:, 0], first, rtol=1e-6)
    np.testing.assert_array_equal(scaled.x[:, 1], [0.0, 0.0, 0.0])
    np.testing.assert_allclose(scaled.x[:, 2], third, rtol=1e-6)
    np.testing.assert_allclose(scaled.x.mean(axis=0), [0.0, 0.0, 0.0], atol=1e-6)
    np.testing.assert_allclose(scaled.x.std(axis=0), [1.0, 0.0, 1.0], rtol=1e-6)


def test_none_is_a_float32_copy():
    original = points_of(np.array([[1, 2], [3, 250]], np.uint8))
    scaled = scale(original, "none")
    assert scaled.x.dtype == np.float32
    np.testing.assert_array_equal(scaled.x, [[1.0, 2.0], [3.0, 250.0]])
    scaled.x[0, 0] = 99.0
    assert original.x[0, 0] == 1


def test_scaling_keeps_identity_and_records_itself():
    original = points_of(HAND, labels=[3, 1, 2], metadata={"dataset": "test", "keep": 1})
    scaled = scale(original, "minmax")
    np.testing.assert_array_equal(scaled.ids, original.ids)
    np.testing.assert_array_equal(scaled.labels, [3, 1, 2])
    assert scaled.metadata == {"dataset": "test", "keep": 1, "scaling": "minmax"}
    assert original.metadata == {"dataset": "test", "keep": 1}


def test_unknown_scaling_raises():
    with pytest.raises(ValueError, match="scaling 'zscore' is not one of none, max, minmax"):
        scale(points_of(HAND), "zscore")


# -- sample sizes and subsampling ------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [("all", 10), (1, 1), (7, 7), (10, 10), (0.3, 3), (0.01, 1), (1.0, 10), (0.55, 6)],
)
def test_sample_size(size, expected):
    assert sample_size(10, size) == expected


@pytest.mark.parametrize("size", [11, 0, -3])
def test_sample_size_out_of_range_names_the_data_size(size):
    with pytest.raises(
        ValueError, match=f"sample of {size} points .* the data has 10; use at most"
    ):
        sample_size(10, size)


@pytest.mark.parametrize("size", [0.0, 1.5, -0.2])
def test_sample_fraction_out_of_range(size):
    with pytest.raises(ValueError, match=r"fraction must be in \(0, 1\]"):
        sample_size(10, size)


def test_subsample_is_seeded_and_in_id_order():
    points = points_of(np.arange(200.0).reshape(100, 2))
    first = subsample(points, 10, seed=3, stratify=False)
    again = subsample(points, 10, seed=3, stratify=False)
    other = subsample(points, 10, seed=4, stratify=False)
    assert len(first.ids) == 10
    assert len(set(first.ids.tolist())) == 10
    np.testing.assert_array_equal(first.ids, again.ids)
    assert not np.array_equal(first.ids, other.ids)
    assert first.ids.tolist() == sorted(first.ids.tolist())
    np.testing.assert_array_equal(first.x, points.x[first.ids])


def test_subsample_of_everything_returns_all_points():
    points = points_of(HAND)
    assert subsample(points, "all", seed=0, stratify=False) is points
    assert subsample(points, 3, seed=0, stratify=True) is points


def test_stratified_subsample_keeps_label_proportions():
    labels = np.array([0] * 80 + [1] * 20)
    points = points_of(np.arange(100.0)[:, np.newaxis], labels=labels)
    sample = subsample(points, 10, seed=0, stratify=True)
    assert np.bincount(sample.labels).tolist() == [8, 2]
    assert sample.ids.tolist() == sorted(sample.ids.tolist())
    np.testing.assert_array_equal(sample.labels, labels[sample.ids])
    again = subsample(points, 10, seed=0, stratify=True)
    np.testing.assert_array_equal(sample.ids, again.ids)


def test_stratified_fraction_keeps_label_proportions():
    labels = np.array([0] * 50 + [1] * 30 + [2] * 20)
    points = points_of(np.zeros((100, 1)), labels=labels)
    sample = subsample(points, 0.5, seed=1, stratify=True)
    assert np.bincount(sample.labels).tolist() == [25, 15, 10]


def test_subsample_keeps_split():
    points = points_of(np.zeros((6, 1)))
    points.split = np.array(["train", "train", "train", "test", "test", "test"], dtype=object)
    sample = subsample(points, 3, seed=0, stratify=False)
    assert sample.split.tolist() == points.split[sample.ids].tolist()


# -- PCA -------------------------------------------------------------------------------------

DATA = np.random.default_rng(5).normal(size=(40, 6)) * np.array([5.0, 3.0, 2.0, 1.0, 0.5, 0.2])


def test_pca_keeps_n_components():
    space, model = pca(points_of(DATA), n_components=3, whiten=False, seed=0)
    assert space.x.shape == (40, 3)
    assert space.x.dtype == np.float32
    assert model.components.shape == (3, 6)
    assert model.variance.shape == (3,)
    assert space.metadata["features"] == "pca"
    assert 0.0 < space.metadata["explained_variance_ratio"] < 1.0
    np.testing.assert_array_equal(space.ids, np.arange(40))


@pytest.mark.parametrize("whiten", [False, True])
def test_pca_inverse_transform_reproduces_data_with_all_components(whiten):
    space, model = pca(points_of(DATA), n_components=6, whiten=whiten, seed=0)
    np.testing.assert_allclose(model.inverse_transform(space.x), DATA, atol=1e-4)
    assert space.metadata["explained_variance_ratio"] == pytest.approx(1.0)


def test_whitened_coordinates_have_unit_variance():
    space, _ = pca(points_of(DATA), n_components=4, whiten=True, seed=0)
    np.testing.assert_allclose(space.x.std(axis=0, ddof=1), np.ones(4), rtol=1e-5)


@pytest.mark.parametrize("whiten", [False, True])
def test_pca_model_write_read_round_trip(tmp_path, whiten):
    _, model = pca(points_of(DATA), n_components=4, whiten=whiten, seed=0)
    path = tmp_path / "model.parquet"
    model.write(path)
    read = PCAModel.read(path)
    np.testing.assert_array_equal(read.components, model.components)
    np.testing.assert_array_equal(read.mean, model.mean)
    np.testing.assert_array_equal(read.variance, model.variance)
    assert read.whiten is whiten
    coordinates = np.ones((2, 4), np.float32)
    np.testing.assert_array_equal(
        read.inverse_transform(coordinates), model.inverse_transform(coordinates)
    )


@pytest.mark.parametrize("n_components", [7, 0])
def test_pca_with_too_many_components_raises(n_components):
    with pytest.raises(ValueError, match=r"n_components=.* min\(points, features\) = 6"):
        pca(points_of(DATA), n_components=n_components, whiten=False, seed=0)


def test_pca_limit_is_the_number_of_points_when_smaller():
    with pytest.raises(ValueError, match=r"between 1 and min\(points, features\) = 4"):
        pca(points_of(DATA[:4]), n_components=5, whiten=False, seed=0)


def test_the_config_schema_offers_exactly_the_scalings_there_are():
    schema = yaml.safe_load((REPOSITORY / "schemas/config.schema.yaml").read_text())
    assert tuple(schema["properties"]["scale"]["enum"]) == SCALINGS
