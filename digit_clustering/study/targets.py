"""Every file of a study, so that ``all`` asks for each and a deleted intermediate is rebuilt
(Snakemake does not rebuild a missing intermediate whose dependants are present)."""

from pathlib import Path

from digit_clustering.study import layout
from digit_clustering.study.study import Study


def targets(study: Study) -> list[str]:
    dataset = study.dataset
    paths = [layout.fill(layout.DATA, dataset=dataset), layout.fill(layout.REPORT, dataset=dataset)]
    for space in study.used_spaces():
        paths += [space.points, space.silhouette] + ([space.model] if space.model else [])
    for run in study.runs:
        paths += [run.labels, run.centres, run.trace, run.metrics, *run.figures.values()]
        paths += [path for path in (run.page, run.heldout_features, run.heldout) if path]
    for sample in study.samples.values():
        paths += [sample.agreement, sample.agreement_figure]
    if study.lookup:
        paths += [study.lookup.table] + ([study.lookup.figure] if study.lookup.figure else [])
    if study.headline:
        paths += study.headline.outputs.values()
        paths += [study.headline.view_points] if study.headline.view_points else []
    if not study.has_images:
        paths.append(layout.fill(layout.PLOTLY_JS, dataset=dataset))
    return list(dict.fromkeys(paths))


def where_to_look(dataset: str, directory: str = ".") -> str:
    """What a finished run prints: where its report and its table of every metric are, those
    of them that exist (a run of a few targets may have made neither)."""
    places = {
        "The report": layout.fill(layout.REPORT, dataset=dataset),
        "Every metric of every run": layout.fill(layout.METRICS_CSV, dataset=dataset),
    }
    return "\n".join(
        f"{what}: {path}" for what, path in places.items() if Path(directory, path).exists()
    )
