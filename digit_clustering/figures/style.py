"""Figures of one run that are not image grids: the confusion matrix, a 2-D scatter; and the
style and saving every figure shares."""

import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from digit_clustering.evaluation.contingency import contingency
from digit_clustering.jobs import provenance  # noqa: E402
from digit_clustering.jobs.atomic import atomic_path  # noqa: E402
from digit_clustering.methods.clustering import NOISE  # noqa: E402

STYLE = {"font.size": 9, "axes.titlesize": 9, "figure.dpi": 100}


def png_metadata() -> dict:
    """PNG text chunks: the running job's provenance, and not matplotlib's own "Software"
    stamp, which a provenance-less figure would otherwise carry."""
    made_by = provenance.current()
    if made_by is None:
        return {"Software": None}
    return {"Software": None, "Provenance": json.dumps(made_by, sort_keys=True)}


def scatter_figure(x, clusters, centres, title: str, output: str | os.PathLike):
    """The points on their first two coordinates, coloured by cluster, centres marked."""
    with plt.rc_context(STYLE):
        figure, axis = plt.subplots(figsize=(5, 4.5), layout="constrained")
        axis.scatter(x[:, 0], x[:, 1 % x.shape[1]], c=clusters, s=3, cmap="tab10", alpha=0.6)
        if len(centres):
            axis.scatter(
                centres[:, 0], centres[:, 1 % centres.shape[1]], marker="x", c="black", s=60
            )
        axis.set_xlabel("feature 1")
        axis.set_ylabel("feature 2")
        axis.set_title(title)
        save(figure, output)


def confusion_figure(truth, clusters, title: str, output: str | os.PathLike):
    """Counts of every cluster (rows, by majority digit) against every true label (columns)."""
    table, cluster_ids = contingency(truth, clusters)
    labels = np.unique(truth[clusters != NOISE])
    if len(cluster_ids) == 0:
        message_figure(f"{title}\nno cluster: every point is noise", output)
        return
    order = np.lexsort((-table.max(axis=1), table.argmax(axis=1)))
    table, cluster_ids = table[order], cluster_ids[order]
    with plt.rc_context(STYLE):
        height = min(12, 1.2 + 0.3 * len(cluster_ids))
        figure, axis = plt.subplots(
            figsize=(1.2 + 0.45 * len(labels), height), layout="constrained"
        )
        axis.imshow(table / np.maximum(table.sum(axis=1, keepdims=True), 1), cmap="Blues")
        if table.size <= 400:
            for (row, column), count in np.ndenumerate(table):
                axis.text(column, row, str(count), ha="center", va="center", fontsize=6)
        axis.set_xticks(range(len(labels)), labels)
        axis.set_yticks(range(len(cluster_ids)), cluster_ids, fontsize=7)
        axis.set_xlabel("true label")
        axis.set_ylabel("cluster (ordered by majority label)")
        axis.set_title(title, fontsize=8)
        save(figure, output)


def message_figure(message: str, output):
    with plt.rc_context(STYLE):
        figure = plt.figure(figsize=(6, 1.2))
        figure.text(0.5, 0.5, message, ha="center", va="center")
        save(figure, output)


def save(figure, output, tight: bool = False):
    """Write the figure as PNG (atomically, with no library version in it); `tight` trims it
    to what is drawn, for figures whose labels would otherwise be cut."""
    with atomic_path(output) as temporary:
        figure.savefig(
            temporary,
            format="png",
            metadata=png_metadata(),
            bbox_inches="tight" if tight else None,
            pad_inches=0.1,
        )
    plt.close(figure)
