"""What a new user's set-up relies on: the licence the package declares, the Snakemake the
workflow asks for, what a finished run prints, and the quick study the README offers."""

import re
import tomllib

import pytest
import yaml
from conftest import REPOSITORY
from snakemake.utils import update_config
from test_study import config, study

from digit_clustering.study.targets import where_to_look

pytestmark = pytest.mark.unit

PYPROJECT = tomllib.loads((REPOSITORY / "pyproject.toml").read_text())


def test_the_licence_file_is_the_one_the_package_declares():
    assert PYPROJECT["project"]["license"] == "BSD-3-Clause"
    assert (REPOSITORY / "LICENSE").read_text().startswith("BSD 3-Clause License")


def test_the_workflow_asks_for_the_snakemake_the_package_installs():
    (requirement,) = [d for d in PYPROJECT["project"]["dependencies"] if d.startswith("snakemake")]
    lowest = re.search(r">=([\d.]+)", requirement).group(1)
    assert f'min_version("{lowest}")' in (REPOSITORY / "Snakefile").read_text()


def test_a_finished_run_names_its_report_and_metrics_where_they_exist(tmp_path):
    assert where_to_look("digits", tmp_path) == ""
    (tmp_path / "results/digits/report").mkdir(parents=True)
    (tmp_path / "results/digits/metrics.csv").write_text("run\n")
    assert (
        where_to_look("digits", tmp_path) == "Every metric of every run: results/digits/metrics.csv"
    )
    (tmp_path / "results/digits/report/index.html").write_text("<html>")
    assert where_to_look("digits", tmp_path).splitlines() == [
        "The report: results/digits/report/index.html",
        "Every metric of every run: results/digits/metrics.csv",
    ]


def test_the_one_method_study_runs_one_method_on_one_space():
    merged = config()
    update_config(merged, yaml.safe_load((REPOSITORY / "studies/one-method.yaml").read_text()))
    built = study(merged)
    assert [run.name for run in built.runs] == [
        "kmeans/pca50/k~10@init~k-means++@n_init~10@max_iter~300/seed~0"
    ]
    assert list(built.spaces) == ["pca50"] and built.headline is None
