"""Deskewing: each image sheared about its centre of mass until its ink leans neither way.

The classic moment-based deskew. Of an image's ink (pixel values as weights), take the centre
of mass and the covariance of row and column; shearing each row sideways by
``alpha * (row - centre_row)``, with ``alpha = cov(row, col) / var(row)``, makes that
covariance 0. Pixels are resampled by bilinear interpolation, and ink sheared past the border
is lost, as `scipy.ndimage.affine_transform` (``order=1``, ``mode="constant"``) does with the
matrix ``[[1, 0], [alpha, 1]]`` about the centre of mass. It is a pure function: no seed.
"""

import numpy as np

from digit_clustering.tables import Points, read_points, write_points

CHUNK_IMAGES = 10_000  # bounds the temporaries: 10,000 images of 784 float64 pixels is 63 MB


def shear_factors(images: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each image's shear ``alpha`` and the row of its centre of mass.

    A blank image, or one whose ink lies in a single row, has nothing to straighten: its
    ``alpha`` is 0.
    """
    n, rows, cols = images.shape
    weights = images.reshape(n, rows * cols).astype(np.float64)
    row, col = (grid.ravel().astype(np.float64) for grid in np.mgrid[:rows, :cols])
    mass = weights.sum(axis=1)
    inked = mass > 0
    safe_mass = np.where(inked, mass, 1.0)
    centre_row = weights @ row / safe_mass
    centre_col = weights @ col / safe_mass
    row_variance = weights @ row**2 / safe_mass - centre_row**2
    covariance = weights @ (row * col) / safe_mass - centre_row * centre_col
    slanted = inked & (row_variance > 1e-12)
    alpha = np.where(slanted, covariance / np.where(slanted, row_variance, 1.0), 0.0)
    return alpha, centre_row


def deskew_images(images: np.ndarray) -> np.ndarray:
    """Deskew (n, rows, cols) images; returns float32 images of the same shape and range."""
    out = np.empty(images.shape, dtype=np.float32)
    for start in range(0, len(images), CHUNK_IMAGES):
        chunk = images[start : start + CHUNK_IMAGES]
        out[start : start + CHUNK_IMAGES] = _sheared(chunk, *shear_factors(chunk))
    return out


def _sheared(images: np.ndarray, alpha: np.ndarray, centre_row: np.ndarray) -> np.ndarray:
    """Row r of each image, sampled at columns ``c + alpha * (r - centre_row)``.

    The shift is the same along a row, so each output row blends the row read from two
    whole-pixel offsets, ``floor(shift)`` and one more, by the shift's fraction.
    """
    n, rows, cols = images.shape
    shift = alpha[:, None] * (np.arange(rows)[None, :] - centre_row[:, None])  # (n, rows)
    offset = np.floor(shift)
    fraction = (shift - offset).astype(np.float32)[:, :, None]
    source = np.arange(cols)[None, None, :] + offset.astype(np.int32)[:, :, None]
    # scipy's "constant" mode: a sample outside [0, cols - 1] is black, with no blending. A
    # zero column after each row is what a sample on the last column blends in, with weight 0.
    inside = (source >= 0) & (source + fraction <= cols - 1)
    np.clip(source, 0, cols - 1, out=source)
    source += (np.arange(n * rows, dtype=np.int32) * (cols + 1)).reshape(n, rows, 1)
    padded = np.zeros((n, rows, cols + 1), dtype=np.float32)
    padded[:, :, :cols] = images
    flat = padded.ravel()
    left = np.take(flat, source)
    right = np.take(flat, source + 1)
    blended = left + fraction * (right - left)
    blended *= inside
    return blended


def deskew(points: Points) -> Points:
    """The points' images deskewed; ids, labels and split untouched."""
    if points.image_shape is None:
        raise ValueError(
            f"the points of {points.metadata.get('dataset', 'this dataset')} are not images, "
            "so they cannot be deskewed; set deskew: false for this dataset"
        )
    images = deskew_images(points.x.reshape(len(points.ids), *points.image_shape))
    images = images.reshape(points.x.shape)
    metadata = {**points.metadata, "deskewed": "moments"}
    return Points(points.ids, images, points.labels, points.split, metadata)


def deskew_step(input_path: str, output: str):
    write_points(deskew(read_points(input_path)), output)
