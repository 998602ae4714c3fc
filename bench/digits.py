"""The digits study (scikit-learn's 1,797 images, every run of config.yaml), cold and no-op,
against the same runs done the notebook way in one process.

    python bench/digits.py [--before REV] [--noop-runs 5] [--keep DIR]

Each checkout (the working tree, and REV as a git worktree when given) runs the study twice,
each time in a new folder with `--cores 2`: first with an empty numba cache (a brand-new
install), then again with the cache the first run filled. The no-op is the median of
`--noop-runs` plain reruns. With --keep, each checkout's studies stay in DIR (for
bench/compare_results.py). Writes its section of bench/RESULTS.md.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results_md import replace_section

REPOSITORY = Path(__file__).resolve().parent.parent
DONE = re.compile(r"done in ([\d.]+) s on (\d+) thread")


def snakemake(checkout: Path, workdir: Path, environment: dict) -> float:
    command = [sys.executable, "-m", "snakemake", "--snakefile", str(checkout / "Snakefile")]
    command += ["--directory", str(workdir), "--cores", "2", "--config", "dataset=digits"]
    began = time.perf_counter()
    subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
    return time.perf_counter() - began


def job_seconds(workdir: Path) -> tuple[int, float, float]:
    """How many jobs ran, their summed wall time (Snakemake's benchmark files, start-up
    included) and their summed work (the time each job's log gives its work)."""
    walls = [
        float(path.read_text().splitlines()[1].split("\t")[0])
        for path in (workdir / "benchmarks").rglob("*.tsv")
    ]
    work = [
        float(match.group(1))
        for log in (workdir / "logs").rglob("*.log")
        if (match := DONE.search(log.read_text()))
    ]
    return len(walls), sum(walls), sum(work)


def measure(checkout: Path, scratch: Path, noop_runs: int) -> dict:
    environment = {
        **os.environ,
        "PYTHONPATH": str(checkout),
        "PYTHONSAFEPATH": "1",
        "NUMBA_CACHE_DIR": str(scratch / "numba"),
    }
    result = {}
    for name in ("new_install", "warm_numba"):
        workdir = scratch / name
        workdir.mkdir()
        (workdir / "config.yaml").write_text((checkout / "config.yaml").read_text())
        result[name] = snakemake(checkout, workdir, environment)
    result["jobs"], result["job_wall"], result["job_work"] = job_seconds(workdir)
    noops = [snakemake(checkout, workdir, environment) for _ in range(noop_runs)]
    result["noop"] = statistics.median(noops)
    return result


def measure_checkout(revision: str | None, noop_runs: int, keep: Path | None) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        studies = Path(scratch) if keep is None else keep / (revision or "now")
        studies.mkdir(parents=True, exist_ok=keep is None)
        if revision is None:
            return measure(REPOSITORY, studies, noop_runs)
        checkout = Path(scratch) / "checkout"
        git = ["git", "-C", str(REPOSITORY), "worktree"]
        subprocess.run([*git, "add", "--detach", str(checkout), revision], check=True)
        try:
            return measure(checkout, studies, noop_runs)
        finally:
            subprocess.run([*git, "remove", "--force", str(checkout)], check=True)


def notebook_way() -> dict:
    began = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(REPOSITORY / "bench/notebook_way.py"), "--study", "digits"],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    scores["process_wall"] = time.perf_counter() - began
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="a git revision to measure beside the working tree")
    parser.add_argument("--noop-runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep each checkout's studies in this folder")
    arguments = parser.parse_args()
    baseline = notebook_way()
    columns = {"now": measure_checkout(None, arguments.noop_runs, arguments.keep)}
    if arguments.before:
        before = measure_checkout(arguments.before, arguments.noop_runs, arguments.keep)
        columns = {f"before ({arguments.before})": before, **columns}
    write_results(columns, baseline)


def write_results(columns: dict[str, dict], baseline: dict) -> None:
    notebook = baseline["process_wall"]
    rows = [
        ("cold, brand-new install (empty numba cache), s", "new_install", "{:.1f}"),
        ("cold, numba cache warm, s", "warm_numba", "{:.1f}"),
        ("no-op (median), s", "noop", "{:.2f}"),
        ("jobs", "jobs", "{}"),
        ("jobs' summed wall time (start-up included), s", "job_wall", "{:.1f}"),
        ("jobs' summed work (as their logs time it), s", "job_work", "{:.1f}"),
    ]
    head = "| | " + " | ".join(columns) + " |"
    lines = [
        "## Study `digits` (1,797 images), `--cores 2` (`python bench/digits.py`)",
        "",
        f"The same {baseline['runs']} runs done the notebook way, one process "
        f"(`bench/notebook_way.py --study digits`): {notebook:.1f} s.",
        "",
        head,
        "|---|" + "---:|" * len(columns),
    ]
    for label, key, form in rows:
        lines.append(
            f"| {label} | " + " | ".join(form.format(c[key]) for c in columns.values()) + " |"
        )
    lines.append(
        "| cold with warm numba cache / notebook way | "
        + " | ".join(f"{c['warm_numba'] / notebook:.1f} x" for c in columns.values())
        + " |"
    )
    replace_section("## Study `digits`", lines)


if __name__ == "__main__":
    main()
