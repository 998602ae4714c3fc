"""Fashion-MNIST and KMNIST come by config alone: same IDX files, their own mirrors and MD5s."""

import filecmp
import hashlib

import pandas as pd
import pytest
from conftest import fake_mnist, small_study

from digit_clustering.tables import read_metadata

pytestmark = pytest.mark.workflow


def serve_fake(dataset: str, serve_directory, directory) -> dict:
    """A study of `dataset` whose mirror is a loopback server of fake IDX files, checked by
    their archive MD5s as the published ones are."""
    directory.mkdir()
    fake_mnist(directory, seed=1)
    archive_md5 = {
        path.name: hashlib.md5(path.read_bytes()).hexdigest() for path in directory.iterdir()
    }
    config = small_study(dataset)
    published = config["datasets"][dataset]
    assert published["md5_of"] == "archive" and set(published["md5"]) == set(archive_md5)
    published.update(md5=archive_md5, mirrors=[serve_directory(directory)])
    config["runs"] = [{"method": "kmeans", "space": "pca"}]
    return config


def test_fashion_mnist_is_fetched_from_its_mirror_checked_by_archive_md5_and_clustered(
    workspace_factory, serve_directory, tmp_path
):
    workspace = workspace_factory(serve_fake("fashion_mnist", serve_directory, tmp_path / "m"))
    workspace.snakemake()
    for name in workspace.config["datasets"]["fashion_mnist"]["md5"]:
        assert filecmp.cmp(workspace.path(f"resources/fashion_mnist/{name}"), tmp_path / "m" / name)
    data = workspace.path("results/fashion_mnist/data.parquet")
    assert read_metadata(data)["dataset"] == "fashion_mnist"
    assert pd.read_parquet(data, columns=["split"])["split"].value_counts().to_dict() == {
        "train": 400,
        "test": 100,
    }
    metrics = pd.read_csv(workspace.path("results/fashion_mnist/metrics.csv"))
    assert metrics["accuracy"].item() > 0.9 and metrics["heldout_accuracy"].item() > 0.9
    assert workspace.path("results/fashion_mnist/report/index.html").is_file()


def test_kmnist_is_fetched_and_decoded_the_same_way(workspace_factory, serve_directory, tmp_path):
    workspace = workspace_factory(serve_fake("kmnist", serve_directory, tmp_path / "m"))
    workspace.snakemake("results/kmnist/data.parquet")
    data = workspace.path("results/kmnist/data.parquet")
    assert read_metadata(data)["dataset"] == "kmnist"
    assert len(pd.read_parquet(data, columns=["id"])) == 500


def test_a_file_that_is_not_the_published_archive_is_refused(
    workspace_factory, serve_directory, tmp_path
):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    fake_mnist(mirror)
    config = small_study("fashion_mnist")
    config["datasets"]["fashion_mnist"]["mirrors"] = [serve_directory(mirror)]
    config["runs"] = [{"method": "kmeans", "space": "pca"}]
    workspace = workspace_factory(config)
    result = workspace.snakemake(check=False)
    assert result.returncode != 0
    # The run stops at the first refusal, so which downloads ran depends on scheduling.
    published_md5 = config["datasets"]["fashion_mnist"]["md5"]
    refusals = [
        log.stem
        for log in workspace.path("logs/fashion_mnist/download").glob("*.log")
        if f"!= expected {published_md5[log.stem + '.gz']}" in log.read_text()
    ]
    assert refusals, "no download log names the published MD5 it expected"
    assert not list(workspace.path("resources").rglob("*.gz"))
