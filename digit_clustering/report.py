"""The HTML report: one self-contained page with the metrics table and every run's figure."""

import base64
import html
import os

import pandas as pd

from digit_clustering.atomic import atomic_path

HEADLINE = ["accuracy", "inferred_accuracy", "ari", "nmi", "silhouette", "sse"]
TABLE_COLUMNS = ["run", "n_points", "n_clusters", *HEADLINE]
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #222; }}
table {{ border-collapse: collapse; font-size: 0.85rem; }}
th, td {{ padding: 0.25rem 0.6rem; border-bottom: 1px solid #ddd; text-align: right; }}
th:first-child, td:first-child {{ text-align: left; font-family: monospace; }}
figure {{ margin: 1.5rem 0; }} figcaption {{ font-family: monospace; font-size: 0.85rem; }}
img {{ max-width: 100%; }}
.run {{ display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }}
</style></head><body>
<h1>{title}</h1>
{summary}
<h2>Overview</h2>
{study_figures}
<h2>Metrics</h2>
<p>Accuracy matches clusters to digits one-to-one (Hungarian); inferred accuracy lets every
cluster predict its majority digit. Silhouette is Euclidean in the run's feature space, SSE the
within-cluster sum of squares there. The full table is
<a href="../metrics.csv"><code>metrics.csv</code></a>, beside this folder.</p>
{table}
<h2>Runs</h2>
{figures}
</body></html>
"""


STUDY_CAPTIONS = {
    "summary": "Accuracy, ARI and NMI of every run: how close each comes to the true digits.",
    "sweeps": "k sweeps: look for the elbow in SSE and whether silhouette, accuracy and BIC "
    "agree on 10.",
    "dbscan_grid": "DBSCAN over eps and min_samples: the cluster count and the share of points "
    "left as noise for each setting.",
}


def embedded_figure(path: str | os.PathLike, alt: str, caption: str) -> str:
    with open(path, "rb") as handle:
        encoded = base64.b64encode(handle.read()).decode()
    return (
        f'<figure><img alt="{html.escape(alt)}" src="data:image/png;base64,{encoded}">'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def render(
    metrics: pd.DataFrame,
    figures: dict[str, tuple[str, str]],
    study_figures: list,
    dataset: dict,
    output: str | os.PathLike,
):
    """Write the report page: study-wide figures, the metrics table, then every run's figure.

    `figures` maps run names to their (centroids, confusion matrix) PNGs; every image is
    embedded, so the page stands alone.
    """
    metrics = metrics.sort_values("accuracy", ascending=False, kind="stable")
    best = metrics.iloc[0]
    summary = (
        f"<p>Dataset <b>{html.escape(dataset['name'])}</b>: {dataset['n_points']:,} points "
        f"of {dataset['n_features']} values; {len(metrics)} runs. Best accuracy "
        f"<b>{best['accuracy']:.3f}</b> by <code>{html.escape(best['run'])}</code>.</p>"
    )
    table = metrics[[c for c in TABLE_COLUMNS if c in metrics]].to_html(
        index=False, float_format=lambda value: f"{value:.4g}", border=0
    )
    blocks = [
        '<div class="run">'
        + embedded_figure(figures[run][0], f"centroids of {run}", run)
        + embedded_figure(figures[run][1], f"confusion matrix of {run}", "clusters x true labels")
        + "</div>"
        for run in metrics["run"]
    ]
    overview = [
        embedded_figure(path, path.stem, STUDY_CAPTIONS.get(path.stem, path.stem))
        for path in study_figures
    ]
    page = PAGE.format(
        title=f"Clustering {html.escape(dataset['name'])}",
        summary=summary,
        table=table,
        study_figures="\n".join(overview),
        figures="\n".join(blocks),
    )
    with atomic_path(output) as temporary:
        temporary.write_text(page, encoding="utf-8")
