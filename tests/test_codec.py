"""The settings codec: every kind of key the study writes into a path reads back the same."""

import re

import pytest

from digit_clustering.settings.codec import (
    decode,
    encode,
    parse_run_name,
    pixels_key,
    pixels_settings,
    run_name,
    short_names,
    space_key,
    space_key_pattern,
)
from digit_clustering.settings.errors import ConfigError

pytestmark = pytest.mark.unit

SETTINGS = {
    "sample by count": {"n": 5000, "seed": 0, "stratify": True},
    "sample by fraction": {"fraction": 0.25, "seed": 3, "stratify": False},
    "every kind of value": {
        "tiny": 1e-05,
        "whole": 2.0,
        "off": False,
        "none": None,
        "s": "k-means++",
    },
}
SPACES = {
    "pca": {"n_components": 50, "whiten": False, "seed": 0},
    "umap": {
        "n_components": 10,
        "n_neighbors": 15,
        "min_dist": 0.0,
        "metric": "euclidean",
        "seed": None,
    },
}
RUNS = {
    "with a seed": ("kmeans", "pca50", {"k": 10, "init": "random", "seed": 2}),
    "without a seed": ("dbscan", "raw", {"eps": 3.5, "min_samples": 10}),
    "with no params": ("hdbscan", "raw", {}),
    "with nulls": (
        "agglomerative",
        "pca50",
        {"linkage": "ward", "k": None, "distance_threshold": 2.5},
    ),
}


@pytest.mark.parametrize("settings", SETTINGS.values(), ids=SETTINGS)
def test_settings_round_trip_with_their_types(settings):
    key = encode(settings)
    assert decode(key) == settings
    assert [type(v) for v in decode(key).values()] == [type(v) for v in settings.values()]


@pytest.mark.parametrize("kind", SPACES)
def test_space_keys_lead_with_the_first_setting_under_the_kind_and_read_back(kind):
    key = space_key(kind, SPACES[kind])
    assert key.startswith(f"{kind}~{SPACES[kind]['n_components']}@")
    first, *rest = decode(key).items()
    assert first == (kind, SPACES[kind]["n_components"])
    assert dict(rest) == {n: v for n, v in SPACES[kind].items() if n != "n_components"}
    assert re.fullmatch(space_key_pattern(kind), key)
    assert not re.fullmatch(space_key_pattern(kind), space_key(f"{kind}x", SPACES[kind]))


def test_a_kind_with_no_settings_is_its_name():
    assert space_key("raw", {}) == "raw"
    assert re.fullmatch(space_key_pattern("raw"), "raw")


@pytest.mark.parametrize("run", RUNS.values(), ids=RUNS)
def test_run_names_round_trip(run):
    name = run_name(*run)
    assert parse_run_name(name) == run
    assert name.rpartition("/")[2].startswith("seed~") == ("seed" in run[2])


@pytest.mark.parametrize("scale", ["none", "max", "minmax", "standard"])
@pytest.mark.parametrize("deskew", [False, True])
def test_pixels_keys_round_trip(scale, deskew):
    key = pixels_key(scale, deskew)
    assert pixels_settings(key) == {"deskew": deskew, "scale": scale}
    # plain pixels keep the bare name their files always had
    assert key == (f"deskew~true@scale~{scale}" if deskew else scale)


def test_a_pca_key_reads_as_before():
    pca = space_key("pca", {"n_components": 50, "whiten": False, "seed": 0})
    assert pca == "pca~50@whiten~false@seed~0"


@pytest.mark.parametrize("value", ["a/b", "a,b", "a@b", "a~b"])
def test_values_with_a_separator_are_refused(value):
    with pytest.raises(ConfigError, match=f"value {re.escape(repr(value))} cannot contain"):
        encode({"name": value})


def test_short_names_keep_only_the_settings_that_vary_within_a_method():
    names = short_names(
        [
            "kmeans/pca50/k~10@init~k-means++/seed~0",
            "kmeans/pca50/k~12@init~k-means++/seed~0",
            "kmeans/raw/k~10@init~k-means++/seed~1",
            "agglomerative/pca50/linkage~ward@k~10",
        ]
    )
    assert list(names.values()) == [
        "kmeans/pca50 k=10 seed=0",
        "kmeans/pca50 k=12 seed=0",
        "kmeans/raw k=10 seed=1",
        "agglomerative/pca50",
    ]
