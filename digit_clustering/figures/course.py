"""Figures of how a fit went: J per iteration of Lloyd's restarts, and dendrograms."""

import os

import numpy as np

from digit_clustering.figures.image_grids import mosaic
from digit_clustering.figures.style import STYLE, plt, save

DENDROGRAM_LEVELS = 7


def lloyd_figure(
    trace,
    best_centres,
    worst_centres,
    image_shape: tuple[int, int] | None,
    title: str,
    output: str | os.PathLike,
):
    """J per iteration of every restart (faint), best and worst in bold; under it, for image
    data, the best and the worst restart's centres side by side."""
    final = trace.groupby("restart")["objective"].last()
    best, worst = int(final.idxmin()), int(final.idxmax())
    with plt.rc_context(STYLE):
        panels = 2 if image_shape else 1
        figure, axes = plt.subplots(
            panels,
            1,
            figsize=(8, 3.4 + 1.6 * (panels - 1)),
            height_ratios=[3, 1.6][:panels],
            squeeze=False,
            layout="constrained",
        )
        axis = axes[0, 0]
        for _, course in trace.groupby("restart"):
            axis.plot(course["iteration"], course["objective"], color="grey", alpha=0.35, lw=1)
        for restart, colour, name in ((best, "#1b6ca8", "best"), (worst, "#c0392b", "worst")):
            course = trace[trace["restart"] == restart]
            axis.plot(
                course["iteration"],
                course["objective"],
                color=colour,
                lw=2.2,
                label=f"{name}: restart {restart}, J={final[restart]:.6g}",
            )
        axis.set_xlabel("iteration")
        axis.set_ylabel("J (sum of squared distances)")
        axis.set_title(f"{title}\nJ per iteration of {len(final)} restarts")
        axis.legend()
        if image_shape:
            centres = np.stack([best_centres, worst_centres])
            axes[1, 0].imshow(mosaic(centres, image_shape), cmap="gray_r")
            axes[1, 0].set_yticks([image_shape[0] / 2, image_shape[0] * 1.5 + 2], ["best", "worst"])
            axes[1, 0].set_xticks([])
            axes[1, 0].set_title("centres of the best and the worst restart")
        save(figure, output)


def cut_height(distances: np.ndarray, k: int | None, threshold: float | None) -> float:
    """The height at which the tree is cut into the run's clusters."""
    if threshold is not None:
        return float(threshold)
    merges = len(distances)
    if k is None or k <= 1 or k > merges:
        return float(distances[-1])
    return float((distances[-k] + distances[-k + 1]) / 2)


def dendrogram_figure(trace, k: int | None, threshold: float | None, title: str, output):
    """The linkage tree truncated to its top levels, branches coloured below the cut."""
    from scipy.cluster.hierarchy import dendrogram  # 0.4 s that only dendrogram jobs need

    tree = trace[["left", "right", "distance", "size"]].to_numpy(dtype=np.float64)
    height = cut_height(tree[:, 2], k, threshold)
    with plt.rc_context(STYLE):
        figure, axis = plt.subplots(figsize=(11, 4.2), layout="constrained")
        dendrogram(
            tree,
            truncate_mode="level",
            p=DENDROGRAM_LEVELS,
            color_threshold=height,
            above_threshold_color="#888888",
            show_leaf_counts=True,
            leaf_font_size=6,
            ax=axis,
        )
        axis.axhline(height, color="#c0392b", linestyle="--", lw=1)
        axis.set_ylabel("merge distance")
        axis.set_title(
            f"{title}\ntop {DENDROGRAM_LEVELS} levels of {len(tree) + 1:,} leaves; leaf labels "
            "count the points below; dashed: the cut"
        )
        save(figure, output)
