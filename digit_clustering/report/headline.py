"""The report's opening section: the most accurate run of the headline space, what it gets
right and which digits it takes for one another (drawn by ``templates/headline.html.j2``)."""

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from digit_clustering.headline.choice import most_accurate_run
from digit_clustering.tables import read_parquet, table_metadata


@dataclass
class Headline:
    run: str
    space: str
    space_description: str
    pairs: pd.DataFrame
    figures: dict[str, Path]
    # The spaces whose most accurate runs are set beside this one, in order: {space,
    # description} each.
    compare: list[dict] = field(default_factory=list)

    @classmethod
    def read(cls, parts: dict | None, run_figures: dict[str, dict]) -> "Headline | None":
        """The headline from what the study says of it (`parts`: its space, the space it is set
        beside, its files by name) and the run its job chose, with that run's own confusion
        matrix; None when the study has no headline."""
        if parts is None:
            return None
        files = {name: Path(path) for name, path in parts["files"].items()}
        table = read_parquet(files["pairs"])
        run = table_metadata(table)["run"]
        figures = {"confusion": Path(run_figures[run]["confusion"])}
        figures |= {name: path for name, path in files.items() if name != "pairs"}
        return cls(
            run,
            parts["space"],
            parts["space_description"],
            table.to_pandas(),
            figures,
            parts["compare"],
        )


def headline_section(
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
        "compare": [
            compared_run(space, metrics, view["scores"]["accuracy"]) for space in headline.compare
        ],
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


def compared_run(compared: dict, metrics: pd.DataFrame, headline_accuracy: float) -> dict:
    """The most accurate run of a space the headline is set beside (`compared`: its space and
    description), and how much more accurate the headline is."""
    view = run_view(most_accurate_run(metrics, compared["space"]), metrics)
    return {
        **view,
        "space_description": compared["description"],
        "layout_of_train_alone": compared["layout_of_train_alone"],
        "accuracy_gain": headline_accuracy - view["scores"]["accuracy"],
    }


def choice_without_labels(run: str, choices: pd.DataFrame) -> dict | None:
    """What a user without labels would have kept among this run's seeds, if it had any."""
    if choices.empty:
        return None
    rows = choices[(choices["best"] == run) | (choices["kept"] == run)]
    return None if rows.empty else rows.iloc[0].to_dict()
