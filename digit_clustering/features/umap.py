"""UMAP spaces: a neighbour-graph layout of another space's points (umap-learn), on UMAP's own
Euclidean graph or on a graph of images by tangent distance (`graphs`)."""

import logging
import warnings

import numpy as np

from digit_clustering.features.kind import SpaceKind
from digit_clustering.graphs.table import Graph, read_graph
from digit_clustering.jobs.compiled import import_compiled
from digit_clustering.jobs.threads import NUMERIC_THREADS
from digit_clustering.settings.parameter import REQUIRED, Parameter
from digit_clustering.tables import Points, read_points, write_points

log = logging.getLogger(__name__)


def umap_threads(settings: dict) -> int:
    """The cores a UMAP job uses: seeded, umap-learn runs on one thread."""
    return 1 if settings["seed"] is not None else NUMERIC_THREADS


SPACE = SpaceKind(
    description="a neighbour-graph layout of another space's points (UMAP)",
    parameters={
        "n_components": Parameter(int, REQUIRED, "the dimensions of the layout", minimum=1),
        "n_neighbors": Parameter(int, 15, "the neighbours of each point in its graph", minimum=2),
        "min_dist": Parameter(float, 0.0, "how close the layout may pack points", minimum=0),
        "metric": Parameter(
            str,
            "euclidean",
            "the distance of the graph",
            choices=("euclidean", "cosine", "manhattan"),
        ),
        "seed": Parameter(
            int,
            0,
            "random seed; null runs it unseeded on every thread the job has: faster, but not "
            "reproducible (the embedding's metadata says so)",
            minimum=0,
            nullable=True,
        ),
        "heldout": Parameter(
            str,
            "train",
            "for held-out accuracy: 'train' fits a second layout on the training split and "
            "places the test split with UMAP's transform, so no test image shapes the layout; "
            "'all' refits the method on the training rows of this layout (no second UMAP)",
            choices=("train", "all"),
        ),
        "graph": Parameter(
            str,
            "euclidean",
            "the neighbour graph it lays out: 'euclidean', UMAP's own search in the input "
            "space, or 'tangent', each image's `candidates` nearest in the input space "
            "re-ranked by tangent distance between the images (images only)",
            choices=("euclidean", "tangent"),
        ),
        "candidates": Parameter(
            int,
            100,
            "with graph 'tangent': the nearest points it re-ranks (on MNIST, 100 over 50 "
            "raised the mixture on three of three UMAP seeds, to 0.985-0.987)",
            minimum=2,
        ),
        "blur": Parameter(
            float,
            1.0,
            "with graph 'tangent': the Gaussian blur, in pixels, of the images compared",
            minimum=0,
        ),
    },
    label=lambda settings: (
        ("tangent neighbours → " if settings["graph"] == "tangent" else "")
        + f"UMAP-{settings['n_components']}"
    ),
    takes="points",
    unkeyed=("heldout",),
    keyed_when={name: ("graph", "tangent") for name in ("graph", "candidates", "blur")},
    dataset_defaults=("graph",),
    graph=lambda settings: (
        {"candidates": settings["candidates"], "blur": settings["blur"]}
        if settings["graph"] == "tangent"
        else None
    ),
    places_heldout=True,
    below_points=("n_components", "n_neighbors", "candidates"),
    memory_mb=2500,
    runtime_min=15,
    threads=umap_threads,
)


def umap_embedding(
    points: Points, settings: dict, threads: int, graph: Graph | None = None
) -> Points:
    """Embed the points with UMAP, a neighbour-graph layout (umap-learn), of its own graph
    or of `graph` (rows of `points`).

    Seeded, umap-learn runs on one thread and gives the same coordinates every time; with
    ``seed`` None it runs on `threads` threads, faster, and the metadata says the result is not
    reproducible.
    """
    knn = graph.nearest(settings["n_neighbors"]) if graph else None
    coordinates = _fitted(_umap(settings, threads, knn), points.x)
    return _embedded(points, coordinates, settings)


def umap_train_embedding(
    points: Points, settings: dict, threads: int, graph: Graph | None = None
) -> Points:
    """UMAP fitted on the training split alone, so no test image shapes the layout. The test
    split is placed by UMAP's `transform`, or, on a `graph` among training images, where its
    nearest training image lies: it takes that image's cluster. Rows keep their order."""
    train = points.split == "train"
    coordinates = np.empty((len(points.ids), settings["n_components"]), dtype=np.float32)
    if graph is None:
        model = _umap(settings, threads)
        coordinates[train] = _fitted(model, points.x[train])
        coordinates[~train] = model.transform(points.x[~train].astype(np.float32))
        return _embedded(points, coordinates, settings, fitted_on="train")
    position = np.full(len(points.ids), -1)
    position[train] = np.arange(train.sum())
    indices, distances = graph.nearest(settings["n_neighbors"])
    knn = (position[indices[train]], distances[train])
    coordinates[train] = _fitted(_umap(settings, threads, knn), points.x[train])
    coordinates[~train] = coordinates[graph.neighbours[~train, 0]]
    return _embedded(points, coordinates, settings, fitted_on="train")


def _umap(settings: dict, threads: int, knn: tuple | None = None):
    umap = import_compiled("umap", packages=("umap", "pynndescent"))
    seed = settings["seed"]
    return umap.UMAP(
        n_neighbors=settings["n_neighbors"],
        n_components=settings["n_components"],
        min_dist=settings["min_dist"],
        metric=settings["metric"],
        random_state=seed,
        n_jobs=1 if seed is not None else threads,
        precomputed_knn=(*knn, None) if knn else (None, None, None),
    )


def _fitted(model, x: np.ndarray) -> np.ndarray:
    # A precomputed graph has no search index, so the model cannot `transform`; none is asked.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "precomputed_knn.2. .knn_search_index.")
        return model.fit_transform(x.astype(np.float32))


def _embedded(points: Points, coordinates, settings: dict, fitted_on: str = "all") -> Points:
    metadata = {
        **{
            key: value
            for key, value in points.metadata.items()
            if key != "explained_variance_ratio"
        },
        "features": "umap",
        "fitted_on": fitted_on,
        "reproducible": settings["seed"] is not None,
    }
    return Points(points.ids, coordinates.astype(np.float32), points.labels, points.split, metadata)


def umap_step(
    input_path: str, settings: dict, threads: int, output: str, graph_path: str | None = None
):
    points = read_points(input_path)
    graph = read_graph(graph_path, points.ids) if graph_path else None
    embedded = umap_embedding(points, settings, threads, graph)
    if not embedded.metadata["reproducible"]:
        log.warning("UMAP ran unseeded on %d threads: this embedding is not reproducible", threads)
    write_points(embedded, output)


def umap_heldout_step(
    input_path: str, settings: dict, threads: int, output: str, graph_path: str | None = None
):
    points = read_points(input_path)
    if points.split is None:
        raise ValueError(f"{input_path} has no train/test split to hold out")
    graph = read_graph(graph_path, points.ids) if graph_path else None
    write_points(umap_train_embedding(points, settings, threads, graph), output)
