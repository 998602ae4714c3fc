"""Tangent distance and the graph it re-ranks: against a direct least-squares solution, on
images moved the ways a digit moves, and unchanged by chunks and threads."""

import numpy as np
import pytest
from scipy import ndimage

from digit_clustering.graphs.candidates import nearest_others
from digit_clustering.graphs.step import tangent_graph
from digit_clustering.graphs.tangent import (
    TANGENTS,
    blurred,
    one_sided,
    orthonormal_bases,
    pair_distance,
    tangent_bases,
    tangent_vectors,
)
from digit_clustering.jobs.compiled import import_compiled
from digit_clustering.tables import Points

pytestmark = pytest.mark.unit

SHAPE = (28, 28)


def stroke_image() -> np.ndarray:
    """A digit-like image: an arc and a bar, two pixels wide, softened."""
    image = np.zeros(SHAPE)
    rows, columns = np.mgrid[0:28, 0:28]
    radius = np.hypot(rows - 11, columns - 14)
    image[(radius > 5) & (radius < 7) & (rows < 14)] = 1.0
    image[12:22, 17:19] = 1.0
    return ndimage.gaussian_filter(image, 0.7)


def moved(image: np.ndarray, how: str) -> np.ndarray:
    if how == "shifted":
        return ndimage.shift(image, (0.6, -0.6), order=1)
    if how == "rotated":
        return ndimage.rotate(image, 6, reshape=False, order=1)
    if how == "thickened":
        return ndimage.grey_dilation(image, size=(2, 2)) * 0.5 + image * 0.5
    raise ValueError(how)


@pytest.mark.parametrize("how", ["shifted", "rotated", "thickened"])
def test_an_image_moved_as_digits_move_is_much_nearer_by_tangent_distance(how):
    a = stroke_image().ravel()
    b = moved(stroke_image(), how).ravel()
    stack = blurred(np.stack([a, b]), SHAPE, 1.0)
    bases = tangent_bases(stack)
    stack = stack.reshape(2, -1)
    tangent = pair_distance(stack[0], bases[0], stack[1], bases[1])
    euclidean = np.linalg.norm(stack[1] - stack[0])
    assert tangent < 0.5 * euclidean, (tangent, euclidean)


def test_the_one_sided_distance_is_the_least_squares_distance_to_the_tangent_plane():
    rng = np.random.default_rng(0)
    for _ in range(20):
        images = rng.random((2, 36)).astype(np.float32)
        stack = images.reshape(2, 6, 6)
        tangents = tangent_vectors(stack)
        bases = orthonormal_bases(tangents)
        a, b = images
        plane = tangents[0].T.astype(np.float64)  # (36, 7): a's raw tangents
        shift, *_ = np.linalg.lstsq(plane, (b - a).astype(np.float64), rcond=None)
        direct = np.sum((a + plane @ shift - b) ** 2)
        assert one_sided(a, bases[0], b) == pytest.approx(direct, rel=1e-4, abs=1e-6)


def test_the_distance_of_a_pair_is_symmetric_and_below_the_euclidean():
    rng = np.random.default_rng(1)
    images = rng.random((2, 64)).astype(np.float32)
    bases = orthonormal_bases(tangent_vectors(images.reshape(2, 8, 8)))
    forth = pair_distance(images[0], bases[0], images[1], bases[1])
    back = pair_distance(images[1], bases[1], images[0], bases[0])
    assert forth == back
    assert forth <= np.linalg.norm(images[1] - images[0])


def test_a_blank_image_has_no_tangents_and_its_distances_are_defined():
    stack = np.zeros((2, *SHAPE), np.float32)
    stack[1] = stroke_image()
    bases = orthonormal_bases(tangent_vectors(stack))
    assert bases.shape == (2, len(TANGENTS), SHAPE[0] * SHAPE[1])
    assert not bases[0].any()  # no direction is invented for an image with none
    gram = bases[1] @ bases[1].T
    np.testing.assert_allclose(gram, np.eye(len(TANGENTS)), atol=1e-5)
    flat = stack.reshape(2, -1)
    distance = pair_distance(flat[0], bases[0], flat[1], bases[1])
    assert np.isfinite(distance) and 0 < distance < np.linalg.norm(flat[1])


def test_the_compiled_re_ranking_matches_the_plain_one_on_any_threads():
    rng = np.random.default_rng(2)
    images = ndimage.gaussian_filter(rng.random((60, 12, 12)), (0, 1, 1)).astype(np.float32)
    flat = images.reshape(60, -1)
    bases = orthonormal_bases(tangent_vectors(images))
    candidates = nearest_others(flat, 8)
    kernels = import_compiled("digit_clustering.graphs.kernels", packages=())
    found = {}
    for threads in (1, 2):
        kernels.numba.set_num_threads(threads)
        found[threads] = kernels.pair_distances(flat, bases, candidates)
    np.testing.assert_array_equal(found[1], found[2])
    expected = [
        [pair_distance(flat[a], bases[a], flat[b], bases[b]) for b in row]
        for a, row in enumerate(candidates)
    ]
    np.testing.assert_allclose(found[1], expected, rtol=1e-4, atol=1e-5)


def test_candidates_do_not_depend_on_chunks_or_threads_and_leave_each_point_out():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(700, 5)).astype(np.float32)
    reference = np.flatnonzero(rng.random(700) < 0.6)
    first = nearest_others(x, 7, reference, threads=1, chunk_rows=700)
    for threads, chunk_rows in ((2, 64), (2, 1), (1, 333)):
        np.testing.assert_array_equal(nearest_others(x, 7, reference, threads, chunk_rows), first)
    assert not (first == np.arange(700)[:, np.newaxis]).any()
    assert np.isin(first, reference).all()
    brute = np.linalg.norm(x[:, np.newaxis] - x[reference][np.newaxis], axis=2)
    brute[reference, np.arange(len(reference))] = np.inf
    np.testing.assert_array_equal(first, reference[np.argsort(brute, axis=1, kind="stable")[:, :7]])


def test_asking_more_candidates_than_reference_points_says_how_many_there_are():
    with pytest.raises(ValueError, match="ask at most 4"):
        nearest_others(np.zeros((5, 2), np.float32), 5)


def test_a_graph_is_its_candidates_nearest_first_by_tangent_distance():
    rng = np.random.default_rng(4)
    images = ndimage.gaussian_filter(rng.random((80, 8, 8)), (0, 1, 1)).astype(np.float32)
    ids = np.arange(100, 180)
    pixels = Points(ids, images.reshape(80, -1), ids % 3, metadata={"image_shape": [8, 8]})
    points = Points(ids, pixels.x[:, :10].copy(), ids % 3, metadata={})
    graph = tangent_graph(points, pixels, {"candidates": 12, "blur": 0.0}, threads=2)
    assert graph.neighbours.shape == (80, 12)
    assert np.all(np.diff(graph.distances, axis=1) >= 0)
    assert set(graph.neighbours[5]) == set(nearest_others(points.x, 12)[5])
    indices, distances = graph.nearest(4)
    np.testing.assert_array_equal(indices[:, 0], np.arange(80))
    assert not distances[:, 0].any() and indices.shape == (80, 4)


def test_bases_do_not_depend_on_the_chunks_they_are_formed_in():
    rng = np.random.default_rng(5)
    stack = ndimage.gaussian_filter(rng.random((50, 10, 10)), (0, 1, 1)).astype(np.float32)
    np.testing.assert_array_equal(tangent_bases(stack, chunk_rows=7), tangent_bases(stack, 50))
