"""Tangent distance (Simard, LeCun and Denker): the distance between two images after letting
each move a little along the directions in which a digit changes without changing its meaning.

Each image gets seven tangent vectors, from the gradients gx, gy of the image blurred by a
Gaussian and the pixel coordinates X, Y about its centre: x-shift gx, y-shift gy, rotation
Y gx - X gy, scaling X gx + Y gy, parallel hyperbolic X gx - Y gy, diagonal hyperbolic
Y gx + X gy and thickness sqrt(gx² + gy²). They are orthonormalised per image, so that the
one-sided squared distance from a to b, min over t of |a + T_a t - b|², is |b - a|² less the
squared length of b - a projected on a's tangents. The distance of a pair is the square root of
the mean of its two one-sided ones, so it is symmetric.
"""

import numpy as np
from scipy.ndimage import gaussian_filter

TANGENTS = ("x-shift", "y-shift", "rotation", "scaling", "parallel", "diagonal", "thickness")
# A tangent whose part orthogonal to the others is this small (relative to the image's
# largest) spans nothing new: a blank image has none, and no direction is invented for it.
RANK_TOLERANCE = 1e-6


def blurred(images: np.ndarray, shape: tuple[int, int], blur: float) -> np.ndarray:
    """The images (n, h * w) blurred by a Gaussian of `blur` pixels, as (n, h, w) float32."""
    stack = images.reshape(-1, *shape).astype(np.float32)
    if blur == 0:
        return stack
    return gaussian_filter(stack, sigma=(0, blur, blur), mode="constant").astype(np.float32)


def tangent_vectors(stack: np.ndarray) -> np.ndarray:
    """The seven tangents of each image of `stack` (n, h, w), as (n, 7, h * w) float32."""
    n, height, width = stack.shape
    gy, gx = np.gradient(stack, axis=(1, 2))
    y = np.arange(height, dtype=np.float32) - (height - 1) / 2
    x = np.arange(width, dtype=np.float32) - (width - 1) / 2
    ys, xs = y[:, np.newaxis], x[np.newaxis, :]
    tangents = (
        gx,
        gy,
        ys * gx - xs * gy,
        xs * gx + ys * gy,
        xs * gx - ys * gy,
        ys * gx + xs * gy,
        np.sqrt(gx * gx + gy * gy),
    )
    return np.stack(tangents, axis=1).reshape(n, len(TANGENTS), height * width)


def orthonormal_bases(tangents: np.ndarray) -> np.ndarray:
    """An orthonormal basis (n, 7, p) of each image's tangents, by QR; the columns of a
    rank-deficient image (a blank one) beyond its rank are zero."""
    q, r = np.linalg.qr(np.swapaxes(tangents, 1, 2).astype(np.float64))
    diagonal = np.abs(np.diagonal(r, axis1=1, axis2=2))
    scale = np.linalg.norm(tangents, axis=2).max(axis=1, keepdims=True)
    spans = diagonal > RANK_TOLERANCE * np.maximum(scale, np.finfo(np.float32).tiny)
    return np.swapaxes(q * spans[:, np.newaxis, :], 1, 2).astype(np.float32)


def tangent_bases(stack: np.ndarray, chunk_rows: int = 2048) -> np.ndarray:
    """Each image's orthonormal tangent basis (n, 7, h * w) of `stack` (n, h, w), formed in
    chunks of images so that memory stays near the bases themselves."""
    n, height, width = stack.shape
    bases = np.empty((n, len(TANGENTS), height * width), dtype=np.float32)
    for start in range(0, n, chunk_rows):
        bases[start : start + chunk_rows] = orthonormal_bases(
            tangent_vectors(stack[start : start + chunk_rows])
        )
    return bases


def one_sided(a: np.ndarray, basis_a: np.ndarray, b: np.ndarray) -> float:
    """The squared distance from b to the tangent plane of a: |b - a|² - |T_a (b - a)|²."""
    difference = (b - a).astype(np.float64)
    projected = basis_a.astype(np.float64) @ difference
    return max(float(difference @ difference - projected @ projected), 0.0)


def pair_distance(a, basis_a, b, basis_b) -> float:
    """The tangent distance of a pair: the root of the mean of its two one-sided ones."""
    return float(np.sqrt((one_sided(a, basis_a, b) + one_sided(b, basis_b, a)) / 2))
