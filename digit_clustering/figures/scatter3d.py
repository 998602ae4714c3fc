"""Point clouds of three features: a static 3-D scatter, and a page to turn it with the mouse.

The page is a plotly figure: one trace per cluster (the legend shows and hides each), the
noise in grey, the centres as black crosses; drag turns the cloud, the wheel zooms. It loads
plotly's JavaScript from the one copy the study writes beside its runs
(results/{dataset}/plotly.min.js, by `plotly_js_step`) through a relative link, so it opens
from disk with no network, and each run's page holds only its points.
"""

import html
import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from digit_clustering.jobs.atomic import atomic_path
from digit_clustering.methods.clustering import NOISE

if TYPE_CHECKING:
    import plotly.graph_objects as go

PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
]  # fmt: skip
NOISE_COLOUR = "#bbbbbb"
DIV_ID = "scatter3d"  # fixed: plotly would draw a random one, and the page must rebuild alike
HOVER = "point %{{customdata}}, {name}<br>(%{{x:.3g}}, %{{y:.3g}}, %{{z:.3g}})<extra></extra>"


def colours(clusters: np.ndarray) -> list[str]:
    return [NOISE_COLOUR if c == NOISE else PALETTE[c % len(PALETTE)] for c in clusters.tolist()]


# plotly and matplotlib are imported by the functions that draw with them: a job that draws
# no cloud (image figures, the plotly_js copy) then starts without them.


def scatter3d_figure(x, clusters, centres, title: str, output: str | os.PathLike):
    """The points on their three features, coloured by cluster (grey: noise), centres marked."""
    from digit_clustering.figures.style import STYLE, plt, save

    with plt.rc_context(STYLE):
        figure = plt.figure(figsize=(5.5, 5), layout="constrained")
        axis = figure.add_subplot(projection="3d")
        axis.scatter(x[:, 0], x[:, 1], x[:, 2], c=colours(clusters), s=2, alpha=0.6)
        if len(centres):
            axis.scatter(*centres[:, :3].T, marker="x", c="black", s=60, depthshade=False)
        axis.set_xlabel("feature 1")
        axis.set_ylabel("feature 2")
        axis.set_zlabel("feature 3")
        axis.set_title(title)
        save(figure, output)


def plotly_js_step(output: str | os.PathLike):
    """The copy of plotly's JavaScript (shipped inside the plotly package) the pages load."""
    import plotly.offline

    with atomic_path(output) as temporary:
        temporary.write_bytes(plotly.offline.get_plotlyjs().encode("utf-8"))


def three_columns(rows: np.ndarray) -> np.ndarray:
    """The first three features; a cloud of fewer lies flat (zero) in the missing ones."""
    if len(rows) == 0:
        return np.zeros((0, 3))
    rows = np.asarray(rows, dtype=np.float64).reshape(len(rows), -1)[:, :3]
    return np.pad(rows, ((0, 0), (0, 3 - rows.shape[1])))


def scatter3d_plotly(x, clusters, centres, title: str, ids=None) -> "go.Figure":
    """The figure of the page: a trace per cluster, then the noise ("noise"), then the
    centres ("centres"); hovering a point shows its id and cluster."""
    import plotly.graph_objects as go

    x, centres = three_columns(x), three_columns(centres)
    clusters = np.asarray(clusters)
    ids = np.arange(len(x)) if ids is None else np.asarray(ids)
    figure = go.Figure()

    def points(rows: np.ndarray, name: str, colour: str):
        figure.add_trace(
            go.Scatter3d(
                x=x[rows, 0].astype(np.float32),
                y=x[rows, 1].astype(np.float32),
                z=x[rows, 2].astype(np.float32),
                customdata=ids[rows],
                mode="markers",
                marker={"size": 2, "color": colour, "opacity": 0.7},
                name=name,
                hovertemplate=HOVER.format(name=name),
            )
        )

    for cluster in np.unique(clusters[clusters != NOISE]).tolist():
        points(clusters == cluster, f"cluster {cluster}", PALETTE[cluster % len(PALETTE)])
    if (clusters == NOISE).any():
        points(clusters == NOISE, "noise", NOISE_COLOUR)
    if len(centres):
        figure.add_trace(
            go.Scatter3d(
                x=centres[:, 0],
                y=centres[:, 1],
                z=centres[:, 2],
                customdata=np.arange(len(centres)),
                mode="markers",
                marker={"size": 8, "color": "black", "symbol": "cross"},
                name="centres",
                hovertemplate="centre %{customdata}<extra></extra>",
            )
        )
    figure.update_layout(
        template="plotly_white",
        title={"text": html.escape(title)},  # plotly reads its text as HTML: entities decode
        legend={"itemsizing": "constant", "title": {"text": "click to hide or show"}},
        margin={"l": 0, "r": 0, "b": 0, "t": 40},
        scene={
            "aspectmode": "data",
            "xaxis_title": "feature 1",
            "yaxis_title": "feature 2",
            "zaxis_title": "feature 3",
        },
    )
    return figure


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: system-ui, sans-serif; margin: 0 1rem; }}</style></head><body>
<p>Drag to turn the cloud, scroll to zoom; click a cluster in the legend to hide or show it.
Colours are clusters, grey is noise, black crosses are centres.</p>
{figure}
</body></html>
"""


def scatter3d_page(
    x,
    clusters,
    centres,
    title: str,
    output: str | os.PathLike,
    plotly_js: str | os.PathLike,
    ids=None,
):
    """The interactive view, loading plotly from `plotly_js` (a path, linked relative to the
    page's directory). The page is the same bytes for the same points."""
    source = Path(os.path.relpath(plotly_js, Path(output).parent)).as_posix()
    figure = scatter3d_plotly(x, clusters, centres, title, ids).to_html(
        include_plotlyjs=source,
        full_html=False,
        div_id=DIV_ID,
        default_height="85vh",
        config={"displaylogo": False, "responsive": True},
    )
    page = PAGE.format(title=html.escape(title), figure=figure)
    with atomic_path(output) as temporary:
        temporary.write_text(page, encoding="utf-8")
