"""bench/RESULTS.md: each benchmark script owns one section and rewrites only that one."""

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = (
    "# Benchmarks\n\nWritten by the scripts in bench/ on a machine with two cores and 24 GB; "
    "each section says which script wrote it.\n"
)


def replace_section(heading_start: str, lines: list[str]) -> None:
    """Replace the section whose heading begins with `heading_start` by `lines` (appended
    when there is none yet), and print it."""
    kept = RESULTS.read_text() if RESULTS.exists() else HEADER
    pattern = rf"{re.escape(heading_start)}.*?(?=\n## |\Z)"
    kept = re.sub(pattern, "", kept, flags=re.DOTALL).rstrip()
    RESULTS.write_text(kept + "\n\n" + "\n".join(lines) + "\n")
    print("\n".join(lines))
