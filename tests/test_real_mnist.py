"""Every local form of the real MNIST decodes to the same bytes as the IDX files."""

import gzip

import numpy as np
import pytest
from scipy.io import savemat

from digit_clustering.data.sources import from_idx_directory, mnist_from_path
from digit_clustering.tables import write_points

pytestmark = pytest.mark.workflow


@pytest.fixture(scope="module")
def reference(tmp_path_factory, real_mnist):
    points = from_idx_directory(real_mnist)
    path = tmp_path_factory.mktemp("idx") / "data.parquet"
    write_points(points, path)
    return points, path.read_bytes()


def test_idx_files_hold_the_canonical_mnist(reference):
    points, _ = reference
    assert points.x.shape == (70_000, 784)
    assert np.bincount(points.labels).tolist()[:2] == [6903, 7877]
    assert (points.split == "train").sum() == 60_000


def test_npz_mat_and_plain_idx_decode_to_identical_bytes(reference, real_mnist, tmp_path):
    points, expected = reference
    images = points.x.reshape(-1, 28, 28)
    np.savez(
        tmp_path / "mnist.npz",
        x_train=images[:60_000],
        y_train=points.labels[:60_000].astype(np.uint8),
        x_test=images[60_000:],
        y_test=points.labels[60_000:].astype(np.uint8),
    )
    savemat(
        tmp_path / "mnist-original.mat",
        {"data": points.x.T, "label": points.labels[None, :].astype(float)},
    )
    plain = tmp_path / "plain"
    plain.mkdir()
    for source in real_mnist.glob("*.gz"):
        (plain / source.stem).write_bytes(gzip.decompress(source.read_bytes()))
    for local in ("mnist.npz", "mnist-original.mat", "plain"):
        output = tmp_path / f"{local}.parquet"
        write_points(mnist_from_path(tmp_path / local), output)
        assert output.read_bytes() == expected, local
