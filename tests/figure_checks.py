"""What a figure shows, for the figure tests: its pixels as saved, and the matplotlib artists
it was drawn with (captured by wrapping the `save` a figure module calls)."""

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from digit_clustering.figures.image_grids import PAD

TOLERANCE = 12  # a pixel this close to white (0-255, in every channel) is blank
PAD_INCHES = 0.1  # style.save pads a tight figure by this much


def load(path) -> np.ndarray:
    """A PNG as an (height, width, 3) uint8 RGB array."""
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"))


def inked(image: np.ndarray, tolerance: int = TOLERANCE) -> np.ndarray:
    """The pixels that differ from white by more than `tolerance` in some channel."""
    return (255 - image.astype(np.int16) > tolerance).any(axis=-1)


def non_blank_fraction(image: np.ndarray, region=None, tolerance: int = TOLERANCE) -> float:
    """The share of the pixels of `region` ((rows, columns) slices; all of it by default) that
    are not white."""
    part = image if region is None else image[region]
    if part.size == 0:
        raise ValueError(f"empty region {region} of an image of shape {image.shape}")
    return float(inked(part, tolerance).mean())


def capture(monkeypatch, *modules) -> list:
    """The figures the `save` of each module is called with, from now on, in order; each is
    still saved as before."""
    figures = []
    for module in modules:
        real = module.save

        def recording(figure, *arguments, _real=real, **options):
            figures.append(figure)
            return _real(figure, *arguments, **options)

        monkeypatch.setattr(module, "save", recording)
    return figures


def png_offset(figure, tight: bool) -> tuple[float, float, float]:
    """(left, bottom, height) in display pixels of what a save wrote into its PNG: the whole
    figure, or for a tight save the drawn part padded by PAD_INCHES."""
    if not tight:
        return 0.0, 0.0, figure.bbox.height
    canvas = figure.canvas if hasattr(figure.canvas, "get_renderer") else FigureCanvasAgg(figure)
    box = figure.get_tightbbox(canvas.get_renderer()).padded(PAD_INCHES)
    return box.x0 * figure.dpi, box.y0 * figure.dpi, box.height * figure.dpi


def data_region(figure, axis, x_range, y_range, tight: bool = False, margin: int = 2):
    """The (rows, columns) slices of the saved PNG that show data coordinates `x_range` x
    `y_range` of `axis`, shrunk by `margin` pixels on every side (anti-aliased edges)."""
    left, bottom, height = png_offset(figure, tight)
    corners = axis.transData.transform([[x_range[0], y_range[0]], [x_range[1], y_range[1]]])
    xs = sorted(corners[:, 0] - left)
    rows = sorted(height - (corners[:, 1] - bottom))
    return (
        slice(round(rows[0]) + margin, round(rows[1]) - margin),
        slice(round(xs[0]) + margin, round(xs[1]) - margin),
    )


def picture_region(figure, axis, top, left, height, width, tight: bool = False, margin: int = 2):
    """The PNG region of picture[top : top + height, left : left + width] of an `imshow`."""
    return data_region(
        figure,
        axis,
        (left - 0.5, left + width - 0.5),
        (top - 0.5, top + height - 0.5),
        tight,
        margin,
    )


def colour_at(image: np.ndarray, figure, axis, x: float, y: float, tight: bool = False):
    """The RGB colour (0-255) of the saved PNG at data point (x, y) of `axis`."""
    rows, columns = data_region(figure, axis, (x, x), (y, y), tight, margin=0)
    return image[rows.start, columns.start].astype(int)


def mosaic_cells(
    image: np.ndarray, figure, axis, grid, image_shape, row_gap: int = PAD, tight: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """How much of each cell of a mosaic (image_grids.mosaic: `grid` = (rows, columns) images
    of `image_shape`) that `axis` draws is not blank in the saved PNG; and of the gap right of
    each cell (NaN right of the last column)."""
    height, width = image_shape
    cells, gaps = np.full(grid, np.nan), np.full(grid, np.nan)
    for row, column in np.ndindex(*grid):
        top, left = row * (height + row_gap), column * (width + PAD)
        box = picture_region(figure, axis, top, left, height, width, tight)
        cells[row, column] = non_blank_fraction(image, box)
        if column + 1 < grid[1]:
            gap = picture_region(figure, axis, top, left + width, height, PAD, tight)
            gaps[row, column] = non_blank_fraction(image, gap)
    return cells, gaps


def image_array(axis, index: int = 0) -> np.ndarray:
    """The array an `imshow` of `axis` draws, masked (NaN: blank) cells as NaN."""
    return np.ma.filled(np.ma.masked_invalid(axis.images[index].get_array()).astype(float), np.nan)


def texts(artist) -> list[str]:
    """The strings of the texts drawn on a figure or an axis (not its titles or tick labels)."""
    return [text.get_text() for text in artist.texts]


def tick_labels(axis, which: str = "y") -> list[str]:
    ticks = axis.get_yticklabels() if which == "y" else axis.get_xticklabels()
    return [label.get_text() for label in ticks]


def pixel_size(figure) -> tuple[int, int]:
    """(height, width) in pixels of the figure saved whole."""
    width, height = figure.get_size_inches() * figure.dpi
    return round(height), round(width)
