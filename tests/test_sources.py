"""Tests that every local MNIST source decodes a tiny fake MNIST to the same points."""

import gzip

import numpy as np
import pytest
from scipy.io import savemat

from digit_clustering.data.sources import (
    IDX_SPLITS,
    SourceError,
    _canonical_splits,
    blobs,
    digits,
    from_idx_directory,
    mnist_from_mat,
    mnist_from_npz,
    mnist_from_path,
)

pytestmark = pytest.mark.unit

N_TRAIN, N_TEST = 6, 4
RNG = np.random.default_rng(20240101)
X_TRAIN = RNG.integers(0, 256, size=(N_TRAIN, 28, 28), dtype=np.uint8)
X_TEST = RNG.integers(0, 256, size=(N_TEST, 28, 28), dtype=np.uint8)
Y_TRAIN = np.array([5, 0, 4, 1, 9, 2], dtype=np.uint8)
Y_TEST = np.array([7, 2, 1, 0], dtype=np.uint8)

EXPECTED_X = np.concatenate([X_TRAIN, X_TEST]).reshape(10, 784)
EXPECTED_LABELS = np.array([5, 0, 4, 1, 9, 2, 7, 2, 1, 0], dtype=np.int16)
EXPECTED_SPLIT = ["train"] * 6 + ["test"] * 4


def idx_bytes(array: np.ndarray) -> bytes:
    dims = np.asarray(array.shape, dtype=">u4").tobytes()
    return b"\x00\x00\x08" + bytes([array.ndim]) + dims + array.astype(np.uint8).tobytes()


def write_idx_directory(directory, compress: bool, skip: str | None = None):
    directory.mkdir(parents=True, exist_ok=True)
    arrays = {"train": (X_TRAIN, Y_TRAIN), "test": (X_TEST, Y_TEST)}
    for split, stems in IDX_SPLITS.items():
        for stem, array in zip(stems, arrays[split], strict=True):
            if stem == skip:
                continue
            payload = idx_bytes(array)
            if compress:
                (directory / f"{stem}.gz").write_bytes(gzip.compress(payload, mtime=0))
            else:
                (directory / stem).write_bytes(payload)
    return directory


def write_npz(path, **overrides):
    arrays = {"x_train": X_TRAIN, "y_train": Y_TRAIN, "x_test": X_TEST, "y_test": Y_TEST}
    arrays.update(overrides)
    np.savez(path, **{k: v for k, v in arrays.items() if v is not None})
    return path


def write_mat(path, data=None, label=None):
    """mnist-original.mat: data is 784 x n uint8, label 1 x n float64."""
    savemat(
        path,
        {
            "data": EXPECTED_X.T if data is None else data,
            "label": EXPECTED_LABELS.astype(np.float64)[np.newaxis, :] if label is None else label,
        },
    )
    return path


def assert_is_fake_mnist(points, with_split: bool):
    np.testing.assert_array_equal(points.ids, np.arange(10))
    assert points.ids.dtype == np.int64
    assert points.x.dtype == np.uint8
    np.testing.assert_array_equal(points.x, EXPECTED_X)
    assert points.labels.dtype == np.int16
    np.testing.assert_array_equal(points.labels, EXPECTED_LABELS)
    if with_split:
        assert list(points.split) == EXPECTED_SPLIT
    else:
        assert points.split is None
    assert points.metadata == {"image_shape": [28, 28]}  # the decode step names the dataset


def test_gzipped_idx_directory_decodes(tmp_path):
    points = from_idx_directory(write_idx_directory(tmp_path / "gz", compress=True))
    assert_is_fake_mnist(points, with_split=True)


def test_uncompressed_idx_directory_decodes(tmp_path):
    points = from_idx_directory(write_idx_directory(tmp_path / "raw", compress=False))
    assert_is_fake_mnist(points, with_split=True)


def test_npz_decodes(tmp_path):
    assert_is_fake_mnist(mnist_from_npz(write_npz(tmp_path / "mnist.npz")), with_split=True)


def test_mat_decodes_without_splits_unless_it_has_70000_images(tmp_path):
    points = mnist_from_mat(write_mat(tmp_path / "mnist-original.mat"))
    assert_is_fake_mnist(points, with_split=False)


def test_canonical_splits_are_60000_train_then_10000_test():
    splits = _canonical_splits(70_000)
    assert len(splits) == 70_000
    assert (splits[:60_000] == "train").all()
    assert (splits[60_000:] == "test").all()
    assert _canonical_splits(69_999) is None


def test_every_source_gives_identical_points(tmp_path):
    from_gz = mnist_from_path(write_idx_directory(tmp_path / "gz", compress=True))
    from_raw = mnist_from_path(write_idx_directory(tmp_path / "raw", compress=False))
    from_npz = mnist_from_path(write_npz(tmp_path / "mnist.npz"))
    from_mat = mnist_from_path(write_mat(tmp_path / "mnist-original.mat"))
    for other in (from_raw, from_npz, from_mat):
        np.testing.assert_array_equal(other.ids, from_gz.ids)
        np.testing.assert_array_equal(other.x, from_gz.x)
        np.testing.assert_array_equal(other.labels, from_gz.labels)
    assert list(from_raw.split) == list(from_gz.split) == list(from_npz.split)


def test_path_dispatch_by_kind(tmp_path, monkeypatch):
    import digit_clustering.data.sources as sources

    calls = []
    monkeypatch.setattr(sources, "from_idx_directory", lambda p: calls.append(("dir", p)))
    monkeypatch.setattr(sources, "mnist_from_mat", lambda p: calls.append(("mat", p)))
    monkeypatch.setattr(sources, "mnist_from_npz", lambda p: calls.append(("npz", p)))
    (tmp_path / "d").mkdir()
    sources.mnist_from_path(tmp_path / "d")
    sources.mnist_from_path(tmp_path / "a.mat")
    sources.mnist_from_path(str(tmp_path / "b.npz"))
    assert calls == [
        ("dir", tmp_path / "d"),
        ("mat", tmp_path / "a.mat"),
        ("npz", tmp_path / "b.npz"),
    ]


def unknown_suffix(tmp_path):
    path = tmp_path / "mnist.csv"
    path.write_text("0,0,0\n")
    return path


def misnamed_npz(tmp_path):
    np.savez(tmp_path / "mnist.npz", X_TRAIN, Y_TRAIN)
    return tmp_path / "mnist.npz"


def unreadable_npz(tmp_path):
    (tmp_path / "mnist.npz").write_bytes(b"not a zip file at all")
    return tmp_path / "mnist.npz"


def with_pixel(value, dtype):
    x = X_TRAIN.astype(dtype)
    x[0, 0, 0] = value
    return x


def mat_labels(**changes):
    label = EXPECTED_LABELS.astype(np.float64)[np.newaxis, :]
    for index, value in changes.items():
        label[0, int(index.removeprefix("at_"))] = value
    return label


def idx_directory_with_label(tmp_path, label):
    directory = write_idx_directory(tmp_path, compress=True)
    bad = Y_TRAIN.copy()
    bad[0] = label
    (directory / "train-labels-idx1-ubyte.gz").write_bytes(gzip.compress(idx_bytes(bad)))
    return directory


# A local copy that is not MNIST is refused, saying what is wrong with it:
# (what, how the copy is made, the message's pattern).
REFUSED_SOURCES = [
    ("unknown suffix", unknown_suffix, r"'.*mnist\.csv' is neither a directory of IDX files"),
    (
        "IDX directory without one file",
        lambda t: write_idx_directory(t, compress=True, skip="t10k-labels-idx1-ubyte"),
        r"has no t10k-labels-idx1-ubyte\.gz \(or uncompressed",
    ),
    (
        "npz without an array",
        lambda t: write_npz(t / "mnist.npz", y_test=None),
        r"missing array\(s\) \['y_test'\]",
    ),
    (
        "npz with misnamed arrays",
        misnamed_npz,
        r"missing array\(s\) \['x_train', 'y_train', 'x_test', 'y_test'\]; it holds \['arr_0'",
    ),
    (
        "npz of 8 x 8 images",
        lambda t: write_npz(t / "mnist.npz", x_test=np.zeros((4, 8, 8), np.uint8)),
        r"x_test must be n x 28 x 28.*\(4, 8, 8\)",
    ),
    ("npz that is no zip", unreadable_npz, "cannot be read"),
    (
        "mat without labels",
        lambda t: (
            savemat(t / "mnist-original.mat", {"data": EXPECTED_X.T}) or t / "mnist-original.mat"
        ),
        r"missing array\(s\) \['label'\]; it holds \['data'\]",
    ),
    (
        "mat with images as rows",
        lambda t: write_mat(t / "mnist-original.mat", data=EXPECTED_X),
        r"'data' must be 784 x n .*not \(10, 784\)",
    ),
    (
        "mat with fewer labels than images",
        lambda t: write_mat(t / "mnist-original.mat", label=mat_labels()[:, :9]),
        "'data' holds 10 images but 'label' 9 labels",
    ),
    (
        "pixels above 255",
        lambda t: write_npz(t / "m.npz", x_train=with_pixel(256, np.int64)),
        "pixels range from 0 to 256; MNIST pixels are 0-255",
    ),
    (
        "negative pixels",
        lambda t: write_npz(t / "m.npz", x_train=with_pixel(-1, np.int64)),
        "pixels range from -1 to",
    ),
    (
        "mat of pixels scaled to 0-1",
        lambda t: write_mat(t / "m.mat", data=EXPECTED_X.T / 255.0),
        "not whole numbers",
    ),
    (
        "NaN pixels",
        lambda t: write_npz(t / "m.npz", x_test=with_pixel(np.nan, np.float64)[:N_TEST]),
        "pixels contain NaN",
    ),
    (
        "fractional pixels",
        lambda t: write_npz(t / "m.npz", x_train=with_pixel(12.5, np.float32)),
        "pixels are not whole numbers",
    ),
    (
        "mat label 11",
        lambda t: write_mat(t / "m.mat", label=mat_labels(at_0=11)),
        r"labels must be the digits 0-9; found 11\.0 \(1 labels\)",
    ),
    (
        "IDX label 200",
        lambda t: idx_directory_with_label(t, 200),
        r"labels must be the digits 0-9; found 200 ",
    ),
]


@pytest.mark.parametrize(
    ("make", "message"),
    [pytest.param(make, message, id=what) for what, make, message in REFUSED_SOURCES],
)
def test_a_local_copy_that_is_not_mnist_is_refused_saying_why(tmp_path, make, message):
    with pytest.raises(SourceError, match=message):
        mnist_from_path(make(tmp_path))


def test_whole_float_pixels_are_accepted(tmp_path):
    path = write_npz(
        tmp_path / "m.npz", x_train=X_TRAIN.astype(np.float32), y_train=Y_TRAIN.astype(float)
    )
    assert_is_fake_mnist(mnist_from_npz(path), with_split=True)


@pytest.mark.parametrize("bad_label", [10, -1, 2.5, np.nan])
def test_labels_outside_0_to_9_are_rejected(tmp_path, bad_label):
    labels = Y_TRAIN.astype(np.float64)
    labels[3] = bad_label
    path = write_npz(tmp_path / "m.npz", y_train=labels)
    with pytest.raises(
        SourceError, match=rf"labels must be the digits 0-9; found {float(bad_label)} "
    ):
        mnist_from_npz(path)


def test_digits_is_the_8x8_set():
    points = digits()
    assert points.x.shape == (1797, 64)
    assert points.x.dtype == np.uint8
    assert int(points.x.max()) == 16
    assert points.image_shape == (8, 8)
    assert points.metadata == {"image_shape": [8, 8]}
    np.testing.assert_array_equal(points.ids, np.arange(1797))
    assert sorted(set(points.labels.tolist())) == list(range(10))
    assert points.split is None


def test_blobs_have_the_requested_shape():
    points = blobs(n_samples=40, n_features=3, centers=4, cluster_std=0.5, seed=1)
    assert points.x.shape == (40, 3)
    assert points.x.dtype == np.float32
    assert sorted(set(points.labels.tolist())) == [0, 1, 2, 3]
    np.testing.assert_array_equal(points.ids, np.arange(40))
    assert points.image_shape is None


def test_blobs_are_seeded():
    first = blobs(n_samples=30, n_features=2, centers=3, cluster_std=1.0, seed=7)
    again = blobs(n_samples=30, n_features=2, centers=3, cluster_std=1.0, seed=7)
    other = blobs(n_samples=30, n_features=2, centers=3, cluster_std=1.0, seed=8)
    np.testing.assert_array_equal(first.x, again.x)
    np.testing.assert_array_equal(first.labels, again.labels)
    assert not np.array_equal(first.x, other.x)


def test_the_decode_step_names_the_dataset_it_decoded(tmp_path):
    from digit_clustering.data.decode import decode_step
    from digit_clustering.tables import read_points

    settings = {"n_samples": 30, "n_features": 2, "centers": 3, "cluster_std": 0.5, "seed": 0}
    decode_step("blobs", settings, tmp_path / "data.parquet")
    assert read_points(tmp_path / "data.parquet").metadata == {
        "dataset": "blobs",
        "image_shape": None,
    }
