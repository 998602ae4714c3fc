"""Figures across runs, drawn from the aggregated metrics table."""

import os
from pathlib import Path

import numpy as np
import pandas as pd

from digit_clustering.figures.catalogue import png
from digit_clustering.figures.style import STYLE, plt, save
from digit_clustering.settings.codec import short_names

SWEEP_PANELS = [
    ("sse", "SSE (elbow)"),
    ("silhouette", "silhouette (higher: better)"),
    ("davies_bouldin", "Davies-Bouldin (lower: better)"),
    ("calinski_harabasz", "Calinski-Harabasz (higher: better)"),
    ("fit_bic", "BIC (lower: better)"),
    ("accuracy", "accuracy (needs the labels)"),
]


def summary_chart(metrics: pd.DataFrame, output: str | os.PathLike) -> None:
    """Accuracy, ARI and NMI of every run, best accuracy first."""
    ordered = metrics.sort_values("accuracy", kind="stable")
    names = short_names(metrics["run"].tolist())
    height = max(2.5, 0.28 * len(ordered) + 1)
    figure, axis = plt.subplots(figsize=(9, height), layout="constrained")
    rows = np.arange(len(ordered))
    for offset, (column, colour) in enumerate(
        [("accuracy", "#1b6ca8"), ("ari", "#e07b00"), ("nmi", "#3a9d3a")]
    ):
        axis.barh(
            rows + (offset - 1) * 0.27,
            ordered[column],
            height=0.27,
            color=colour,
            label=column.upper() if column != "accuracy" else "accuracy",
        )
    axis.set_yticks(rows, ordered["run"].map(names), fontsize=7)
    axis.set_xlim(0, 1)
    axis.set_xlabel("score (1 is the true digits)")
    axis.legend(loc="lower right")
    axis.set_title("Every run's headline metrics")
    save(figure, output)


def sweep_groups(metrics: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """Runs of one method and space that differ only in k, when there are at least three."""
    groups = {}
    if "param_k" not in metrics:
        return groups
    for (method, space), group in metrics.dropna(subset=["param_k"]).groupby(["method", "space"]):
        others = [c for c in group if c.startswith("param_") and c != "param_k"]
        for _, same in group.groupby(others, dropna=False) if others else [(None, group)]:
            if same["param_k"].nunique() >= 3:
                groups[(method, space)] = same.sort_values("param_k")
                break
    return groups


def sweep_figure(metrics: pd.DataFrame, output: str | os.PathLike) -> bool:
    """The label-free criteria of k (SSE, silhouette, Davies-Bouldin, Calinski-Harabasz, BIC)
    and accuracy against k for every k sweep, with the true 10 marked; False if there is none."""
    groups = sweep_groups(metrics)
    if not groups:
        return False
    figure, axes = plt.subplots(
        2, len(SWEEP_PANELS) // 2, figsize=(3.6 * len(SWEEP_PANELS) // 2, 6.2), layout="constrained"
    )
    for axis, (column, title) in zip(axes.flat, SWEEP_PANELS, strict=True):
        for (method, space), group in groups.items():
            if column in group and group[column].notna().any():
                axis.plot(group["param_k"], group[column], marker="o", label=f"{method} / {space}")
        axis.axvline(10, color="grey", linestyle=":", linewidth=1)
        axis.set_xlabel("k (dotted: the 10 digits)")
        axis.set_title(title)
    axes.flat[0].legend(fontsize=7)
    save(figure, output)
    return True


def dbscan_grid(metrics: pd.DataFrame, output: str | os.PathLike) -> bool:
    """Cluster count and noise fraction over eps x min_samples; False without DBSCAN runs.
    Each run is placed at the eps it used (`fit_eps`: given, or set by its core_fraction)."""
    runs = metrics[metrics["method"] == "dbscan"]
    if runs.empty:
        return False
    figure, axes = plt.subplots(1, 2, figsize=(9, 3.4), layout="constrained")
    for axis, column, title in zip(
        axes, ["n_clusters", "noise_fraction"], ["clusters found", "noise fraction"], strict=True
    ):
        grid = runs.pivot_table(index="param_min_samples", columns="fit_eps", values=column)
        image = axis.imshow(grid.to_numpy(), cmap="viridis", aspect="auto", origin="lower")
        axis.set_xticks(range(len(grid.columns)), [f"{e:.3g}" for e in grid.columns])
        axis.set_yticks(range(len(grid.index)), [str(int(m)) for m in grid.index])
        for (row, col), value in np.ndenumerate(grid.to_numpy()):
            axis.text(col, row, f"{value:.2g}", ha="center", va="center", color="white")
        axis.set_xlabel("eps")
        axis.set_ylabel("min_samples")
        axis.set_title(f"DBSCAN: {title}")
        figure.colorbar(image, ax=axis)
    save(figure, output)
    return True


def draw_all(metrics: pd.DataFrame, directory: str | os.PathLike) -> list[Path]:
    """Every study figure that applies, into `directory`; returns the files written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    with plt.rc_context(STYLE):
        summary_chart(metrics, directory / png("summary"))
        written = [directory / png("summary")]
        for name, draw in (("sweeps", sweep_figure), ("dbscan_grid", dbscan_grid)):
            if draw(metrics, directory / png(name)):
                written.append(directory / png(name))
    return written
