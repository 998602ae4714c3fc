"""The HTML report: one self-contained page a person reads from the top.

A summary (the best run per metric, the dataset, the config's digest, when the page was built
and how long the study computed), the headline run (the most accurate of its space, with what
it confuses), the study-wide figures, the stability of repeated runs, the
sortable metrics table, then a section per method with every run's figures. Every image is
embedded, so the page can be mailed or opened from disk with no network.

Values measured rather than computed (times, the build date) sit in elements of class
``measured``: they are the only part that differs between two builds.
"""

import html
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from digit_clustering.jobs.atomic import atomic_path
from digit_clustering.report.headline import Headline, headline_section
from digit_clustering.report.html import anchor, figure, measured, number
from digit_clustering.report.text import (
    FIGURE_CAPTIONS,
    METHOD_DESCRIPTIONS,
    METRIC_NAMES,
    PAGE,
    STUDY_CAPTIONS,
)

# (column, better): the metrics the summary names a best run for.
BEST_OF = [
    ("accuracy", "max"),
    ("inferred_accuracy", "max"),
    ("heldout_accuracy", "max"),
    ("ari", "max"),
    ("nmi", "max"),
    ("ami", "max"),
    ("v_measure", "max"),
    ("silhouette", "max"),
    ("calinski_harabasz", "max"),
    ("davies_bouldin", "min"),
]
TABLE_COLUMNS = list(METRIC_NAMES)


@dataclass
class Provenance:
    built: str
    config_digest: str
    config_text: str
    compute_seconds: float
    jobs: int
    versions: dict[str, str]


def best_runs(metrics: pd.DataFrame, names: dict[str, str]) -> str:
    rows = []
    for column, better in BEST_OF:
        if column not in metrics or metrics[column].isna().all():
            continue
        index = metrics[column].idxmax() if better == "max" else metrics[column].idxmin()
        run = metrics.loc[index, "run"]
        rows.append(
            f"<tr><td>{METRIC_NAMES[column]}</td><td>{number(metrics.loc[index, column])}</td>"
            f'<td><a href="#{anchor(run)}">{html.escape(names[run])}</a></td></tr>'
        )
    return (
        '<table class="best"><thead><tr><th>metric</th><th>best</th><th>run</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def metrics_table(metrics: pd.DataFrame, names: dict[str, str], fit_seconds: dict) -> str:
    """Every run and metric; clicking a heading sorts by it (the values sit in data-value)."""
    columns = [c for c in TABLE_COLUMNS if c in metrics and metrics[c].notna().any()]
    head = "".join(f'<th title="{c}">{METRIC_NAMES[c]}</th>' for c in columns)
    body = []
    for _, row in metrics.iterrows():
        degenerate = row.get("degenerate")
        title = row["run"] + (f" (degenerate: {degenerate})" if isinstance(degenerate, str) else "")
        mark = ' <span class="degenerate">degenerate</span>' if isinstance(degenerate, str) else ""
        cells = [
            f'<td data-value="{html.escape(names[row["run"]])}" title="{html.escape(title)}">'
            f'<a href="#{anchor(row["run"])}">{html.escape(names[row["run"]])}</a>{mark}</td>'
        ]
        for column in columns:
            value = row[column]
            key = "" if pd.isna(value) else repr(float(value))
            cells.append(f'<td data-value="{key}">{number(value)}</td>')
        seconds = fit_seconds.get(row["run"])
        cells.append(
            f'<td class="measured" data-value="{"" if seconds is None else seconds}">'
            f"{'–' if seconds is None else f'{seconds:.1f}'}</td>"
        )
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<table class="sortable"><thead><tr><th>run</th>'
        f"{head}<th>fit (s)</th></tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def stability_table(stability: pd.DataFrame) -> str:
    if stability.empty:
        return "<p>No setting was run with more than one seed.</p>"
    rows = "".join(
        f"<tr><td>{html.escape(r.setting)}</td><td>{r.seeds}</td>"
        f"<td>{r.ari_mean:.4f} ± {r.ari_std:.4f}</td>"
        f"<td>{r.accuracy_mean:.4f} ± {r.accuracy_std:.4f}</td>"
        f"<td>{number(r.pairwise_ari_mean)}</td><td>{number(r.pairwise_ari_min)}</td></tr>"
        for r in stability.itertuples()
    )
    return (
        "<table><thead><tr><th>setting</th><th>seeds</th><th>ARI (mean ± sd)</th>"
        "<th>accuracy (mean ± sd)</th><th>ARI between seeds (mean)</th><th>(lowest)</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def label_free_table(choices: pd.DataFrame, names: dict[str, str]) -> str:
    if choices.empty:
        return "<p>No method, space and k was run more than once.</p>"

    def link(run: str) -> str:
        return f'<a href="#{anchor(run)}">{html.escape(names[run])}</a>'

    rows = "".join(
        f"<tr><td>{html.escape(r.setting)}</td><td>{r.runs}</td><td>{html.escape(r.criterion)}"
        f"</td><td>{link(r.kept)}</td><td>{number(r.kept_accuracy)}</td>"
        f"<td>{link(r.best)}</td><td>{number(r.best_accuracy)}</td></tr>"
        for r in choices.itertuples()
    )
    return (
        "<table><thead><tr><th>setting</th><th>runs</th><th>kept by</th><th>run kept without "
        "labels</th><th>its accuracy</th><th>most accurate run</th><th>its accuracy</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )


def run_section(row, name: str, run_figures: dict[str, str], fit_seconds) -> str:
    facts = [
        f"{number(row['n_clusters'])} clusters",
        f"accuracy {number(row['accuracy'])}",
        f"ARI {number(row['ari'])}",
        f"NMI {number(row['nmi'])}",
        f"silhouette {number(row.get('silhouette'))}",
    ]
    if row.get("noise_fraction"):
        facts.append(f"noise {row['noise_fraction']:.1%}")
    degenerate = row.get("degenerate")
    warning = (
        f'<p class="degenerate">Degenerate: {html.escape(degenerate)}. The scores this makes '
        "undefined show as –.</p>"
        if isinstance(degenerate, str)
        else ""
    )
    timing = f" · fit {measured(f'{fit_seconds:.1f} s')}" if fit_seconds is not None else ""
    blocks = []
    for kind, path in run_figures.items():
        if kind.endswith(".html"):
            continue
        stem = kind.removesuffix(".png")
        blocks.append(figure(path, f"{stem} of {name}", FIGURE_CAPTIONS[kind], stem))
    page = run_figures.get("scatter.html")
    link = f' · <a href="{html.escape(page)}">turn it in 3-D</a>' if page is not None else ""
    return (
        f'<section class="run" id="{anchor(row["run"])}"><h3>{html.escape(name)}</h3>'
        f'<p class="facts"><code>{html.escape(row["run"])}</code><br>'
        f"{html.escape(' · '.join(facts))}{timing}{link}</p>{warning}"
        f'<div class="figures">{"".join(blocks)}</div></section>'
    )


def render(
    metrics: pd.DataFrame,
    names: dict[str, str],
    run_figures: dict[str, dict[str, str]],
    study_figures: list[tuple[str, Path]],
    stability: pd.DataFrame,
    choices: pd.DataFrame,
    headline: Headline | None,
    fit_seconds: dict[str, float],
    dataset: dict,
    provenance: Provenance,
    output: str | os.PathLike,
):
    """Write the page. `run_figures` maps each run to its figures by file name (links to
    pages beside the report are made relative to it); `study_figures` are (kind, path)."""
    sections, contents = [], []
    for method, runs in metrics.groupby("method", sort=False):
        runs = runs.sort_values("accuracy", ascending=False, kind="stable")
        contents.append(f'<li><a href="#method-{method}">{method}</a> ({len(runs)})</li>')
        sections.append(
            f'<h2 id="method-{method}">{html.escape(method)}</h2>'
            f"<p>{METHOD_DESCRIPTIONS.get(method, '')}</p>"
            + "".join(
                run_section(
                    row, names[row["run"]], run_figures[row["run"]], fit_seconds.get(row["run"])
                )
                for _, row in runs.iterrows()
            )
        )
    overview = "".join(figure(path, kind, STUDY_CAPTIONS[kind]) for kind, path in study_figures)
    page = PAGE.format(
        title=f"Clustering {html.escape(dataset['name'])}",
        dataset=html.escape(dataset["name"]),
        n_points=f"{dataset['n_points']:,}",
        n_features=dataset["n_features"],
        n_runs=len(metrics),
        n_methods=metrics["method"].nunique(),
        built=measured(provenance.built),
        compute=measured(f"{provenance.compute_seconds / 60:.1f} min"),
        jobs=measured(str(provenance.jobs)),
        digest=html.escape(provenance.config_digest),
        versions=html.escape(
            ", ".join(f"{name} {version}" for name, version in provenance.versions.items())
        ),
        config=html.escape(provenance.config_text),
        best=best_runs(metrics, names),
        headline=headline_section(headline, metrics, names, choices),
        headline_link='<a href="#headline">Headline</a> · ' if headline else "",
        contents="".join(contents),
        overview=overview,
        stability=stability_table(stability),
        choices=label_free_table(choices, names),
        table=metrics_table(metrics, names, fit_seconds),
        sections="".join(sections),
    )
    with atomic_path(output) as temporary:
        temporary.write_text(page, encoding="utf-8")
