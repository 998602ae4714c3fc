"""Code is an input: editing a package module, or a file of a folder one reads, reruns exactly
the jobs that run it.

Every test edits a copy of the workflow and its package (never the repository), built once with
a small digits study; jobs and Snakemake import the copy first (PYTHONPATH). What a dry run
should plan is derived from the study the config describes.
"""

import copy
import os
import re
import shutil
from typing import NamedTuple

import pytest
import yaml
from conftest import REPOSITORY, Workspace, job_stats, small_study

from digit_clustering.study.study import Study

pytestmark = pytest.mark.workflow

COPIED = ("Snakefile", "rules", "scripts", "schemas", "envs", "profiles", "digit_clustering")
SCHEMA = yaml.safe_load((REPOSITORY / "schemas" / "config.schema.yaml").read_text())
# The rule that draws the figure of a method's fit (its `course_figure`), by method.
COURSE_FIGURE_RULES = {"lloyd": "iterations", "agglomerative": "dendrogram"}


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> Workspace:
    workflow = tmp_path_factory.mktemp("workflow")
    for name in COPIED:
        source = REPOSITORY / name
        if source.is_dir():
            shutil.copytree(source, workflow / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, workflow / name)
    config = small_study("digits")
    config["runs"] = [
        {"method": "kmeans", "space": "raw"},
        {"method": "minibatch_kmeans", "space": "raw"},
        {"method": "gmm", "space": "pca"},
        {"method": "lloyd", "space": "pca", "params": {"restarts": 2}},
    ]
    # PYTHONSAFEPATH: `python -m snakemake` would otherwise import the package from the current
    # directory (the repository) before PYTHONPATH
    environment = {**os.environ, "PYTHONPATH": str(workflow), "PYTHONSAFEPATH": "1"}
    workspace = Workspace(
        tmp_path_factory.mktemp("study"), config, workflow=workflow, env=environment
    )
    workspace.snakemake()
    assert workspace.planned_jobs() == {}
    return workspace


@pytest.fixture(scope="module")
def described(study) -> Study:
    """The study the workspace's config describes: its runs, spaces and samples."""
    return Study(copy.deepcopy(study.config), copy.deepcopy(SCHEMA))


class Plan(NamedTuple):
    """What a dry run plans: {rule: count}, and the wildcards of each planned job by rule."""

    jobs: dict[str, int]
    wildcards: dict[str, list[dict[str, str]]]

    def of(self, rule: str, wildcard: str = "run") -> set[str]:
        """The values of a wildcard across the planned jobs of a rule (their runs, by default)."""
        return {job[wildcard] for job in self.wildcards.get(rule, [])}


def dry_run(study: Workspace) -> Plan:
    output = study.snakemake("--dry-run").stdout
    wildcards, rule = {}, None
    for line in output.splitlines():
        if started := re.fullmatch(r"(?:local)?rule (\w+):", line):
            rule = started.group(1)
        elif (listed := re.fullmatch(r"\s+wildcards: (.*)", line)) and rule:
            pairs = (pair.split("=", 1) for pair in re.split(r", (?=\w+=)", listed.group(1)))
            wildcards.setdefault(rule, []).append(dict(pairs))
    return Plan(job_stats(output), wildcards)


def planned_after_editing(study: Workspace, path: str, edit: bytes = b"\n# an edit\n") -> Plan:
    """What a dry run plans once `path` (under the package) ends with `edit`, and, checked
    before returning, that nothing is planned once the edit is undone."""
    source = study.workflow / "digit_clustering" / path
    original = source.read_bytes()
    source.write_bytes(original + edit)
    try:
        planned = dry_run(study)
    finally:
        source.write_bytes(original)
    assert study.planned_jobs() == {}, f"undoing the edit of {path} still plans jobs"
    return planned


def without_none(jobs: dict[str, int]) -> dict[str, int]:
    return {rule: count for rule, count in jobs.items() if count}


def refit(described: Study, methods: set[str]) -> tuple[dict[str, int], set[str]]:
    """What refitting every run of `methods` plans, by rule, and the names of those runs: each
    run's fit and what reads it, the silhouettes of their spaces, the agreement of their
    samples, the tables and the page."""
    runs = [run for run in described.runs if run.method in methods]
    samples = {described.spaces[run.space].sample for run in runs}
    figures = "run_figures"
    jobs = {
        "cluster": len(runs),
        "heldout": sum((run.heldout is not None) for run in runs),
        "evaluate": len(runs),
        figures: len(runs),
        "silhouette": len({run.space for run in runs}),
        "agreement": len(samples),
        "agreement_figure": len(samples),
        "aggregate": 1,
        "report": 1,
        "all": 1,
    }
    for method, rule in COURSE_FIGURE_RULES.items():
        jobs[rule] = sum(run.method == method for run in runs)
    return without_none(jobs), {run.name for run in runs}


def runs_of(described: Study, method: str) -> set[str]:
    return {run.name for run in described.runs if run.method == method}


def test_editing_the_metrics_plans_every_evaluate_job_and_what_follows_and_no_fit(study, described):
    planned = planned_after_editing(study, "evaluation/metrics.py")
    assert planned.jobs == {"evaluate": len(described.runs), "aggregate": 1, "report": 1, "all": 1}
    assert planned.of("evaluate") == {run.name for run in described.runs}


def test_editing_a_helper_two_methods_share_plans_both_methods_runs_only(study, described):
    # kmeans.from_fitted_centroids turns scikit-learn's k-means and mini-batch k-means alike
    planned = planned_after_editing(study, "methods/kmeans.py")
    jobs, runs = refit(described, {"kmeans", "minibatch_kmeans"})
    assert runs == runs_of(described, "kmeans") | runs_of(described, "minibatch_kmeans")
    assert len(runs) == 2
    assert planned.jobs == jobs
    assert all(run.startswith(("kmeans/", "minibatch_kmeans/")) for run in planned.of("cluster"))
    for rule in ("cluster", "evaluate", "run_figures"):
        assert planned.of(rule) == runs, rule


def test_editing_one_methods_module_plans_that_methods_runs_only(study, described):
    planned = planned_after_editing(study, "methods/gmm.py")
    jobs, runs = refit(described, {"gmm"})
    assert runs == runs_of(described, "gmm") and len(runs) == 1
    assert planned.jobs == jobs
    assert all(run.startswith("gmm/") for run in planned.of("cluster"))
    for rule in ("cluster", "evaluate", "run_figures"):
        assert planned.of(rule) == runs, rule
    assert planned.of("silhouette", "space") == {"pca"}


def test_editing_a_figure_module_plans_only_figure_jobs_and_the_page(study, described):
    # image_grids draws every figure of a run on images and the figure of Lloyd's fit; this
    # study has no agglomerative run and neither a headline nor neighbours figure
    planned = planned_after_editing(study, "figures/image_grids.py")
    assert described.has_images
    expected = {
        "run_figures": len(described.runs),
        "iterations": len(runs_of(described, "lloyd")),
        "dendrogram": len(runs_of(described, "agglomerative")),
        "report": 1,
        "all": 1,
    }
    assert planned.jobs == without_none(expected)
    assert planned.of("run_figures") == {run.name for run in described.runs}
    assert planned.of("iterations") == runs_of(described, "lloyd")


def test_editing_the_page_plans_the_page_alone(study):
    planned = planned_after_editing(study, "report/page.py")
    assert planned.jobs == {"report": 1, "all": 1}


def test_editing_a_report_template_plans_the_page_alone(study):
    planned = planned_after_editing(study, "report/templates/page.html.j2", b"{# an edit #}\n")
    assert planned.jobs == {"report": 1, "all": 1}


def test_editing_a_figure_caption_plans_the_page_alone(study):
    planned = planned_after_editing(study, "figures/captions/centroids.rst", b"\n")
    assert planned.jobs == {"report": 1, "all": 1}
