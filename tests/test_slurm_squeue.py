"""The profile for clusters without accounting, on a real Slurm without slurmdbd.

In a module of its own so that it starts after the accounting cluster of test_slurm.py has
stopped: two controllers cannot share the node.
"""

import pytest
import slurm_cluster
from conftest import REPOSITORY, Workspace
from test_slurm import SLURM_OPTIONS, resources, slurm_study

pytestmark = pytest.mark.system


def test_the_profile_without_accounting_polls_squeue(plugin_python, tmp_path):
    for name in ("cluster", "study"):
        (tmp_path / name).mkdir()
    cluster = slurm_cluster.SlurmCluster(tmp_path / "cluster", accounting=False)
    cluster.start()
    try:
        workspace = Workspace(tmp_path / "study", slurm_study(), python=plugin_python)
        workspace.snakemake(
            "--profile",
            str(REPOSITORY / "profiles/slurm-no-accounting"),
            *resources(account=False),
            *SLURM_OPTIONS,
            "results/digits/scaled/max.parquet",
            env=cluster.environment,
        )
        assert workspace.path("results/digits/scaled/max.parquet").exists()
        assert len(cluster.submitted_jobs()) == 2  # decode, scale
    finally:
        assert cluster.stop() == []
