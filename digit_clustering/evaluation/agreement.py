"""How much runs agree: the ARI between every pair of runs on the same points, and the
stability of runs repeated over seeds (seed notebook 001's (c) and (g))."""

import itertools

import numpy as np
import pandas as pd
import pyarrow as pa

from digit_clustering.evaluation.information import adjusted_rand
from digit_clustering.settings.codec import without_seed
from digit_clustering.tables import read_clusters, read_parquet, write_parquet


def ari_matrix(labelings: list[np.ndarray]) -> np.ndarray:
    """The symmetric matrix of ARI between every pair of labelings (noise is one more label)."""
    n = len(labelings)
    matrix = np.eye(n)
    for first, second in itertools.combinations(range(n), 2):
        matrix[first, second] = matrix[second, first] = adjusted_rand(
            labelings[first], labelings[second]
        )
    return matrix


def agreement_table(runs: list[str], matrix: np.ndarray) -> pd.DataFrame:
    """The matrix as rows of (run, other, ari), every ordered pair."""
    first, second = np.meshgrid(np.arange(len(runs)), np.arange(len(runs)), indexing="ij")
    names = np.asarray(runs, dtype=object)
    return pd.DataFrame(
        {"run": names[first.ravel()], "other": names[second.ravel()], "ari": matrix.ravel()}
    )


def stability(metrics: pd.DataFrame, agreement: pd.DataFrame) -> pd.DataFrame:
    """For each setting run with two or more seeds: how many seeds, the mean and spread of
    their ARI against the true labels, and the mean and lowest ARI between two of them."""
    settings = metrics.assign(setting=metrics["run"].map(without_seed)).dropna(subset=["setting"])
    rows = []
    for setting, group in settings.groupby("setting", sort=True):
        if len(group) < 2:
            continue
        runs = set(group["run"])
        pairs = agreement[
            agreement["run"].isin(runs)
            & agreement["other"].isin(runs)
            & (agreement["run"] < agreement["other"])
        ]
        rows.append(
            {
                "setting": setting,
                "seeds": len(group),
                "ari_mean": group["ari"].mean(),
                "ari_std": group["ari"].std(ddof=1),
                "accuracy_mean": group["accuracy"].mean(),
                "accuracy_std": group["accuracy"].std(ddof=1),
                "pairwise_ari_mean": pairs["ari"].mean() if len(pairs) else np.nan,
                "pairwise_ari_min": pairs["ari"].min() if len(pairs) else np.nan,
            }
        )
    return pd.DataFrame(rows)


def agreement_step(runs: list[str], labels_paths: list[str], output: str):
    """The ARI between every pair of runs on the same points, as a table."""
    first = read_parquet(labels_paths[0], columns=["id"]).column("id").to_numpy()
    labelings = [read_clusters(path, first) for path in labels_paths]
    table = agreement_table(runs, ari_matrix(labelings))
    write_parquet(pa.Table.from_pandas(table, preserve_index=False), output)
