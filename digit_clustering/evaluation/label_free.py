"""Which run a user without labels would keep, next to the one the labels would keep.

Runs of one method, space and k that differ only in seed or initialisation are compared by the
fit's own score (`Method.criterion`: inertia for k-means, likelihood for a mixture), which
needs no labels. The labels then say how good that choice was, and how many of the runs came
within `NEAR_BEST` of the best accuracy: how often a run of the setting finds the good solution,
whichever run the criterion keeps (on another CPU its scores, and so its choice, can differ).
"""

import pandas as pd

from digit_clustering.methods.registry import METHODS

NEAR_BEST = 0.01  # accuracy within this of the best run's counts as finding its solution


def label_free_choices(metrics: pd.DataFrame) -> pd.DataFrame:
    """One row per method, space and k run at least twice: the run its criterion keeps and the
    most accurate run, with their accuracies, and how many runs came near the best."""
    rows = []
    if "param_k" not in metrics:
        return pd.DataFrame(rows)
    for (method, space, k), group in metrics.groupby(["method", "space", "param_k"], sort=False):
        criterion = METHODS[method].criterion
        if criterion is None or len(group) < 2:
            continue
        scores = group.get(f"fit_{criterion.detail}")
        if scores is None or scores.isna().any():
            continue
        kept = scores.idxmin() if criterion.best == "min" else scores.idxmax()
        best = group["accuracy"].idxmax()
        rows.append(
            {
                "setting": f"{method} / {space} / k = {int(k)}",
                "runs": len(group),
                "criterion": criterion.label,
                "kept": group.loc[kept, "run"],
                "kept_accuracy": group.loc[kept, "accuracy"],
                "best": group.loc[best, "run"],
                "best_accuracy": group.loc[best, "accuracy"],
                "near_best": int(
                    (group["accuracy"] >= group.loc[best, "accuracy"] - NEAR_BEST).sum()
                ),
            }
        )
    return pd.DataFrame(rows)
