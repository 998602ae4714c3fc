import subprocess
import sys
import time

import pytest

from digit_clustering.jobs.stale_locks import hold_and_clear_stale

pytestmark = pytest.mark.unit

HOLD_IN_ANOTHER_PROCESS = """
import sys, time
from digit_clustering.jobs.stale_locks import hold_and_clear_stale

hold_and_clear_stale(sys.argv[1])
print("holding", flush=True)
time.sleep(60)
"""


def snakemake_locks(state):
    locks = state / "locks"
    locks.mkdir(parents=True, exist_ok=True)
    for name in ("0.input.lock", "0.output.lock"):
        (locks / name).write_text("results/x.parquet\n")
    return sorted(locks.iterdir())


def run_holding(state) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_IN_ANOTHER_PROCESS, str(state)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "holding\n"
    return holder


def test_locks_of_a_run_that_is_alive_stay(tmp_path):
    state = tmp_path / ".snakemake"
    holder = run_holding(state)
    try:
        locks = snakemake_locks(state)
        assert hold_and_clear_stale(state) == []
        assert sorted((state / "locks").iterdir()) == locks
    finally:
        holder.kill()
        holder.wait()


def test_locks_of_a_run_that_died_are_removed(tmp_path):
    state = tmp_path / ".snakemake"
    holder = run_holding(state)
    locks = snakemake_locks(state)
    holder.kill()  # SIGKILL: no clean-up code of the holder runs
    holder.wait()
    time.sleep(0.1)
    assert hold_and_clear_stale(state) == locks
    assert list((state / "locks").iterdir()) == []
