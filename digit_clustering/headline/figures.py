"""The headline's figures: its clusters laid out in 2-D beside the true digits, and example
images of the digits it takes for one another."""

import os

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba

from digit_clustering.figures.image_grids import image_rows_figure
from digit_clustering.figures.style import STYLE, message_figure, plt, save
from digit_clustering.headline.choice import UNMATCHED

UNMATCHED_COLOUR = "#bbbbbb"


def embedding_figure(
    view: np.ndarray, truth: np.ndarray, predicted: np.ndarray, title: str, output
) -> None:
    """Two scatters of the same 2-D view: points coloured by the digit their cluster stands
    for, and by their true digit. Where the colours differ, the clustering is wrong."""
    order = np.random.default_rng(0).permutation(len(view))  # no digit painted over the rest
    view, truth, predicted = view[order], truth[order], predicted[order]
    palette = plt.get_cmap("tab10")
    size = float(np.clip(10_000 / len(view), 0.3, 8.0))
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(1, 2, figsize=(11, 5.4), layout="constrained")
        panels = [("clusters, coloured by the digit each stands for", predicted)]
        panels.append(("true digits", truth))
        for axis, (caption, digits) in zip(axes, panels, strict=True):
            colours = palette(digits % 10)
            colours[digits == UNMATCHED] = to_rgba(UNMATCHED_COLOUR)
            axis.scatter(view[:, 0], view[:, 1], c=colours, s=size, linewidths=0, rasterized=True)
            for digit in np.unique(digits[digits != UNMATCHED]):
                x, y = np.median(view[digits == digit], axis=0)
                axis.text(
                    x,
                    y,
                    str(digit),
                    fontsize=12,
                    fontweight="bold",
                    ha="center",
                    va="center",
                    bbox={"boxstyle": "round", "fc": "white", "alpha": 0.7},
                )
            axis.set_title(caption)
            axis.set_xticks([])
            axis.set_yticks([])
        figure.suptitle(title, fontsize=9)
        save(figure, output)


def confused_pairs_figure(
    pixels: np.ndarray,
    truth: np.ndarray,
    predicted: np.ndarray,
    pairs: pd.DataFrame,
    image_shape: tuple[int, int],
    title: str,
    output: str | os.PathLike,
    per_row: int = 10,
) -> None:
    """For each confused pair, a row of images of each digit taken for the other (none for
    a direction with no mistake)."""
    if pairs.empty:
        message_figure(f"{title}\nno digit was taken for another", output)
        return
    rows, row_titles = [], []
    for pair in pairs.itertuples():
        for shown, taken_for, count in (
            (pair.first, pair.second, pair.first_as_second),
            (pair.second, pair.first, pair.second_as_first),
        ):
            if count == 0:
                continue
            members = np.flatnonzero((truth == shown) & (predicted == taken_for))[:per_row]
            row = np.full((per_row, pixels.shape[1]), np.nan)
            row[: len(members)] = pixels[members]
            rows.append(row)
            row_titles.append(f"{shown} taken for {taken_for} ({count:,})")
    captions = np.full((len(rows), per_row), "", dtype=object)
    image_rows_figure(np.stack(rows), captions, row_titles, image_shape, title, output)
