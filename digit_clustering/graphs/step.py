"""The graph jobs: each image's candidates, its nearest others in the space's input points
(PCA-50), re-ranked by tangent distance between the images (`tangent`). Held out, every image's
neighbours are training images only, so no test image shapes the graph a layout is fitted on.
"""

import numpy as np

from digit_clustering.graphs.candidates import nearest_others
from digit_clustering.graphs.table import Graph, write_graph
from digit_clustering.graphs.tangent import blurred, tangent_bases
from digit_clustering.jobs.compiled import import_compiled
from digit_clustering.tables import Points, read_points


def tangent_graph(
    points: Points, pixels: Points, settings: dict, threads: int, reference=None
) -> Graph:
    """Each point's `candidates` nearest others in `points` (among the `reference` rows),
    re-ranked by tangent distance between their images in `pixels` blurred by `blur`; ties
    keep the candidates' order."""
    if not np.array_equal(points.ids, pixels.ids):
        raise ValueError("the points and the pixels of a graph must hold the same ids, in order")
    shape = pixels.image_shape
    if shape is None:
        raise ValueError("a tangent graph needs images; these pixels have no image shape")
    candidates = nearest_others(points.x, settings["candidates"], reference, threads)
    images = blurred(pixels.x, shape, settings["blur"])
    bases = tangent_bases(images)
    kernels = import_compiled("digit_clustering.graphs.kernels", packages=())
    kernels.numba.set_num_threads(threads)
    flat = np.ascontiguousarray(images.reshape(len(images), -1))
    distances = kernels.pair_distances(flat, bases, candidates)
    order = np.argsort(distances, axis=1, kind="stable")
    return Graph(
        points.ids,
        np.take_along_axis(candidates, order, axis=1),
        np.take_along_axis(distances, order, axis=1),
    )


def graph_step(points_path: str, pixels_path: str, settings: dict, threads: int, output: str):
    graph = tangent_graph(read_points(points_path), read_points(pixels_path), settings, threads)
    write_graph(graph, output, {"settings": settings, "among": "all"})


def graph_heldout_step(
    points_path: str, pixels_path: str, settings: dict, threads: int, output: str
):
    points = read_points(points_path)
    if points.split is None:
        raise ValueError(f"{points_path} has no train/test split to hold out")
    train = np.flatnonzero(points.split == "train")
    graph = tangent_graph(points, read_points(pixels_path), settings, threads, reference=train)
    write_graph(graph, output, {"settings": settings, "among": "train"})
