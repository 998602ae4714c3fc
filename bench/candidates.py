"""Faster libraries considered for single linkage and HDBSCAN, on MNIST's PCA-50, against the
ones the methods use. Needs `pip install fast_hdbscan` (not a dependency of the project).

    python bench/candidates.py [--mnist DIR]

Single linkage: fast_hdbscan's Borůvka minimum spanning tree (min_samples=1, exact) against
fastcluster's `linkage_vector`, on the first 1,797 and 10,000 points. HDBSCAN
(min_cluster_size 500, min_samples 10, the default study's run): fast_hdbscan against the
`hdbscan` package on all 70,000 points, with the ARI between them and both noise fractions.
Each candidate runs twice in one process and the second time is kept, so numba's compiling is
not counted. Writes its section of bench/RESULTS.md.
"""

import argparse
import gzip
import time
from pathlib import Path

import numpy as np
from results_md import replace_section

REPOSITORY = Path(__file__).resolve().parent.parent


def mnist_pca50(directory: Path) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.decomposition import PCA

    def read(stem: str, offset: int) -> np.ndarray:
        with gzip.open(directory / f"{stem}.gz", "rb") as handle:
            return np.frombuffer(handle.read(), np.uint8, offset=offset)

    images = [read(f"{split}-images-idx3-ubyte", 16) for split in ("train", "t10k")]
    labels = [read(f"{split}-labels-idx1-ubyte", 8) for split in ("train", "t10k")]
    x = np.concatenate(images).reshape(-1, 784).astype(np.float32) / 255
    return PCA(n_components=50, random_state=0).fit_transform(x), np.concatenate(labels)


def timed(function, *arguments, repeats: int = 1):
    for _ in range(repeats):
        began = time.perf_counter()
        result = function(*arguments)
        seconds = time.perf_counter() - began
    return result, seconds


def boruvka_tree(x: np.ndarray) -> np.ndarray:
    import numba
    from fast_hdbscan.boruvka import parallel_boruvka
    from fast_hdbscan.numba_kdtree import build_kdtree

    edges, _, _ = parallel_boruvka(
        build_kdtree(x),
        numba.get_num_threads(),
        min_samples=1,
        sample_weights=np.empty(1, np.float32),
        reproducible=True,
    )
    return edges


def single_linkage_rows(x: np.ndarray) -> list[str]:
    import fastcluster

    rows = []
    for n in (1797, 10000):
        points = np.ascontiguousarray(x[:n], dtype=np.float64)
        edges, boruvka_s = timed(boruvka_tree, points, repeats=2)
        tree, fastcluster_s = timed(fastcluster.linkage_vector, points, "single")
        gap = np.abs(np.sort(edges[:, 2]) - np.sort(tree[:, 2])).max()
        rows.append(f"| {n:,} | {boruvka_s:.1f} | {fastcluster_s:.1f} | {gap:.1e} |")
    return rows


def hdbscan_rows(x: np.ndarray) -> list[str]:
    import fast_hdbscan
    import hdbscan
    from sklearn.metrics import adjusted_rand_score

    settings = {"min_cluster_size": 500, "min_samples": 10}
    fast, fast_s = timed(
        lambda: fast_hdbscan.HDBSCAN(**settings).fit_predict(x.astype(np.float32)), repeats=2
    )
    package, package_s = timed(
        lambda: hdbscan.HDBSCAN(**settings).fit_predict(x.astype(np.float64))
    )
    agreement = adjusted_rand_score(package, fast)
    return [
        f"| hdbscan (package) | {package_s:.0f} | {package.max() + 1} "
        f"| {np.mean(package == -1):.3f} | |",
        f"| fast_hdbscan | {fast_s:.0f} | {fast.max() + 1} | {np.mean(fast == -1):.3f} "
        f"| {agreement:.3f} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mnist", type=Path, default=REPOSITORY.parent / "shared/data/mnist")
    x, _ = mnist_pca50(parser.parse_args().mnist)
    replace_section(
        "## Candidates for single linkage and HDBSCAN",
        [
            "## Candidates for single linkage and HDBSCAN (`python bench/candidates.py`)",
            "",
            "Single linkage of the first n PCA-50 points, seconds (two cores):",
            "",
            "| n | fast_hdbscan Borůvka | fastcluster | largest gap in merge heights |",
            "|---:|---:|---:|---:|",
            *single_linkage_rows(x),
            "",
            "HDBSCAN of all 70,000 PCA-50 points (min_cluster_size 500, min_samples 10):",
            "",
            "| library | seconds | clusters | noise fraction | ARI with the package |",
            "|---|---:|---:|---:|---:|",
            *hdbscan_rows(x),
        ],
    )


if __name__ == "__main__":
    main()
