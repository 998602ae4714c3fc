"""Figures of one run that are not image grids: the confusion matrix and a 2-D scatter."""

import os

import numpy as np

from digit_clustering.evaluation.contingency import contingency
from digit_clustering.figures.style import STYLE, message_figure, plt, save
from digit_clustering.methods.clustering import NOISE


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
