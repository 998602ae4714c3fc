"""What a new user's set-up relies on: the licence the package declares, the Snakemake the
workflow asks for, and what a finished run prints."""

import re
import tomllib

import pytest
from conftest import REPOSITORY

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


def test_a_finished_run_names_its_report_and_metrics():
    assert where_to_look("digits").splitlines() == [
        "The report: results/digits/report/index.html",
        "Every metric of every run: results/digits/metrics.csv",
    ]
