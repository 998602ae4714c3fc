"""The kinds of dataset a study runs on, and the kind of each dataset the config declares.

Every question about a dataset (does it hold images, has it a train/test split, is it
downloaded, how many points and features, how is it decoded) is answered here; no other module
compares a dataset's name. A dataset of a new kind is one more entry in `KINDS`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from digit_clustering.data import sources
from digit_clustering.tables import Points


@dataclass(frozen=True)
class DatasetKind:
    shape: Callable[[dict], tuple[int, int]]  # (points, features), from its config entry
    load: Callable[..., Points]  # its points, from its loader's arguments (`load_settings`)
    has_images: bool = True  # its points are images: image figures rather than point clouds
    has_split: bool = False  # a train/test split, so runs can be scored on held-out images
    downloads: bool = False  # four IDX files fetched from the dataset's mirrors


KINDS = {
    "idx": DatasetKind(
        shape=lambda _: (
            sources.MNIST_TRAIN_SIZE + sources.MNIST_TEST_SIZE,
            sources.MNIST_SHAPE[0] * sources.MNIST_SHAPE[1],
        ),
        load=sources.from_idx_files,
        has_split=True,
        downloads=True,
    ),
    "digits": DatasetKind(shape=lambda _: (1_797, 64), load=sources.digits),
    "blobs": DatasetKind(
        shape=lambda settings: (settings["n_samples"], settings["n_features"]),
        load=sources.blobs,
        has_images=False,
    ),
}
# The built-in datasets, each its own kind; every other entry under `datasets` is MNIST-format.
BUILT_IN = ("digits", "blobs")
# The dataset that `mnist_source` (a local copy) and `mnist_mirror` (a first mirror) stand for.
LOCAL_SOURCE_DATASET = "mnist"
# Keys of a dataset's config entry that select the study's spaces rather than make the data.
STUDY_KEYS = ("spaces", "deskew", "runs", "extra_runs")


def kind_of(dataset: str) -> DatasetKind:
    return KINDS[dataset if dataset in BUILT_IN else "idx"]


def local_source(dataset: str, config: dict) -> str | None:
    """The local copy the config decodes this dataset from (`mnist_source`), if any."""
    if dataset != LOCAL_SOURCE_DATASET or config["mnist_source"] == "download":
        return None
    return config["mnist_source"]


def first_mirror(dataset: str, config: dict) -> str | None:
    """The mirror the config tries before the dataset's own (`mnist_mirror`), if any."""
    return config.get("mnist_mirror") if dataset == LOCAL_SOURCE_DATASET else None


def load_settings(settings: dict) -> dict:
    """A built-in dataset's config entry as its loader's arguments."""
    return {key: value for key, value in settings.items() if key not in STUDY_KEYS}
