"""The workflow on a real one-node Slurm cluster, through the shipped profiles.

The executor plugin lives in an environment of this test's own (the rest of the suite must
not load it: with Slurm's client tools present and no controller, it adds 9 s to every
Snakemake start). The cluster is started here and stopped by PID at the end.
"""

import re
import subprocess

import pytest
import slurm_cluster
from conftest import REPOSITORY, Workspace, assert_same_results, small_study

pytestmark = pytest.mark.system

SLURM_OPTIONS = ["--slurm-init-seconds-before-status-checks", "2", "--max-threads", "2"]


def slurm_study() -> dict:
    """The digits in pixel space, one k-means run: a graph five Slurm jobs deep."""
    config = small_study("digits")
    config["datasets"]["digits"]["spaces"] = ["raw"]
    config["runs"] = [{"method": "kmeans", "space": "raw"}]
    return config


def resources(*, account: bool) -> list[str]:
    values = [f"slurm_partition={slurm_cluster.PARTITION}", "mem_mb=1000", "runtime=30"]
    if account:
        values.append(f"slurm_account={slurm_cluster.ACCOUNT}")
    return ["--default-resources", *values]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, plugin_python):
    directory = tmp_path_factory.mktemp("slurm")
    running = slurm_cluster.SlurmCluster(directory, accounting=True)
    running.start()
    yield running
    assert running.stop() == [], "a Slurm daemon outlived its SIGTERM and SIGKILL"


def test_the_study_on_slurm_equals_the_local_run(cluster, plugin_python, tmp_path):
    for name in ("slurm", "local"):
        (tmp_path / name).mkdir()
    on_slurm = Workspace(tmp_path / "slurm", slurm_study(), python=plugin_python)
    local = Workspace(tmp_path / "local", slurm_study())
    planned = on_slurm.planned_jobs()
    remote_jobs = sum(count for rule, count in planned.items() if rule not in ("report", "all"))
    on_slurm.snakemake(
        "--profile",
        str(REPOSITORY / "profiles/slurm"),
        *resources(account=True),
        *SLURM_OPTIONS,
        env=cluster.environment,
    )
    local.snakemake()
    assert len(cluster.submitted_jobs()) == remote_jobs
    accounted = subprocess.run(
        ["sacct", "-a", "-n", "-X", "-o", "JobName%60"],
        env=cluster.environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert accounted.count("\n") >= remote_jobs
    assert_same_results(on_slurm, local)


def test_a_rule_failing_on_slurm_fails_the_run_and_names_the_rule(cluster, plugin_python, tmp_path):
    workspace = Workspace(tmp_path, slurm_study(), python=plugin_python)
    workspace.snakemake(
        "--profile",
        str(REPOSITORY / "profiles/slurm"),
        *resources(account=True),
        *SLURM_OPTIONS,
        "--until",
        "cluster",
        env=cluster.environment,
    )
    labels = next(workspace.path("results/digits/runs").rglob("labels.parquet"))
    labels.write_bytes(b"not a parquet file")
    result = workspace.snakemake(
        "--profile",
        str(REPOSITORY / "profiles/slurm"),
        *resources(account=True),
        *SLURM_OPTIONS,
        "--retries",
        "0",
        "--forcerun",
        "evaluate",
        "--until",
        "evaluate",
        env=cluster.environment,
        check=False,
    )
    assert result.returncode != 0
    assert re.search(r"Error in rule evaluate", result.stderr), result.stderr[-3000:]


HUNGRY_WORKFLOW = """
rule hungry:
    output:
        "hungry.txt",
    threads: 1
    resources:
        mem_mb=lambda wildcards, attempt: 400 * attempt**2,
    shell:
        "python -c 'import numpy, time; x = numpy.ones(90_000_000); time.sleep(4)'"
        " && echo {resources.mem_mb} > {output}"
"""


def test_a_job_killed_for_memory_is_resubmitted_with_more(cluster, plugin_python, tmp_path):
    """Slurm kills the first attempt (720 MB of data in a 400 MB job); the profile's retries
    resubmit it, with the memory its rule asks for on attempt 2, and it succeeds."""
    (tmp_path / "Snakefile").write_text(HUNGRY_WORKFLOW)
    submitted_before = len(cluster.submitted_jobs())
    result = subprocess.run(
        [
            plugin_python,
            "-m",
            "snakemake",
            "--directory",
            str(tmp_path),
            "--profile",
            str(REPOSITORY / "profiles/slurm"),
            *resources(account=True),
            *SLURM_OPTIONS,
            "--workflow-profile",
            "none",
        ],
        cwd=tmp_path,
        env=cluster.environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert (tmp_path / "hungry.txt").read_text().strip() == "1600"
    assert len(cluster.submitted_jobs()) - submitted_before == 2
