"""A UMAP space on a tangent graph through real `snakemake`, on small fake MNIST files: the
graph jobs, the layout of the graph, held-out placement, and the same bytes on one core or two.
"""

import filecmp

import numpy as np
import pandas as pd
import pytest
from conftest import Workspace, fake_mnist, small_study

from digit_clustering.graphs.table import read_graph
from digit_clustering.tables import read_metadata, read_points

pytestmark = pytest.mark.workflow

GRAPH = "tangent~20@blur~1.0"


def tangent_study(mirror: str, checksums: dict) -> dict:
    config = small_study("mnist")
    config["datasets"]["mnist"].update(mirrors=[mirror], md5=checksums)
    umap = {"kind": "umap", "input": "pca", "n_components": 3, "n_neighbors": 10, "seed": 0}
    config["spaces"]["tangent"] = {**umap, "candidates": 20}  # MNIST's graph: tangent
    config["spaces"]["euclidean"] = {**umap, "graph": "euclidean"}
    config["datasets"]["mnist"]["spaces"] = ["raw", "pca", "tangent", "euclidean"]
    config["runs"] = [
        {"method": "gmm", "space": "tangent", "params": {"n_init": 3}},
        {"method": "gmm", "space": "euclidean", "params": {"n_init": 3}},
    ]
    config["headline"] = {"space": "tangent", "view": None, "compare": ["euclidean"]}
    return config


@pytest.fixture(scope="module")
def mirror(tmp_path_factory) -> tuple:
    directory = tmp_path_factory.mktemp("mirror")
    return directory, fake_mnist(directory, n_train=300, n_test=100)


@pytest.fixture
def built(tmp_path, mirror, serve_directory) -> tuple[Workspace, Workspace]:
    """The study built on two cores and, in another folder, on one."""
    directory, checksums = mirror
    config = tangent_study(serve_directory(directory), checksums)
    workspaces = []
    for cores in (2, 1):
        (tmp_path / str(cores)).mkdir()
        workspace = Workspace(tmp_path / str(cores), config)
        workspace.snakemake(cores=cores)
        workspaces.append(workspace)
    return workspaces[0], workspaces[1]


def test_a_tangent_graph_is_built_laid_out_and_placed_the_same_on_any_cores(built):
    two, one = built
    graphs = sorted(two.path("results/mnist/features").rglob(f"{GRAPH}/*.parquet"))
    assert [path.name for path in graphs] == ["graph.parquet", "heldout.parquet"]
    for path, rule, among in zip(graphs, ("graph", "graph_heldout"), ("all", "train"), strict=True):
        assert read_metadata(path)["provenance"]["rule"] == rule
        assert read_metadata(path)["among"] == among
        assert filecmp.cmp(path, one.path(str(path.relative_to(two.directory))), shallow=False)
    pca = read_points(graphs[0].parent.parent / "points.parquet")
    graph, heldout = (read_graph(str(path), pca.ids) for path in graphs)
    assert graph.neighbours.shape == (400, 20)
    train = pca.split == "train"
    assert train[heldout.neighbours].all()  # held out, every image's neighbours are train
    assert not train[graph.neighbours].all()  # among all, test images are neighbours too
    [embedded] = two.path("results/mnist/features").rglob("umap~*@graph~tangent*/points.parquet")
    placed = read_points(embedded.with_name("heldout.parquet"))
    nearest_train = heldout.neighbours[~train, 0]
    np.testing.assert_array_equal(placed.x[~train], placed.x[nearest_train])
    for layout in (embedded, embedded.with_name("heldout.parquet")):
        assert filecmp.cmp(layout, one.path(str(layout.relative_to(two.directory))), shallow=False)
    metrics = pd.read_csv(two.path("results/mnist/metrics.csv")).set_index("space")
    assert metrics.loc["tangent", "accuracy"] > 0.9, metrics["accuracy"]
    assert metrics.loc["tangent", "heldout_accuracy"] > 0.9, metrics["heldout_accuracy"]
    page = two.path("results/mnist/report/index.html").read_text()
    assert "What each step of its path adds" in page
