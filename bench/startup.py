"""What a job costs before it computes: a Python process that starts as a `script:` job does
(Snakemake's preamble) and imports what the rule's script imports, with no work.

    python bench/startup.py [--runs 7]

One row per script in scripts/: the median wall time over the runs, and which heavy libraries
the imports alone load. A method's or UMAP's own library, imported inside the fit, is work
and not counted. Writes its section of bench/RESULTS.md.
"""

import argparse
import re
import statistics
import subprocess
import sys
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


def start_up(code: str, runs: int) -> tuple[float, str]:
    seconds, loaded = [], ""
    for _ in range(runs + 1):  # the first run warms the file cache and is not counted
        began = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        seconds.append(time.perf_counter() - began)
        loaded = result.stdout.strip()
    return statistics.median(seconds[1:]), loaded


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    rows = []
    bare, _ = start_up("pass", runs)
    preamble, _ = start_up(PREAMBLE, runs)
    for script in sorted((REPOSITORY / "scripts").glob("*.py")):
        code = f"{PREAMBLE}; {imports_of(script)}; {REPORT.format(heavy=HEAVY)}"
        median, loaded = start_up(code, runs)
        rows.append(f"| {script.stem} | {median:.2f} | {loaded or '-'} |")
    replace_section(
        "## Job start-up per rule",
        [
            "## Job start-up per rule (`python bench/startup.py`)",
            "",
            f"A Python process that starts as a `script:` job and imports what the rule's script "
            f"imports, no work; median of {runs} runs after one warm-up, two cores. For "
            f"reference: `python -c pass` {bare:.2f} s; Snakemake's script preamble alone "
            f"{preamble:.2f} s.",
            "",
            "| script | start-up (s) | heavy libraries its imports load |",
            "|---|---|---|",
            *rows,
        ],
    )


if __name__ == "__main__":
    main()
