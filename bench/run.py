"""Benchmark the workflow on full MNIST against the notebook way; writes bench/RESULTS.md.

    python bench/run.py [--mnist DIR] [--study spine|default]

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

import yaml

REPOSITORY = Path(__file__).resolve().parent.parent
HEADER = (
    "# Benchmarks\n\nWritten by `python bench/run.py --study spine|default` on a machine with two "
    "cores and 24 GB; the notebook way is `bench/notebook_way.py`, timed in the same run.\n"
)
DONE = re.compile(r"done in ([\d.]+) s on (\d+) thread\(s\); peak RSS (\d+) MB")


def spine_study(config: dict) -> dict:
    study = copy.deepcopy(config)
    study["datasets"]["mnist"]["spaces"] = ["pca50"]
    study["runs"] = [{"method": "kmeans", "space": "pca50", "params": {"k": 10}}]
    return study


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *arguments):
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def snakemake(workdir: Path, *arguments: str) -> tuple[float, str]:
    command = [sys.executable, "-m", "snakemake", "--snakefile", str(REPOSITORY / "Snakefile")]
    command += ["--directory", str(workdir), "--cores", "2", *arguments]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, result.stdout + result.stderr


def declared_resources(dry_run_output: str) -> dict[str, int]:
    declared = {}
    for block in re.split(r"\n(?=(?:local)?rule \w+:)", dry_run_output):
        rule = re.match(r"(?:local)?rule (\w+):", block)
        memory = re.search(r"mem_mb=(\d+)", block)
        if rule and memory:
            declared[rule.group(1)] = int(memory.group(1))
    return declared


def job_measurements(workdir: Path) -> list[dict]:
    rows = []
    for log in sorted((workdir / "logs").rglob("*.log")):
        match = DONE.search(log.read_text())
        if match:
            relative = log.relative_to(workdir / "logs")
            rule = relative.stem if relative.parts[0] != "download" else "download_mnist"
            rule = {"figure": "run_figure"}.get(rule, rule)
            if relative.parts[1:2] in (("scale",), ("subsample",), ("silhouette",)):
                rule = relative.parts[1]
            if relative.parts[1:2] == ("features",):
                rule = "pca"
            rows.append(
                {
                    "job": str(relative.with_suffix("")),
                    "rule": rule,
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
    arguments = parser.parse_args()
    config = yaml.safe_load((REPOSITORY / "config.yaml").read_text())
    study = spine_study(config) if arguments.study == "spine" else config

    baseline = notebook_way(arguments.mnist)
    server, url = serve(arguments.mnist)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            workdir = Path(scratch)
            study["mnist_mirror"] = url
            (workdir / "config.yaml").write_text(yaml.safe_dump(study, sort_keys=False))
            _, plan = snakemake(workdir, "--dry-run")
            cold, _ = snakemake(workdir)
            noop, _ = snakemake(workdir)
            jobs = job_measurements(workdir)
            metrics = (workdir / "results/mnist/metrics.csv").read_text()
    finally:
        server.shutdown()
        server.server_close()
    write_results(arguments.study, baseline, cold, noop, jobs, declared_resources(plan), metrics)


def write_results(study, baseline, cold, noop, jobs, declared, metrics) -> None:
    lines = [
        f"## Study `{study}` on full MNIST (70,000 images), `--cores 2`",
        "",
        f"- notebook way, one process: {baseline['wall']:.1f} s wall, "
        f"{baseline['peak_mb']:.0f} MB peak RSS (silhouette {baseline['silhouette']:.4f}, "
        f"accuracy {baseline['accuracy']:.4f})",
        f"- workflow cold, download from a loopback mirror included: {cold:.1f} s "
        f"({cold / baseline['wall']:.2f} x the notebook way)",
        f"- workflow no-op: {noop:.2f} s",
        "",
        "| job | seconds | threads | peak RSS MB | declared mem_mb |",
        "|---|---:|---:|---:|---:|",
    ]
    for job in jobs:
        limit = declared.get(job["rule"], "?")
        flag = " (over)" if isinstance(limit, int) and job["peak_mb"] > limit else ""
        lines.append(
            f"| {job['job']} | {job['seconds']:.2f} | {job['threads']} | {job['peak_mb']}{flag} "
            f"| {limit} |"
        )
    lines += ["", "metrics.csv of the run:", "", "```", metrics.strip(), "```", ""]
    results = REPOSITORY / "bench/RESULTS.md"
    kept = results.read_text() if results.exists() else HEADER
    kept = (
        re.sub(rf"## Study `{study}`.*?(?=\n## |\Z)", "", kept, flags=re.DOTALL).rstrip() + "\n\n"
    )
    results.write_text(kept + "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
