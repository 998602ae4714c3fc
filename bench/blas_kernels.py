"""How far the manifold path's results move when the same CPU runs another machine's kernels.

    python bench/blas_kernels.py [--mnist DIR]

Two machines with the same config and library versions can differ in the last bits of PCA and
of UMAP's layout, and from there in the clusters: OpenBLAS picks its kernel by CPU (or by
`OPENBLAS_CORETYPE`), and numba compiles UMAP's code for the CPU it runs on (or for
`NUMBA_CPU_NAME`). This runs the default study's headline path on all 70,000 images (deskew,
scale, PCA-50, a seeded UMAP-10, then the headline mixture, k = 10 and n_init 10, and the four
single-initialisation mixtures, seeds 1-4) under each of `variants()`, each in a fresh
process (both libraries read their variable when they load), and threadpoolctl reports which
OpenBLAS kernel really ran. Each variant is compared with this CPU's own choice run by run: the
ARI between the labelings, the difference in accuracy, and which seed the label-free choice
(highest likelihood) keeps. Writes bench/RESULTS.md's section; tests and workflow runs leave
both libraries' own choices alone.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from results_md import replace_section

REPOSITORY = Path(__file__).resolve().parent.parent
UMAP = {"n_neighbors": 15, "n_components": 10, "min_dist": 0.0, "metric": "euclidean", "seed": 0}
HEADLINE = {"k": 10, "covariance_type": "full", "n_init": 10, "max_iter": 100, "seed": 0}
SINGLE_SEEDS = (1, 2, 3, 4)


def variants() -> dict[str, dict[str, str]]:
    """Each variant's environment: this CPU's own choices, another OpenBLAS kernel alone, and
    both libraries as on an AVX2 machine without AVX-512 (numba compiles for the CPU name and
    feature list it is given, this CPU's features less every AVX-512 one)."""
    from llvmlite import binding

    features = binding.get_host_cpu_features().flatten()
    avx2_only = ",".join(
        "-" + feature[1:] if feature.startswith("+avx512") else feature
        for feature in features.split(",")
    )
    return {
        "this CPU's own": {},
        "OpenBLAS Haswell": {"OPENBLAS_CORETYPE": "Haswell"},
        "OpenBLAS Haswell, numba for AVX2": {
            "OPENBLAS_CORETYPE": "Haswell",
            "NUMBA_CPU_NAME": "haswell",
            "NUMBA_CPU_FEATURES": avx2_only,
        },
    }


def run_path(mnist: Path, output: Path) -> None:
    """The path under whatever kernel this process's OpenBLAS chose; labels to `output`."""
    from threadpoolctl import threadpool_info

    from digit_clustering.data.sources import from_idx_directory
    from digit_clustering.features.pca import pca
    from digit_clustering.features.umap import umap_embedding
    from digit_clustering.methods.fitting import fit
    from digit_clustering.prepare.deskew import deskew
    from digit_clustering.prepare.scaling import scale

    points = scale(deskew(from_idx_directory(mnist)), "max")
    reduced = pca(points, 50, False, 0)[0]
    embedded = umap_embedding(reduced, UMAP, threads=1)
    runs = {"headline": HEADLINE} | {
        f"seed {seed}": {**HEADLINE, "n_init": 1, "seed": seed} for seed in SINGLE_SEEDS
    }
    fitted = {name: fit("gmm", embedded.x, params) for name, params in runs.items()}
    kernels = sorted(
        {info["architecture"] for info in threadpool_info() if info["internal_api"] == "openblas"}
    )
    np.savez(
        output,
        kernels=np.array(kernels),
        truth=points.labels,
        pca=reduced.x,
        embedding=embedded.x,
        names=np.array(list(fitted)),
        labels=np.stack([result.labels for result in fitted.values()]),
        likelihood=np.array([result.details["log_likelihood"] for result in fitted.values()]),
    )


def under(variables: dict, mnist: Path, output: Path) -> dict:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("OPENBLAS_CORETYPE", "NUMBA_CPU_NAME", "NUMBA_CPU_FEATURES")
    }
    subprocess.run(
        [sys.executable, __file__, "--mnist", str(mnist), "--one", str(output)],
        env=environment | variables,
        check=True,
    )
    with np.load(output) as saved:
        return {key: saved[key] for key in saved.files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mnist", type=Path, default=REPOSITORY.parent / "shared/data/mnist")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        run_path(arguments.mnist, arguments.one)
        return

    from sklearn.metrics import adjusted_rand_score

    from digit_clustering.evaluation.metrics import hungarian_accuracy

    environments = variants()
    with tempfile.TemporaryDirectory() as directory:
        results = {
            name: under(variables, arguments.mnist, Path(directory) / f"{i}.npz")
            for i, (name, variables) in enumerate(environments.items())
        }
    own_name, own = next(iter(results.items()))
    truth = own["truth"]
    singles = [row for row, name in enumerate(own["names"]) if name != "headline"]
    lines = [
        "## Other machines' kernels: how far results move on one CPU (70,000 images, 2 cores)",
        "",
        "Written by `python bench/blas_kernels.py`. The headline path (deskew, PCA-50, UMAP-10 "
        "seed 0 on one thread, Gaussian mixtures) run under each variant in a fresh process; "
        "each is compared with this CPU's own choices (OpenBLAS "
        f"{', '.join(own['kernels'])}, numba compiled for this CPU).",
        "",
        "The numba variant also sets `NUMBA_CPU_FEATURES` to this CPU's features with every "
        "AVX-512 one turned off.",
        "",
        "| variant | environment | OpenBLAS ran | largest PCA-50 difference | largest UMAP-10 "
        "difference | mixture | ACC | ACC difference | ARI with this CPU's own | kept without "
        "labels |",
        "|---|---|---|---:|---:|---|---:|---:|---:|---|",
    ]
    for name, result in results.items():
        shown = {k: v for k, v in environments[name].items() if k != "NUMBA_CPU_FEATURES"}
        variables = " ".join(f"{k}={v}" for k, v in shown.items()) or "(none)"
        kept = result["names"][singles[int(np.argmax(result["likelihood"][singles]))]]
        for row, mixture in enumerate(result["names"]):
            labels, own_labels = result["labels"][row], own["labels"][row]
            accuracy = hungarian_accuracy(truth, labels)
            difference = accuracy - hungarian_accuracy(truth, own_labels)
            lines.append(
                f"| {name} | {variables} | {', '.join(result['kernels'])} "
                f"| {np.abs(result['pca'] - own['pca']).max():.2e} "
                f"| {np.abs(result['embedding'] - own['embedding']).max():.3g} "
                f"| {mixture} | {accuracy:.4f} | {difference:+.4f} "
                f"| {adjusted_rand_score(own_labels, labels):.4f} | {kept} |"
            )
    print(f"compared with {own_name}")
    replace_section("## Other machines' kernels", lines)


if __name__ == "__main__":
    main()
