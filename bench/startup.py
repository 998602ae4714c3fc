"""What a job costs before it computes: a Python process that starts as a `script:` job does
(Snakemake's preamble) and imports what the rule's script imports, with no work.

    python bench/startup.py [--runs 7] [--before REV]

One row per script in scripts/: the median wall time over the runs, and which heavy libraries
the imports alone load. A library imported inside the work (a method's, UMAP's, the ARI's) is
work and not counted. With --before, the same is measured on a checkout of REV (a git
worktree, removed afterwards) and shown beside. Writes its section of bench/RESULTS.md.
"""

import argparse
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
PREAMBLE = (
    "import pickle; from snakemake.logging import logger; "
    "from snakemake.iocontainers import Snakemake"
)
HEAVY = ("sklearn", "scipy", "pandas", "matplotlib", "umap", "numba", "pyarrow", "jinja2", "plotly")
REPORT = "import sys; print(' '.join(m for m in {heavy} if m in sys.modules))"


def imports_of(script: Path) -> str:
    lines = re.findall(r"^from digit_clustering\S* import .+$", script.read_text(), re.M)
    return "; ".join(lines)


def start_up(code: str, runs: int, checkout: Path) -> tuple[float, str]:
    """Median seconds of `code` in a new process importing the package of `checkout`."""
    environment = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONSAFEPATH": "1"}
    seconds, loaded = [], ""
    for _ in range(runs + 1):  # the first run warms the file cache and is not counted
        began = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        )
        seconds.append(time.perf_counter() - began)
        loaded = result.stdout.strip()
    return statistics.median(seconds[1:]), loaded


def measure(checkout: Path, runs: int) -> dict[str, tuple[float, str]]:
    return {
        script.stem: start_up(
            f"{PREAMBLE}; {imports_of(script)}; {REPORT.format(heavy=HEAVY)}", runs, checkout
        )
        for script in sorted((checkout / "scripts").glob("*.py"))
    }


def measure_before(revision: str, runs: int) -> dict[str, tuple[float, str]]:
    with tempfile.TemporaryDirectory() as scratch:
        checkout = Path(scratch) / "before"
        git = ["git", "-C", str(REPOSITORY), "worktree"]
        subprocess.run([*git, "add", "--detach", str(checkout), revision], check=True)
        try:
            return measure(checkout, runs)
        finally:
            subprocess.run([*git, "remove", "--force", str(checkout)], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", help="a git revision to measure beside the working tree")
    arguments = parser.parse_args()
    before = measure_before(arguments.before, arguments.runs) if arguments.before else {}
    after = measure(REPOSITORY, arguments.runs)
    bare, _ = start_up("pass", arguments.runs, REPOSITORY)
    preamble, _ = start_up(PREAMBLE, arguments.runs, REPOSITORY)
    head = "| script | start-up (s) | heavy libraries its imports load |"
    if before:
        head = f"| script | before {arguments.before} (s) | now (s) | loaded before | loaded now |"
    rows = []
    for script, (seconds, loaded) in after.items():
        if before:
            old_seconds, old_loaded = before.get(script, (float("nan"), "(no such script)"))
            rows.append(
                f"| {script} | {old_seconds:.2f} | {seconds:.2f} | {old_loaded or '-'} "
                f"| {loaded or '-'} |"
            )
        else:
            rows.append(f"| {script} | {seconds:.2f} | {loaded or '-'} |")
    replace_section(
        "## Job start-up per rule",
        [
            "## Job start-up per rule (`python bench/startup.py`)",
            "",
            "A Python process that starts as a `script:` job and imports what the rule's script "
            f"imports, no work; median of {arguments.runs} runs after one warm-up, two cores. "
            f"For reference: `python -c pass` {bare:.2f} s; Snakemake's script preamble alone "
            f"{preamble:.2f} s.",
            "",
            head,
            "|" + "---|" * (head.count("|") - 1),
            *rows,
        ],
    )


if __name__ == "__main__":
    main()
