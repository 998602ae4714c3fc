"""The report's opening section: the most accurate run of the headline space, what it gets
right and which digits it takes for one another (drawn by ``templates/headline.html.j2``)."""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from digit_clustering.headline.choice import most_accurate_run
from digit_clustering.study.catalogue import png
from digit_clustering.study.layout import HEADLINE
from digit_clustering.tables import read_parquet, table_metadata


@dataclass
class Headline:
    run: str
    space: str
    space_description: str
    pairs: pd.DataFrame
    figures: dict[str, Path]
    compare: str | None = None  # a space whose most accurate run is set beside this one
    compare_description: str | None = None

    @classmethod
    def read(cls, paths: list[str], run_figures: dict[str, dict]) -> "Headline | None":
        """The headline step's outputs (`layout.HEADLINE`, in its order) and the run's own
        confusion matrix; None when the study has no headline."""
        if not paths:
            return None
        by_name = {name: Path(path) for name, path in zip(HEADLINE, paths, strict=True)}
        table = read_parquet(by_name["pairs"])
        metadata = table_metadata(table)
        figures = {"confusion": Path(run_figures[metadata["run"]][png("confusion")])}
        figures |= {name: path for name, path in by_name.items() if name != "pairs"}
        return cls(
            metadata["run"],
            metadata["space"],
            metadata["space_description"],
            table.to_pandas(),
            figures,
            metadata.get("compare"),
            metadata.get("compare_description"),
        )


def headline_view(
    headline: Headline | None, metrics: pd.DataFrame, choices: pd.DataFrame
) -> dict | None:
    """What the headline section shows, or None when the study has no headline."""
    if headline is None:
        return None
    view = run_view(headline.run, metrics)
    return {
        **view,
        "space_description": headline.space_description,
        "choice": choice_without_labels(headline.run, choices),
        "pairs": headline.pairs.to_dict("records"),
        "figures": list(headline.figures.items()),
        "compare": compared_run(headline, metrics, view["scores"]["accuracy"]),
    }


def run_view(run: str, metrics: pd.DataFrame) -> dict:
    """A run's scores, as the headline and the run set beside it show them."""
    row = metrics.set_index("run").loc[run]
    heldout = row.get("heldout_accuracy")
    return {
        "run": run,
        "space": row["space"],
        "method": row["method"],
        "scores": {column: row[column] for column in ("accuracy", "nmi", "ari")},
        "heldout_accuracy": heldout if pd.notna(heldout) else None,
        "n_points": int(row["n_points"]),
        "n_clusters": row["n_clusters"],
        "runs_in_space": int((metrics["space"] == row["space"]).sum()),
    }


def compared_run(
    headline: Headline, metrics: pd.DataFrame, headline_accuracy: float
) -> dict | None:
    """The most accurate run of the space the headline is set beside, and how much more
    accurate the headline is."""
    if headline.compare is None:
        return None
    view = run_view(most_accurate_run(metrics, headline.compare), metrics)
    return {
        **view,
        "space_description": headline.compare_description,
        "accuracy_gain": headline_accuracy - view["scores"]["accuracy"],
    }


def choice_without_labels(run: str, choices: pd.DataFrame) -> dict | None:
    """What a user without labels would have kept among this run's seeds, if it had any."""
    if choices.empty:
        return None
    rows = choices[(choices["best"] == run) | (choices["kept"] == run)]
    return None if rows.empty else rows.iloc[0].to_dict()
