"""The report's opening section: the most accurate run of the headline space, what it gets
right and which digits it takes for one another."""

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from digit_clustering.report.html import anchor, figure, number
from digit_clustering.tables import read_parquet, table_metadata

CAPTIONS = {
    "confusion": "Its clusters (rows) against the true digits: a pure cluster is one dark cell.",
    "embedding": "The same points in 2-D, coloured by the digit each cluster is matched to "
    "(left) and by the true digit (right): where they differ, the clustering is wrong.",
    "confused": "The digits it most often takes for each other, with examples of each.",
}


@dataclass
class Headline:
    run: str
    space: str
    space_description: str
    pairs: pd.DataFrame
    figures: dict[str, Path]

    @classmethod
    def read(cls, paths: list[str], run_figures: dict[str, dict]) -> "Headline | None":
        """The headline step's outputs (pairs.parquet, embedding.png, confused.png) and the
        run's own confusion matrix; None when the study has no headline."""
        if not paths:
            return None
        by_name = {Path(path).stem: Path(path) for path in paths}
        table = read_parquet(by_name["pairs"])
        metadata = table_metadata(table)
        figures = {"confusion": Path(run_figures[metadata["run"]]["confusion.png"])}
        figures |= {name: by_name[name] for name in ("embedding", "confused")}
        return cls(
            metadata["run"],
            metadata["space"],
            metadata["space_description"],
            table.to_pandas(),
            figures,
        )


def headline_section(
    headline: Headline | None,
    metrics: pd.DataFrame,
    names: dict[str, str],
    choices: pd.DataFrame,
) -> str:
    if headline is None:
        return ""
    row = metrics.set_index("run").loc[headline.run]
    in_space = int((metrics["space"] == headline.space).sum())
    scores = f"NMI {number(row['nmi'])}, ARI {number(row['ari'])}"
    if pd.notna(row.get("heldout_accuracy")):
        scores += f", held-out accuracy {number(row['heldout_accuracy'])}"
    name = html.escape(names[headline.run])
    lead = (
        f'<p class="lead">{html.escape(headline.space_description)} → {row["method"]}: '
        f"accuracy <b>{number(row['accuracy'])}</b> on {int(row['n_points']):,} points, "
        f"{row['n_clusters']} clusters ({scores}). The most accurate of the {in_space} runs in "
        f"space <code>{html.escape(headline.space)}</code>: "
        f'<a href="#{anchor(headline.run)}">{name}</a>.</p>'
    )
    return (
        f'<h2 id="headline">Headline: {name}</h2>{lead}'
        f"{_without_labels(headline.run, choices, names)}{_pairs_text(headline.pairs)}"
        '<div class="figures headline">'
        + "".join(
            figure(path, f"{kind} of {names[headline.run]}", CAPTIONS[kind], kind)
            for kind, path in headline.figures.items()
        )
        + "</div>"
    )


def _without_labels(run: str, choices: pd.DataFrame, names: dict[str, str]) -> str:
    """What a user without labels would have kept among this run's seeds, if it had any."""
    if choices.empty:
        return ""
    rows = choices[(choices["best"] == run) | (choices["kept"] == run)]
    if rows.empty:
        return ""
    choice = rows.iloc[0]
    among = (
        f"<p>Without labels, the {html.escape(choice['criterion'])} among its "
        f"{choice['runs']} seeds or initialisations"
    )
    if choice["kept"] == run:
        return f"{among} keeps this same run.</p>"
    kept = html.escape(names[choice["kept"]])
    return (
        f'{among} would keep <a href="#{anchor(choice["kept"])}">{kept}</a> instead, accuracy '
        f"{number(choice['kept_accuracy'])}.</p>"
    )


def _pairs_text(pairs: pd.DataFrame) -> str:
    if pairs.empty:
        return "<p>It takes no digit for another.</p>"
    listed = ", ".join(
        f"{p.first} and {p.second} ({p.mistakes:,} images)" for p in pairs.itertuples()
    )
    return f"<p>The digits it confuses most: {listed}.</p>"
