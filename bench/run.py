"""Benchmark the workflow on full MNIST against the notebook way; writes bench/RESULTS.md.

    python bench/run.py [--mnist DIR] [--study spine|default] [--cores 2] [--mem-mb N]

The spine study is the notebook's work (PCA-50, k-means k=10, n_init=10, every metric, the
centroid figure) as a workflow; `default` is config.yaml as shipped. Each is run cold (from the
download, served by a loopback HTTP mirror) and then again as a no-op. Not run by CI.
"""

import argparse
import copy
import functools
import http.server
import json
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import yaml
from results_md import replace_section

REPOSITORY = Path(__file__).resolve().parent.parent
DONE = re.compile(r"done in ([\d.]+) s on (\d+) thread\(s\); peak RSS (\d+) MB")


def spine_study(config: dict) -> dict:
    study = copy.deepcopy(config)
    study["datasets"]["mnist"]["spaces"] = ["pca50"]
    study["runs"] = [{"method": "kmeans", "space": "pca50", "params": {"k": 10}}]
    study["neighbours"]["space"] = None
    study["evaluation"]["heldout"] = False
    return study


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *arguments):
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def snakemake(workdir: Path, cores: int, *arguments: str) -> tuple[float, str]:
    command = [sys.executable, "-m", "snakemake", "--snakefile", str(REPOSITORY / "Snakefile")]
    command += ["--directory", str(workdir), "--cores", str(cores), *arguments]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, result.stdout + result.stderr


def declared_memory(dry_run_output: str) -> dict[str, int]:
    """mem_mb of every planned job, keyed by its log file (relative to logs/, no suffix)."""
    declared = {}
    for block in re.split(r"\n(?=(?:local)?rule \w+:)", dry_run_output):
        log = re.search(r"^\s+log: logs/(\S+)\.log", block, flags=re.MULTILINE)
        memory = re.search(r"mem_mb=(\d+)", block)
        if log and memory:
            declared[log.group(1)] = int(memory.group(1))
    return declared


def job_measurements(workdir: Path) -> list[dict]:
    """Each job's time, threads and peak RSS, from the line `jobs.job()` ends its log with."""
    rows = []
    for log in sorted((workdir / "logs").rglob("*.log")):
        match = DONE.search(log.read_text())
        if match:
            rows.append(
                {
                    "job": str(log.relative_to(workdir / "logs").with_suffix("")),
                    "seconds": float(match.group(1)),
                    "threads": int(match.group(2)),
                    "peak_mb": int(match.group(3)),
                }
            )
    return rows


def notebook_way(mnist: Path) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        result = subprocess.run(
            [
                sys.executable,
                str(REPOSITORY / "bench/notebook_way.py"),
                str(mnist),
                f"{scratch}/c.png",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - started
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    scores["wall"] = wall
    scores["peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mnist", type=Path, default=REPOSITORY.parent / "shared/data/mnist")
    parser.add_argument("--study", choices=["spine", "default"], default="spine")
    parser.add_argument("--cores", type=int, default=2, help="Snakemake's --cores")
    parser.add_argument("--mem-mb", type=int, help="Snakemake's --resources mem_mb")
    parser.add_argument(
        "--workdir", type=Path, help="run the study here and keep it (default: a temporary one)"
    )
    arguments = parser.parse_args()
    config = yaml.safe_load((REPOSITORY / "config.yaml").read_text())
    study = spine_study(config) if arguments.study == "spine" else config

    baseline = notebook_way(arguments.mnist)
    server, url = serve(arguments.mnist)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            workdir = arguments.workdir or Path(scratch)
            workdir.mkdir(parents=True, exist_ok=True)
            study["mnist_mirror"] = url
            (workdir / "config.yaml").write_text(yaml.safe_dump(study, sort_keys=False))
            limit = ["--resources", f"mem_mb={arguments.mem_mb}"] if arguments.mem_mb else []
            _, plan = snakemake(workdir, arguments.cores, "--dry-run", *limit)
            cold, _ = snakemake(workdir, arguments.cores, *limit)
            noop, _ = snakemake(workdir, arguments.cores, *limit)
            jobs = job_measurements(workdir)
            metrics = pd.read_csv(workdir / "results/mnist/metrics.csv")
    finally:
        server.shutdown()
        server.server_close()
    options = f"--cores {arguments.cores}"
    if arguments.mem_mb:
        options += f" --resources mem_mb={arguments.mem_mb}"
    write_results(
        arguments.study, options, baseline, cold, noop, jobs, declared_memory(plan), metrics
    )


def write_results(study, options, baseline, cold, noop, jobs, declared, metrics) -> None:
    heading = f"## Study `{study}` on full MNIST (70,000 images), `{options}`"
    lines = [
        heading,
        "",
        f"- notebook way, one process: {baseline['wall']:.1f} s wall, "
        f"{baseline['peak_mb']:.0f} MB peak RSS (silhouette {baseline['silhouette']:.4f}, "
        f"accuracy {baseline['accuracy']:.4f})",
        f"- workflow cold, download from a loopback mirror included: {cold:.1f} s "
        f"({cold / baseline['wall']:.2f} x the notebook way)",
        f"- workflow no-op: {noop:.2f} s",
        f"- jobs over their declared mem_mb: "
        f"{sum(job['peak_mb'] > declared.get(job['job'], float('inf')) for job in jobs)}",
        "",
        "Each run's clustering job (fit on every point of its space) and its scores:",
        "",
        "| run | fit job s | peak RSS MB | declared mem_mb | accuracy | ARI | NMI | clusters |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    by_job = {job["job"]: job for job in jobs}
    for row in metrics.itertuples():
        job = by_job.get(f"mnist/runs/{row.run}/cluster", {})
        lines.append(
            f"| {row.run} | {job.get('seconds', float('nan')):.1f} | {job.get('peak_mb', '?')} "
            f"| {declared.get(f'mnist/runs/{row.run}/cluster', '?')} | {row.accuracy:.4f} "
            f"| {row.ari:.4f} | {row.nmi:.4f} | {row.n_clusters} |"
        )
    lines += [
        "",
        "Every job:",
        "",
        "| job | seconds | threads | peak RSS MB | declared mem_mb |",
        "|---|---:|---:|---:|---:|",
    ]
    for job in jobs:
        limit = declared.get(job["job"], "?")
        flag = " (over)" if isinstance(limit, int) and job["peak_mb"] > limit else ""
        lines.append(
            f"| {job['job']} | {job['seconds']:.2f} | {job['threads']} | {job['peak_mb']}{flag} "
            f"| {limit} |"
        )
    replace_section(heading, lines)


if __name__ == "__main__":
    main()
