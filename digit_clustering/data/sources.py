"""Every source a user may hold the images in, decoded to the same `Points`.

MNIST comes as four IDX files (downloaded, or a local directory, gzipped or not), as the
``mnist-original.mat`` of the old mldata.org fetcher, or as keras' ``mnist.npz``. Ids follow
the canonical order (60,000 training images, then 10,000 test images), so every source of
MNIST yields byte-identical tables. Its drop-in replacements (Fashion-MNIST, KMNIST) come as
the same four IDX files.
"""

import os
from pathlib import Path

import numpy as np

from digit_clustering.data.idx import read_idx_pair
from digit_clustering.data.idx_files import IDX_SPLITS, IDX_STEMS, idx_archive
from digit_clustering.tables import Points

MNIST_TRAIN_SIZE = 60_000
MNIST_TEST_SIZE = 10_000
MNIST_SHAPE = (28, 28)


class SourceError(ValueError):
    """A local data source is missing, malformed or holds impossible values."""


def from_idx_files(files: dict[str, tuple[str, str]], dataset: str = "this dataset") -> Points:
    """Build an MNIST-format dataset from {split: (images path, labels path)}, train first;
    `dataset` names it in errors."""
    images, labels, splits = [], [], []
    for split in ("train", "test"):
        images_path = files[split][0]
        split_images, split_labels = read_idx_pair(*files[split])
        if split_images.shape[1:] != MNIST_SHAPE:
            raise SourceError(
                f"{images_path}: images are {split_images.shape[1:]}, but {dataset} is read as "
                "MNIST-format IDX files, whose images are 28 x 28"
            )
        images.append(split_images)
        labels.append(_as_labels(split_labels, files[split][1]))
        splits.append(np.full(len(split_labels), split, dtype=object))
    return _mnist_points(np.concatenate(images), np.concatenate(labels), np.concatenate(splits))


def from_idx_directory(directory: str | os.PathLike, dataset: str = "MNIST") -> Points:
    directory = Path(directory)
    files = {}
    for split, names in IDX_SPLITS.items():
        files[split] = tuple(_find_idx(directory, name) for name in names)
    return from_idx_files(files, dataset)


def _find_idx(directory: Path, stem: str) -> Path:
    for name in (idx_archive(stem), stem):
        if (directory / name).is_file():
            return directory / name
    raise SourceError(
        f"{directory} has no {idx_archive(stem)} (or uncompressed {stem}); a directory source "
        "needs the four IDX files: " + ", ".join(IDX_STEMS)
    )


def mnist_from_mat(path: str | os.PathLike) -> Points:
    """Read ``mnist-original.mat``: ``data`` (784 x n) and ``label`` (1 x n)."""
    from scipy.io import loadmat

    arrays = _load_arrays(path, loadmat, ("data", "label"))
    data, label = arrays["data"], np.asarray(arrays["label"]).reshape(-1)
    if data.ndim != 2 or data.shape[0] != 784:
        raise SourceError(
            f"{path}: 'data' must be 784 x n (one column per image), not {data.shape}"
        )
    if data.shape[1] != label.size:
        raise SourceError(
            f"{path}: 'data' holds {data.shape[1]} images but 'label' {label.size} labels"
        )
    splits = _canonical_splits(label.size)
    return _mnist_points(_as_pixels(data.T, path), _as_labels(label, path), splits)


def mnist_from_npz(path: str | os.PathLike) -> Points:
    """Read keras' ``mnist.npz``: ``x_train``, ``y_train``, ``x_test``, ``y_test``."""
    arrays = _load_arrays(path, lambda p: np.load(p, allow_pickle=False), _NPZ_KEYS)
    images, labels, splits = [], [], []
    for split in ("train", "test"):
        x, y = arrays[f"x_{split}"], np.asarray(arrays[f"y_{split}"]).reshape(-1)
        if x.ndim != 3 or x.shape[1:] != MNIST_SHAPE or len(x) != len(y):
            raise SourceError(
                f"{path}: x_{split} must be n x 28 x 28 with one label per image in y_{split}; "
                f"got {x.shape} and {y.shape}"
            )
        images.append(_as_pixels(x, path))
        labels.append(_as_labels(y, path))
        splits.append(np.full(len(y), split, dtype=object))
    return _mnist_points(np.concatenate(images), np.concatenate(labels), np.concatenate(splits))


_NPZ_KEYS = ("x_train", "y_train", "x_test", "y_test")


def mnist_from_path(path: str | os.PathLike) -> Points:
    """Decode a local MNIST copy: a directory of IDX files, a ``.mat`` or a ``.npz``."""
    path = Path(path)
    if path.is_dir():
        return from_idx_directory(path)
    if path.suffix == ".mat":
        return mnist_from_mat(path)
    if path.suffix == ".npz":
        return mnist_from_npz(path)
    raise SourceError(
        f"mnist_source {str(path)!r} is neither a directory of IDX files, a .mat nor a .npz file "
        "(or it does not exist); use 'download' or a path to one of those"
    )


def _load_arrays(path, loader, keys):
    try:
        arrays = loader(path)
    except (OSError, ValueError) as error:
        raise SourceError(f"{path}: cannot be read ({error})") from error
    missing = [key for key in keys if key not in arrays]
    if missing:
        found = sorted(k for k in arrays if not k.startswith("__"))
        raise SourceError(
            f"{path}: missing array(s) {missing}; it holds {found}, needs {list(keys)}"
        )
    return {key: arrays[key] for key in keys}


def _as_pixels(x: np.ndarray, path) -> np.ndarray:
    x = np.asarray(x)
    if np.issubdtype(x.dtype, np.floating) and np.isnan(x).any():
        raise SourceError(f"{path}: pixels contain NaN; MNIST pixels are integers 0-255")
    if x.size and (x.min() < 0 or x.max() > 255):
        raise SourceError(
            f"{path}: pixels range from {x.min()} to {x.max()}; MNIST pixels are 0-255 "
            "(was the file already scaled? give the unscaled original)"
        )
    if np.issubdtype(x.dtype, np.floating) and not np.array_equal(x, np.round(x)):
        raise SourceError(f"{path}: pixels are not whole numbers; give the unscaled original")
    return x.astype(np.uint8).reshape(len(x), -1)


def _as_labels(y: np.ndarray, path) -> np.ndarray:
    y = np.asarray(y)
    valid = np.isin(y, np.arange(10))
    if not valid.all():
        found = np.unique(y[~valid])
        shown = ", ".join(str(value) for value in found[:5]) + (", ..." if len(found) > 5 else "")
        raise SourceError(
            f"{path}: labels must be the digits 0-9; found {shown} "
            f"({np.count_nonzero(~valid)} labels)"
        )
    return y.astype(np.int16)


def _canonical_splits(n: int) -> np.ndarray | None:
    if n != MNIST_TRAIN_SIZE + MNIST_TEST_SIZE:
        return None
    return np.where(np.arange(n) < MNIST_TRAIN_SIZE, "train", "test").astype(object)


def _mnist_points(images: np.ndarray, labels: np.ndarray, splits) -> Points:
    return Points(
        ids=np.arange(len(labels), dtype=np.int64),
        x=images.reshape(len(images), -1),
        labels=labels.astype(np.int16),
        split=splits,
        metadata={"image_shape": list(MNIST_SHAPE)},
    )


def digits() -> Points:
    """scikit-learn's 8x8 digits (1,797 images, pixels 0-16), shipped with scikit-learn."""
    from sklearn.datasets import load_digits

    bunch = load_digits()
    return Points(
        ids=np.arange(len(bunch.target), dtype=np.int64),
        x=bunch.data.astype(np.uint8),
        labels=bunch.target.astype(np.int16),
        split=None,
        metadata={"image_shape": [8, 8]},
    )


def blobs(n_samples: int, n_features: int, centers: int, cluster_std: float, seed: int) -> Points:
    """Gaussian blobs (``make_blobs``), seeded: the synthetic check of seed notebooks."""
    from sklearn.datasets import make_blobs

    x, y = make_blobs(
        n_samples=n_samples,
        n_features=n_features,
        centers=centers,
        cluster_std=cluster_std,
        random_state=seed,
    )
    return Points(
        ids=np.arange(n_samples, dtype=np.int64),
        x=x.astype(np.float32),
        labels=y.astype(np.int16),
        split=None,
        metadata={"image_shape": None},
    )
