"""Deskewing: each image sheared about its centre of mass until its ink leans neither way.

The classic moment-based deskew. Of an image's ink (pixel values as weights), take the centre
of mass and the covariance of row and column. Output pixel (r, c) reads the input at row
``r + centre_row - rows / 2`` and column ``c + centre_col - cols / 2 + alpha * (r - rows / 2)``,
with ``alpha = cov(row, col) / var(row)``: a shear about the centre of mass that makes that
covariance 0, which also moves the centre of mass to the middle of the image. On MNIST the
move matters: without it the mixture of the manifold path found 0.978, with it 0.981
(bench/RESULTS.md). Pixels are resampled by bilinear interpolation and ink moved past the
border is lost, as `scipy.ndimage.affine_transform` (``order=1``, ``mode="constant"``) does
with the matrix ``[[1, 0], [alpha, 1]]`` and that offset. A pure function: no seed.
"""

import numpy as np

from digit_clustering.tables import Points

CHUNK_IMAGES = 10_000  # bounds the temporaries: 10,000 images of 784 float64 pixels is 63 MB


def moments(images: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each image's shear ``alpha`` and the row and column of its centre of mass.

    A blank image has nothing to straighten or move: its centre is the image's middle and its
    ``alpha`` 0, as is the ``alpha`` of an image whose ink lies in a single row.
    """
    n, rows, cols = images.shape
    weights = images.reshape(n, rows * cols).astype(np.float64)
    row, col = (grid.ravel().astype(np.float64) for grid in np.mgrid[:rows, :cols])
    mass = weights.sum(axis=1)
    inked = mass > 0
    safe_mass = np.where(inked, mass, 1.0)
    centre_row = np.where(inked, weights @ row / safe_mass, rows / 2)
    centre_col = np.where(inked, weights @ col / safe_mass, cols / 2)
    row_variance = weights @ row**2 / safe_mass - centre_row**2
    covariance = weights @ (row * col) / safe_mass - centre_row * centre_col
    slanted = inked & (row_variance > 1e-12)
    alpha = np.where(slanted, covariance / np.where(slanted, row_variance, 1.0), 0.0)
    return alpha, centre_row, centre_col


def deskew_images(images: np.ndarray) -> np.ndarray:
    """Deskew (n, rows, cols) images; returns float32 images of the same shape and range."""
    out = np.empty(images.shape, dtype=np.float32)
    for start in range(0, len(images), CHUNK_IMAGES):
        chunk = images[start : start + CHUNK_IMAGES]
        out[start : start + CHUNK_IMAGES] = _resampled(chunk, *moments(chunk))
    return out


def _resampled(images, alpha, centre_row, centre_col) -> np.ndarray:
    """Each output row r of an image reads one input row position and a column shift that
    are constant along it, so its bilinear samples blend two input rows, each read at two
    whole-pixel column offsets."""
    n, rows, cols = images.shape
    middle_row, middle_col = rows / 2, cols / 2
    out_rows = np.arange(rows)[None, :]
    source_row = out_rows + (centre_row - middle_row)[:, None]  # (n, rows)
    shift = (centre_col - middle_col)[:, None] + alpha[:, None] * (out_rows - middle_row)
    top, left = np.floor(source_row), np.floor(shift)
    weight_down = (source_row - top).astype(np.float32)[:, :, None]
    weight_right = (shift - left).astype(np.float32)[:, :, None]
    columns = np.arange(cols)[None, None, :] + left.astype(np.int32)[:, :, None]
    # scipy's "constant" mode: a sample outside [0, size - 1] in either axis is black, with no
    # blending. A zero row and column after the image are what a sample on the last row or
    # column blends in, with weight 0.
    inside = (columns >= 0) & (columns + weight_right <= cols - 1)
    inside &= ((source_row >= 0) & (source_row <= rows - 1))[:, :, None]
    np.clip(columns, 0, cols - 1, out=columns)
    first_row = np.clip(top, 0, rows - 1).astype(np.int32)
    image_start = np.arange(n, dtype=np.int32)[:, None] * ((rows + 1) * (cols + 1))
    columns += (image_start + first_row * (cols + 1))[:, :, None]
    padded = np.zeros((n, rows + 1, cols + 1), dtype=np.float32)
    padded[:, :rows, :cols] = images
    flat = padded.ravel()

    def row_at(offset: int) -> np.ndarray:
        left_value = np.take(flat, columns + offset)
        return left_value + weight_right * (np.take(flat, columns + offset + 1) - left_value)

    upper = row_at(0)
    blended = upper + weight_down * (row_at(cols + 1) - upper)
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
