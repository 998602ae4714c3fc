"""Code is an input: editing a package module reruns exactly the jobs that run it.

Every test edits a copy of the workflow and its package (never the repository), built once with
a small digits study; jobs and Snakemake import the copy first (PYTHONPATH).
"""

import os
import re
import shutil

import pytest
from conftest import REPOSITORY, Workspace, small_study

pytestmark = pytest.mark.workflow

COPIED = ("Snakefile", "rules", "scripts", "schemas", "envs", "profiles", "digit_clustering")
FIGURE_RULES = {
    "image_run_figures",
    "cloud_run_figures",
    "lloyd_figure",
    "dendrogram",
    "neighbours_figure",
    "agreement_figure",
    "headline",  # the headline's own figures
}


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


def planned_after_editing(study: Workspace, module: str) -> dict[str, int]:
    """The jobs a dry run plans once `module` (a path under the package) has one more line,
    and, checked before returning, none once the edit is undone."""
    source = study.workflow / "digit_clustering" / module
    original = source.read_bytes()
    source.write_bytes(original + b"\n# an edit\n")
    try:
        planned = study.planned_jobs()
    finally:
        source.write_bytes(original)
    assert study.planned_jobs() == {}, f"undoing the edit of {module} still plans jobs"
    return planned


def runs_of(study: Workspace, method: str) -> int:
    return sum(1 for run in study.config["runs"] if run["method"] == method)


def test_editing_the_metrics_plans_every_evaluate_job_and_what_follows_and_no_fit(study):
    planned = planned_after_editing(study, "evaluation/metrics.py")
    assert planned.pop("evaluate") == len(study.config["runs"])
    assert planned.pop("aggregate") == 1 and planned.pop("report") == 1
    assert planned.pop("all") == 1
    assert planned == {}, f"more than the evaluation and what reads it: {planned}"


def test_editing_a_helper_two_methods_share_plans_both_methods_runs_only(study):
    # kmeans.from_fitted_centroids turns scikit-learn's k-means and mini-batch k-means alike
    planned = planned_after_editing(study, "methods/kmeans.py")
    shared = runs_of(study, "kmeans") + runs_of(study, "minibatch_kmeans")
    assert planned["cluster"] == shared == 2
    assert planned["evaluate"] == shared
    assert not {"decode", "scale", "pca"} & set(planned)


def test_editing_one_methods_module_plans_that_methods_runs_only(study):
    planned = planned_after_editing(study, "methods/gmm.py")
    assert planned["cluster"] == runs_of(study, "gmm") == 1
    assert not {"decode", "scale", "pca"} & set(planned)


def test_editing_a_figure_module_plans_only_figure_jobs_and_the_page(study):
    planned = planned_after_editing(study, "figures/image_grids.py")
    assert planned.pop("image_run_figures") == len(study.config["runs"])
    assert planned.pop("report") == 1 and planned.pop("all") == 1
    assert set(planned) <= FIGURE_RULES, f"jobs that draw no figure: {planned}"


def test_editing_the_page_plans_the_page_alone(study):
    planned = planned_after_editing(study, "report/page.py")
    assert planned == {"report": 1, "all": 1}


@pytest.mark.unit
def test_every_rule_that_runs_a_script_carries_the_digest_of_its_code():
    rules = "\n".join(path.read_text() for path in sorted((REPOSITORY / "rules").glob("*.smk")))
    scripts = set(re.findall(r'script:\n\s+"\.\./scripts/(\w+)\.py"', rules))
    coded = set(re.findall(r'code=(?:fit_)?code\("(\w+)"\)', rules))
    # a download is pinned by its checksum, whatever code fetched it
    assert scripts - coded == {"download"}
    assert coded <= scripts
