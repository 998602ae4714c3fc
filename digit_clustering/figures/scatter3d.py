"""Point clouds of three features: a static 3-D scatter, and a page to turn it with the mouse.

The page is one self-contained HTML file: the points are inlined as JSON and drawn on a canvas
by a few lines of script, so it opens from disk with no library and no network.
"""

import html
import json
import os

import numpy as np

from digit_clustering.figures.style import STYLE, plt, save
from digit_clustering.jobs.atomic import atomic_path
from digit_clustering.methods.clustering import NOISE

PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
]  # fmt: skip
NOISE_COLOUR = "#bbbbbb"


def colours(clusters: np.ndarray) -> list[str]:
    return [NOISE_COLOUR if c == NOISE else PALETTE[c % len(PALETTE)] for c in clusters.tolist()]


def scatter3d_figure(x, clusters, centres, title: str, output: str | os.PathLike):
    """The points on their three features, coloured by cluster (grey: noise), centres marked."""
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


VIEWER = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: system-ui, sans-serif; margin: 1rem; }}
canvas {{ border: 1px solid #ccc; cursor: grab; }}</style></head><body>
<h1 style="font-size:1rem">{title}</h1>
<p>Drag to turn the cloud; colours are clusters, grey is noise, black crosses are centres.</p>
<canvas id="view" width="640" height="560"></canvas>
<script>
const points = {points};
const colours = {colours};
const centres = {centres};
const canvas = document.getElementById("view");
const context = canvas.getContext("2d");
let yaw = 0.6, pitch = 0.4;
function project(p) {{
  const x1 = p[0] * Math.cos(yaw) - p[2] * Math.sin(yaw);
  const z1 = p[0] * Math.sin(yaw) + p[2] * Math.cos(yaw);
  const y1 = p[1] * Math.cos(pitch) - z1 * Math.sin(pitch);
  const depth = p[1] * Math.sin(pitch) + z1 * Math.cos(pitch);
  return [canvas.width / 2 + 240 * x1, canvas.height / 2 - 240 * y1, depth];
}}
function draw() {{
  context.clearRect(0, 0, canvas.width, canvas.height);
  const order = points.map((p, i) => [project(p), i]).sort((a, b) => a[0][2] - b[0][2]);
  for (const [[u, v], i] of order) {{
    context.fillStyle = colours[i];
    context.fillRect(u - 1.5, v - 1.5, 3, 3);
  }}
  context.strokeStyle = "black";
  for (const c of centres) {{
    const [u, v] = project(c);
    context.beginPath();
    context.moveTo(u - 6, v - 6); context.lineTo(u + 6, v + 6);
    context.moveTo(u + 6, v - 6); context.lineTo(u - 6, v + 6);
    context.stroke();
  }}
}}
let dragging = null;
canvas.addEventListener("pointerdown", e => {{ dragging = [e.clientX, e.clientY]; }});
window.addEventListener("pointerup", () => {{ dragging = null; }});
window.addEventListener("pointermove", e => {{
  if (!dragging) return;
  yaw += (e.clientX - dragging[0]) * 0.01;
  pitch += (e.clientY - dragging[1]) * 0.01;
  dragging = [e.clientX, e.clientY];
  draw();
}});
draw();
</script></body></html>
"""


def three_columns(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float64)[:, :3]
    return np.pad(rows, ((0, 0), (0, 3 - rows.shape[1])))


def scatter3d_page(x, clusters, centres, title: str, output: str | os.PathLike):
    """The interactive view: coordinates scaled into [-1, 1] around the cloud's centre (a
    cloud of fewer than three features lies flat in the missing ones)."""
    x, centres = three_columns(x), three_columns(centres)
    middle = (x.max(axis=0) + x.min(axis=0)) / 2
    half_range = float(np.max(x.max(axis=0) - x.min(axis=0))) / 2 or 1.0

    def scaled(rows: np.ndarray) -> str:
        return json.dumps(np.round((rows - middle) / half_range, 4).tolist())

    page = VIEWER.format(
        title=html.escape(title),
        points=scaled(x),
        colours=json.dumps(colours(clusters)),
        centres=scaled(centres) if len(centres) else "[]",
    )
    with atomic_path(output) as temporary:
        temporary.write_text(page, encoding="utf-8")
