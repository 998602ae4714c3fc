"""The heat map of the ARI between every pair of runs on the same points."""

import os

import numpy as np

from digit_clustering.figures.style import STYLE, plt, save
from digit_clustering.settings.codec import short_names
from digit_clustering.tables import read_parquet


def agreement_figure(matrix: np.ndarray, names: list[str], output: str | os.PathLike) -> None:
    """The ARI between every pair of runs on the same points, as an annotated heat map."""
    n = len(names)
    with plt.rc_context(STYLE):
        size = 2.5 + 0.32 * n
        figure, axis = plt.subplots(figsize=(size + 1.5, size), layout="constrained")
        image = axis.imshow(matrix, cmap="viridis", vmin=min(0.0, matrix.min()), vmax=1)
        if n <= 40:
            for (row, column), value in np.ndenumerate(matrix):
                colour = "black" if value > 0.6 else "white"
                axis.text(
                    column, row, f"{value:.2f}", ha="center", va="center", fontsize=5, color=colour
                )
        axis.set_xticks(range(n), names, rotation=90, fontsize=6)
        axis.set_yticks(range(n), names, fontsize=6)
        axis.set_title("ARI between every pair of runs on the same points")
        figure.colorbar(image, ax=axis, shrink=0.6, label="ARI")
        save(figure, output)


def agreement_figure_step(table_path: str, output: str) -> None:
    """Draw the agreement table of one set of points (every ordered pair of runs, in order)."""
    table = read_parquet(table_path).to_pandas()
    runs = list(dict.fromkeys(table["run"]))
    matrix = table["ari"].to_numpy().reshape(len(runs), len(runs))
    names = short_names(runs)
    agreement_figure(matrix, [names[run] for run in runs], output)
