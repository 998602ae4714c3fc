"""Deskewed and plain pixels in a study: which spaces deskew, where their files go, how the
report names them, and the space the headline is set beside."""

import pytest
from test_study import config, study

pytestmark = pytest.mark.unit

DESKEWED = "results/mnist/features/deskew~true@scale~max/all/pca~50@whiten~false@seed~0"
PLAIN = "results/mnist/features/max/all/pca~50@whiten~false@seed~0"


def test_spaces_follow_their_dataset_unless_they_say_otherwise():
    built = study(config())
    assert built.spaces["raw"].deskewed and built.spaces["pca50"].deskewed
    assert not built.spaces["umap10_plain"].deskewed  # its input, pca50_plain, says false
    assert built.spaces["pca50"].points == f"{DESKEWED}/points.parquet"
    assert built.spaces["umap10_plain"].points.startswith(f"{PLAIN}/umap~10@")
    assert built.spaces["umap10_plain"].pixels == "results/mnist/scaled/max.parquet"
    assert built.spaces["umap10"].pixels == "results/mnist/scaled/deskew~true@scale~max.parquet"


def test_a_dataset_without_deskew_keeps_its_pixels_plain():
    built = study(config(dataset="fashion_mnist"))
    assert not any(space.deskewed for space in built.spaces.values())
    assert built.spaces["pca50"].points == f"{PLAIN}/points.parquet".replace(
        "mnist", "fashion_mnist"
    )


def test_deskewed_and_plain_runs_of_one_sample_are_one_point_set():
    built = study(config())
    together = {built.run(name).space for name in built.samples["all"].runs}
    assert {"pca50", "umap10", "umap10_plain"} <= together


def test_spaces_are_described_with_their_pixels():
    default = study(config())
    assert default.spaces["umap10_euclidean"].description == "deskewed pixels → PCA-50 → UMAP-10"
    assert default.spaces["umap10_plain"].description == "PCA-50 → UMAP-10"
    assert default.spaces["raw"].description == "deskewed pixels"
    assert study(config(dataset="fashion_mnist")).spaces["raw"].description == "pixels"


def test_the_headline_is_set_beside_its_path_without_each_step():
    built = study(config())
    compared = [(each["space"], each["description"]) for each in built.headline.compare]
    assert built.headline.space == "umap10"
    assert built.headline.description == "deskewed pixels → PCA-50 → tangent neighbours → UMAP-10"
    assert compared == [
        ("umap10_plain", "PCA-50 → UMAP-10"),
        ("umap10_euclidean", "deskewed pixels → PCA-50 → UMAP-10"),
    ]
    assert not any(each["layout_of_train_alone"] for each in built.headline.compare)
    # a dataset whose study does not use the compared space has no comparison
    assert study(config(dataset="fashion_mnist")).headline.compare == ()
    without_plain_run = config()
    without_plain_run["datasets"]["mnist"]["extra_runs"] = []
    assert study(without_plain_run).headline.compare == ()
