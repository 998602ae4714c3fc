"""The best run of each method on each dataset, from the studies' own results.

    python bench/every_dataset.py DIR [DIR ...]

Each DIR is a working directory where a study ran (`snakemake --cores 2 --config
dataset=<name>`); every per-run `metrics.parquet` under its `results/` is read, so a study run
for a few targets counts too. Agglomerative runs are told apart by their linkage. Writes the
accuracy of the most accurate run of each method per dataset, with its run, to bench/RESULTS.md.
"""

import argparse
from pathlib import Path

import pandas as pd
from results_md import replace_section


def method_label(row: pd.Series) -> str:
    if row["method"] == "agglomerative":
        return f"agglomerative ({row['param_linkage']})"
    return f"{row['method']} ({'UMAP' if row['space'].startswith('umap') else 'no UMAP'})"


def per_run_metrics(directory: Path) -> pd.DataFrame:
    tables = []
    for path in sorted(directory.glob("results/*/runs/**/metrics.parquet")):
        table = pd.read_parquet(path)
        table["dataset"] = path.relative_to(directory).parts[1]
        tables.append(table)
    return pd.concat(tables, ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directories", type=Path, nargs="+")
    arguments = parser.parse_args()
    metrics = pd.concat([per_run_metrics(d) for d in arguments.directories], ignore_index=True)
    metrics["label"] = metrics.apply(method_label, axis=1)
    best = metrics.loc[metrics.groupby(["dataset", "label"])["accuracy"].idxmax()]
    counts = ", ".join(f"{d} {n}" for d, n in metrics["dataset"].value_counts().items())
    lines = [
        "## Every dataset: the most accurate run of each method",
        "",
        "Written by `python bench/every_dataset.py DIR ...` from the per-run metrics of studies "
        "run with `snakemake --cores 2 --config dataset=<name>` (the shipped config). "
        f"Runs read: {counts}.",
        "",
        "| dataset | method | accuracy | ARI | NMI | clusters | noise | run |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for _, row in best.sort_values(["dataset", "label"]).iterrows():
        lines.append(
            f"| {row['dataset']} | {row['label']} | {row['accuracy']:.4f} | {row['ari']:.4f} "
            f"| {row['nmi']:.4f} | {row['n_clusters']} | {row['noise_fraction']:.3f} "
            f"| {row['run']} |"
        )
    replace_section("## Every dataset", lines)


if __name__ == "__main__":
    main()
