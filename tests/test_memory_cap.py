"""Jobs that run at once never declare more memory together than the run's cap, which on a
workstation defaults to the machine's memory."""

import re

import pytest
from conftest import small_study

from digit_clustering.jobs.memory import (
    RESERVED_MB,
    container_limit_mb,
    default_memory_cap_mb,
    this_machines_memory_cap_mb,
)


@pytest.mark.unit
def test_the_default_cap_is_the_smaller_of_machine_and_container_less_a_reserve():
    assert default_memory_cap_mb(24_000, None) == 24_000 - RESERVED_MB
    assert default_memory_cap_mb(24_000, 8_000) == 8_000 - RESERVED_MB
    assert default_memory_cap_mb(64_000, 10**12) == 64_000 - RESERVED_MB
    assert default_memory_cap_mb(2_500, None) == 1_000


@pytest.mark.unit
def test_a_container_limit_is_read_from_cgroup_v2_or_v1(tmp_path):
    unlimited, limited = tmp_path / "memory.max", tmp_path / "limit_in_bytes"
    unlimited.write_text("max\n")
    limited.write_text(f"{6 * 2**30}\n")
    assert container_limit_mb((str(unlimited), str(limited))) == 6 * 1024
    assert container_limit_mb((str(unlimited), str(tmp_path / "absent"))) is None


def concurrent_memory(log: str) -> list[tuple[int, int]]:
    """(jobs running, their declared mem_mb together) after each job Snakemake started, read
    from its log in the order the scheduler wrote it."""
    running, moments = {}, []
    pattern = r"jobid: (\d+)\n(?:.*\n)*?\s+resources: .*?mem_mb=(\d+)|Finished jobid: (\d+)"
    for started, memory, finished in re.findall(pattern, log):
        if finished:
            running.pop(finished, None)
        else:
            running[started] = int(memory)
            moments.append((len(running), sum(running.values())))
    return moments


@pytest.mark.workflow
def test_jobs_at_once_stay_under_the_cap(workspace_factory):
    workspace = workspace_factory(small_study("digits"))
    declared = [int(m) for m in re.findall(r"mem_mb=(\d+)", workspace.snakemake("-n").stdout)]
    cap = 3000
    assert sorted(declared)[-2] + sorted(declared)[-1] > cap
    log = workspace.snakemake("--resources", f"mem_mb={cap}").stderr
    moments = concurrent_memory(log)
    assert len(moments) == len(declared)
    assert max(memory for _, memory in moments) <= cap
    assert max(count for count, _ in moments) == 2  # two small jobs did share the cap


@pytest.mark.workflow
def test_a_workstation_run_is_capped_at_the_machines_memory(workspace_factory):
    workspace = workspace_factory(small_study("digits"))
    default = workspace.snakemake("--dry-run").stderr
    assert f"declare at most {this_machines_memory_cap_mb()} MB together" in default
    assert "declare at most" not in workspace.snakemake("-n", "--resources", "mem_mb=5000").stderr
