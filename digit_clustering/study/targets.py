"""Every file of a study, so that ``all`` asks for each and a deleted intermediate is rebuilt
(Snakemake does not rebuild a missing intermediate whose dependants are present)."""

from pathlib import Path

from digit_clustering.study import layout
from digit_clustering.study.study import Study


def targets(study: Study) -> list[str]:
    dataset = study.dataset
    paths = [layout.fill(layout.DATA, dataset=dataset), layout.fill(layout.REPORT, dataset=dataset)]
    for space in dict.fromkeys(run.space for run in study.runs):
        paths += [study.features_path(space), study.silhouette_path(space)]
        paths += [study.model_path(space)] if study.model_path(space) else []
    for run in study.runs:
        tables = (layout.RUN_LABELS, layout.RUN_CENTRES, layout.RUN_TRACE, layout.RUN_METRICS)
        paths += [study.run_path(run, pattern) for pattern in tables]
        paths += study.run_figures(run)
        if study.holds_out(run):
            paths.append(study.heldout_features_path(run.space))
            paths.append(study.run_path(run, layout.RUN_HELDOUT))
    for point_set in study.point_sets():
        paths += study.agreement_paths(point_set)
    paths += study.neighbours_paths()
    paths += study.headline_paths().values()
    if not study.has_images:
        paths.append(layout.fill(layout.PLOTLY_JS, dataset=dataset))
    if study.headline_view:
        paths.append(study.features_path(study.headline_view))
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
