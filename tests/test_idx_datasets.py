"""Fashion-MNIST and KMNIST come by config alone: same IDX files, their own mirrors and MD5s."""

import filecmp
import hashlib

import pandas as pd
import pytest
from conftest import fake_mnist, small_study

from digit_clustering.tables import read_metadata


@pytest.mark.parametrize("dataset", ["fashion_mnist", "kmnist"])
def test_a_drop_in_dataset_is_fetched_from_its_mirror_checked_by_archive_md5_and_clustered(
    dataset, workspace_factory, serve_directory, tmp_path
):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    fake_mnist(mirror, seed=1)
    archive_md5 = {
        path.name: hashlib.md5(path.read_bytes()).hexdigest() for path in mirror.iterdir()
    }
    config = small_study(dataset)
    published = config["datasets"][dataset]
    assert published["md5_of"] == "archive" and set(published["md5"]) == set(archive_md5)
    config["datasets"][dataset].update(md5=archive_md5, mirrors=[serve_directory(mirror)])
    config["runs"] = [{"method": "kmeans", "space": "pca"}]
    workspace = workspace_factory(config)
    workspace.snakemake()
    for name in archive_md5:
        assert filecmp.cmp(workspace.path(f"resources/{dataset}/{name}"), mirror / name)
    data = workspace.path(f"results/{dataset}/data.parquet")
    assert read_metadata(data)["dataset"] == dataset
    assert pd.read_parquet(data, columns=["split"])["split"].value_counts().to_dict() == {
        "train": 400,
        "test": 100,
    }
    metrics = pd.read_csv(workspace.path(f"results/{dataset}/metrics.csv"))
    assert metrics["accuracy"].item() > 0.9 and metrics["heldout_accuracy"].item() > 0.9
    assert workspace.path(f"results/{dataset}/report/index.html").is_file()


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
    log = workspace.path("logs/fashion_mnist/download/train-labels-idx1-ubyte.log").read_text()
    assert "archive md5 " in log and "!= expected 25c81989df183df01b3e8a0aad5dffbe" in log
    assert not list(workspace.path("resources").rglob("*.gz"))
