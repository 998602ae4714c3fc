"""Time the report of a built study: every figure job and the page, redrawn from cached results.

    python bench/report_build.py [--directory DIR] [snakemake arguments...]

DIR (default: the repository) must hold a study whose clustering and metrics are built
(`snakemake --cores 2` once). Every figure rule and the report are forced to run again with
`--cores 2`; the wall time, each job's time and peak RSS (from the line every job's log ends
with) and the page's size go to bench/RESULTS.md. Not run by CI.
"""

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

from results_md import replace_section

REPOSITORY = Path(__file__).resolve().parent.parent
FIGURE_RULES = [
    "run_figures",
    "iterations",
    "dendrogram",
    "neighbours_figure",
    "agreement",
    "report",
]
FIGURE_LOGS = ("figures.log", "iterations.log", "dendrogram.log", "-figure.log", "report.log")
DONE = re.compile(r"done in ([\d.]+) s on \d+ thread\(s\); peak RSS (\d+) MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--directory", type=Path, default=REPOSITORY)
    arguments, extra = parser.parse_known_args()
    command = [
        sys.executable,
        "-m",
        "snakemake",
        "--snakefile",
        str(REPOSITORY / "Snakefile"),
        "--directory",
        str(arguments.directory),
        "--cores",
        "2",
        "--forcerun",
        *FIGURE_RULES,
        *extra,
    ]
    started = time.time()
    wall_started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - wall_started
    jobs = [
        (log, float(match.group(1)), int(match.group(2)))
        for log in (arguments.directory / "logs").rglob("*.log")
        if log.stat().st_mtime >= started
        and (log.name.endswith(FIGURE_LOGS) or "agreement" in log.parts)
        and (match := DONE.search(log.read_text()))
    ]
    pages = [
        page
        for page in (arguments.directory / "results").glob("*/report/index.html")
        if page.stat().st_mtime >= started
    ]
    write_results(wall, jobs, pages, " ".join(extra))


def write_results(wall: float, jobs: list, pages: list[Path], extra: str) -> None:
    by_kind = {}
    for log, seconds, peak in jobs:
        kind = log.name.removesuffix(".log").split("-")[-1]
        kind = "agreement" if "agreement" in log.parts else kind
        count, total, worst, peak_mb = by_kind.get(kind, (0, 0.0, 0.0, 0))
        by_kind[kind] = (count + 1, total + seconds, max(worst, seconds), max(peak_mb, peak))
    lines = [
        "## Report build (every figure and the page, from cached results), `--cores 2`",
        "",
        f"`python bench/report_build.py {extra}`".replace(" `", "`"),
        "",
        f"Wall time: **{wall:.1f} s** for {len(jobs)} jobs; the page is "
        + ", ".join(f"{page.stat().st_size / 2**20:.1f} MB" for page in pages)
        + ".",
        "",
        "| figure job | jobs | total s | slowest s | peak RSS MB |",
        "|---|---|---|---|---|",
    ]
    for kind, (count, total, worst, peak_mb) in sorted(by_kind.items()):
        lines.append(f"| {kind} | {count} | {total:.1f} | {worst:.2f} | {peak_mb} |")
    replace_section("## Report build", lines)


if __name__ == "__main__":
    main()
