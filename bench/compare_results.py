"""Whether two builds of a study give the same numbers: every table under results/ compared
by content (Parquet by its rows, CSV by its cells), the rest byte for byte.

    python bench/compare_results.py STUDY_A STUDY_B [--dataset digits]

Prints each file that differs and, for numeric columns, the largest difference; exits 1 if any
differs. Figures (PNG, HTML) are left out: they carry no number a table does not.
"""

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

TABLES = {".parquet": pd.read_parquet, ".csv": pd.read_csv}
SKIPPED = {".png", ".html", ".js", ".log"}


def differences(first: Path, second: Path) -> str | None:
    """How the two files differ, or None when they hold the same content."""
    read = TABLES.get(first.suffix)
    if read is None:
        return None if first.read_bytes() == second.read_bytes() else "bytes differ"
    a, b = read(first), read(second)
    if list(a.columns) != list(b.columns) or len(a) != len(b):
        return f"shape or columns differ: {a.shape} {b.shape}"
    notes = []
    for column in a.columns:
        x, y = a[column], b[column]
        if x.equals(y):
            continue
        if pd.api.types.is_numeric_dtype(x) and pd.api.types.is_numeric_dtype(y):
            gap = np.nanmax(np.abs(x.to_numpy(float) - y.to_numpy(float)))
            scale = np.nanmax(np.abs(x.to_numpy(float)))
            notes.append(f"{column}: max |diff| {gap:.3g} (max |value| {scale:.3g})")
        else:
            notes.append(f"{column}: values differ")
    return "; ".join(notes) or None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--dataset", default="digits")
    arguments = parser.parse_args()
    root_a = arguments.first / "results" / arguments.dataset
    root_b = arguments.second / "results" / arguments.dataset
    files_a = {p.relative_to(root_a) for p in root_a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(root_b) for p in root_b.rglob("*") if p.is_file()}
    found = 0
    for missing in sorted(files_a ^ files_b):
        print(f"only in one: {missing}")
        found += 1
    compared = 0
    for relative in sorted(files_a & files_b):
        if relative.suffix in SKIPPED:
            continue
        compared += 1
        note = differences(root_a / relative, root_b / relative)
        if note:
            print(f"{relative}: {note}")
            found += 1
    print(f"{compared} files compared, {found} differ")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
