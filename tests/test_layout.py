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
] + list(layout.HEADLINE.values())


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


def test_a_benchmark_names_its_run_and_job_and_a_file_its_run():
    relative = layout.benchmark(layout.CLUSTER_JOB).format(dataset="d", run="kmeans/pca/k~2")
    below = relative.removeprefix(layout.BENCHMARKS.format(dataset="d") + "/")
    assert layout.run_of_benchmark(below) == ("kmeans/pca/k~2", "cluster")
    assert layout.run_of_benchmark("agreement/all.tsv") is None
    figure = layout.fill(layout.run_file("gallery.png"), dataset="d", run="gmm/raw/k~3/seed~1")
    assert layout.run_of_file(figure) == "gmm/raw/k~3/seed~1"


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
    assert layout.sample_path("mnist", "max", "all") == "results/mnist/scaled/max.parquet"
    assert layout.points_path("mnist", "max", "n~5@seed~0@stratify~true", "raw") == (
        "results/mnist/sample/max/n~5@seed~0@stratify~true.parquet"
    )
    embedded = layout.points_path("mnist", "max", "all", "pca~50@whiten~false@seed~0", "umap~2")
    assert (
        embedded
        == "results/mnist/features/max/all/pca~50@whiten~false@seed~0/umap~2/points.parquet"
    )
