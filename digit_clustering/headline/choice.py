"""The run the report opens with, and the digits it mistakes for one another.

Clusters are matched one-to-one to digits as the accuracy matches them (Hungarian), so every
point gets the digit its cluster stands for; a point in an unmatched cluster, or in noise,
gets none (-1). The pairs of digits most often taken for each other are then counted both
ways: 4 taken for 9 and 9 taken for 4 are one confusion.
"""

import numpy as np
import pandas as pd

from digit_clustering.evaluation.contingency import one_to_one

UNMATCHED = -1


def most_accurate_run(metrics: pd.DataFrame, space: str) -> str:
    """The most accurate run in `space`; the first in the table among equals."""
    runs = metrics[metrics["space"] == space]
    if runs.empty:
        raise ValueError(f"no run in space {space!r} to lead the report with")
    return runs.loc[runs["accuracy"].idxmax(), "run"]


def matched_digits(truth: np.ndarray, clusters: np.ndarray) -> np.ndarray:
    """Each point's digit under the one-to-one matching of clusters to digits (-1: none)."""
    predicted = np.full(len(clusters), UNMATCHED, dtype=np.int64)
    for cluster, digit in one_to_one(truth, clusters)[0].items():
        predicted[clusters == cluster] = digit
    return predicted


def confused_pairs(truth: np.ndarray, predicted: np.ndarray, top: int = 3) -> pd.DataFrame:
    """The `top` pairs of digits most often taken for each other, most confused first.

    Columns: ``first``, ``second`` (first < second), ``first_as_second``, ``second_as_first``
    and ``mistakes``, their sum. Pairs never confused are left out."""
    digits = np.unique(truth)
    counts = pd.crosstab(truth, predicted).reindex(index=digits, columns=digits, fill_value=0)
    rows = []
    for i, first in enumerate(digits):
        for second in digits[i + 1 :]:
            forward, backward = counts.at[first, second], counts.at[second, first]
            if forward + backward:
                rows.append((first, second, forward, backward, forward + backward))
    pairs = pd.DataFrame(
        rows, columns=["first", "second", "first_as_second", "second_as_first", "mistakes"]
    )
    ordered = pairs.sort_values(["mistakes", "first", "second"], ascending=[False, True, True])
    return ordered.head(top).reset_index(drop=True).astype("int64")
