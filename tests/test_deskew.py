"""Tests of the moment-based deskew on hand-made images."""

import numpy as np
import pytest
from scipy import ndimage

from digit_clustering.prepare.deskew import deskew, deskew_images, moments
from digit_clustering.tables import Points

pytestmark = pytest.mark.unit


def slanted_stroke(side: int = 16, slope: float = 0.5) -> np.ndarray:
    """A one-pixel stroke leaning right: one pixel per row, at column 4 + slope * row."""
    image = np.zeros((side, side))
    for row in range(2, side - 2):
        image[row, int(round(4 + slope * row))] = 255.0
    return image


def row_col_covariance(image: np.ndarray) -> float:
    rows, cols = np.mgrid[: image.shape[0], : image.shape[1]]
    mass = image.sum()
    centre_row, centre_col = (rows * image).sum() / mass, (cols * image).sum() / mass
    return ((rows - centre_row) * (cols - centre_col) * image).sum() / mass


def scipy_deskew(image: np.ndarray) -> np.ndarray:
    """The same shear by scipy's affine transform: output o reads input
    centre + matrix @ (o - middle)."""
    alpha, centre_row, centre_col = (value[0] for value in moments(image[None]))
    matrix = np.array([[1.0, 0.0], [alpha, 1.0]])
    offset = np.array([centre_row, centre_col]) - matrix @ (np.array(image.shape) / 2)
    return ndimage.affine_transform(image, matrix, offset=offset, order=1, mode="constant")


def test_a_slanted_stroke_is_made_upright():
    stroke = slanted_stroke()
    upright = deskew_images(stroke[None])[0]
    assert row_col_covariance(stroke) > 5
    assert abs(row_col_covariance(upright)) < 0.05 * row_col_covariance(stroke)
    ink_columns = np.flatnonzero(upright.sum(axis=0) > 0)
    assert ink_columns.max() - ink_columns.min() <= 2  # one column, blurred by interpolation
    assert upright.sum() == pytest.approx(stroke.sum(), rel=0.02)


def test_the_shear_factor_is_covariance_over_row_variance_and_the_ink_moves_to_the_middle():
    # Ink at (0, 0) and (2, 2): centre (1, 1), row variance 1, covariance 1, so alpha 1.
    image = np.zeros((4, 4))
    image[0, 0] = image[2, 2] = 1.0
    alpha, centre_row, centre_col = moments(image[None])
    assert (alpha[0], centre_row[0], centre_col[0]) == pytest.approx((1.0, 1.0, 1.0))
    # Output (r, c) reads (r - 1, c + r - 3): the ink lands on (1, 2) and (3, 2), upright
    # about the middle (2, 2).
    expected = np.zeros((4, 4))
    expected[1, 2] = expected[3, 2] = 1.0
    np.testing.assert_allclose(deskew_images(image[None])[0], expected)


def test_equals_scipy_affine_transform_to_float32_precision():
    rng = np.random.default_rng(0)
    images = rng.random((40, 12, 12)) * (rng.random((40, 12, 12)) < 0.4) * 255
    ours = deskew_images(images)
    for image, result in zip(images, ours, strict=True):
        np.testing.assert_allclose(result, scipy_deskew(image), rtol=1e-6, atol=1e-4)
    assert ours.dtype == np.float32


def test_blank_images_and_centred_images_without_slant_stay_unchanged():
    blank = np.zeros((8, 8))
    upright = np.zeros((8, 8))
    upright[1:8, 4] = 200.0  # a vertical bar about the middle (4, 4): covariance 0
    one_row = np.zeros((8, 8))
    one_row[4, 2:7] = 100.0  # no row variance: nothing to shear by
    images = np.stack([blank, upright, one_row])
    np.testing.assert_array_equal(deskew_images(images), images.astype(np.float32))


def test_an_upright_image_off_the_middle_is_only_moved():
    bar = np.zeros((8, 8))
    bar[0:5, 1] = 50.0  # centre of mass (2, 1): two rows up and three columns left
    moved = np.zeros((8, 8))
    moved[2:7, 4] = 50.0
    np.testing.assert_array_equal(deskew_images(bar[None])[0], moved)


def test_chunks_give_the_same_images_as_one_pass(monkeypatch):
    rng = np.random.default_rng(1)
    images = (rng.random((25, 10, 10)) < 0.3) * 255.0
    whole = deskew_images(images)
    monkeypatch.setattr("digit_clustering.prepare.deskew.CHUNK_IMAGES", 7)
    np.testing.assert_array_equal(deskew_images(images), whole)


def test_deskew_keeps_ids_labels_and_split():
    rng = np.random.default_rng(2)
    x = (rng.random((6, 64)) < 0.3).astype(np.uint8) * 16
    points = Points(
        ids=np.array([5, 3, 9, 1, 0, 7]),
        x=x,
        labels=np.array([1, 2, 3, 4, 5, 6], np.int16),
        split=np.array(["train"] * 3 + ["test"] * 3),
        metadata={"dataset": "digits", "image_shape": [8, 8]},
    )
    result = deskew(points)
    np.testing.assert_array_equal(result.ids, points.ids)
    np.testing.assert_array_equal(result.labels, points.labels)
    np.testing.assert_array_equal(result.split, points.split)
    assert result.x.shape == (6, 64) and result.x.dtype == np.float32
    assert result.metadata["deskewed"] == "moments"
    np.testing.assert_allclose(result.x, deskew_images(x.reshape(6, 8, 8)).reshape(6, 64))


def test_points_that_are_not_images_are_refused():
    cloud = Points(np.arange(3), np.zeros((3, 2)), np.zeros(3, np.int16), metadata={})
    with pytest.raises(ValueError, match="not images.*deskew: false"):
        deskew(cloud)
