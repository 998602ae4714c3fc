"""The records of the whole study besides its runs and spaces: its samples, its ways of
preparing the pixels, its files to download, the dataset the decode job makes, the look-up, the
headline and the page."""

import os

from digit_clustering.data.idx_files import IDX_SPLITS, IDX_STEMS, idx_archive
from digit_clustering.data.registry import first_mirror, kind_of, load_settings, local_source
from digit_clustering.settings.codec import WHOLE_SAMPLE, decode, pixels_settings
from digit_clustering.study import layout
from digit_clustering.study.config_text import config_digest, config_text
from digit_clustering.study.records import (
    Dataset,
    Headline,
    IdxFile,
    Pixels,
    Report,
    Run,
    Sample,
)
from digit_clustering.study.spaces import Space


def samples(dataset: str, spaces: dict[str, Space], runs: list[Run]) -> dict[str, Sample]:
    """Every sample the spaces use, with the runs that cluster its points."""
    keys = dict.fromkeys(space.sample for space in spaces.values())
    found = {}
    for key in keys:
        of_sample = [run for run in runs if spaces[run.space].sample == key]
        found[key] = Sample(
            key=key,
            settings={} if key == WHOLE_SAMPLE else decode(key),
            runs=tuple(run.name for run in of_sample),
            labels=tuple(run.labels for run in of_sample),
            agreement=layout.fill(layout.AGREEMENT, dataset=dataset, sample=key),
            agreement_figure=layout.fill(layout.AGREEMENT_FIGURE, dataset=dataset, sample=key),
        )
    return found


def pixels(spaces: dict[str, Space]) -> dict[str, Pixels]:
    keys = dict.fromkeys(space.pixels_key for space in spaces.values())
    return {key: Pixels(key, pixels_settings(key)) for key in keys}


def idx_files(config: dict, dataset: str) -> dict[str, IdxFile]:
    """The four files an MNIST-format dataset downloads; none for a built-in one."""
    if not kind_of(dataset).downloads:
        return {}
    settings = config["datasets"][dataset]
    first = first_mirror(dataset, config)
    mirrors = [first, *settings["mirrors"]] if first else settings["mirrors"]
    return {
        stem: IdxFile(
            checksum={"md5": settings["md5"][idx_archive(stem)], "md5_of": settings["md5_of"]},
            mirrors=mirrors,
            timeout=settings["timeout"],
        )
        for stem in IDX_STEMS
    }


def dataset_record(config: dict, dataset: str) -> Dataset:
    """What the decode job reads: a local copy, the downloaded files or built-in settings."""
    local = local_source(dataset, config)
    downloads = kind_of(dataset).downloads
    by_split = None
    if downloads and not local:
        by_split = {
            split: [layout.fill(layout.IDX_FILE, dataset=dataset, idx_file=s) for s in stems]
            for split, stems in IDX_SPLITS.items()
        }
    files = [local] if local else [path for paths in (by_split or {}).values() for path in paths]
    return Dataset(
        name=dataset,
        files=files,
        idx_files=by_split,
        local_source=local,
        settings={} if downloads else load_settings(config["datasets"][dataset]),
    )


def headline_record(
    dataset: str, spaces: dict[str, Space], space: str | None, view: str | None, compare
) -> Headline | None:
    if space is None:
        return None
    outputs = {
        "pairs": layout.HEADLINE_PAIRS,
        "embedding": layout.HEADLINE_EMBEDDING,
        "confused": layout.HEADLINE_CONFUSED,
    }
    return Headline(
        space=space,
        description=spaces[space].description,
        runs=spaces[space].runs,
        labels=spaces[space].labels,
        points=spaces[space].points,
        pixels=spaces[space].pixels,
        view=view,
        view_points=spaces[view].points if view else None,
        compare=tuple(
            {
                "space": name,
                "description": spaces[name].description,
                "layout_of_train_alone": bool(
                    spaces[name].job and spaces[name].heldout_points == spaces[name].job.heldout
                ),
            }
            for name in compare
        ),
        outputs={name: layout.fill(pattern, dataset=dataset) for name, pattern in outputs.items()},
    )


def report_record(study, benchmarks: list[str]) -> Report:
    """What the page gathers: the structure it draws, from the study's records."""
    dataset = study.dataset
    page = layout.fill(layout.REPORT, dataset=dataset)
    lookup = study.lookup
    return Report(
        runs=tuple(run.name for run in study.runs),
        run_figures={run.name: run.figures for run in study.runs},
        run_pages={run.name: run.page for run in study.runs if run.page},
        fit_benchmarks={run.name: run.benchmarks["cluster"] for run in study.runs},
        benchmarks=tuple(benchmarks),
        agreements=tuple(sample.agreement for sample in study.samples.values()),
        agreement_figures=tuple(sample.agreement_figure for sample in study.samples.values()),
        neighbours_figures=(lookup.figure,) if lookup and lookup.figure else (),
        headline=study.headline,
        metrics_csv=os.path.relpath(
            layout.fill(layout.METRICS_CSV, dataset=dataset), os.path.dirname(page)
        ),
        config_text=config_text(study.config),
        config_digest=config_digest(study.config),
    )
