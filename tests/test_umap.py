import numpy as np
from sklearn.datasets import load_digits

from digit_clustering.features import umap_embedding
from digit_clustering.tables import Points

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
    assert first.metadata == {"pca": 1, "features": "umap", "reproducible": True}
    np.testing.assert_array_equal(first.ids, np.arange(300))


def test_an_unseeded_embedding_is_marked_not_reproducible():
    embedded = umap_embedding(digits(), {**SETTINGS, "seed": None}, threads=2)
    assert embedded.metadata["reproducible"] is False
