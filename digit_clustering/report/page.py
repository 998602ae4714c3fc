"""The HTML report: one self-contained page a person reads from the top.

A summary (the best run per metric, the dataset, the config's digest, when the page was built
and how long the study computed), the headline run (the most accurate of its space, with what
it confuses), the study-wide figures, the stability of repeated runs, the
sortable metrics table, then a section per method with every run's figures. Every image is
embedded, so the page can be mailed or opened from disk with no network.

This module only gathers what the page shows; ``templates/page.html.j2`` lays it out.
Values measured rather than computed (times, the build date) sit in elements of class
``measured``: they are the only part that differs between two builds.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from digit_clustering.evaluation.label_free import NEAR_BEST
from digit_clustering.jobs.atomic import atomic_path
from digit_clustering.methods.registry import METHODS
from digit_clustering.report.headline import Headline, headline_section
from digit_clustering.report.html import environment
from digit_clustering.report.text import METRIC_NAMES

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
# What a run's section states under its name, besides the fit time.
FACTS = ["n_clusters", "accuracy", "ari", "nmi", "silhouette", "noise_fraction"]


@dataclass
class Provenance:
    built: str
    config_digest: str
    config_text: str
    compute_seconds: float
    jobs: int
    versions: dict[str, str]


def best_runs(metrics: pd.DataFrame) -> list[dict]:
    """The best run of each metric that has a value: {metric (its name), value, run}."""
    rows = []
    for column, better in BEST_OF:
        if column not in metrics or metrics[column].isna().all():
            continue
        index = metrics[column].idxmax() if better == "max" else metrics[column].idxmin()
        rows.append(
            {
                "metric": METRIC_NAMES[column],
                "value": metrics.loc[index, column],
                "run": metrics.loc[index, "run"],
            }
        )
    return rows


def degeneracy(row: pd.Series) -> str | None:
    """Why a run's clustering is degenerate, or None."""
    degenerate = row.get("degenerate")
    return degenerate if isinstance(degenerate, str) else None


def metrics_table(metrics: pd.DataFrame, fit_seconds: dict[str, float]) -> dict:
    """Every run and every metric that has a value for some run."""
    columns = [c for c in TABLE_COLUMNS if c in metrics and metrics[c].notna().any()]
    rows = [
        {
            "run": row["run"],
            "degenerate": degeneracy(row),
            "cells": [row[column] for column in columns],
            "fit_seconds": fit_seconds.get(row["run"]),
        }
        for _, row in metrics.iterrows()
    ]
    return {"columns": columns, "rows": rows}


def run_view(
    row: pd.Series, figures: dict[str, str], page: str | None, fit_seconds: float | None
) -> dict:
    """A run's section: its facts, its figures by name, its 3-D page if it has one."""
    return {
        "run": row["run"],
        "facts": {column: row.get(column) for column in FACTS},
        "degenerate": degeneracy(row),
        "fit_seconds": fit_seconds,
        "figures": list(figures.items()),
        "scatter_page": page,
    }


def method_sections(
    metrics: pd.DataFrame,
    run_figures: dict[str, dict[str, str]],
    run_pages: dict[str, str],
    fit_seconds: dict,
) -> list[dict]:
    """A section per method, in the metrics' order, its runs the most accurate first."""
    sections = []
    for method, runs in metrics.groupby("method", sort=False):
        runs = runs.sort_values("accuracy", ascending=False, kind="stable")
        sections.append(
            {
                "method": method,
                "description": METHODS[method].description,
                "runs": [
                    run_view(
                        row,
                        run_figures[row["run"]],
                        run_pages.get(row["run"]),
                        fit_seconds.get(row["run"]),
                    )
                    for _, row in runs.iterrows()
                ],
            }
        )
    return sections


def render(
    metrics: pd.DataFrame,
    names: dict[str, str],
    run_figures: dict[str, dict[str, str]],
    run_pages: dict[str, str],
    study_figures: list[tuple[str, Path]],
    stability: pd.DataFrame,
    choices: pd.DataFrame,
    headline: Headline | None,
    fit_seconds: dict[str, float],
    dataset: dict,
    provenance: Provenance,
    metrics_csv: str,
    output: str | os.PathLike,
):
    """Write the page. `run_figures` maps each run to its figures by name, `run_pages` to its
    3-D page (a link relative to the page); `study_figures` are (kind, path); `metrics_csv` is
    the link to the table of every metric."""
    page = (
        environment()
        .get_template("page.html.j2")
        .render(
            dataset=dataset,
            n_runs=len(metrics),
            n_methods=metrics["method"].nunique(),
            provenance=provenance,
            names=names,
            metric_names=METRIC_NAMES,
            best=best_runs(metrics),
            headline=headline_section(headline, metrics, choices),
            overview=study_figures,
            stability=stability.to_dict("records"),
            choices=choices.to_dict("records"),
            near_best=NEAR_BEST,
            table=metrics_table(metrics, fit_seconds),
            methods=method_sections(metrics, run_figures, run_pages, fit_seconds),
            metrics_csv=metrics_csv,
        )
    )
    with atomic_path(output) as temporary:
        temporary.write_text(page, encoding="utf-8")
