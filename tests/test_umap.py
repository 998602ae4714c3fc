import numpy as np
import pytest
from sklearn.datasets import load_digits

from digit_clustering.features.umap import umap_embedding, umap_train_embedding
from digit_clustering.tables import Points

pytestmark = pytest.mark.unit

SETTINGS = {"n_neighbors": 10, "n_components": 3, "min_dist": 0.0, "metric": "euclidean"}


def digits(n: int = 300) -> Points:
    data = load_digits()
    ids = np.arange(n)
    return Points(ids, data.data[:n].astype(np.float32), data.target[:n], metadata={"pca": 1})


def test_a_seeded_embedding_repeats_exactly_and_is_marked_reproducible():
    first = umap_embedding(digits(), {**SETTINGS, "seed": 3}, threads=2)
    second = umap_embedding(digits(), {**SETTINGS, "seed": 3}, threads=2)
    assert first.x.shape == (300, 3) and first.x.dtype == np.float32
    np.testing.assert_array_equal(first.x, second.x)
    expected = {"pca": 1, "features": "umap", "fitted_on": "all", "reproducible": True}
    assert first.metadata == expected
    np.testing.assert_array_equal(first.ids, np.arange(300))


def test_an_unseeded_embedding_is_marked_not_reproducible():
    embedded = umap_embedding(digits(), {**SETTINGS, "seed": None}, threads=2)
    assert embedded.metadata["reproducible"] is False


def test_a_held_out_embedding_is_fitted_on_train_alone_and_places_the_test_split():
    points = digits()
    points.split = np.where(np.arange(300) < 240, "train", "test").astype(object)
    settings = {**SETTINGS, "seed": 3}
    held_out = umap_train_embedding(points, settings, threads=2)
    train_only = umap_embedding(points.take(np.arange(240)), settings, threads=2)
    np.testing.assert_array_equal(held_out.x[:240], train_only.x)
    assert np.isfinite(held_out.x[240:]).all() and held_out.x.dtype == np.float32
    assert held_out.metadata["fitted_on"] == "train"
    np.testing.assert_array_equal(held_out.ids, points.ids)
    # a test image lands beside the training images of its own digit
    train_x, train_y = held_out.x[:240], points.labels[:240]
    nearest = ((held_out.x[240:, None] - train_x[None]) ** 2).sum(axis=2).argmin(axis=1)
    assert (train_y[nearest] == points.labels[240:]).mean() > 0.8
