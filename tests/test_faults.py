"""Faults while the workflow runs: a killed run, a second run, a full or read-only disk."""

import base64
import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import Workspace, assert_same_results, executed_rules, small_study

pytestmark = pytest.mark.system

SLOW_RUN = "kmeans/raw/k~10@init~k-means++@n_init~800@max_iter~100/seed~0"


def slow_study() -> dict:
    """A quick run and one whose fit takes several seconds, to be interrupted."""
    config = small_study("digits")
    config["runs"] = [
        {"method": "kmeans", "space": "pca", "params": {"k": 10}},
        {"method": "kmeans", "space": "raw", "params": {"k": 10, "n_init": 800}},
    ]
    return config


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory) -> Workspace:
    return Workspace.built(tmp_path_factory, "clean", slow_study())


def start_snakemake(workspace: Workspace) -> subprocess.Popen:
    """`snakemake --cores 2` in its own process group, started once the slow fit is running."""
    process = subprocess.Popen(
        workspace.command(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    slow_log = workspace.path(f"logs/digits/runs/{SLOW_RUN}/cluster.log")
    deadline = time.monotonic() + 120
    while not slow_log.exists():
        assert process.poll() is None, "snakemake ended before the slow fit started"
        assert time.monotonic() < deadline, "the slow fit never started"
        time.sleep(0.1)
    time.sleep(1)
    return process


def wait_until_gone(process_group: int) -> None:
    """Wait for every process of the group: a job whose snakemake was killed runs on."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            os.killpg(process_group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    raise AssertionError("processes of the killed run are still alive")


def incomplete_outputs(workspace: Workspace) -> set[str]:
    markers = workspace.path(".snakemake/incomplete").glob("*")
    return {base64.urlsafe_b64decode(marker.name).decode() for marker in markers}


def output_times(workspace: Workspace) -> dict[str, int]:
    return {
        str(path.relative_to(workspace.directory)): path.stat().st_mtime_ns
        for path in workspace.path("results").rglob("*")
        if path.is_file()
    }


@pytest.mark.parametrize("victims", ["snakemake", "its process group"])
def test_a_plain_rerun_after_kill_9_rebuilds_the_interrupted_job_and_keeps_the_rest(
    victims, clean_run, workspace_factory
):
    workspace = workspace_factory(slow_study())
    process = start_snakemake(workspace)
    if victims == "snakemake":
        os.kill(process.pid, signal.SIGKILL)  # the fit runs on and writes its output
    else:
        os.killpg(process.pid, signal.SIGKILL)  # a power cut: the fit dies too
    process.wait()
    wait_until_gone(process.pid)
    assert list(workspace.path(".snakemake/locks").glob("*.lock")), "Snakemake left no lock"
    interrupted = incomplete_outputs(workspace)
    assert f"results/digits/runs/{SLOW_RUN}/labels.parquet" in interrupted
    finished = {path: t for path, t in output_times(workspace).items() if path not in interrupted}
    assert "results/digits/data.parquet" in finished

    recovery = workspace.snakemake()

    assert "left by a run that is no longer alive" in recovery.stderr
    after = output_times(workspace)
    assert {path: after[path] for path in finished} == finished
    assert "decode" not in executed_rules(recovery.stderr)
    # Fits run in any order: the slow one may have started before the quick one.
    fitted = [p for p in after if p.endswith("/labels.parquet") and p not in finished]
    assert f"results/digits/runs/{SLOW_RUN}/labels.parquet" in fitted
    assert executed_rules(recovery.stderr).count("cluster") == len(fitted)
    assert not incomplete_outputs(workspace)
    assert not list(workspace.path("results").rglob("*.tmp"))
    assert_same_results(clean_run, workspace)


def test_a_second_snakemake_is_refused_while_one_runs_and_harms_nothing(
    clean_run, workspace_factory
):
    workspace = workspace_factory(slow_study())
    first = start_snakemake(workspace)
    second = workspace.snakemake(check=False)
    assert second.returncode != 0
    assert "Directory cannot be locked" in second.stderr
    assert "no longer alive" not in second.stderr
    assert first.wait(timeout=600) == 0
    assert_same_results(clean_run, workspace)


@contextlib.contextmanager
def tmpfs(directory: Path, options: str):
    """A small RAM file system mounted on `directory` (the suite runs as root, as CI does)."""
    directory.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(directory)], check=True)
    try:
        yield directory
    finally:
        subprocess.run(["umount", str(directory)], check=True)


def test_a_full_disk_fails_the_job_naming_its_output_and_a_rerun_with_space_goes_on(
    workspace_factory,
):
    config = small_study("digits")
    config["runs"] = config["runs"][:1]
    workspace = workspace_factory(config)
    with tmpfs(workspace.path("results"), "size=64k") as results:
        failed = workspace.snakemake(check=False)
        assert failed.returncode != 0
        assert "could not write results/digits/scaled/max.parquet: the disk is full" in (
            failed.stderr
        )
        left = sorted(p.relative_to(results).as_posix() for p in results.rglob("*.parquet"))
        assert left == ["digits/data.parquet"]
        assert not [p for p in results.rglob("*") if p.name.startswith(".")]
        decoded = (results / "digits/data.parquet").stat().st_mtime_ns
        subprocess.run(["mount", "-o", "remount,size=64m", str(results)], check=True)
        recovery = workspace.snakemake()
        assert "decode" not in executed_rules(recovery.stderr)
        assert (results / "digits/data.parquet").stat().st_mtime_ns == decoded
        assert (results / "digits/report/index.html").exists()


def test_a_read_only_results_directory_is_refused_before_any_job(workspace_factory):
    workspace = workspace_factory(small_study("digits"))
    with tmpfs(workspace.path("results"), "ro,size=1m"):
        failed = workspace.snakemake(check=False)
    assert failed.returncode != 0
    assert "cannot write to results/ (Read-only file system)" in failed.stderr
    assert "No job was run" in failed.stderr
    assert not workspace.path("logs").exists()


def test_a_truncated_intermediate_is_named_when_read_and_rebuilt_once_deleted(clean_run, tmp_path):
    config = slow_study()
    config["runs"] = [{"method": "kmeans", "space": "raw", "params": {"k": 9}}]
    workspace = clean_run.copy(tmp_path / "copy", config)
    scaled = workspace.path("results/digits/scaled/max.parquet")
    scaled.write_bytes(scaled.read_bytes()[:5000])

    failed = workspace.snakemake(check=False)

    assert failed.returncode != 0
    assert "CorruptTableError" in failed.stderr
    message = "results/digits/scaled/max.parquet is not a readable Parquet file"
    assert message in failed.stderr
    assert "Delete it and re-run snakemake to rebuild it." in failed.stderr
    scaled.unlink()
    workspace.snakemake()
    metrics = pd.read_csv(workspace.path("results/digits/metrics.csv"))
    assert metrics["param_k"].tolist() == [9]


def test_a_local_source_with_misnamed_arrays_fails_its_job_and_leaves_no_table(
    workspace_factory, tmp_path
):
    source = tmp_path / "mnist.npz"
    np.savez(source, images=np.zeros((3, 28, 28), np.uint8), labels=np.zeros(3, np.uint8))
    workspace = workspace_factory(small_study("mnist", mnist_source=str(source)))
    failed = workspace.snakemake(check=False)
    assert failed.returncode != 0
    assert "SourceError" in failed.stderr
    assert "missing array(s) ['x_train', 'y_train', 'x_test', 'y_test']" in failed.stderr
    assert "it holds ['images', 'labels']" in failed.stderr
    assert not [p for p in workspace.path("results").rglob("*") if p.is_file()]
