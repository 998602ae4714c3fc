"""Every path of a study comes from one place: the rules and the package ask `layout`."""

import copy
import re

import pytest
import yaml
from conftest import REPOSITORY

from digit_clustering.study import layout
from digit_clustering.study.study import Study
from digit_clustering.study.targets import targets

pytestmark = pytest.mark.unit

SCHEMA = yaml.safe_load((REPOSITORY / "schemas/config.schema.yaml").read_text())
CONFIG = yaml.safe_load((REPOSITORY / "config.yaml").read_text())
PATTERNS = [
    value
    for name, value in vars(layout).items()
    if name.isupper() and not name.startswith("_") and isinstance(value, str)
] + [
    layout.space_file(takes, product)
    for takes in ("pixels", "points")
    for product in ("points", "model", "heldout")
]


def as_regex(pattern: str) -> re.Pattern:
    parts = re.split(r"(\{\w+\})", pattern)
    wildcard = {"{run}": ".+"}  # a run name has several segments
    return re.compile(
        "".join(
            wildcard.get(part, "[^/]+") if part.startswith("{") else re.escape(part)
            for part in parts
        )
    )


def test_no_rule_types_a_path_the_layout_holds():
    folders = "|".join(["resources", *layout.OUTPUT_FOLDERS])
    for path in [REPOSITORY / "Snakefile", *sorted((REPOSITORY / "rules").glob("*.smk"))]:
        typed = re.findall(rf'"((?:{folders})/[^"]*)"', path.read_text())
        assert typed == [], f"{path.name} types paths the layout holds: {typed}"


@pytest.mark.parametrize("dataset", ["mnist", "blobs"])
def test_every_benchmark_the_report_sums_is_a_jobs_and_each_runs_fit_its_cluster_job(dataset):
    config = copy.deepcopy(CONFIG)
    config["dataset"] = dataset
    study = Study(config, copy.deepcopy(SCHEMA))
    jobs = [*layout.JOBS.values(), layout.run_job("{step}")]
    regexes = [as_regex(layout.benchmark(job)) for job in jobs]
    for path in study.report.benchmarks:
        assert any(regex.fullmatch(path) for regex in regexes), path
    run = study.runs[0]
    assert study.report.fit_benchmarks[run.name] == layout.fill(
        layout.benchmark(layout.run_job("cluster")), dataset=dataset, run=run.name
    )


@pytest.mark.parametrize("dataset", ["mnist", "digits", "blobs"])
def test_every_file_of_a_study_has_a_layout_pattern(dataset):
    config = copy.deepcopy(CONFIG)
    config["dataset"] = dataset
    study = Study(config, copy.deepcopy(SCHEMA))
    regexes = [as_regex(pattern) for pattern in PATTERNS]
    regexes.append(as_regex(layout.run_file("{name}")))  # a run's figures
    for path in targets(study):
        assert any(regex.fullmatch(path) for regex in regexes), path


def test_points_of_a_raw_space_are_its_sample_and_of_all_points_the_scaled_table():
    config = copy.deepcopy(CONFIG)
    config["dataset"] = "digits"
    config["spaces"]["raw"]["sample"] = {"size": 500, "seed": 0, "stratify": True}
    study = Study(config, copy.deepcopy(SCHEMA))
    assert study.spaces["raw"].points == (
        "results/digits/sample/max/n~500@seed~0@stratify~true.parquet"
    )
    assert study.spaces["pca50"].pixels == "results/digits/scaled/max.parquet"
    assert study.spaces["umap2"].points == (
        "results/digits/features/max/all/pca~50@whiten~false@seed~0/"
        "umap~2@n_neighbors~15@min_dist~0.1@metric~euclidean@seed~0/points.parquet"
    )
