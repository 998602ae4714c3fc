"""The kinds of dataset a study runs on, and the kind of each dataset the config declares.

Every question about a dataset (does it hold images, has it a train/test split, is it
downloaded, how many points and features, how is it decoded) is answered here; no other module
compares a dataset's name. A dataset of a new kind is one more entry in `KINDS`.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DatasetKind:
    name: str
    shape: Callable[[dict], tuple[int, int]]  # (points, features), from its config entry
    loader: str  # "module:function" that builds its points from its config entry
    has_images: bool = True  # its points are images: image figures rather than point clouds
    has_split: bool = False  # a train/test split, so runs can be scored on held-out images
    downloads: bool = False  # four IDX files fetched from the dataset's mirrors

    def load(self, settings: dict):
        """The dataset's points, from the settings of its config entry (imported lazily)."""
        module, _, function = self.loader.partition(":")
        return getattr(importlib.import_module(module), function)(**settings)


SOURCES = "digit_clustering.data.sources"
KINDS = {
    "idx": DatasetKind(
        "idx",
        shape=lambda _: (70_000, 784),
        loader=f"{SOURCES}:from_idx_files",
        has_split=True,
        downloads=True,
    ),
    "digits": DatasetKind("digits", shape=lambda _: (1_797, 64), loader=f"{SOURCES}:digits"),
    "blobs": DatasetKind(
        "blobs",
        shape=lambda settings: (settings["n_samples"], settings["n_features"]),
        loader=f"{SOURCES}:blobs",
        has_images=False,
    ),
}
# The built-in datasets; every other entry under `datasets` is MNIST-format (four IDX files).
BUILT_IN = {"digits": "digits", "blobs": "blobs"}
# The dataset that `mnist_source` (a local copy) and `mnist_mirror` (a first mirror) stand for.
LOCAL_SOURCE_DATASET = "mnist"
# Keys of a dataset's config entry that select the study's spaces rather than make the data.
STUDY_KEYS = ("spaces",)


def kind_of(dataset: str) -> DatasetKind:
    return KINDS[BUILT_IN.get(dataset, "idx")]


def load_settings(settings: dict) -> dict:
    """A built-in dataset's config entry as its loader's arguments."""
    return {key: value for key, value in settings.items() if key not in STUDY_KEYS}
